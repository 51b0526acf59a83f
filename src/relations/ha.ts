/**
 * ha (interface hacluster, container-scoped): glance hands the hacluster subordinate the
 * resources to run (src/ha/) and learns from it whether the cluster is up (`clustered`), which
 * switches endpoint URLs to the VIP(s). While an HA rule is broken glance sends nothing new: the
 * databag keeps what it last held, so a running cluster is not torn down by a config mistake.
 */
import { haclusterData } from '../ha/hacluster-data.js';
import { haRuleProblem } from '../ha/rules.js';
import type { Databag } from '../snapshot.js';
import { absent, ready, type RelationHandler } from './types.js';

export interface HaContext {
  /** Some hacluster unit reported `clustered` (reference is_clustered). */
  clustered: boolean;
}

export const ha: RelationHandler<HaContext> = {
  endpoint: 'ha',
  reads: 'units',
  read: (rels) =>
    rels.length === 0
      ? absent
      : ready({ clustered: rels.some((r) => Object.values(r.units).some((bag) => Boolean(bag.clustered))) }),
  publish(_rel, env): Databag | undefined {
    if (haRuleProblem(env.config)) return undefined;
    return haclusterData({ config: env.config, appName: env.appName, addresses: env.addresses, host: env.host.addresses });
  },
};
