/**
 * object-store, called directly: the relation's presence is all glance needs of swift-proxy
 * (Swift is found through the keystone catalog); it sends nothing back.
 */
import { describe, expect, it } from 'vitest';
import { handlerGroups } from '../../../src/relations/index.js';
import { objectStore } from '../../../src/relations/object-store.js';
import { STORE_ENDPOINTS } from '../../../src/stores/index.js';
import { readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';

const env = readEnv();

describe('object-store', () => {
  it('needs only the relation ids; its status group is the store registry\'s storage-backend', () => {
    expect(objectStore.endpoint).toBe('object-store');
    expect(objectStore.reads).toBe('ids');
    expect(objectStore.group).toBeUndefined();
    expect(handlerGroups().map((g) => g.endpoint)).not.toContain('object-store');
    expect(STORE_ENDPOINTS).toContain('object-store');
    expect(objectStore.completeWith).toBeUndefined();
    expect(objectStore.ownBag).toBeUndefined();
    expect(objectStore.binding).toBeUndefined();
  });

  it('is absent when unrelated, ready as soon as related (reference Q10), whatever the remote sends', () => {
    expect(objectStore.read([], env)).toEqual({ state: 'absent' });
    expect(objectStore.read([relation('object-store', 6, 'swift-proxy')], env)).toEqual({ state: 'ready', context: true });
    const noisy = relation('object-store', 6, 'swift-proxy', { 'swift-proxy/0': { 'private-address': 'bad\nvalue', junk: '{' } });
    expect(objectStore.read([noisy], env)).toEqual({ state: 'ready', context: true });
  });

  it('publishes nothing and hands nothing to the host', () => {
    expect(objectStore.publish).toBeUndefined();
    expect(objectStore.files).toBeUndefined();
    expect(objectStore.paths).toBeUndefined();
    expect(objectStore.teardown).toBeUndefined();
  });
});
