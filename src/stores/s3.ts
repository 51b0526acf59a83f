/**
 * The S3 store: all four s3-store-* options (config parsing reports a partial set), and only
 * from ussuri on, where glance has the store again.
 */
import { blocked } from '../base/problem.js';
import { atLeast } from '../base/release.js';
import { S3_OPTIONS } from '../config/stores.js';
import type { Store, StoreInputs } from './types.js';

const configured = ({ config }: StoreInputs): boolean => S3_OPTIONS.every((o) => Boolean(config[o]));
const usable = (i: StoreInputs): boolean => configured(i) && atLeast(i.release, 'ussuri');

export const s3: Store = {
  name: 's3',
  relatedBy: [],
  shared: true,
  precedence: 3,
  wanted: ({ config }) => Boolean(config['s3-store-host']),
  backends: (i) =>
    usable(i)
      ? [
          {
            id: 's3:s3',
            section: {
              name: 's3',
              options: [
                ['s3_store_host', i.config['s3-store-host'] ?? ''],
                ['s3_store_access_key', i.config['s3-store-access-key'] ?? ''],
                ['s3_store_secret_key', i.config['s3-store-secret-key'] ?? ''],
                ['s3_store_bucket', i.config['s3-store-bucket'] ?? ''],
              ],
            },
          },
        ]
      : [],
  problems: (i) => (configured(i) && !usable(i) ? [blocked('s3', `Invalid external S3 config: ${i.release} is not supported`)] : []),
};
