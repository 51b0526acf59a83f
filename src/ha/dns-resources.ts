/**
 * DNS HA (reference `update_hacluster_dns_ha`): one `ocf:maas:dns` record per set
 * os-*-hostname, pointing the name at this unit's own address for that endpoint type (never a
 * VIP, never the hostname itself). Order admin, int, public, as the reference grouped them.
 * `{service_name}` is replaced in the record name as it is in the endpoint URLs; the reference
 * sent the placeholder to MAAS unreplaced.
 */
import type { GlanceConfig } from '../config/index.js';
import type { Addresses, EndpointType } from '../network/addresses.js';
import { type ClusterResources, SERVICE } from './cluster-resources.js';

const RECORDS: ReadonlyArray<{ type: EndpointType; option: 'os-admin-hostname' | 'os-internal-hostname' | 'os-public-hostname'; key: string }> = [
  { type: 'admin', option: 'os-admin-hostname', key: 'admin' },
  // The reference's address map calls the internal endpoint "int"; the resource name keeps it.
  { type: 'internal', option: 'os-internal-hostname', key: 'int' },
  { type: 'public', option: 'os-public-hostname', key: 'public' },
];

export function dnsResources(config: GlanceConfig, appName: string, addresses: Addresses): ClusterResources {
  const out: ClusterResources = { resources: {}, resource_params: {}, init_services: {}, clones: {}, groups: {}, delete_resources: [] };
  const group: string[] = [];
  for (const r of RECORDS) {
    const hostname = config[r.option];
    if (!hostname) continue;
    const name = `res_${SERVICE}_${r.key}_hostname`;
    out.resources[name] = 'ocf:maas:dns';
    out.resource_params[name] =
      `params fqdn="${hostname.replaceAll('{service_name}', appName)}" ip_address="${addresses.unit[r.type].address}"`;
    group.push(name);
  }
  if (group.length) out.groups[`grp_${SERVICE}_hostnames`] = group.join(' ');
  return out;
}
