/** The swift store (object-store relation): found through the keystone catalog, configured in glance-swift.conf. */
import type { Store, StoreInputs } from './types.js';

const usable = (i: StoreInputs): boolean => Boolean(i.contexts['object-store']);

export const swift: Store = {
  name: 'swift',
  relatedBy: ['object-store'],
  shared: true,
  precedence: 2,
  wanted: (i) => i.readiness['object-store'].state !== 'absent',
  backends: (i) =>
    usable(i)
      ? [
          {
            id: 'swift:swift',
            section: {
              name: 'swift',
              options: [
                ['default_swift_reference', 'swift'],
                ['swift_store_config_file', '/etc/glance/glance-swift.conf'],
                ['swift_store_create_container_on_put', 'true'],
              ],
            },
          },
        ]
      : [],
  legacy: { driver: 'glance.store.swift.Store', listed: usable, name: 'swift', serves: usable },
};
