/**
 * The cinder store: on with a cinder-volume-service relation, or when a storage-backend
 * subordinate asks for it. One section per cinder-volume-types entry (with glance's keystone
 * credentials), else one unnamed `cinder` section.
 */
import type { IniPair } from '../base/ini.js';
import { blocked } from '../base/problem.js';
import type { Backend, Store, StoreInputs } from './types.js';

const usable = (i: StoreInputs): boolean => Boolean(i.contexts['cinder-volume-service']) || Boolean(i.contexts['storage-backend']?.cinder);

function sections(i: StoreInputs): Backend[] {
  const c = i.config;
  const types = c['cinder-volume-types'] ?? [];
  const common: IniPair[] = [
    ['cinder_http_retries', String(c['cinder-http-retries'])],
    ['cinder_state_transition_timeout', String(c['cinder-state-transition-timeout'])],
  ];
  // Internal endpoints apply to every cinder section, the unnamed default one included.
  const catalog: IniPair[] = c['use-internal-endpoints'] ? [['cinder_catalog_info', 'volumev3:cinderv3:internalURL']] : [];
  if (types.length === 0) return [{ id: 'cinder:cinder', section: { name: 'cinder', options: [...common, ...catalog] } }];
  const identity = i.contexts['identity-service'];
  return types.map((t) => {
    const options: IniPair[] = [['cinder_volume_type', t], ...common];
    if (identity) {
      options.push(
        ['cinder_store_user_name', identity.username],
        ['cinder_store_password', identity.password],
        ['cinder_store_project_name', identity.projectName],
        ['cinder_store_auth_address', identity.authUrl],
      );
    }
    options.push(...catalog);
    return { id: `${t}:cinder`, section: { name: t, options } };
  });
}

export const cinder: Store = {
  name: 'cinder',
  relatedBy: ['cinder-volume-service', 'storage-backend'],
  shared: true,
  precedence: 4,
  // A subordinate that has answered cinder-backend=false does not want it; one still silent may.
  wanted: (i) => {
    const subordinate = i.readiness['storage-backend'];
    return (
      i.readiness['cinder-volume-service'].state !== 'absent' ||
      subordinate.state === 'incomplete' ||
      (subordinate.state === 'ready' && subordinate.context.cinder)
    );
  },
  backends: (i) => (usable(i) ? sections(i) : []),
  // os-brick attaches cinder volumes to the host, which a container cannot do, whichever relation asks for cinder.
  problems: (i) =>
    i.inContainer && (i.readiness['cinder-volume-service'].state !== 'absent' || Boolean(i.contexts['storage-backend']?.cinder))
      ? [blocked('cinder', 'Glance with cinder storage backend is not supported on container')]
      : [],
  // Even with the store off, a cinder relation lets glance read images stored in cinder.
  legacy: {
    driver: 'glance.store.cinder.Store',
    listed: (i) => Boolean(i.contexts['cinder-volume-service'] || i.contexts['storage-backend']),
    name: 'cinder',
    serves: usable,
  },
};
