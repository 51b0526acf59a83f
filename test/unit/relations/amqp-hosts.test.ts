/** Which rabbit hosts the transport URL names (charmhelpers AMQPContext), edge cases of clustering. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { amqp } from '../../../src/relations/amqp.js';
import type { ReadEnv } from '../../../src/relations/types.js';
import { relation, snapshot } from '../../fixtures/snapshot.js';

const env: ReadEnv = { unitName: 'glance/0', appName: 'glance', config: parseConfig({}).config, release: 'caracal', memory: {}, host: snapshot().host };
const url = (units: Record<string, Record<string, string>>) => {
  const r = amqp.read([relation('amqp', 5, 'rabbitmq-server', units)], env);
  return r.state === 'ready' ? r.context.transportUrl : r.state;
};
const unit = (n: number, extra: Record<string, string> = {}) => ({ 'private-address': `10.0.0.2${n}`, password: 'P', ...extra });

describe('amqp transport hosts', () => {
  it('a clustered rabbit of one unit is reached on its VIP, ha-vip-only or not', () => {
    expect(url({ 'rabbitmq-server/0': unit(1, { clustered: 'yes', vip: '10.0.0.99' }) })).toBe('rabbit://glance:P@10.0.0.99:5672/openstack');
    expect(url({ 'rabbitmq-server/0': unit(1, { clustered: 'yes', vip: '10.0.0.99', 'ha-vip-only': 'True' }) })).toBe(
      'rabbit://glance:P@10.0.0.99:5672/openstack',
    );
  });

  it('several units with ha-vip-only are listed one by one, like an unclustered rabbit', () => {
    const vipOnly = { clustered: 'yes', vip: '10.0.0.99', 'ha-vip-only': 'True' };
    expect(url({ 'rabbitmq-server/1': unit(2, vipOnly), 'rabbitmq-server/0': unit(1, vipOnly) })).toBe(
      'rabbit://glance:P@10.0.0.21:5672,glance:P@10.0.0.22:5672/openstack',
    );
  });

  it('clustered without a VIP falls back to the unit addresses', () => {
    expect(url({ 'rabbitmq-server/0': unit(1, { clustered: 'yes' }) })).toBe('rabbit://glance:P@10.0.0.21:5672/openstack');
  });

  it('user names and passwords are escaped in the URL', () => {
    expect(url({ 'rabbitmq-server/0': unit(1, { password: 'p@ss/w:rd' }) })).toBe('rabbit://glance:p%40ss%2Fw%3Ard@10.0.0.21:5672/openstack');
  });
});
