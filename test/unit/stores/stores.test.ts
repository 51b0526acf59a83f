/**
 * Swift, cinder, the storage-backend subordinate and external S3 through reconcile, alone and
 * together: which backends glance-api.conf enables, which is the default, and the status.
 */
import { describe, expect, it } from 'vitest';
import type { Databag, Snapshot } from '../../../src/snapshot.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { KEYSTONE_REPLY, relation, snapshot } from '../../fixtures/snapshot.js';
import { API_CONF, brokerAnswer, cephRelation, monUnit, restarts, run, settle, statusAfter, withStores, written } from '../../fixtures/store-scenario.js';

const SWIFT_CONF = '/etc/glance/glance-swift.conf';
const objectStore = () => [relation('object-store', 6, 'swift-proxy')];
const cinderVolume = () => [relation('cinder-volume-service', 7, 'cinder')];
const subordinate = (bag: Databag) => [relation('storage-backend', 8, 'cinder-backup', { 'cinder-backup/0': bag })];
const readyCeph = () => [cephRelation({ 'ceph-mon/0': { ...monUnit('10.0.0.31'), ...brokerAnswer() } })];
const S3 = {
  's3-store-host': 'http://10.0.0.60:7480',
  's3-store-access-key': 'ACCESS',
  's3-store-secret-key': 'SECRET',
  's3-store-bucket': 'images',
};

const apiConf = (s: Snapshot) => written(run(s), API_CONF) ?? {};

describe('swift (object-store)', () => {
  it('keystone first, then swift-proxy: glance-swift.conf gets glance\'s v3 credentials, the swift store is the default', () => {
    const plan = run(withStores({ 'object-store': objectStore() }));
    expect(written(plan, SWIFT_CONF)?.swift).toMatchObject({
      auth_version: '3',
      auth_address: 'http://10.0.0.10:5000/v3',
      user: 'services:glance',
      key: 'KSPASS',
      container: 'glance',
      large_object_size: '5120',
      large_object_chunk_size: '200',
    });
    const conf = written(plan, API_CONF);
    expect(conf?.DEFAULT?.enabled_backends).toBe('local:file, swift:swift');
    expect(conf?.glance_store?.default_backend).toBe('swift');
    // One non-local backend: no timeout for a ceph that is not there.
    expect(conf?.glance_store?.rados_connect_timeout).toBeUndefined();
  });

  it('swift-proxy first, then keystone: the credentials are written when keystone arrives', () => {
    const db = { 'shared-db': [relation('shared-db', 3, 'mysql', { 'mysql/0': { db_host: '127.0.0.1', password: 'DBPASS', allowed_units: 'glance/0' } })] };
    const swiftOnly = settle(withStores({ ...db, 'object-store': objectStore() }, {}, snapshot()));
    expect(swiftOnly.host.files[SWIFT_CONF]?.trim()).toBe('');
    const plan = run({ ...swiftOnly, relations: { ...swiftOnly.relations, 'identity-service': [relation('identity-service', 2, 'keystone', { 'keystone/0': KEYSTONE_REPLY })] } });
    expect(written(plan, SWIFT_CONF)?.swift?.key).toBe('KSPASS');
    expect(restarts(plan)).toContain('glance-api');
  });

  it('broken: the store and the credentials go away', () => {
    const withSwift = settle(withStores({ 'object-store': objectStore() }));
    const { 'object-store': _gone, ...rest } = withSwift.relations;
    const plan = run({ ...withSwift, relations: rest });
    expect(written(plan, SWIFT_CONF)?.swift).toBeUndefined();
    expect(written(plan, API_CONF)?.swift).toBeUndefined();
  });
});

describe('cinder', () => {
  it('cinder-volume-service without types: one [cinder] section with retries and timeout', () => {
    const conf = apiConf(withStores({ 'cinder-volume-service': cinderVolume() }, { 'cinder-http-retries': 5 }));
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, cinder:cinder');
    expect(conf.glance_store?.default_backend).toBe('cinder');
    expect(conf.cinder).toEqual({ cinder_http_retries: '5', cinder_state_transition_timeout: '300' });
  });

  it('cinder-volume-types: one backend per type with keystone credentials, the first is the default', () => {
    const conf = apiConf(
      withStores({ 'cinder-volume-service': cinderVolume() }, { 'cinder-volume-types': 'fast,slow', 'use-internal-endpoints': true }),
    );
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, fast:cinder, slow:cinder');
    expect(conf.glance_store?.default_backend).toBe('fast');
    expect(conf.slow).toEqual({
      cinder_volume_type: 'slow',
      cinder_http_retries: '3',
      cinder_state_transition_timeout: '300',
      cinder_store_user_name: 'glance',
      cinder_store_password: 'KSPASS',
      cinder_store_project_name: 'services',
      cinder_store_auth_address: 'http://10.0.0.10:35357/v3',
      cinder_catalog_info: 'volumev3:cinderv3:internalURL',
    });
  });

  it('use-internal-endpoints also reaches the unnamed [cinder] section', () => {
    const conf = apiConf(withStores({ 'cinder-volume-service': cinderVolume() }, { 'use-internal-endpoints': true }));
    expect(conf.cinder?.cinder_catalog_info).toBe('volumev3:cinderv3:internalURL');
  });

  it('in a container: blocked, as os-brick cannot attach volumes there', () => {
    const s = withStores({ 'cinder-volume-service': cinderVolume() });
    expect(statusAfter({ ...s, host: { ...s.host, inContainer: true } })).toEqual({
      status: 'blocked',
      message: 'Glance with cinder storage backend is not supported on container',
    });
  });
});

describe('storage-backend subordinate', () => {
  it('cinder-backend "True" turns the cinder store on', () => {
    expect(apiConf(withStores({ 'storage-backend': subordinate({ 'cinder-backend': 'True' }) })).DEFAULT?.enabled_backends).toBe(
      'local:file, cinder:cinder',
    );
  });

  it('cinder-backend "False" means false (the reference enabled cinder for any string, Q6)', () => {
    const s = withStores({ 'storage-backend': subordinate({ 'cinder-backend': 'False' }) });
    expect(apiConf(s).DEFAULT?.enabled_backends).toBe('local:file');
    expect(statusAfter(s)?.message).toBe('Unit is ready');
  });

  it('subordinate_configuration: its glance-api.conf sections are merged in, DEFAULT never', () => {
    const sub = {
      'glance-api': {
        '/etc/glance/glance-api.conf': {
          sections: {
            DEFAULT: [['debug', 'True']],
            cinder_backup: [
              ['rootwrap', '/etc/glance/rootwrap.conf'],
              ['retries', 3],
            ],
          },
        },
      },
      'cinder-volume': { '/etc/cinder/cinder.conf': { sections: { other: [['a', 'b']] } } },
    };
    const conf = apiConf(withStores({ 'storage-backend': subordinate({ 'cinder-backend': 'False', subordinate_configuration: JSON.stringify(sub) }) }));
    expect(conf.cinder_backup).toEqual({ rootwrap: '/etc/glance/rootwrap.conf', retries: '3' });
    expect(conf.DEFAULT?.debug).toBe('False');
    expect(conf.other).toBeUndefined();
  });

  it('malformed or line-breaking subordinate data leaves the relation incomplete and the file untouched', () => {
    const evil = JSON.stringify({ 'glance-api': { '/etc/glance/glance-api.conf': { sections: { x: [['k', 'v\n[database]\nconnection = sqlite://']] } } } });
    const bags: Databag[] = [{ subordinate_configuration: '{oops' }, { subordinate_configuration: evil }, { 'cinder-backend': 'maybe' }];
    for (const bag of bags) {
      const s = withStores({ 'storage-backend': subordinate(bag) });
      expect(statusAfter(s)).toEqual({ status: 'waiting', message: 'Incomplete relations: storage-backend' });
      expect(JSON.stringify(ofKind(run(s), 'write-file'))).not.toContain('sqlite');
    }
  });

  it('related but silent: waiting on storage-backend', () => {
    expect(statusAfter(withStores({ 'storage-backend': subordinate({}) }))).toEqual({
      status: 'waiting',
      message: 'Incomplete relations: storage-backend',
    });
  });
});

describe('external S3', () => {
  it('all four options on ussuri or later: an [s3] store, the default without ceph or swift', () => {
    const conf = apiConf(withStores({}, S3));
    expect(conf.s3).toEqual({
      s3_store_host: 'http://10.0.0.60:7480',
      s3_store_access_key: 'ACCESS',
      s3_store_secret_key: 'SECRET',
      s3_store_bucket: 'images',
    });
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, s3:s3');
    expect(conf.glance_store?.default_backend).toBe('s3');
  });

  it('some of the four: blocked as the reference said, and no S3 store', () => {
    const s = withStores({}, { 's3-store-host': 'http://10.0.0.60:7480' });
    expect(statusAfter(s)).toEqual({ status: 'blocked', message: 'Invalid external S3 config: Missing necessary config options' });
  });

  it('before ussuri: blocked naming the release, no S3 store', () => {
    const base = withStores({}, S3);
    const train = { ...base, host: { ...base.host, glanceCommonVersion: '2:19.0.0-0ubuntu1' } };
    expect(statusAfter(train)).toEqual({ status: 'blocked', message: 'Invalid external S3 config: train is not supported' });
    expect(settle(train).host.files[API_CONF]).not.toContain('s3_store');
  });

  it('with ceph, image locations stay hidden so S3 credentials cannot leak (LP #1935743)', () => {
    const conf = apiConf(withStores({ ceph: readyCeph() }, S3));
    expect(conf.ceph).toBeDefined();
    expect(conf.DEFAULT?.show_multiple_locations).toBeUndefined();
    expect(conf.DEFAULT?.show_image_direct_url).toBeUndefined();
  });

  it('expose-image-locations false hides them with ceph alone too', () => {
    expect(apiConf(withStores({ ceph: readyCeph() }, { 'expose-image-locations': false })).DEFAULT?.show_multiple_locations).toBeUndefined();
  });
});

describe('several stores at once', () => {
  it('ceph + swift + s3 + two cinder types: order, ceph the default, rados_connect_timeout everywhere it applies', () => {
    const s = withStores(
      { ceph: readyCeph(), 'object-store': objectStore(), 'cinder-volume-service': cinderVolume() },
      { ...S3, 'cinder-volume-types': 'fast,slow', 'rados-connect-timeout': 600 },
    );
    const conf = apiConf(s);
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, swift:swift, s3:s3, fast:cinder, slow:cinder');
    expect(conf.glance_store).toEqual({ default_backend: 'ceph', rados_connect_timeout: '600' });
    expect(conf.ceph?.rados_connect_timeout).toBe('600');
    expect(statusAfter(s)).toEqual({ status: 'active', message: 'Unit is ready' });
  });

  it('default precedence: swift over s3 over cinder; local only when alone', () => {
    const defaultOf = (rels: Parameters<typeof withStores>[0], cfg = {}) => apiConf(withStores(rels, cfg)).glance_store?.default_backend;
    expect(defaultOf({ 'object-store': objectStore(), 'cinder-volume-service': cinderVolume() }, S3)).toBe('swift');
    expect(defaultOf({ 'cinder-volume-service': cinderVolume() }, S3)).toBe('s3');
    expect(defaultOf({})).toBe('local');
  });

  it('without the local store (filesystem-store-datadir ""): no [local], swift alone', () => {
    const conf = apiConf(withStores({ 'object-store': objectStore() }, { 'filesystem-store-datadir': '' }));
    expect(conf.DEFAULT?.enabled_backends).toBe('swift:swift');
    expect(conf.local).toBeUndefined();
  });

  it('a store relation with nothing ready yet: waiting on storage-backend; one ready store is enough', () => {
    const cephNoKey = [cephRelation({ 'ceph-mon/0': { 'private-address': '10.0.0.31' } })];
    expect(statusAfter(withStores({ ceph: cephNoKey }))).toEqual({ status: 'waiting', message: 'Incomplete relations: storage-backend' });
    expect(statusAfter(withStores({ ceph: cephNoKey, 'object-store': objectStore() }))).toEqual({ status: 'active', message: 'Unit is ready' });
  });
});
