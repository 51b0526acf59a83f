/**
 * What glance hands hacluster in ha-relation-joined, for the four situations the reference charm
 * was run in: the same json_* keys with the same compact, key-sorted JSON, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { HA_RELATION_ID, type HaSnapshotOptions, haSnapshot, onEns3 } from './ha-snapshot.js';
import { referenceHacluster } from './reference-outputs.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';


function sentToHacluster(o: HaSnapshotOptions): Record<string, string> | undefined {
  const plan = reconcile(haSnapshot({ ...o, hook: 'ha-relation-joined' }), { templates });
  expect(ofKind(plan, 'fail')).toEqual([]);
  return ofKind(plan, 'publish').find((r) => r.relationId === HA_RELATION_ID)?.data;
}

describe('hacluster relation data, as the reference sent it', () => {
  it('one VIP that no interface of the unit is on: vip_iface and vip_cidr are passed', () => {
    expect(sentToHacluster({ config: { vip: '10.5.100.1' } })).toEqual(referenceHacluster('vip, iface not detected (fallback)'));
  });

  it('one VIP in the subnet of an interface: pacemaker finds NIC and netmask itself', () => {
    const data = sentToHacluster({ config: { vip: '10.5.100.1' }, extraAddresses: [onEns3('10.5.100.50')] });
    expect(data).toEqual(referenceHacluster('vip, iface detected'));
  });

  it('two VIPs, one per network: two resources in one group, both old names deleted', () => {
    const data = sentToHacluster({
      config: { vip: '10.5.100.1 192.168.1.100' },
      extraAddresses: [onEns3('10.5.100.50'), onEns3('192.168.1.50')],
    });
    expect(data).toEqual(referenceHacluster('two vips'));
  });

  it('DNS HA: one record per os-*-hostname pointing at the unit address, no VIP resources', () => {
    const data = sentToHacluster({
      config: { 'dns-ha': true, 'os-public-hostname': 'glance.example.com', 'os-internal-hostname': 'glance.internal' },
    });
    expect(data).toEqual(referenceHacluster('dns-ha'));
  });
});
