/**
 * Juju rewrites a unit's cluster address between two hooks (its machine moved to another network
 * on the cluster binding): Juju's own keys in its peer bag change, its peers hear of it, and every
 * unit's haproxy then balances to the address Juju holds. glance never writes those keys itself,
 * so nothing it sends can put the old address back. The charm runs in this process: what is
 * tested is the data Juju and the charm exchange and the files it renders from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkFor, networkFor } from '../../../sim/defaults.js';
import type { HookResult } from '../../../sim/records.js';
import { keystoneReply, mysqlReply } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';
import { failed } from './harness.js';

const UNITS = ['glance/0', 'glance/1', 'glance/2'];
const MOVED = 'glance/1';
const NEW_ADDRESS = '10.6.0.11';
/** Three units and their relations are some seventy hooks of the real charm. */
const SETUP_MS = 2_400_000;

/** haproxy.cfg's backends: name → "glance-1 10.5.0.11:9282" for each server line. */
function backends(cfg: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of cfg.split('\n').map((l) => l.trim())) {
    if (line.startsWith('backend ')) out[line.split(/\s+/)[1] ?? ''] = current = [];
    else if (line.startsWith('server ') && current) current.push(line.split(/\s+/).slice(1, 3).join(' '));
    else if (line === '' || line.startsWith('frontend ') || line.startsWith('listen ')) current = undefined;
  }
  return out;
}

describe('Juju rewrites the cluster address of a unit between two hooks', () => {
  const sim = newInProcessSim();
  let oldAddress: string;
  let cluster: number;
  let after: HookResult[];

  beforeAll(async () => {
    await sim.deploy({ units: UNITS.length });
    await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': mysqlReply(UNITS.join(' ')) } });
    await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': keystoneReply() } });
    await sim.integrate('object-store', 'swift-proxy');
    cluster = sim.relations('cluster')[0]?.id ?? -1;
    oldAddress = sim.published(cluster, MOVED)['private-address'] ?? '';
    // The machine gets an interface on the new network, then Juju moves the cluster binding there.
    sim.unit(MOVED).host.interfaces.push(linkFor(3, 'eth1', NEW_ADDRESS, 24));
    after = await sim.changeNetwork(MOVED, 'cluster', networkFor(NEW_ADDRESS, '10.6.0.0/24', 'eth1'));
  }, SETUP_MS);
  afterAll(() => sim.dispose());

  it('every hook succeeded, the moved unit ran config-changed and its peers heard of the move', () => {
    expect(failed(sim.history)).toEqual([]);
    expect(after.map((r) => `${r.unit} ${r.hook}`)).toEqual(
      expect.arrayContaining([`${MOVED} config-changed`, 'glance/0 cluster-relation-changed', 'glance/2 cluster-relation-changed']),
    );
  });

  it("the moved unit's peer bag holds Juju's new address, and glance wrote none of Juju's keys", () => {
    expect(oldAddress).toMatch(/^10\.5\.0\./);
    expect(sim.published(cluster, MOVED)).toMatchObject({
      'private-address': NEW_ADDRESS,
      'ingress-address': NEW_ADDRESS,
      'egress-subnets': `${NEW_ADDRESS}/32`,
    });
    const onCluster = after.flatMap((r) => r.toolCalls).filter((c) => c.tool === 'relation-set' && c.argv.includes(`cluster:${cluster}`));
    expect(onCluster).toEqual([]);
  });

  it("every unit's cluster backend balances to the moved unit at Juju's address, not the old one", () => {
    for (const unit of UNITS) {
      const own = sim.published(cluster, unit)['private-address'] ?? '';
      const servers = backends(sim.readFile(unit, '/etc/haproxy/haproxy.cfg') ?? '')[`glance_api_${own}`];
      expect(servers, unit).toContain(`glance-1 ${NEW_ADDRESS}:9282`);
      expect(servers, unit).not.toContain(`glance-1 ${oldAddress}:9282`);
    }
  });
});
