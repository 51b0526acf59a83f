/**
 * The ceph relation through reconcile, hook after hook, as an operator sees it: what glance asks
 * ceph-mon for, the keyring and ceph.conf on disk, the system ceph.conf link, the RBD store in
 * glance-api.conf once the pool exists, restarts, and the status at each step.
 */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/snapshot.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import {
  API_CONF,
  brokerAnswer,
  CEPH_CONF,
  CEPH_KEY,
  cephRelation,
  KEYRING,
  monUnit,
  restarts,
  run,
  settle,
  statusAfter,
  statusOf,
  withStores,
  written,
} from '../../fixtures/store-scenario.js';

const INSTALLED = { 'ceph-common': '16.2.15' };
const withPackages = (s: Snapshot, packages: Record<string, string | null> = INSTALLED): Snapshot => ({ ...s, host: { ...s.host, packages } });

/** A deployed unit that has settled, then ceph-mon with the given units. */
function cephStep(units: Parameters<typeof cephRelation>[0], before: Snapshot = settle(withStores({})), config: Record<string, unknown> = {}): Snapshot {
  return withPackages({ ...before, config: { ...before.config, ...config }, relations: { ...before.relations, ceph: [cephRelation(units)] } });
}

const MONS = { 'ceph-mon/0': monUnit('10.0.0.32'), 'ceph-mon/1': monUnit('10.0.0.31') };

describe('ceph relation, hook by hook', () => {
  it('joined: installs ceph-common, names the application and sends the broker request; waits for the key', () => {
    const plan = run(cephStep({ 'ceph-mon/0': {} }, undefined));
    expect(ofKind(run(withPackages(cephStep({ 'ceph-mon/0': {} }), { 'ceph-common': null })), 'apt-install')).toEqual([
      { kind: 'apt-install', packages: ['ceph-common'] },
    ]);
    const set = ofKind(plan, 'publish').find((r) => r.relationId === 'ceph:5');
    expect(set?.data['application-name']).toBe('glance');
    expect(set?.data['unit-name']).toBe('glance/0');
    expect(JSON.parse(set?.data.broker_req ?? '{}').ops[0]).toMatchObject({ op: 'create-pool', name: 'glance' });
    expect(ofKind(plan, 'write-file').map((w) => w.path)).not.toContain(KEYRING);
    expect(statusOf(plan)).toMatchObject({ status: 'waiting', message: 'Incomplete relations: storage-backend' });
  });

  it('key arrives: keyring 0640 root:glance, ceph.conf with sorted mons, the system link; still waiting on the broker', () => {
    const joined = settle(cephStep({ 'ceph-mon/0': {} }));
    const plan = run(cephStep(MONS, joined));
    const keyring = ofKind(plan, 'write-file').find((w) => w.path === KEYRING);
    expect(keyring?.content).toBe(`[client.glance]\n\tkey = ${CEPH_KEY}\n`);
    expect(keyring?.owner).toEqual({ user: 'root', group: 'glance', mode: 0o640 });
    expect(written(plan, CEPH_CONF)?.global).toMatchObject({ auth_supported: 'cephx', 'mon host': '10.0.0.31 10.0.0.32' });
    expect(ofKind(plan, 'command')).toContainEqual({
      kind: 'command',
      argv: ['update-alternatives', '--force', '--install', '/etc/ceph/ceph.conf', 'ceph.conf', CEPH_CONF, '50'],
      hostPaths: [3, 5],
    });
    // The key never travels in a command line.
    expect(JSON.stringify(ofKind(plan, 'command'))).not.toContain(CEPH_KEY);
    // The same request is not sent again; the store waits for the pool.
    expect(ofKind(plan, 'publish').filter((r) => r.relationId === 'ceph:5')).toEqual([]);
    expect(written(plan, API_CONF)).toBeUndefined();
    expect(statusOf(plan)).toEqual({ kind: 'status', status: 'waiting', message: 'Ceph broker request incomplete' });
  });

  it('broker answers: [ceph] store, default backend, image locations shown; glance-api restarted once; ready', () => {
    const keyed = settle(cephStep(MONS, settle(cephStep({ 'ceph-mon/0': {} }))));
    const answered = cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, keyed);
    const plan = run(answered);
    const conf = written(plan, API_CONF);
    expect(conf?.ceph).toEqual({
      rbd_store_chunk_size: '8',
      rbd_store_pool: 'glance',
      rbd_store_user: 'glance',
      rados_connect_timeout: '0',
      rbd_store_ceph_conf: '/etc/ceph/ceph.conf',
    });
    expect(conf?.DEFAULT?.enabled_backends).toBe('local:file, ceph:rbd');
    expect(conf?.glance_store?.default_backend).toBe('ceph');
    expect(conf?.DEFAULT?.show_multiple_locations).toBe('True');
    expect(restarts(plan).filter((s) => s === 'glance-api')).toEqual(['glance-api']);
    expect(statusOf(plan)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    const settled = settle(answered);
    expect(run(settled).effects).toEqual([]);
  });

  it('a changed request (new weight) is sent once and keeps the RBD store while ceph-mon works on it', () => {
    const ready = settle(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, settle(cephStep(MONS))));
    const retuned = { ...ready, config: { ...ready.config, 'ceph-pool-weight': 20 } };
    const plan = run(retuned);
    const sent = ofKind(plan, 'publish').find((r) => r.relationId === 'ceph:5');
    expect(JSON.parse(sent?.data.broker_req ?? '{}').ops[0].weight).toBe(20);
    expect(written(plan, API_CONF)).toBeUndefined();
    expect(restarts(plan)).toEqual([]);
    expect(statusOf(plan)?.message).toBe('Ceph broker request incomplete');
    expect(ofKind(run(settle(retuned)), 'publish')).toEqual([]);
  });

  it('a new pool name waits for the broker before glance uses it', () => {
    const ready = settle(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, settle(cephStep(MONS))));
    const plan = run({ ...ready, config: { ...ready.config, 'rbd-pool-name': 'images' } });
    expect(written(plan, API_CONF)?.ceph).toBeUndefined();
  });

  it('departed: the mon list shrinks and glance-api picks it up', () => {
    const ready = settle(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, settle(cephStep(MONS))));
    const departed = cephStep({ 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, ready);
    const plan = run(departed);
    expect(written(plan, CEPH_CONF)?.global?.['mon host']).toBe('10.0.0.32');
    expect(restarts(plan)).toContain('glance-api');
    expect(statusOf(plan)).toBeUndefined();
  });

  it('broken: the keyring is removed, the RBD store leaves glance-api.conf, glance-api restarts', () => {
    const ready = settle(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer() } }, settle(cephStep(MONS))));
    expect(ready.host.files[KEYRING]).toContain(CEPH_KEY);
    const { ceph: _gone, ...rest } = ready.relations;
    const plan = run({ ...ready, relations: rest });
    expect(ofKind(plan, 'delete-file')).toEqual([{ kind: 'delete-file', path: KEYRING }]);
    const conf = written(plan, API_CONF);
    expect(conf?.ceph).toBeUndefined();
    expect(conf?.DEFAULT?.enabled_backends).toBe('local:file');
    expect(conf?.DEFAULT?.show_multiple_locations).toBeUndefined();
    expect(restarts(plan)).toEqual(['glance-api']);
    const after = settle({ ...ready, relations: rest });
    expect(after.memory.brokerRequestId).toBeUndefined();
    expect(after.memory.cephPoolsReady).toBeUndefined();
  });

  it('a failed broker request blocks with what ceph-mon said', () => {
    const plan = run(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer({}, 1) } }));
    expect(statusOf(plan)).toMatchObject({ status: 'blocked', message: 'Ceph broker request failed: pool create failed' });
  });

  it('a malformed or foreign broker response means still waiting, never a crash', () => {
    for (const bad of ['{not json', '[]', '{"exit-code": "x"}', JSON.stringify({ 'exit-code': 0, 'request-id': 'other' })]) {
      const plan = run(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), 'broker-rsp-glance-0': bad } }));
      expect(statusOf(plan)?.message).toBe('Ceph broker request incomplete');
    }
  });

  it("another unit's answer does not count; a legacy shared answer does", () => {
    const other = run(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer({}, 0, 'glance/1') } }));
    expect(statusOf(other)?.message).toBe('Ceph broker request incomplete');
    const legacy = { broker_rsp: JSON.stringify({ 'exit-code': 0 }) };
    expect(statusAfter(cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...legacy } }))?.message).toBe('Unit is ready');
  });

  it('a bad bluestore option blocks naming the option and sends no new request', () => {
    const joined = settle(cephStep({ 'ceph-mon/0': {} }));
    const plan = run({ ...joined, config: { ...joined.config, 'bluestore-compression-mode': 'bogus' } });
    expect(statusOf(plan)?.message).toContain('bluestore-compression-mode: "bogus" is not one of: none, passive, aggressive, force');
    expect(ofKind(plan, 'publish').filter((r) => r.relationId === 'ceph:5')).toEqual([]);
  });

  it('an invalid erasure-code profile blocks naming the option, and is not sent', () => {
    const joined = settle(cephStep({ 'ceph-mon/0': {} }));
    const plan = run({ ...joined, config: { ...joined.config, 'pool-type': 'erasure-coded', 'ec-profile-plugin': 'lrc' } });
    expect(statusOf(plan)).toMatchObject({ status: 'blocked' });
    expect(statusOf(plan)?.message).toContain('Invalid configuration: ec-profile-locality: the lrc plugin needs it');
    expect(ofKind(plan, 'publish').filter((r) => r.relationId === 'ceph:5')).toEqual([]);
  });

  it('erasure-coded: glance-api uses the requested metadata pool, ceph.conf names the data pool', () => {
    const ec = { 'pool-type': 'erasure-coded', 'ec-profile-k': 4, 'ec-profile-m': 2, 'rbd-pool-name': 'foo' };
    const s = cephStep({ ...MONS, 'ceph-mon/0': { ...monUnit('10.0.0.32'), ...brokerAnswer(ec) } }, undefined, ec);
    const plan = run(s);
    expect(written(plan, API_CONF)?.ceph?.rbd_store_pool).toBe('glance-metadata');
    expect(written(plan, CEPH_CONF)?.client).toEqual({ 'rbd default data pool': 'foo' });
  });

  it('use-syslog and rbd-features reach ceph.conf; IPv6 monitors are bracketed; junk addresses are dropped', () => {
    const units = {
      'ceph-mon/0': monUnit('2001:db8::2', { 'rbd-features': '61' }),
      'ceph-mon/1': monUnit('10.0.0.31', { 'ceph-public-address': '10.0.0.31\nkey = evil' }),
    };
    const global = written(run(cephStep(units, undefined, { 'use-syslog': true })), CEPH_CONF)?.global;
    expect(global).toMatchObject({ 'log to syslog': 'true', 'err to syslog': 'true', 'clog to syslog': 'true', 'rbd default features': '61' });
    expect(global?.['mon host']).toBe('[2001:db8::2]');
  });

  it('a key that is not base64 is not written anywhere: the relation stays incomplete', () => {
    const plan = run(cephStep({ 'ceph-mon/0': monUnit('10.0.0.31', { key: 'abc\n[client.admin]' }) }));
    expect(ofKind(plan, 'write-file').map((w) => w.path)).not.toContain(KEYRING);
    expect(statusOf(plan)?.message).toBe('Incomplete relations: storage-backend');
  });
});
