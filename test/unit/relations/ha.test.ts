/**
 * ha (hacluster), called directly: whether the cluster is up, and the resources glance hands
 * hacluster (held while an HA rule is broken, so a running cluster is not torn down).
 */
import { describe, expect, it } from 'vitest';
import { HA_RULE_MESSAGES, haRuleProblem } from '../../../src/ha/rules.js';
import { ha } from '../../../src/relations/ha.js';
import type { Databag, HostAddress } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation, snapshot } from '../../fixtures/snapshot.js';
import { referenceHacluster } from '../ha/reference-outputs.js';

const env = readEnv();
const hacluster = (units: Record<string, Databag>) => [relation('ha', 5, 'hacluster', units)];
const onEns3 = (address: string): HostAddress => ({ interfaceName: 'ens3', address, prefixLength: 24, family: 'inet' });
const withAddresses = (...extra: HostAddress[]) => ({ addresses: [...snapshot().host.addresses, ...extra] });
const publish = (o: Parameters<typeof publishEnv>[0]) => ha.publish?.(relation('ha', 5, 'hacluster'), publishEnv(o), {});

describe('ha: what the read phase and status rely on', () => {
  it('reads the hacluster unit databags; its rules are checked by the validators, not a status group', () => {
    expect(ha.endpoint).toBe('ha');
    expect(ha.reads).toBe('units');
    expect(ha.group).toBeUndefined();
    expect(ha.completeWith).toBeUndefined();
    expect(ha.ownBag).toBeUndefined();
    expect(ha.binding).toBeUndefined();
    expect(ha.files).toBeUndefined();
    expect(ha.paths).toBeUndefined();
    expect(ha.teardown).toBeUndefined();
  });
});

describe('ha: readiness', () => {
  it('is absent when unrelated', () => {
    expect(ha.read([], env)).toEqual({ state: 'absent' });
  });

  it('is ready, not clustered, as soon as related (hacluster sends nothing glance must wait for)', () => {
    expect(ha.read(hacluster({}), env)).toEqual({ state: 'ready', context: { clustered: false } });
    expect(ha.read(hacluster({ 'hacluster/0': { 'private-address': '10.0.0.50' } }), env)).toEqual({ state: 'ready', context: { clustered: false } });
    expect(ha.read(hacluster({ 'hacluster/0': { clustered: '' } }), env)).toEqual({ state: 'ready', context: { clustered: false } });
  });

  it('is clustered once any hacluster unit says so (reference is_clustered)', () => {
    expect(ha.read(hacluster({ 'hacluster/0': {}, 'hacluster/1': { clustered: 'yes' } }), env)).toEqual({ state: 'ready', context: { clustered: true } });
    const two = [relation('ha', 5, 'hacluster', { 'hacluster/0': {} }), relation('ha', 6, 'hacluster-b', { 'hacluster-b/0': { clustered: 'yes' } })];
    expect(ha.read(two, env)).toEqual({ state: 'ready', context: { clustered: true } });
  });
});

describe('ha: what glance hands hacluster', () => {
  it('one VIP no interface is on: vip_iface and vip_cidr passed (golden)', () => {
    expect(publish({ options: { vip: '10.5.100.1' } })).toEqual(referenceHacluster('vip, iface not detected (fallback)'));
  });

  it('one VIP in the subnet of an interface (golden)', () => {
    expect(publish({ options: { vip: '10.5.100.1' }, host: withAddresses(onEns3('10.5.100.50')) })).toEqual(referenceHacluster('vip, iface detected'));
  });

  it('two VIPs (golden)', () => {
    const host = withAddresses(onEns3('10.5.100.50'), onEns3('192.168.1.50'));
    expect(publish({ options: { vip: '10.5.100.1 192.168.1.100' }, host })).toEqual(referenceHacluster('two vips'));
  });

  it('DNS HA: one record per host name (golden)', () => {
    const options = { 'dns-ha': true, 'os-public-hostname': 'glance.example.com', 'os-internal-hostname': 'glance.internal' };
    expect(publish({ options })).toEqual(referenceHacluster('dns-ha'));
  });

  it('sends nothing new while an HA rule is broken (the reference raised a hook error instead)', () => {
    const broken = [
      [{}, HA_RULE_MESSAGES.neither],
      [{ vip: '10.5.100.1', 'dns-ha': true, 'os-public-hostname': 'glance.example.com' }, HA_RULE_MESSAGES.both],
      [{ 'dns-ha': true }, HA_RULE_MESSAGES.dnsWithoutHostname],
    ] as const;
    for (const [options, message] of broken) {
      expect(haRuleProblem(publishEnv({ options }).config)?.message).toBe(message);
      expect(publish({ options }), message).toBeUndefined();
    }
  });
});
