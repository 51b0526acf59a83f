/**
 * KNOWN BUGS (these tests FAIL against the current src/ on purpose; the lead decides whether to fix
 * the stores / config checks or drop this file).
 */
import { describe, expect, it } from 'vitest';
import { planStores } from '../../../src/model/backends.js';
import { runChecks } from '../../../src/model/validators.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';
import { cephAt, cinderVolume, subordinate } from '../../fixtures/store-relations.js';

describe('known bug: a cinder volume type named like another section of glance-api.conf', () => {
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

describe('known bug: HA with only a subordinate that says cinder-backend=false', () => {
  // The shared-store check asks whether any shared store is `wanted`; cinder counts the storage-backend
  // relation as wanting it even when the subordinate says cinder-backend=false. Only local:file is
  // enabled, so each unit behind haproxy keeps its own images, and the "HA needs shared image storage"
  // block that the same deployment without the subordinate gets is not raised.
  it('blocks as it does without the subordinate', () => {
    const peers = [relation('cluster', 1, 'glance', { 'glance/1': { 'private-address': '10.0.0.51' } })];
    const i = storeInputs({ relations: { cluster: peers, 'storage-backend': subordinate({ 'cinder-backend': 'false' }) } });
    expect(planStores(i).context.enabled).toBe('local:file');
    expect(runChecks(i)).toContainEqual({ severity: 'blocked', source: 'storage', message: 'HA needs shared image storage: relate glance to ceph or swift-proxy' });
  });
});
