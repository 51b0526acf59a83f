/**
 * The cinder store, called directly: on with cinder-volume-service or a storage-backend
 * subordinate that asks for it; one section per volume type with glance's keystone credentials.
 */
import { describe, expect, it } from 'vitest';
import { cinder } from '../../../src/stores/cinder.js';
import { storeInputs } from '../../fixtures/relation-env.js';
import { cinderVolume, keystone, subordinate } from '../../fixtures/store-relations.js';
import type { RelationSnapshot } from '../../../src/snapshot.js';
import { planStores } from '../../../src/model/backends.js';
import { runChecks } from '../../../src/model/validators.js';
import { relation } from '../../fixtures/snapshot.js';

const inputs = (relations: Record<string, RelationSnapshot[]>, options: Record<string, unknown> = {}, inContainer = false) =>
  storeInputs({ relations, options, inContainer });
const CONTAINER = { severity: 'blocked', source: 'cinder', message: 'Glance with cinder storage backend is not supported on container' };

/** A [<type>] section of test/golden/caracal-ec-cinder-s3 (with use-internal-endpoints). */
const typed = (t: string, catalog = true) => ({
  id: `${t}:cinder`,
  section: {
    name: t,
    options: [
      ['cinder_volume_type', t],
      ['cinder_http_retries', '3'],
      ['cinder_state_transition_timeout', '300'],
      ['cinder_store_user_name', 'glance'],
      ['cinder_store_password', 'KSPASS'],
      ['cinder_store_project_name', 'services'],
      ['cinder_store_auth_address', 'http://10.0.0.10:35357/v3'],
      ...(catalog ? [['cinder_catalog_info', 'volumev3:cinderv3:internalURL']] : []),
    ],
  },
});

describe('cinder store', () => {
  it('is brought by cinder-volume-service and storage-backend, shared, fourth in precedence', () => {
    expect(cinder.name).toBe('cinder');
    expect(cinder.relatedBy).toEqual(['cinder-volume-service', 'storage-backend']);
    expect(cinder.shared).toBe(true);
    expect(cinder.precedence).toBe(4);
  });

  it('is wanted with cinder-volume-service, or a subordinate that has not answered yet or asks for it', () => {
    expect(cinder.wanted(inputs({}))).toBe(false);
    expect(cinder.wanted(inputs({ 'cinder-volume-service': cinderVolume() }))).toBe(true);
    expect(cinder.wanted(inputs({ 'storage-backend': subordinate({}) }))).toBe(true);
    expect(cinder.wanted(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'true' }) }))).toBe(true);
    expect(cinder.wanted(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'false' }) }))).toBe(false);
  });

  it('without volume types: one [cinder] section with retries and timeout only', () => {
    expect(cinder.backends(inputs({ 'cinder-volume-service': cinderVolume(), 'identity-service': keystone() }, { 'cinder-http-retries': 5 }), 0)).toEqual([
      { id: 'cinder:cinder', section: { name: 'cinder', options: [['cinder_http_retries', '5'], ['cinder_state_transition_timeout', '300']] } },
    ]);
  });

  it('internal endpoints apply to the unnamed [cinder] section too', () => {
    expect(cinder.backends(inputs({ 'cinder-volume-service': cinderVolume() }, { 'use-internal-endpoints': true }), 0)).toEqual([
      {
        id: 'cinder:cinder',
        section: {
          name: 'cinder',
          options: [['cinder_http_retries', '3'], ['cinder_state_transition_timeout', '300'], ['cinder_catalog_info', 'volumev3:cinderv3:internalURL']],
        },
      },
    ]);
  });

  it('one section per volume type, in order, with keystone credentials and catalog info (golden caracal-ec-cinder-s3)', () => {
    const i = inputs({ 'cinder-volume-service': cinderVolume(), 'identity-service': keystone() }, { 'cinder-volume-types': 'fast,slow', 'use-internal-endpoints': true });
    expect(cinder.backends(i, 1200)).toEqual([typed('fast'), typed('slow')]);
    const noCatalog = inputs({ 'cinder-volume-service': cinderVolume(), 'identity-service': keystone() }, { 'cinder-volume-types': 'fast' });
    expect(cinder.backends(noCatalog, 0)).toEqual([typed('fast', false)]);
  });

  it('volume types before keystone is ready: the sections without credentials', () => {
    expect(cinder.backends(inputs({ 'cinder-volume-service': cinderVolume() }, { 'cinder-volume-types': 'fast' }), 0)).toEqual([
      { id: 'fast:cinder', section: { name: 'fast', options: [['cinder_volume_type', 'fast'], ['cinder_http_retries', '3'], ['cinder_state_transition_timeout', '300']] } },
    ]);
  });

  it('a subordinate turns it on only by saying so', () => {
    expect(cinder.backends(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'true' }) }), 0).map((b) => b.id)).toEqual(['cinder:cinder']);
    expect(cinder.backends(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'False' }) }), 0)).toEqual([]);
    expect(cinder.backends(inputs({ 'storage-backend': subordinate({}) }), 0)).toEqual([]);
    expect(cinder.backends(inputs({}), 0)).toEqual([]);
  });

  it('is blocked in a container whichever relation asks for it', () => {
    expect(cinder.problems?.(inputs({ 'cinder-volume-service': cinderVolume() }, {}, true))).toEqual([CONTAINER]);
    expect(cinder.problems?.(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'true' }) }, {}, true))).toEqual([CONTAINER]);
    expect(cinder.problems?.(inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'false' }) }, {}, true))).toEqual([]);
    expect(cinder.problems?.(inputs({}, {}, true))).toEqual([]);
    expect(cinder.problems?.(inputs({ 'cinder-volume-service': cinderVolume() }, {}, false))).toEqual([]);
  });

  it('before stein: listed with either relation (glance may read cinder images), the default only while on', () => {
    expect(cinder.legacy?.driver).toBe('glance.store.cinder.Store');
    expect(cinder.legacy?.name).toBe('cinder');
    const off = inputs({ 'storage-backend': subordinate({ 'cinder-backend': 'false' }) });
    expect(cinder.legacy?.listed(off)).toBe(true);
    expect(cinder.legacy?.serves(off)).toBe(false);
    const on = inputs({ 'cinder-volume-service': cinderVolume() });
    expect(cinder.legacy?.listed(on)).toBe(true);
    expect(cinder.legacy?.serves(on)).toBe(true);
    expect(cinder.legacy?.listed(inputs({}))).toBe(false);
  });
});

describe('HA with only a subordinate that says cinder-backend=false', () => {
  // The shared-store check asks whether any shared store is `wanted`; cinder counted the storage-backend
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
