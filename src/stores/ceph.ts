/**
 * The RBD store (ceph relation): usable once ceph-mon has created glance's pools (a request that
 * only retunes confirmed pools keeps it); the erasure-code rules and the broker's answer stop it.
 */
import { brokerProblems, erasureProblems } from '../ceph/checks.js';
import type { Store, StoreInputs } from './types.js';

const usable = (i: StoreInputs): boolean => Boolean(i.ceph && i.contexts.ceph?.storeReady);

export const ceph: Store = {
  name: 'ceph',
  relatedBy: ['ceph'],
  shared: true,
  precedence: 1,
  wanted: (i) => i.readiness.ceph.state !== 'absent',
  backends: (i, radosTimeout) =>
    i.ceph && usable(i)
      ? [
          {
            id: 'ceph:rbd',
            section: {
              name: 'ceph',
              options: [
                ['rbd_store_chunk_size', '8'],
                ['rbd_store_pool', i.ceph.pool],
                ['rbd_store_user', i.ceph.user],
                ['rados_connect_timeout', String(radosTimeout)],
                ['rbd_store_ceph_conf', '/etc/ceph/ceph.conf'],
              ],
            },
          },
        ]
      : [],
  problems: ({ config, readiness }) => [
    ...erasureProblems(config),
    ...(readiness.ceph.state === 'ready' ? brokerProblems(readiness.ceph.context.broker) : []),
  ],
  legacy: { driver: 'glance.store.rbd.Store', listed: usable, name: 'rbd', serves: usable },
};
