/**
 * What keystone and nova are told before and after hacluster reports the cluster up: a unit with
 * a VIP configured registers nothing until clustered (LP #1544959), then every endpoint moves to
 * the VIP of its network; with DNS HA the host names are used.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { network } from '../../fixtures/snapshot.js';
import { haSnapshot } from './ha-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const sent = (s: Snapshot, id: string) =>
  ofKind(reconcile(s, { templates }), 'publish').find((r) => r.relationId === id)?.data;

describe('endpoints under hacluster', () => {
  it('keeps keystone waiting while the VIP is configured but the cluster is not up', () => {
    const s = haSnapshot({ hook: 'identity-service-relation-joined', config: { vip: '10.0.0.100' } });
    expect(sent(s, 'identity-service:2')).toBeUndefined();
    expect(sent(s, 'image-service:9')?.['glance-api-server']).toBe('http://10.0.0.50:9292');
  });

  it('leaves keystone the endpoints it has when a VIP is configured later, until the cluster is up', () => {
    const plain = haSnapshot({ related: false });
    const registered = foldPlan(plain, reconcile(plain, { templates }));
    expect(sent(plain, 'identity-service:2')?.public_url).toBe('http://10.0.0.50:9292');
    const s = { ...haSnapshot({ config: { vip: '10.0.0.100' } }), memory: registered.memory, host: registered.host };
    expect(sent(s, 'identity-service:2')).toBeUndefined();
  });

  it('re-publishes every endpoint with the VIP once hacluster reports clustered', () => {
    const before = haSnapshot({ config: { vip: '10.0.0.100' } });
    const settled = foldPlan(before, reconcile(before, { templates }));
    const clustered = haSnapshot({ hook: 'ha-relation-changed', config: { vip: '10.0.0.100' }, clustered: true });
    const s = { ...clustered, memory: settled.memory, host: settled.host };
    expect(sent(s, 'identity-service:2')).toEqual({
      service: 'glance',
      region: 'RegionOne',
      public_url: 'http://10.0.0.100:9292',
      internal_url: 'http://10.0.0.100:9292',
      admin_url: 'http://10.0.0.100:9292',
    });
    // The whole bag nova sees; apply() sends only what differs from what Juju holds (the server).
    expect(sent(s, 'image-service:9')).toEqual({ 'glance-api-ready': 'yes', 'glance-api-server': 'http://10.0.0.100:9292' });
  });

  it('picks the VIP of each endpoint network (spaces: public on its own subnet)', () => {
    const base = haSnapshot({ config: { vip: '10.0.0.100 172.16.0.100' }, clustered: true });
    const s: Snapshot = {
      ...base,
      networks: { ...base.networks, public: network('172.16.0.5', '172.16.0.0/16', 'ens4') },
      host: { ...base.host, addresses: [...base.host.addresses, { interfaceName: 'ens4', address: '172.16.0.5', prefixLength: 16, family: 'inet' }] },
    };
    const data = sent(s, 'identity-service:2');
    expect(data?.public_url).toBe('http://172.16.0.100:9292');
    expect(data?.internal_url).toBe('http://10.0.0.100:9292');
    expect(data?.admin_url).toBe('http://10.0.0.100:9292');
  });

  it('with DNS HA uses the host names and registers at once (no VIP to wait for)', () => {
    const s = haSnapshot({ config: { 'dns-ha': true, 'os-public-hostname': '{service_name}.example.com' } });
    const data = sent(s, 'identity-service:2');
    expect(data?.public_url).toBe('http://glance.example.com:9292');
    expect(data?.internal_url).toBe('http://10.0.0.50:9292');
    const resources = JSON.parse(sent(s, 'ha:5')?.json_resource_params ?? '{}');
    expect(resources.res_glance_public_hostname).toBe('params fqdn="glance.example.com" ip_address="10.0.0.50"');
  });

  it('leaves haproxy to pacemaker but still restarts it when its backends change', () => {
    const s = haSnapshot({ config: { vip: '10.0.0.100' }, clustered: true });
    const first = foldPlan(s, reconcile(s, { templates }));
    const withPeer: Snapshot = {
      ...first,
      hook: { ...first.hook, name: 'cluster-relation-joined' },
      host: { ...first.host, services: { ...first.host.services, haproxy: false } },
      relations: {
        ...first.relations,
        cluster: [{ id: 'cluster:1', endpoint: 'cluster', app: 'glance', units: { 'glance/1': { 'private-address': '10.0.0.51' } }, appData: {} }],
      },
    };
    const services = ofKind(reconcile(withPeer, { templates }), 'service').map((e) => `${e.action} ${e.service}`);
    expect(services).toContain('restart haproxy');
    // A stopped haproxy is pacemaker's to start, not the charm's.
    expect(services).not.toContain('start haproxy');
  });
});
