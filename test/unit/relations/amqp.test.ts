import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { amqp } from '../../../src/relations/amqp.js';
import type { ReadEnv } from '../../../src/relations/types.js';
import { relation, snapshot } from '../../fixtures/snapshot.js';

const env: ReadEnv = { unitName: 'glance/0', appName: 'glance', config: parseConfig({}).config, release: 'caracal', memory: {}, host: snapshot().host };
const rel = (units: Record<string, Record<string, string>>) => [relation('amqp', 5, 'rabbitmq-server', units)];

describe('amqp relation', () => {
  it('is absent when unrelated and incomplete until the password arrives', () => {
    expect(amqp.read([], env)).toEqual({ state: 'absent' });
    expect(amqp.read(rel({ 'rabbitmq-server/0': { 'private-address': '10.0.0.20' } }), env).state).toBe('incomplete');
  });
  it('builds the transport URL of one unit (golden caracal-full)', () => {
    const r = amqp.read(rel({ 'rabbitmq-server/0': { 'private-address': '10.0.0.20', password: 'RMQPASS' } }), env);
    expect(r).toMatchObject({ state: 'ready', context: { transportUrl: 'rabbit://glance:RMQPASS@10.0.0.20:5672/openstack', ssl: false, haQueues: false } });
  });
  it('lists every unit with a password, sorted, on the ssl port', () => {
    const r = amqp.read(
      rel({
        'rabbitmq-server/1': { 'private-address': '10.0.0.22', password: 'P', ssl_port: '5671', ha_queues: 'True' },
        'rabbitmq-server/0': { 'private-address': '10.0.0.21', password: 'P', ssl_port: '5671' },
        'rabbitmq-server/2': { 'private-address': '10.0.0.23' },
      }),
      env,
    );
    expect(r).toMatchObject({
      state: 'ready',
      context: { transportUrl: 'rabbit://glance:P@10.0.0.21:5671,glance:P@10.0.0.22:5671/openstack', ssl: true, haQueues: true },
    });
  });
  it('uses the VIP of a clustered rabbit and writes its CA', () => {
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nX\n-----END CERTIFICATE-----\n').toString('base64');
    const r = amqp.read(
      rel({
        'rabbitmq-server/0': { 'private-address': '10.0.0.21', password: 'P', clustered: 'yes', vip: '10.0.0.99', ssl_ca: ca },
        'rabbitmq-server/1': { 'private-address': '10.0.0.22', password: 'P', clustered: 'yes', vip: '10.0.0.99' },
      }),
      env,
    );
    expect(r).toMatchObject({ state: 'ready', context: { transportUrl: 'rabbit://glance:P@10.0.0.99:5672/openstack', sslCaFile: '/etc/glance/rabbit-client-ca.pem' } });
  });
  it('publishes the user and vhost from config', () => {
    expect(amqp.publish?.(relation('amqp', 5, 'r'), { ...env, config: parseConfig({ 'rabbit-user': 'g2', 'rabbit-vhost': 'v' }).config } as never, {})).toEqual({ username: 'g2', vhost: 'v' });
  });
});
