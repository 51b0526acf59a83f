/** The external S3 store, called directly: all four options, and ussuri or later. */
import { describe, expect, it } from 'vitest';
import type { Release } from '../../../src/base/release.js';
import { s3 } from '../../../src/stores/s3.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { S3 } from '../../fixtures/store-relations.js';

const inputs = (options: Record<string, unknown> = S3, release: Release = 'caracal') => storeInputs({ options, release });

/** The [s3] section of test/golden/caracal-ec-cinder-s3. */
const GOLDEN = [
  {
    id: 's3:s3',
    section: {
      name: 's3',
      options: [
        ['s3_store_host', 'http://10.0.0.60:7480'],
        ['s3_store_access_key', 'S3ACCESS'],
        ['s3_store_secret_key', 'S3SECRET'],
        ['s3_store_bucket', 'glance'],
      ],
    },
  },
];

describe('s3 store', () => {
  it('is brought by options, not a relation; shared; third in precedence; unknown before stein', () => {
    expect(s3.name).toBe('s3');
    expect(s3.relatedBy).toEqual([]);
    expect(s3.shared).toBe(true);
    expect(s3.precedence).toBe(3);
    expect(s3.legacy).toBeUndefined();
  });

  it('is wanted once s3-store-host is set', () => {
    expect(s3.wanted(inputs({}))).toBe(false);
    expect(s3.wanted(inputs({ 's3-store-host': 'http://10.0.0.60:7480' }))).toBe(true);
    expect(s3.wanted(inputs())).toBe(true);
  });

  it('brings the golden [s3] section with all four options from ussuri on', () => {
    expect(s3.backends(inputs(), 0)).toEqual(GOLDEN);
    expect(s3.backends(inputs(S3, 'ussuri'), 1200)).toEqual(GOLDEN);
    expect(s3.backends(inputs(S3, 'flamingo'), 0)).toEqual(GOLDEN);
  });

  it('brings nothing with a partial set (config parsing reports that) and says nothing itself', () => {
    for (const key of Object.keys(S3)) {
      const partial = { ...S3, [key]: '' };
      expect(s3.backends(inputs(partial), 0), key).toEqual([]);
      expect(s3.problems?.(inputs(partial)), key).toEqual([]);
    }
    expect(s3.problems?.(inputs({}))).toEqual([]);
  });

  it('is blocked before ussuri, naming the release (golden "full s3 on train")', () => {
    expect(s3.backends(inputs(S3, 'train'), 0)).toEqual([]);
    expect(s3.problems?.(inputs(S3, 'train'))).toEqual([{ severity: 'blocked', source: 's3', message: 'Invalid external S3 config: train is not supported' }]);
    expect(s3.problems?.(inputs(S3, 'queens'))?.[0]?.message).toBe('Invalid external S3 config: queens is not supported');
    expect(s3.problems?.(inputs(S3, 'ussuri'))).toEqual([]);
  });
});
