/**
 * One pacemaker resource per VIP (reference `update_hacluster_vip`): named after the first 7 hex
 * digits of the VIP's sha1, so the name does not depend on how interfaces are named on each
 * machine; IPaddr2 for IPv4, IPv6addr for IPv6. When this unit has an address in the VIP's subnet,
 * pacemaker works out the NIC and netmask itself; otherwise the vip_iface / vip_cidr options are
 * passed. The names older charms used (`res_glance_<iface>_vip`) are listed for deletion.
 */
import { createHash } from 'node:crypto';
import { isIpv6 } from '../base/net.js';
import type { HostAddress } from '../snapshot.js';
import { type ClusterResources, SERVICE } from './cluster-resources.js';
import { nicFor } from './nic.js';

export interface VipFallback {
  iface: string;
  cidr: number;
}

const MONITOR = 'op monitor timeout="20s" interval="10s" depth="0"';

export const vipResourceName = (vip: string): string =>
  `res_${SERVICE}_${createHash('sha1').update(vip, 'utf8').digest('hex').slice(0, 7)}_vip`;

export function vipResources(vips: readonly string[], host: readonly HostAddress[], fallback: VipFallback): ClusterResources {
  const out: ClusterResources = { resources: {}, resource_params: {}, init_services: {}, clones: {}, groups: {}, delete_resources: [] };
  const group: string[] = [];
  for (const vip of vips) {
    const v6 = isIpv6(vip);
    const param = v6 ? 'ipv6addr' : 'ip';
    const nic = nicFor(vip, host);
    const iface = nic?.iface ?? fallback.iface;

    const oldName = `res_${SERVICE}_${iface}_vip`;
    out.delete_resources.push(out.delete_resources.includes(oldName) ? `${oldName}_${param}` : oldName);

    const name = vipResourceName(vip);
    out.resources[name] = v6 ? 'ocf:heartbeat:IPv6addr' : 'ocf:heartbeat:IPaddr2';
    out.resource_params[name] = nic
      ? `params ${param}="${vip}" ${MONITOR}`
      : `params ${param}="${vip}" cidr_netmask="${fallback.cidr}" nic="${iface}" ${MONITOR}`;
    group.push(name);
  }
  if (group.length) out.groups[`grp_${SERVICE}_vips`] = group.join(' ');
  return out;
}
