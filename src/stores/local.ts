/** The local filesystem store: filesystem-store-datadir on this unit only ("" turns it off). */
import type { Store } from './types.js';

export const local: Store = {
  name: 'local',
  relatedBy: [],
  shared: false,
  precedence: 5,
  wanted: ({ config }) => Boolean(config['filesystem-store-datadir']),
  backends: ({ config }) => {
    const datadir = config['filesystem-store-datadir'];
    return datadir
      ? [{ id: 'local:file', section: { name: 'local', options: [['filesystem_store_datadir', datadir], ['store_description', 'Local filesystem store']] } }]
      : [];
  },
  // Before stein the filesystem store is always known and the last resort.
  legacy: { driver: 'glance.store.filesystem.Store', listed: () => true, name: 'file', serves: () => true },
};
