/**
 * The ceph relation through the built charm under the simulated Juju, as an operator lives it:
 * relate, ceph-mon hands out the key, its broker creates the pool, a monitor leaves, the relation
 * is removed; then swift-proxy joins a unit whose keystone is already there.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_CONF,
  brokerAnswer,
  CEPH_CONF,
  CEPH_KEY,
  commandLines,
  type Deployed,
  deployed,
  failures,
  ini,
  KEYRING,
  monUnit,
  SWIFT_CONF,
  UNIT,
} from './harness.js';

/** The reference's request for default options (test/unit/ceph/reference-broker-requests.txt). */
const REFERENCE_DEFAULT_REQUEST = readFileSync(new URL('../../unit/ceph/reference-broker-requests.txt', import.meta.url), 'utf8')
  .split('\n')
  .find((l) => l.trim().startsWith('{"api-version"'))
  ?.trim();

/** Each step runs several hooks of the built charm, each a process with its tools as processes. */
const STEP_TIMEOUT = 300_000;

describe('ceph through the built charm', () => {
  let d: Deployed;
  let rel = 0;
  beforeAll(async () => {
    d = await deployed();
  }, 600_000);
  afterAll(() => d?.dispose());

  it('joined: ceph-common installed, application-name and the reference broker request sent; waiting for a store', async () => {
    const from = d.sim.history.length;
    rel = (await d.sim.integrate('ceph', 'ceph-mon', { units: { 'ceph-mon/0': {} } })).relationId;
    expect(failures(d.sim, from)).toEqual([]);
    expect(commandLines(d.sim, from, 'apt-get').some((l) => / install .*ceph-common/.test(l))).toBe(true);
    const sent = d.sim.published(rel, UNIT);
    expect(sent['application-name']).toBe('glance');
    expect(sent['unit-name']).toBe(UNIT);
    expect(sent.broker_req).toBe(REFERENCE_DEFAULT_REQUEST);
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'waiting', message: 'Incomplete relations: storage-backend' });
  }, STEP_TIMEOUT);

  it('key arrives: keyring (0640), ceph.conf, the system link; waiting on the broker', async () => {
    const from = d.sim.history.length;
    await d.sim.setRemoteData(rel, { units: { 'ceph-mon/0': monUnit('10.0.0.32') } });
    await d.sim.addRemoteUnit(rel, 'ceph-mon/1', monUnit('10.0.0.31'));
    expect(failures(d.sim, from)).toEqual([]);
    expect(d.sim.readFile(UNIT, KEYRING)).toBe(`[client.glance]\n\tkey = ${CEPH_KEY}\n`);
    expect(statSync(join(d.sim.unit(UNIT).fsRoot, KEYRING)).mode & 0o777).toBe(0o640);
    expect(ini(d.sim, CEPH_CONF).global).toMatchObject({ auth_supported: 'cephx', 'mon host': '10.0.0.31 10.0.0.32' });
    const root = d.sim.unit(UNIT).fsRoot;
    expect(commandLines(d.sim, from, 'update-alternatives')).toContain(
      `update-alternatives --force --install ${join(root, '/etc/ceph/ceph.conf')} ceph.conf ${join(root, CEPH_CONF)} 50`,
    );
    // The key is in no command line.
    expect(commandLines(d.sim, 0).join('\n')).not.toContain(CEPH_KEY);
    expect(ini(d.sim, API_CONF).ceph).toBeUndefined();
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'waiting', message: 'Ceph broker request incomplete' });
  }, STEP_TIMEOUT);

  it('broker answers: [ceph] is the default store, glance-api restarted once, ready', async () => {
    const from = d.sim.history.length;
    await d.sim.setRemoteData(rel, { units: { 'ceph-mon/0': brokerAnswer(d.sim.published(rel, UNIT)) } });
    expect(failures(d.sim, from)).toEqual([]);
    const conf = ini(d.sim, API_CONF);
    expect(conf.ceph).toMatchObject({ rbd_store_pool: 'glance', rbd_store_user: 'glance', rbd_store_ceph_conf: '/etc/ceph/ceph.conf' });
    expect(conf.glance_store?.default_backend).toBe('ceph');
    expect(conf.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd');
    expect(commandLines(d.sim, from).filter((l) => /\b(restart|stop|start) glance-api$/.test(l))).toEqual(['systemctl restart glance-api']);
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);

  it('a monitor departs: ceph.conf lists the one left', async () => {
    const from = d.sim.history.length;
    await d.sim.departRemoteUnit(rel, 'ceph-mon/1');
    expect(failures(d.sim, from)).toEqual([]);
    expect(ini(d.sim, CEPH_CONF).global?.['mon host']).toBe('10.0.0.32');
  }, STEP_TIMEOUT);

  it('relation removed: keyring gone, [ceph] gone, back to the local store', async () => {
    const from = d.sim.history.length;
    await d.sim.removeRelation(rel);
    expect(failures(d.sim, from)).toEqual([]);
    expect(d.sim.readFile(UNIT, KEYRING)).toBeNull();
    const conf = ini(d.sim, API_CONF);
    expect(conf.ceph).toBeUndefined();
    expect(conf.glance_store?.default_backend).toBe('local');
    expect(d.sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, STEP_TIMEOUT);

  it('swift-proxy joins after keystone: glance-swift.conf gets the credentials, swift is the store', async () => {
    const from = d.sim.history.length;
    await d.sim.integrate('object-store', 'swift-proxy');
    expect(failures(d.sim, from)).toEqual([]);
    expect(ini(d.sim, SWIFT_CONF).swift).toMatchObject({ auth_version: '3', user: 'services:glance', key: 'KSPASS', container: 'glance' });
    expect(ini(d.sim, API_CONF).glance_store?.default_backend).toBe('swift');
  }, STEP_TIMEOUT);
});
