/**
 * Snapshots of glance/0 (the golden facts: every binding 10.0.0.50/24 on ens3) related to
 * mysql, keystone, nova-cloud-controller, swift (a shared image store) and hacluster.
 */
import type { HookContext, HostAddress, Snapshot } from '../../../src/snapshot.js';
import { deployed, relation, snapshot } from '../../fixtures/snapshot.js';

export const HA_RELATION_ID = 'ha:5';

export interface HaSnapshotOptions {
  config?: Record<string, unknown>;
  hook?: string;
  /** hacluster/0 reported clustered. */
  clustered?: boolean;
  /** hacluster related at all. */
  related?: boolean;
  /** Host addresses besides lo and ens3 10.0.0.50/24. */
  extraAddresses?: HostAddress[];
}

export function haSnapshot(o: HaSnapshotOptions = {}): Snapshot {
  const base = deployed();
  const hook: HookContext = { ...base.hook, name: o.hook ?? 'config-changed' };
  if (hook.name.startsWith('ha-relation-')) Object.assign(hook, { relationName: 'ha', relationId: HA_RELATION_ID, remoteUnit: 'hacluster/0', remoteApp: 'hacluster' });
  const relations = {
    ...base.relations,
    'object-store': [relation('object-store', 7, 'swift-proxy')],
    ...(o.related === false ? {} : { ha: [relation('ha', 5, 'hacluster', { 'hacluster/0': o.clustered ? { clustered: 'yes' } : {} })] }),
  };
  const plain = snapshot();
  return {
    ...base,
    hook,
    config: o.config ?? {},
    relations,
    host: { ...base.host, addresses: [...plain.host.addresses, ...(o.extraAddresses ?? [])] },
  };
}

export const onEns3 = (address: string, prefixLength = 24): HostAddress => ({
  interfaceName: 'ens3',
  address,
  prefixLength,
  family: address.includes(':') ? 'inet6' : 'inet',
});
