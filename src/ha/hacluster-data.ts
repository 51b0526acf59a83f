/**
 * The unit databag glance gives hacluster (reference `generate_ha_relation_data('glance')`):
 * the haproxy clone plus either the VIP or the DNS resources, each part as a `json_<name>` key
 * holding compact, key-sorted JSON; empty parts are left out.
 */
import type { GlanceConfig } from '../config/index.js';
import type { Addresses } from '../network/addresses.js';
import type { Databag, HostAddress } from '../snapshot.js';
import { type ClusterResources, haproxyResources, mergeResources } from './cluster-resources.js';
import { dnsResources } from './dns-resources.js';
import { pythonJson } from '../base/python-json.js';
import { vipResources } from './vip-resources.js';

export interface HaclusterInputs {
  config: GlanceConfig;
  appName: string;
  addresses: Addresses;
  host: readonly HostAddress[];
}

export function clusterResources(i: HaclusterInputs): ClusterResources {
  const mode = i.config['dns-ha']
    ? dnsResources(i.config, i.appName, i.addresses)
    : vipResources(i.config.vip, i.host, { iface: i.config.vip_iface, cidr: i.config.vip_cidr });
  return mergeResources(haproxyResources(), mode);
}

export function haclusterData(i: HaclusterInputs): Databag {
  const out: Databag = {};
  for (const [key, value] of Object.entries(clusterResources(i))) {
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    if (!empty) out[`json_${key}`] = pythonJson(value, 'compact');
  }
  return out;
}
