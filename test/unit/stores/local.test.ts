/** The local filesystem store, called directly. */
import { describe, expect, it } from 'vitest';
import { local } from '../../../src/stores/local.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { cephAt, objectStore } from '../../fixtures/store-relations.js';

const inputs = (options: Record<string, unknown> = {}) => storeInputs({ options });

describe('local store', () => {
  it('is brought by no relation, serves this unit only, and is the last resort for the default', () => {
    expect(local.name).toBe('local');
    expect(local.relatedBy).toEqual([]);
    expect(local.shared).toBe(false);
    expect(local.precedence).toBe(5);
    expect(local.problems).toBeUndefined();
  });

  it('is wanted while filesystem-store-datadir is set ("" turns it off)', () => {
    expect(local.wanted(inputs())).toBe(true);
    expect(local.wanted(inputs({ 'filesystem-store-datadir': '/srv/images' }))).toBe(true);
    expect(local.wanted(inputs({ 'filesystem-store-datadir': '' }))).toBe(false);
  });

  it('brings the golden [local] section, whatever the timeout or other stores', () => {
    const golden = [
      {
        id: 'local:file',
        section: { name: 'local', options: [['filesystem_store_datadir', '/var/lib/glance/images/'], ['store_description', 'Local filesystem store']] },
      },
    ];
    expect(local.backends(inputs(), 0)).toEqual(golden);
    expect(local.backends(storeInputs({ relations: { ceph: cephAt('complete'), 'object-store': objectStore() } }), 1200)).toEqual(golden);
    expect(local.backends(inputs({ 'filesystem-store-datadir': '/srv/images' }), 0)[0]?.section.options[0]).toEqual(['filesystem_store_datadir', '/srv/images']);
    expect(local.backends(inputs({ 'filesystem-store-datadir': '' }), 0)).toEqual([]);
  });

  it('before stein: always known as the filesystem store, and always able to be the default', () => {
    expect(local.legacy?.driver).toBe('glance.store.filesystem.Store');
    expect(local.legacy?.name).toBe('file');
    for (const i of [inputs(), inputs({ 'filesystem-store-datadir': '' })]) {
      expect(local.legacy?.listed(i)).toBe(true);
      expect(local.legacy?.serves(i)).toBe(true);
    }
  });
});
