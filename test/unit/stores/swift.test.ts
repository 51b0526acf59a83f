/** The swift store (object-store relation), called directly. */
import { describe, expect, it } from 'vitest';
import { swift } from '../../../src/stores/swift.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { objectStore } from '../../fixtures/store-relations.js';

const without = storeInputs();
const withSwift = storeInputs({ relations: { 'object-store': objectStore() } });

/** The golden caracal-full [swift] section. */
const GOLDEN = [
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
];

describe('swift store', () => {
  it('is brought by object-store, shared by every unit, second in precedence', () => {
    expect(swift.name).toBe('swift');
    expect(swift.relatedBy).toEqual(['object-store']);
    expect(swift.shared).toBe(true);
    expect(swift.precedence).toBe(2);
    expect(swift.problems).toBeUndefined();
  });

  it('is wanted and enabled (golden [swift]) as soon as swift-proxy is related', () => {
    expect(swift.wanted(without)).toBe(false);
    expect(swift.backends(without, 0)).toEqual([]);
    expect(swift.wanted(withSwift)).toBe(true);
    expect(swift.backends(withSwift, 0)).toEqual(GOLDEN);
    // The ceph timeout is no concern of swift's.
    expect(swift.backends(withSwift, 1200)).toEqual(GOLDEN);
  });

  it('before stein: the swift driver, listed and the default only with the relation', () => {
    expect(swift.legacy?.driver).toBe('glance.store.swift.Store');
    expect(swift.legacy?.name).toBe('swift');
    expect(swift.legacy?.listed(without)).toBe(false);
    expect(swift.legacy?.serves(without)).toBe(false);
    expect(swift.legacy?.listed(withSwift)).toBe(true);
    expect(swift.legacy?.serves(withSwift)).toBe(true);
  });
});
