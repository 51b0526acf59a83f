/**
 * ceph, called directly: when ceph-mon's answer (key, monitors, broker response) is usable, what
 * glance sends it (the broker request kept word for word while its content is unchanged, held on
 * invalid erasure-code settings), the keyring it hands to the host, and what leaves with it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokerRequest } from '../../../src/ceph/broker-request.js';
import { responseKey } from '../../../src/ceph/broker-response.js';
import { parseConfig } from '../../../src/config/index.js';
import { ceph, cephContext, cephMemory, poolsOf, requestHeld } from '../../../src/relations/ceph.js';
import type { Databag, RelationSnapshot } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';

const KEY = 'AQBsTnRkAAAAABAAnNwC7uWb3lMNUb8DMsLqUw==';
const env = readEnv();
const cephRel = (units: Record<string, Databag>, id = 5): RelationSnapshot => relation('ceph', id, 'ceph-mon', units);
const mon = (address: string, extra: Databag = {}): Databag => ({ 'private-address': address, 'ceph-public-address': address, auth: 'cephx', key: KEY, ...extra });
const read = (units: Record<string, Databag>, e = env) => ceph.read([cephRel(units)], e);

/** The reference's broker request for the default config (golden relation-and-status-outputs). */
function referenceDefaultRequest(): string {
  const lines = readFileSync(new URL('../ha/reference-relation-and-status-outputs.txt', import.meta.url), 'utf8').split('\n');
  return (lines[lines.indexOf('== ceph broker request {}') + 1] ?? '').trim();
}
const GOLDEN_ID = '305c61d7aa20a2ab733fa6efceecb6c7e0d99b2d';

const answer = (exitCode: number, requestId = GOLDEN_ID, extra: Record<string, unknown> = {}): Databag => ({
  [responseKey('glance/0')]: JSON.stringify({ 'exit-code': exitCode, 'request-id': requestId, ...extra }),
});

/** Erasure-coded with the lrc plugin and no locality: Ceph would refuse the profile. */
const BAD_EC = { 'pool-type': 'erasure-coded', 'ec-profile-plugin': 'lrc', 'ec-profile-k': 4, 'ec-profile-m': 2 };

describe('ceph: what the read phase and status rely on', () => {
  it('reads the unit databags and its own (the broker request is kept word for word); the store registry groups it', () => {
    expect(ceph.endpoint).toBe('ceph');
    expect(ceph.reads).toBe('units');
    expect(ceph.ownBag).toBe(true);
    expect(ceph.group).toBeUndefined();
    expect(ceph.completeWith).toBeUndefined();
    expect(ceph.binding).toBeUndefined();
  });
});

describe('ceph: readiness', () => {
  it('is absent when unrelated', () => {
    expect(ceph.read([], env)).toEqual({ state: 'absent' });
  });

  it('is incomplete, naming what is missing, until a key, its auth and a monitor arrive', () => {
    expect(ceph.read([cephRel({})], env)).toEqual({ state: 'incomplete', missing: ['auth', 'key', 'ceph-public-address'] });
    expect(read({ 'ceph-mon/0': {} })).toEqual({ state: 'incomplete', missing: ['auth', 'key', 'ceph-public-address'] });
    expect(read({ 'ceph-mon/0': { 'private-address': '10.0.0.31' } })).toEqual({ state: 'incomplete', missing: ['auth', 'key'] });
    expect(read({ 'ceph-mon/0': { 'private-address': '10.0.0.31', auth: 'cephx' } })).toEqual({ state: 'incomplete', missing: ['key'] });
    expect(read({ 'ceph-mon/0': { auth: 'cephx', key: KEY } })).toEqual({ state: 'incomplete', missing: ['ceph-public-address'] });
  });

  it('is ready with sorted monitors (golden caracal-full ceph.conf), the default request, the broker pending', () => {
    const r = read({ 'ceph-mon/0': mon('10.0.0.32'), 'ceph-mon/1': mon('10.0.0.31') });
    expect(r).toEqual({
      state: 'ready',
      context: {
        auth: 'cephx',
        key: KEY,
        monHosts: '10.0.0.31 10.0.0.32',
        rbdFeatures: undefined,
        request: brokerRequest(env.config, 'glance'),
        broker: { state: 'pending' },
        storeReady: false,
      },
    });
    expect(r.state === 'ready' && r.context.request.requestId).toBe(GOLDEN_ID);
  });

  it('takes the monitors from ceph-public-address (a list), else private-address; brackets IPv6', () => {
    const r = read({
      'ceph-mon/0': { 'private-address': '10.0.0.31', auth: 'cephx', key: KEY },
      'ceph-mon/1': { 'private-address': '10.0.0.1', 'ceph-public-address': '10.1.0.33 10.1.0.32' },
      'ceph-mon/2': { 'private-address': 'fd00::34' },
    });
    expect(r).toMatchObject({ state: 'ready', context: { monHosts: '10.0.0.31 10.1.0.32 10.1.0.33 [fd00::34]' } });
  });

  it('passes on rbd-features when it is a number', () => {
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { 'rbd-features': '61' }) })).toMatchObject({ context: { rbdFeatures: '61' } });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { 'rbd-features': '61\nkeyring = /tmp/x' }) })).toMatchObject({ context: { rbdFeatures: undefined } });
  });

  it('never lets remote values add lines to ceph.conf or the keyring: such values are ignored', () => {
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { key: `${KEY}\n[client.admin]` }) })).toEqual({ state: 'incomplete', missing: ['key'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { key: 'AQB=abc' }) })).toEqual({ state: 'incomplete', missing: ['key'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { key: 'a key' }) })).toEqual({ state: 'incomplete', missing: ['key'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { auth: 'cephx\nauth_supported = none' }) })).toEqual({ state: 'incomplete', missing: ['auth'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { auth: 'a=b' }) })).toEqual({ state: 'incomplete', missing: ['auth'] });
    // Monitor lists with a line break or '=' are dropped whole; another unit's list still counts.
    expect(read({ 'ceph-mon/0': mon('10.0.0.31\nkeyring = /tmp/k') })).toEqual({ state: 'incomplete', missing: ['ceph-public-address'] });
    expect(read({ 'ceph-mon/0': mon('mon=1') })).toEqual({ state: 'incomplete', missing: ['ceph-public-address'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31  10.0.0.32') })).toEqual({ state: 'incomplete', missing: ['ceph-public-address'] });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31\n'), 'ceph-mon/1': mon('10.0.0.32') })).toMatchObject({ state: 'ready', context: { monHosts: '10.0.0.32' } });
    // A good key from one unit, a bad one from another: the good one.
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { key: 'x\ny' }), 'ceph-mon/1': mon('10.0.0.32') })).toMatchObject({ context: { key: KEY } });
  });
});

describe('ceph: the broker', () => {
  it('is complete on exit code 0 for this very request: the store is ready', () => {
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', answer(0)) })).toMatchObject({ context: { broker: { state: 'complete' }, storeReady: true } });
  });

  it('is failed with ceph-mon\'s message on a non-zero exit code', () => {
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', answer(1, GOLDEN_ID, { stderr: ' pool create failed \n' })) })).toMatchObject({
      context: { broker: { state: 'failed', message: 'pool create failed' }, storeReady: false },
    });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', answer(22)) })).toMatchObject({ context: { broker: { state: 'failed', message: 'exit code 22' } } });
  });

  it('stays pending on an answer to another request, another unit, or one that does not parse', () => {
    for (const extra of [
      answer(0, 'another-request'),
      { [responseKey('glance/1')]: JSON.stringify({ 'exit-code': 0, 'request-id': GOLDEN_ID }) },
      { [responseKey('glance/0')]: '{not json' },
      { [responseKey('glance/0')]: JSON.stringify({ 'exit-code': 'zero', 'request-id': GOLDEN_ID }) },
      { [responseKey('glance/0')]: '[]' },
    ]) {
      expect(read({ 'ceph-mon/0': mon('10.0.0.31', extra) }), JSON.stringify(extra)).toMatchObject({ context: { broker: { state: 'pending' }, storeReady: false } });
    }
  });

  it('accepts the legacy shared broker_rsp, without an id or with this id', () => {
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { broker_rsp: JSON.stringify({ 'exit-code': 0 }) }) })).toMatchObject({ context: { broker: { state: 'complete' } } });
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', { broker_rsp: JSON.stringify({ 'exit-code': 0, 'request-id': 'other' }) }) })).toMatchObject({
      context: { broker: { state: 'pending' } },
    });
  });

  it('needs every ceph relation to have answered; a failure on any one is reported', () => {
    const done = cephRel({ 'ceph-mon/0': mon('10.0.0.31', answer(0)) }, 5);
    const waiting = cephRel({ 'ceph-mon/5': mon('10.0.1.31') }, 6);
    const failed = cephRel({ 'ceph-mon/5': mon('10.0.1.31', answer(1)) }, 6);
    expect(ceph.read([done, waiting], env)).toMatchObject({ context: { broker: { state: 'pending' }, storeReady: false } });
    expect(ceph.read([done, failed], env)).toMatchObject({ context: { broker: { state: 'failed' } } });
  });

  it('keeps the store while a retuning request waits on pools ceph-mon already confirmed', () => {
    const units = { 'ceph-mon/0': mon('10.0.0.31') };
    expect(read(units, readEnv({ memory: { cephPoolsReady: ['glance'] } }))).toMatchObject({ context: { broker: { state: 'pending' }, storeReady: true } });
    // A new pool (erasure-coded adds glance-metadata) is not confirmed yet.
    expect(read(units, readEnv({ options: { 'pool-type': 'erasure-coded' }, memory: { cephPoolsReady: ['glance'] } }))).toMatchObject({
      context: { storeReady: false },
    });
    // A failed request never counts as ready.
    expect(read({ 'ceph-mon/0': mon('10.0.0.31', answer(1)) }, readEnv({ memory: { cephPoolsReady: ['glance'] } }))).toMatchObject({ context: { storeReady: false } });
  });
});

describe('ceph: what glance publishes', () => {
  const rel = cephRel({ 'ceph-mon/0': mon('10.0.0.31') });
  const publish = (current: Databag = {}, o: Parameters<typeof publishEnv>[0] = {}) => ceph.publish?.(rel, publishEnv(o), current);

  it('names its application and unit and sends the reference broker request, byte for byte', () => {
    expect(publish()).toEqual({ 'application-name': 'glance', broker_req: referenceDefaultRequest(), 'unit-name': 'glance/0' });
    expect(publish({}, { appName: 'glance-b', unitName: 'glance-b/3' })).toMatchObject({ 'application-name': 'glance-b', 'unit-name': 'glance-b/3' });
  });

  it('keeps an equal request that is out there word for word (another key order, another charm)', () => {
    const ours = JSON.parse(referenceDefaultRequest()) as Record<string, unknown>;
    const reordered = JSON.stringify({ 'request-id': ours['request-id'], ops: ours.ops, 'api-version': 1 });
    expect(reordered).not.toBe(referenceDefaultRequest());
    expect(publish({ broker_req: reordered })?.broker_req).toBe(reordered);
  });

  it('replaces a request that differs, or that does not parse', () => {
    const before = brokerRequest(parseConfig({ 'ceph-pool-weight': 20 }).config, 'glance').text;
    expect(publish({ broker_req: before })?.broker_req).toBe(referenceDefaultRequest());
    expect(publish({ broker_req: '{garbage' })?.broker_req).toBe(referenceDefaultRequest());
    expect(publish({ broker_req: JSON.stringify({ 'request-id': 42 }) })?.broker_req).toBe(referenceDefaultRequest());
  });

  it('holds its request (publishes nothing new) on invalid erasure-code settings', () => {
    expect(publish({ broker_req: referenceDefaultRequest() }, { options: BAD_EC })).toBeUndefined();
    expect(publish({}, { options: { ...BAD_EC, 'ec-profile-locality': 3 } })?.broker_req).toContain('"erasure-type": "lrc"');
  });
});

describe('ceph: files, paths, teardown', () => {
  const ready = (() => {
    const r = read({ 'ceph-mon/0': mon('10.0.0.31') });
    if (r.state !== 'ready') throw new Error('not ready');
    return r.context;
  })();

  it('writes the keyring as ceph-authtool does, root:glance 0640, restarting glance-api', () => {
    expect(ceph.files?.(ready, 'glance')).toEqual([
      {
        path: '/etc/ceph/ceph.client.glance.keyring',
        content: `[client.glance]\n\tkey = ${KEY}\n`,
        owner: { user: 'root', group: 'glance', mode: 0o640 },
        services: ['glance-api'],
      },
    ]);
    expect(ceph.files?.(ready, 'glance-b')?.[0]).toMatchObject({ path: '/etc/ceph/ceph.client.glance-b.keyring', content: `[client.glance-b]\n\tkey = ${KEY}\n` });
  });

  it('declares the keyring path, per application', () => {
    expect(ceph.paths?.('glance')).toEqual(['/etc/ceph/ceph.client.glance.keyring']);
    expect(ceph.paths?.('glance-b')).toEqual(['/etc/ceph/ceph.client.glance-b.keyring']);
  });

  it("undoes the system ceph.conf link and the charm's ceph.conf only when that file exists", () => {
    expect(ceph.teardown?.('glance', {})).toEqual([]);
    expect(ceph.teardown?.('glance', { '/var/lib/charm/glance/ceph.conf': null })).toEqual([]);
    expect(ceph.teardown?.('glance', { '/var/lib/charm/glance/ceph.conf': '[global]\n' })).toEqual([
      { kind: 'command', argv: ['update-alternatives', '--remove', 'ceph.conf', '/var/lib/charm/glance/ceph.conf'], hostPaths: [3] },
      { kind: 'command', argv: ['rm', '-rf', '/var/lib/charm/glance'], hostPaths: [2] },
    ]);
    // An empty file exists all the same.
    expect(ceph.teardown?.('glance', { '/var/lib/charm/glance/ceph.conf': '' })).toHaveLength(2);
    // Another application's file is not this one's.
    expect(ceph.teardown?.('glance-b', { '/var/lib/charm/glance/ceph.conf': '[global]\n' })).toEqual([]);
  });
});

describe('ceph: the helpers the model and memory use', () => {
  const ready = (options: Record<string, unknown> = {}, units = { 'ceph-mon/0': mon('10.0.0.31', { 'rbd-features': '1' }) }) => {
    const r = read(units, readEnv({ options }));
    if (r.state !== 'ready') throw new Error('not ready');
    return r;
  };

  it("cephContext: ceph.conf's facts, the image pool (the metadata pool when erasure-coded) and the data pool", () => {
    const config = parseConfig({ 'use-syslog': true }).config;
    expect(cephContext(ready({ 'use-syslog': true }).context, config, 'glance')).toEqual({
      monHosts: '10.0.0.31',
      auth: 'cephx',
      key: KEY,
      rbdFeatures: '1',
      pool: 'glance',
      user: 'glance',
      dataPool: undefined,
      logToSyslog: 'true',
    });
    const ec = { 'pool-type': 'erasure-coded', 'rbd-pool-name': 'images' };
    expect(cephContext(ready(ec).context, parseConfig(ec).config, 'glance')).toMatchObject({ pool: 'glance-metadata', dataPool: 'images', logToSyslog: 'false' });
  });

  it('poolsOf and requestHeld', () => {
    expect(poolsOf(brokerRequest(parseConfig({}).config, 'glance'))).toEqual(['glance']);
    expect(poolsOf(brokerRequest(parseConfig({ 'pool-type': 'erasure-coded' }).config, 'glance'))).toEqual(['glance-metadata', 'glance']);
    expect(requestHeld(parseConfig({}).config, [])).toBe(false);
    expect(requestHeld(parseConfig(BAD_EC).config, [])).toBe(true);
    expect(requestHeld(parseConfig({}).config, [{ severity: 'blocked', source: 'x', message: 'x' }])).toBe(true);
  });

  it('cephMemory: remembers the request sent and the pools confirmed; forgets both with the relation; keeps them while held', () => {
    const request = brokerRequest(parseConfig({}).config, 'glance');
    const before = { brokerRequestId: 'old', cephPoolsReady: ['old-pool'] };
    expect(cephMemory({ state: 'absent' }, request, false, before)).toEqual({ brokerRequestId: undefined, cephPoolsReady: undefined });
    expect(cephMemory({ state: 'incomplete', missing: ['key'] }, request, false, before)).toEqual({ brokerRequestId: GOLDEN_ID, cephPoolsReady: ['old-pool'] });
    expect(cephMemory({ state: 'incomplete', missing: ['key'] }, request, true, before)).toEqual(before);
    const complete = ready({}, { 'ceph-mon/0': mon('10.0.0.31', answer(0)) });
    expect(cephMemory(complete, request, false, before)).toEqual({ brokerRequestId: GOLDEN_ID, cephPoolsReady: ['glance'] });
    expect(cephMemory(ready(), request, false, before)).toEqual({ brokerRequestId: GOLDEN_ID, cephPoolsReady: ['old-pool'] });
  });
});
