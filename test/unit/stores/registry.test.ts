/**
 * The store registry read by planStores: which backends glance-api.conf enables and in which
 * order, the default by precedence, when rados_connect_timeout matters, and the pre-stein
 * single-store keys.
 */
import { describe, expect, it } from 'vitest';
import type { Release } from '../../../src/base/release.js';
import { planStores } from '../../../src/model/backends.js';
import type { RelationSnapshot } from '../../../src/snapshot.js';
import { STORE_ENDPOINTS, STORES } from '../../../src/stores/index.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { cephAt, cinderVolume, keystone, objectStore, S3, subordinate } from '../../fixtures/store-relations.js';

const plan = (relations: Record<string, RelationSnapshot[]> = {}, options: Record<string, unknown> = {}, release: Release = 'caracal') =>
  planStores(storeInputs({ relations, options, release }));
const NO_LOCAL = { 'filesystem-store-datadir': '' };

describe('the store registry', () => {
  it('lists the stores in glance-api.conf order, with the precedence ceph > swift > s3 > cinder > local', () => {
    expect(STORES.map((s) => s.name)).toEqual(['local', 'ceph', 'swift', 's3', 'cinder']);
    expect([...STORES].sort((a, b) => a.precedence - b.precedence).map((s) => s.name)).toEqual(['ceph', 'swift', 's3', 'cinder', 'local']);
    expect(new Set(STORES.map((s) => s.precedence)).size).toBe(STORES.length);
  });

  it('groups the endpoints that bring a store (the storage-backend status group)', () => {
    expect(STORE_ENDPOINTS).toEqual(['ceph', 'object-store', 'cinder-volume-service', 'storage-backend']);
  });
});

describe('planStores', () => {
  it('defaults: the local store alone, the default, no timeout', () => {
    const { context, inUse } = plan();
    expect(context).toEqual({
      enabled: 'local:file',
      defaultBackend: 'local',
      radosConnectTimeout: undefined,
      cephRadosConnectTimeout: 0,
      sections: [{ name: 'local', options: [['filesystem_store_datadir', '/var/lib/glance/images/'], ['store_description', 'Local filesystem store']] }],
      knownStores: 'glance.store.filesystem.Store,glance.store.http.Store',
      defaultStore: 'file',
    });
    expect([...inUse]).toEqual(['local']);
  });

  it('no store at all: nothing enabled, no default backend (pre-stein still falls back to file)', () => {
    const { context, inUse } = plan({}, NO_LOCAL);
    expect(context).toMatchObject({ enabled: undefined, defaultBackend: undefined, sections: [], radosConnectTimeout: undefined, defaultStore: 'file' });
    expect(inUse.size).toBe(0);
  });

  it('golden caracal-full: local, ceph, swift; ceph the default; the timeout at top level and in [ceph]', () => {
    const { context, inUse } = plan({ ceph: cephAt('complete'), 'object-store': objectStore() });
    expect(context.enabled).toBe('local:file, ceph:rbd, swift:swift');
    expect(context.defaultBackend).toBe('ceph');
    expect(context.radosConnectTimeout).toBe(1200);
    expect(context.cephRadosConnectTimeout).toBe(1200);
    expect(context.sections.map((s) => s.name)).toEqual(['local', 'ceph', 'swift']);
    expect(context.sections[1]?.options).toContainEqual(['rados_connect_timeout', '1200']);
    expect([...inUse]).toEqual(['local', 'ceph', 'swift']);
  });

  it('golden caracal-ec-cinder-s3: every store, in registry order, cinder one backend per type', () => {
    const relations = { ceph: cephAt('complete', { 'pool-type': 'erasure-coded' }), 'cinder-volume-service': cinderVolume(), 'identity-service': keystone() };
    const { context } = plan(relations, { 'pool-type': 'erasure-coded', 'cinder-volume-types': 'fast,slow', 'use-internal-endpoints': true, ...S3 });
    expect(context.enabled).toBe('local:file, ceph:rbd, s3:s3, fast:cinder, slow:cinder');
    expect(context.defaultBackend).toBe('ceph');
    expect(context.radosConnectTimeout).toBe(1200);
    expect(context.sections.map((s) => s.name)).toEqual(['local', 'ceph', 's3', 'fast', 'slow']);
  });

  it('orders every enabled backend local, ceph, swift, s3, cinder', () => {
    const { context } = plan({ ceph: cephAt('complete'), 'object-store': objectStore(), 'cinder-volume-service': cinderVolume() }, S3);
    expect(context.enabled).toBe('local:file, ceph:rbd, swift:swift, s3:s3, cinder:cinder');
  });

  it('picks the default by precedence, not by order', () => {
    const cases: [Record<string, RelationSnapshot[]>, Record<string, unknown>, string][] = [
      [{ 'object-store': objectStore(), 'cinder-volume-service': cinderVolume() }, S3, 'swift'],
      [{ 'cinder-volume-service': cinderVolume() }, S3, 's3'],
      [{ 'cinder-volume-service': cinderVolume() }, { 'cinder-volume-types': 'slow,fast' }, 'slow'],
      [{ 'cinder-volume-service': cinderVolume() }, {}, 'cinder'],
      [{ 'storage-backend': subordinate({ 'cinder-backend': 'true' }) }, {}, 'cinder'],
      [{ 'storage-backend': subordinate({ 'cinder-backend': 'false' }) }, {}, 'local'],
      [{ ceph: cephAt('pending'), 'object-store': objectStore() }, {}, 'swift'],
      [{ ceph: cephAt('complete') }, NO_LOCAL, 'ceph'],
    ];
    for (const [relations, options, want] of cases) expect(plan(relations, options).context.defaultBackend, `${Object.keys(relations)} ${JSON.stringify(options)}`).toBe(want);
  });

  it('sets rados_connect_timeout only with more than one shared backend (local does not count)', () => {
    const cephAlone = plan({ ceph: cephAt('complete') }).context;
    expect(cephAlone.radosConnectTimeout).toBeUndefined();
    expect(cephAlone.cephRadosConnectTimeout).toBe(0);
    expect(cephAlone.sections.find((s) => s.name === 'ceph')?.options).toContainEqual(['rados_connect_timeout', '0']);
    expect(plan({ 'object-store': objectStore() }).context.radosConnectTimeout).toBeUndefined();
    expect(plan({ 'object-store': objectStore(), 'cinder-volume-service': cinderVolume() }).context.radosConnectTimeout).toBe(1200);
    // Two cinder volume types are two backends.
    expect(plan({ 'cinder-volume-service': cinderVolume() }, { 'cinder-volume-types': 'fast,slow' }).context.radosConnectTimeout).toBe(1200);
    expect(plan({ ceph: cephAt('complete'), 'object-store': objectStore() }, { 'rados-connect-timeout': 30 }).context).toMatchObject({
      radosConnectTimeout: 30,
      cephRadosConnectTimeout: 30,
    });
    // A ceph relation that is not usable yet does not count.
    expect(plan({ ceph: cephAt('pending'), 'object-store': objectStore() }).context.radosConnectTimeout).toBeUndefined();
  });

  it('pre-stein keys (golden queens/stein): the drivers glance knows, sorted, and the one default store', () => {
    const full = plan({ ceph: cephAt('complete'), 'object-store': objectStore() }, {}, 'queens').context;
    expect(full.knownStores).toBe('glance.store.filesystem.Store,glance.store.http.Store,glance.store.rbd.Store,glance.store.swift.Store');
    expect(full.defaultStore).toBe('rbd');
    expect(plan({ 'object-store': objectStore() }, {}, 'stein').context).toMatchObject({
      knownStores: 'glance.store.filesystem.Store,glance.store.http.Store,glance.store.swift.Store',
      defaultStore: 'swift',
    });
    // A subordinate without cinder: glance may read cinder images, does not store there.
    expect(plan({ 'storage-backend': subordinate({ 'cinder-backend': 'false' }) }, {}, 'rocky').context).toMatchObject({
      knownStores: 'glance.store.cinder.Store,glance.store.filesystem.Store,glance.store.http.Store',
      defaultStore: 'file',
    });
    expect(plan({ 'cinder-volume-service': cinderVolume() }, {}, 'queens').context.defaultStore).toBe('cinder');
    // The RBD store before its pool exists is neither known nor the default.
    expect(plan({ ceph: cephAt('pending') }, {}, 'queens').context).toMatchObject({ knownStores: 'glance.store.filesystem.Store,glance.store.http.Store', defaultStore: 'file' });
  });
});

describe('a cinder volume type named like another section of glance-api.conf', () => {
  // cinder-volume-types accepts any plain name, and each type becomes a backend id and a section.
  // 'ceph' (or 'local', 'swift', 's3') gives enabled_backends 'local:file, ceph:rbd, ceph:cinder' and
  // two [ceph] sections: glance_store's dict keeps ceph:cinder, so the RBD store silently goes and the
  // default backend 'ceph' is cinder. 'DEFAULT' or 'glance_store' would pour cinder options into those
  // sections. (The reference did the same; it never checked either.)
  it('never enables two backends under one name, nor writes one section twice', () => {
    const i = storeInputs({ relations: { ceph: cephAt('complete'), 'cinder-volume-service': cinderVolume() }, options: { 'cinder-volume-types': 'ceph' } });
    const { context } = planStores(i);
    const ids = (context.enabled ?? '').split(', ').map((b) => b.split(':')[0]);
    expect(new Set(ids).size).toBe(ids.length);
    const names = context.sections.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
