/**
 * Glance's image stores (reference §5.5 MultiBackendContext / MultiStoreContext): which backends
 * are enabled, their sections, and the default, by the precedence ceph > swift > s3 > first
 * cinder type > local.
 */
import type { GlanceConfig } from '../config/index.js';
import type { IniPair, IniSection } from '../base/ini.js';
import type { BackendsContext, CephContext, IdentityContext } from './types.js';

export interface StoreInputs {
  config: GlanceConfig;
  ceph?: CephContext;
  swift: boolean;
  /** S3 store usable (all four options set, release ussuri+). */
  s3: boolean;
  /** Cinder store on (cinder-volume-service related, or a storage-backend asked for it). */
  cinder: boolean;
  /** A cinder relation exists (even with the store off, the pre-stein store list names cinder so glance can read from it). */
  cinderRelated: boolean;
  identity?: IdentityContext;
}

interface Backend {
  id: string; // local:file
  section: IniSection;
  local: boolean;
}

function cinderBackends(i: StoreInputs): Backend[] {
  const c = i.config;
  const types = c['cinder-volume-types'] ?? [];
  const common: IniPair[] = [
    ['cinder_http_retries', String(c['cinder-http-retries'])],
    ['cinder_state_transition_timeout', String(c['cinder-state-transition-timeout'])],
  ];
  // Internal endpoints apply to every cinder section, the unnamed default one included.
  const catalog: IniPair[] = c['use-internal-endpoints'] ? [['cinder_catalog_info', 'volumev3:cinderv3:internalURL']] : [];
  if (types.length === 0) return [{ id: 'cinder:cinder', section: { name: 'cinder', options: [...common, ...catalog] }, local: false }];
  return types.map((t) => {
    const options: IniPair[] = [['cinder_volume_type', t], ...common];
    if (i.identity) {
      options.push(
        ['cinder_store_user_name', i.identity.username],
        ['cinder_store_password', i.identity.password],
        ['cinder_store_project_name', i.identity.projectName],
        ['cinder_store_auth_address', i.identity.authUrl],
      );
    }
    options.push(...catalog);
    return { id: `${t}:cinder`, section: { name: t, options }, local: false };
  });
}

function enabledBackends(i: StoreInputs, radosTimeout: number): Backend[] {
  const c = i.config;
  const out: Backend[] = [];
  const datadir = c['filesystem-store-datadir'];
  if (datadir) {
    out.push({
      id: 'local:file',
      local: true,
      section: { name: 'local', options: [['filesystem_store_datadir', datadir], ['store_description', 'Local filesystem store']] },
    });
  }
  if (i.ceph) {
    out.push({
      id: 'ceph:rbd',
      local: false,
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
    });
  }
  if (i.swift) {
    out.push({
      id: 'swift:swift',
      local: false,
      section: {
        name: 'swift',
        options: [
          ['default_swift_reference', 'swift'],
          ['swift_store_config_file', '/etc/glance/glance-swift.conf'],
          ['swift_store_create_container_on_put', 'true'],
        ],
      },
    });
  }
  if (i.s3) {
    out.push({
      id: 's3:s3',
      local: false,
      section: {
        name: 's3',
        options: [
          ['s3_store_host', c['s3-store-host'] ?? ''],
          ['s3_store_access_key', c['s3-store-access-key'] ?? ''],
          ['s3_store_secret_key', c['s3-store-secret-key'] ?? ''],
          ['s3_store_bucket', c['s3-store-bucket'] ?? ''],
        ],
      },
    });
  }
  if (i.cinder) out.push(...cinderBackends(i));
  return out;
}

function defaultBackend(backends: readonly Backend[]): string | undefined {
  const names = backends.map((b) => b.section.name);
  for (const want of ['ceph', 'swift', 's3']) if (names.includes(want)) return want;
  const cinder = backends.find((b) => b.id.endsWith(':cinder'));
  return cinder?.section.name ?? (names.includes('local') ? 'local' : undefined);
}

/** Pre-stein single-store keys (queens lineage). */
function legacyStores(i: StoreInputs): { knownStores: string; defaultStore: string } {
  const stores = ['glance.store.filesystem.Store', 'glance.store.http.Store'];
  if (i.ceph) stores.push('glance.store.rbd.Store');
  if (i.swift) stores.push('glance.store.swift.Store');
  if (i.cinderRelated) stores.push('glance.store.cinder.Store');
  const defaultStore = i.ceph ? 'rbd' : i.swift ? 'swift' : i.cinder ? 'cinder' : 'file';
  return { knownStores: stores.sort().join(','), defaultStore };
}

export function backendsContext(i: StoreInputs): BackendsContext {
  const probe = enabledBackends(i, 0);
  const multi = probe.filter((b) => !b.local).length > 1;
  const radosTimeout = multi ? i.config['rados-connect-timeout'] : 0;
  const backends = enabledBackends(i, radosTimeout);
  return {
    enabled: backends.length ? backends.map((b) => b.id).join(', ') : undefined,
    defaultBackend: defaultBackend(backends),
    radosConnectTimeout: multi ? radosTimeout : undefined,
    cephRadosConnectTimeout: radosTimeout,
    sections: backends.map((b) => b.section),
    ...legacyStores(i),
  };
}
