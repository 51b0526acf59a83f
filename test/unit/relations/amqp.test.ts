import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { amqp } from '../../../src/relations/amqp.js';
import type { ReadEnv } from '../../../src/relations/types.js';
import { publishEnv } from '../../fixtures/relation-env.js';
import { relation, snapshot } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

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

describe('amqp relation: the rest of the contract', () => {
  const CA_PEM = '-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n';
  const CA_B64 = Buffer.from(CA_PEM).toString('base64');
  const unit = (extra: Record<string, string> = {}) => ({ 'private-address': '10.0.0.20', password: 'RMQPASS', ...extra });
  const read = (units: Record<string, Record<string, string>>) => amqp.read(rel(units), env);

  it('reads the unit databags and is the optional messaging group', () => {
    expect(amqp.endpoint).toBe('amqp');
    expect(amqp.reads).toBe('units');
    expect(amqp.group).toEqual({ name: 'messaging', required: false });
    expect(amqp.completeWith).toBeUndefined();
    expect(amqp.ownBag).toBeUndefined();
    expect(amqp.binding).toBeUndefined();
    expect(amqp.teardown).toBeUndefined();
  });

  it('names password as missing until it arrives', () => {
    expect(amqp.read(rel({}), env)).toEqual({ state: 'incomplete', missing: ['password'] });
    expect(read({ 'rabbitmq-server/0': { 'private-address': '10.0.0.20' } })).toEqual({ state: 'incomplete', missing: ['password'] });
  });

  it('escapes the user and password in the URL and brackets an IPv6 host', () => {
    const r = amqp.read(rel({ 'rabbitmq-server/0': { 'private-address': 'fd00::20', password: 'p@ss/w:rd' } }), { ...env, config: parseConfig({ 'rabbit-user': 'glance' }).config });
    expect(r).toMatchObject({ state: 'ready', context: { transportUrl: 'rabbit://glance:p%40ss%2Fw%3Ard@[fd00::20]:5672/openstack' } });
  });

  it('lists every unit of a clustered rabbit that sets ha-vip-only (whatever its value), not the VIP', () => {
    const r = read({
      'rabbitmq-server/0': unit({ 'private-address': '10.0.0.21', clustered: 'yes', vip: '10.0.0.99', 'ha-vip-only': 'False' }),
      'rabbitmq-server/1': unit({ 'private-address': '10.0.0.22' }),
    });
    expect(r).toMatchObject({ context: { transportUrl: 'rabbit://glance:RMQPASS@10.0.0.21:5672,glance:RMQPASS@10.0.0.22:5672/openstack' } });
  });

  it('keeps waiting on TLS settings that do not parse (TLS is never quietly turned off)', () => {
    for (const port of ['0', '65536', 'abc', '5671\n']) expect(read({ 'rabbitmq-server/0': unit({ ssl_port: port }) }), port).toEqual({ state: 'incomplete', missing: ['ssl_port'] });
    for (const ca of ['not base64!', Buffer.from('plain text').toString('base64'), Buffer.from(`${CA_PEM}extra line`).toString('base64')]) {
      expect(read({ 'rabbitmq-server/0': unit({ ssl_ca: ca }) }), ca).toEqual({ state: 'incomplete', missing: ['ssl_ca'] });
    }
  });

  it('never builds a URL on a host that is not one, and never throws', () => {
    for (const host of ['10.0.0.20\n', '10.0.0.20/evil', 'a b', 'user@host', '']) {
      expect(read({ 'rabbitmq-server/0': unit({ 'private-address': host }) }), host).toEqual({ state: 'incomplete', missing: ['password'] });
    }
    // A bad VIP on a lone unit: nothing to connect to.
    expect(read({ 'rabbitmq-server/0': unit({ clustered: 'yes', vip: '10.0.0.99\n' }) })).toEqual({ state: 'incomplete', missing: ['password'] });
    // Several units: the bad address is left out.
    expect(read({ 'rabbitmq-server/0': unit({ 'private-address': 'bad host' }), 'rabbitmq-server/1': unit({ 'private-address': '10.0.0.22' }) })).toMatchObject({
      context: { transportUrl: 'rabbit://glance:RMQPASS@10.0.0.22:5672/openstack' },
    });
  });

  it('writes the CA rabbit sent, root:glance 0640, restarting glance-api; declares its path', () => {
    const r = read({ 'rabbitmq-server/0': unit({ ssl_port: '5671', ssl_ca: CA_B64 }) });
    if (r.state !== 'ready') throw new Error('not ready');
    expect(r.context).toMatchObject({ ssl: true, sslCaFile: '/etc/glance/rabbit-client-ca.pem', caPem: CA_PEM });
    expect(amqp.files?.(r.context, 'glance')).toEqual([
      { path: '/etc/glance/rabbit-client-ca.pem', content: CA_PEM, owner: { user: 'root', group: 'glance', mode: 0o640 }, services: ['glance-api'] },
    ]);
    const plain = read({ 'rabbitmq-server/0': unit() });
    if (plain.state !== 'ready') throw new Error('not ready');
    expect(plain.context.sslCaFile).toBeUndefined();
    expect(amqp.files?.(plain.context, 'glance')).toEqual([]);
    expect(amqp.paths?.('glance')).toEqual(['/etc/glance/rabbit-client-ca.pem']);
  });

  it('publishes the golden amqp_joined data', () => {
    expect(amqp.publish?.(relation('amqp', 5, 'r'), publishEnv(), {})).toEqual(referenceRelationData('amqp_joined'));
  });
});
