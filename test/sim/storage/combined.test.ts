/**
 * Several stores on one unit through the built charm: swift-proxy before keystone (the order the
 * reference once got wrong, LP #1915300), then ceph, external S3, two cinder volume types and a
 * storage-backend subordinate, each step checked where an operator would look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_CONF,
  answeringCephMon,
  type Deployed,
  deployed,
  failures,
  ini,
  KEYSTONE,
  monUnit,
  SWIFT_CONF,
  UNIT,
} from './harness.js';

const STEP_TIMEOUT = 300_000;

const S3 = {
  's3-store-host': 'http://10.0.0.60:7480',
  's3-store-access-key': 'ACCESS',
  's3-store-secret-key': 'SECRET',
  's3-store-bucket': 'images',
};

const SUBORDINATE = JSON.stringify({
  'glance-api': { '/etc/glance/glance-api.conf': { sections: { DEFAULT: [['debug', 'True']], extra_store_opts: [['opt', 'value']] } } },
});

describe('swift, ceph, s3, cinder and a subordinate together', () => {
  let d: Deployed;
  beforeAll(async () => {
    d = await deployed({}, false);
  }, 600_000);
  afterAll(() => d?.dispose());

  it('swift-proxy before keystone: the store is on, the credentials wait for keystone', async () => {
    const from = d.sim.history.length;
    await d.sim.integrate('object-store', 'swift-proxy');
    expect(failures(d.sim, from)).toEqual([]);
    expect(ini(d.sim, SWIFT_CONF).swift).toBeUndefined();
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'blocked', message: 'Missing relations: identity' });
    await d.sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': KEYSTONE } });
    expect(failures(d.sim, from)).toEqual([]);
    expect(ini(d.sim, SWIFT_CONF).swift).toMatchObject({ auth_address: 'http://10.0.0.10:5000/v3', user: 'services:glance', key: 'KSPASS' });
    expect(ini(d.sim, API_CONF).glance_store?.default_backend).toBe('swift');
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);

  it('ceph joins and its broker answers: ceph becomes the default, the timeout applies to several stores', async () => {
    const from = d.sim.history.length;
    answeringCephMon(d.sim);
    await d.sim.integrate('ceph', 'ceph-mon', { units: { 'ceph-mon/0': monUnit('10.0.0.31') } });
    expect(failures(d.sim, from)).toEqual([]);
    const conf = ini(d.sim, API_CONF);
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, swift:swift');
    expect(conf.glance_store).toEqual({ default_backend: 'ceph', rados_connect_timeout: '1200' });
    expect(conf.ceph?.rados_connect_timeout).toBe('1200');
    expect(conf.DEFAULT?.show_multiple_locations).toBe('True');
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);

  it('S3 options and cinder volume types, then cinder: every backend in order, locations hidden', async () => {
    const from = d.sim.history.length;
    await d.sim.config({ ...S3, 'cinder-volume-types': 'fast,slow' });
    await d.sim.integrate('cinder-volume-service', 'cinder');
    expect(failures(d.sim, from)).toEqual([]);
    const conf = ini(d.sim, API_CONF);
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, swift:swift, s3:s3, fast:cinder, slow:cinder');
    expect(conf.glance_store?.default_backend).toBe('ceph');
    expect(conf.s3).toMatchObject({ s3_store_host: 'http://10.0.0.60:7480', s3_store_bucket: 'images' });
    expect(conf.fast).toMatchObject({ cinder_volume_type: 'fast', cinder_store_user_name: 'glance', cinder_store_auth_address: 'http://10.0.0.10:35357/v3' });
    // S3 credentials must not leak through image locations.
    expect(conf.DEFAULT?.show_multiple_locations).toBeUndefined();
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);

  it('a storage-backend subordinate: its sections are merged, cinder-backend "False" changes nothing', async () => {
    const from = d.sim.history.length;
    await d.sim.integrate('storage-backend', 'glance-plugin', {
      units: { 'glance-plugin/0': { 'cinder-backend': 'False', subordinate_configuration: SUBORDINATE } },
    });
    expect(failures(d.sim, from)).toEqual([]);
    const conf = ini(d.sim, API_CONF);
    expect(conf.extra_store_opts).toEqual({ opt: 'value' });
    expect(conf.DEFAULT?.debug).toBe('False');
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd, swift:swift, s3:s3, fast:cinder, slow:cinder');
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);
});
