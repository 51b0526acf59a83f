/**
 * cluster (peer), called directly: the peers haproxy balances over, and the addresses this unit
 * shares with them (only those Juju does not write itself: private-address is Juju's).
 */
import { describe, expect, it } from 'vitest';
import { cluster } from '../../../src/relations/cluster.js';
import type { Databag } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

const env = readEnv();
const peers = (units: Record<string, Databag>) => cluster.read([relation('cluster', 1, 'glance', units)], env);

describe('cluster: what the read phase and status rely on', () => {
  it('reads the peer unit databags and is no status group (always satisfied, reference Q10)', () => {
    expect(cluster.endpoint).toBe('cluster');
    expect(cluster.reads).toBe('units');
    expect(cluster.group).toBeUndefined();
    expect(cluster.completeWith).toBeUndefined();
    expect(cluster.ownBag).toBeUndefined();
    expect(cluster.binding).toBeUndefined();
    expect(cluster.files).toBeUndefined();
    expect(cluster.paths).toBeUndefined();
    expect(cluster.teardown).toBeUndefined();
  });
});

describe('cluster: peers', () => {
  it('is ready with no peers for a lone unit, related or not', () => {
    expect(cluster.read([], env)).toEqual({ state: 'ready', context: [] });
    expect(peers({})).toEqual({ state: 'ready', context: [] });
  });

  it('lists every peer with its addresses, in unit-number order', () => {
    expect(
      peers({
        'glance/10': { 'private-address': '10.0.0.60' },
        'glance/2': { 'private-address': '10.0.0.52', 'public-address': '192.168.0.52', 'internal-address': '10.1.0.52', 'admin-address': '10.2.0.52' },
        'glance/1': { 'private-address': '10.0.0.51' },
      }),
    ).toEqual({
      state: 'ready',
      context: [
        { unit: 'glance/1', private: '10.0.0.51', public: undefined, internal: undefined, admin: undefined },
        { unit: 'glance/2', private: '10.0.0.52', public: '192.168.0.52', internal: '10.1.0.52', admin: '10.2.0.52' },
        { unit: 'glance/10', private: '10.0.0.60', public: undefined, internal: undefined, admin: undefined },
      ],
    });
  });

  it('takes IPv6 and DNS-name peers', () => {
    expect(peers({ 'glance/1': { 'private-address': 'fd00::51', 'public-address': 'glance-1.example.com' } })).toMatchObject({
      context: [{ unit: 'glance/1', private: 'fd00::51', public: 'glance-1.example.com' }],
    });
  });

  it('leaves out a peer without a usable private-address, and any address that could become a haproxy directive', () => {
    const r = peers({
      'glance/1': {},
      'glance/2': { 'private-address': '10.0.0.52\n    server evil 6.6.6.6:80' },
      'glance/3': { 'private-address': '10.0.0.53 backup' },
      'glance/4': { 'private-address': '10.0.0.54', 'public-address': '1.2.3.4 check', 'internal-address': 'x=y', 'admin-address': '' },
    });
    expect(r).toEqual({ state: 'ready', context: [{ unit: 'glance/4', private: '10.0.0.54', public: undefined, internal: undefined, admin: undefined }] });
  });

  it('gathers peers across several relations', () => {
    const r = cluster.read(
      [relation('cluster', 1, 'glance', { 'glance/2': { 'private-address': '10.0.0.52' } }), relation('cluster', 4, 'glance', { 'glance/1': { 'private-address': '10.0.0.51' } })],
      env,
    );
    expect(r.state === 'ready' && r.context.map((p) => p.unit)).toEqual(['glance/1', 'glance/2']);
  });
});

describe('cluster: what glance publishes', () => {
  const publish = (o: Parameters<typeof publishEnv>[0] = {}) => cluster.publish?.(relation('cluster', 1, 'glance'), publishEnv(o), {});

  it("sends the golden addresses except private-address, which Juju writes (and rewrites) itself", () => {
    const { 'private-address': _juju, ...golden } = referenceRelationData('cluster_joined');
    expect(publish()).toEqual(golden);
    expect(publish()).toEqual({ 'public-address': '10.0.0.50', 'internal-address': '10.0.0.50', 'admin-address': '10.0.0.50' });
    expect(Object.keys(publish() ?? {})).not.toContain('private-address');
  });

  it('sends its own address in each os-*-network, never a VIP or host name', () => {
    const host = {
      addresses: [
        { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
        { interfaceName: 'ens4', address: '192.168.0.50', prefixLength: 24, family: 'inet' as const },
      ],
    };
    const out = publish({
      host,
      options: { 'os-public-network': '192.168.0.0/24', vip: '192.168.0.100', 'os-internal-hostname': 'glance.internal' },
      clustered: true,
    });
    expect(out).toEqual({ 'public-address': '192.168.0.50', 'internal-address': '10.0.0.50', 'admin-address': '10.0.0.50' });
  });
});
