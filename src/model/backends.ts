/**
 * Glance's image stores as glance-api.conf states them (reference §5.5 MultiBackendContext /
 * MultiStoreContext), from the store registry (src/stores/): the enabled backends and their
 * sections, the default by precedence, and the pre-stein single-store keys.
 */
import { STORES } from '../stores/index.js';
import type { StoreInputs } from '../stores/types.js';
import type { BackendsContext } from './types.js';

/** glance can always read an image by its URL. */
const HTTP_DRIVER = 'glance.store.http.Store';

const BY_PRECEDENCE = [...STORES].sort((a, b) => a.precedence - b.precedence);

export interface StorePlan {
  context: BackendsContext;
  /** Names of the stores with a backend enabled. */
  inUse: ReadonlySet<string>;
}

export function planStores(i: StoreInputs): StorePlan {
  const sharedCount = STORES.filter((s) => s.shared).reduce((n, s) => n + s.backends(i, 0).length, 0);
  // rados_connect_timeout only matters when a slow Ceph could hold up another store.
  const multi = sharedCount > 1;
  const radosTimeout = multi ? i.config['rados-connect-timeout'] : 0;
  const backends = new Map(STORES.map((s) => [s.name, s.backends(i, radosTimeout)]));
  const enabled = STORES.flatMap((s) => backends.get(s.name) ?? []);
  const first = BY_PRECEDENCE.find((s) => backends.get(s.name)?.length);
  const drivers = [HTTP_DRIVER, ...STORES.flatMap((s) => (s.legacy?.listed(i) ? [s.legacy.driver] : []))];
  return {
    context: {
      enabled: enabled.length ? enabled.map((b) => b.id).join(', ') : undefined,
      defaultBackend: first ? backends.get(first.name)?.[0]?.section.name : undefined,
      radosConnectTimeout: multi ? radosTimeout : undefined,
      cephRadosConnectTimeout: radosTimeout,
      sections: enabled.map((b) => b.section),
      // Before stein: one store at a time.
      knownStores: drivers.sort().join(','),
      defaultStore: BY_PRECEDENCE.find((s) => s.legacy?.serves(i))?.legacy?.name ?? '',
    },
    inUse: new Set(STORES.filter((s) => backends.get(s.name)?.length).map((s) => s.name)),
  };
}
