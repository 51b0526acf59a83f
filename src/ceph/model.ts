/**
 * What the GlanceModel takes from a ready ceph relation: ceph.conf's facts as soon as the key is
 * there, and the RBD store only once ceph-mon has created its pools.
 */
import type { GlanceConfig } from '../config/index.js';
import type { CephContext } from '../model/types.js';
import type { CephRelation } from '../relations/ceph.js';

export function cephContext(rel: CephRelation, config: GlanceConfig, appName: string): CephContext {
  return {
    monHosts: rel.monHosts,
    auth: rel.auth,
    key: rel.key,
    rbdFeatures: rel.rbdFeatures,
    pool: rel.request.imagePool,
    user: appName,
    dataPool: rel.request.dataPool,
    logToSyslog: config['use-syslog'] ? 'true' : 'false',
  };
}

/** The ceph context the image stores use: only when the pools exist. */
export const cephStore = (rel: CephRelation | undefined, ceph: CephContext | undefined): CephContext | undefined =>
  rel?.storeReady ? ceph : undefined;
