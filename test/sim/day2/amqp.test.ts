/**
 * `juju integrate glance rabbitmq-server` through the built charm: glance asks for its user and
 * vhost, waits (`Incomplete relations: messaging`) until the password arrives, then sends
 * notifications (messagingv2) to one, then three rabbit units, then to a clustered rabbit's VIP,
 * over TLS with the CA rabbit hands over.
 */
import { parse } from 'ini';
import { afterAll, describe, expect, it } from 'vitest';
import { deployLocalStorage, serviceActions } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const SLOW = 600_000;
const CA = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2\n-----END CERTIFICATE-----\n';

describe('amqp: notifications over RabbitMQ', () => {
  const sim = newInProcessSim();
  afterAll(() => sim.dispose());
  let rid = 0;
  const conf = () => parse(sim.readFile('glance/0', '/etc/glance/glance-api.conf') ?? '');
  const rabbit = (n: number) => sim.relation(rid).remoteUnits[`rabbitmq-server/${n}`]?.['private-address'] ?? '';

  it('asks for its user and vhost and waits for the password', async () => {
    await deployLocalStorage(sim);
    const amqp = await sim.integrate('amqp', 'rabbitmq-server', { units: { 'rabbitmq-server/0': {} } });
    rid = amqp.relationId;
    expect(sim.published(rid, 'glance/0')).toMatchObject({ username: 'glance', vhost: 'openstack' });
    expect(sim.status('glance/0')).toMatchObject({ status: 'waiting', message: 'Incomplete relations: messaging' });
    expect(conf().oslo_messaging_notifications).toBeUndefined();
  }, SLOW);

  it('one unit: messagingv2 to that unit, glance-api restarted, Unit is ready', async () => {
    const results = await sim.setRemoteData(rid, { units: { 'rabbitmq-server/0': { password: 'RMQPASS' } } });
    expect(conf().oslo_messaging_notifications).toEqual({
      driver: 'messagingv2',
      transport_url: `rabbit://glance:RMQPASS@${rabbit(0)}:5672/openstack`,
    });
    expect(serviceActions(results)).toContain('restart glance-api');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);

  it('three units: every unit that has the password, sorted by address', async () => {
    await sim.addRemoteUnit(rid, 'rabbitmq-server/1', { password: 'RMQPASS', ha_queues: 'True' });
    await sim.addRemoteUnit(rid, 'rabbitmq-server/2', { password: 'RMQPASS' });
    const hosts = [rabbit(0), rabbit(1), rabbit(2)].sort().map((h) => `glance:RMQPASS@${h}:5672`);
    expect(conf().oslo_messaging_notifications?.transport_url).toBe(`rabbit://${hosts.join(',')}/openstack`);
    expect(conf().oslo_messaging_rabbit).toEqual({ rabbit_ha_queues: 'True' });
  }, SLOW);

  it('a clustered rabbit: its VIP only; with TLS on its ssl port and its CA written for glance', async () => {
    const clustered = { clustered: 'true', vip: '10.5.0.250' };
    await sim.setRemoteData(rid, {
      units: {
        'rabbitmq-server/0': { ...clustered, ssl_port: '5671', ssl_ca: Buffer.from(CA).toString('base64') },
        'rabbitmq-server/1': clustered,
        'rabbitmq-server/2': clustered,
      },
    });
    expect(conf().oslo_messaging_notifications?.transport_url).toBe('rabbit://glance:RMQPASS@10.5.0.250:5671/openstack');
    expect(conf().oslo_messaging_rabbit).toEqual({ rabbit_ha_queues: 'True', ssl: 'True', ssl_ca_file: '/etc/glance/rabbit-client-ca.pem' });
    expect(sim.readFile('glance/0', '/etc/glance/rabbit-client-ca.pem')).toBe(CA);
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);

  it('rabbit leaving: notifications stop and the CA goes, glance stays ready', async () => {
    await sim.removeRelation(rid);
    expect(conf().oslo_messaging_notifications).toBeUndefined();
    expect(sim.readFile('glance/0', '/etc/glance/rabbit-client-ca.pem')).toBeNull();
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);
});
