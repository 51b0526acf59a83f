/**
 * The Ceph broker request must be what ceph-mon got from the reference charm for the same config,
 * byte for byte, request-id included: a different id re-sends the request on upgrade, a
 * different op changes the pool.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokerRequest } from '../../../src/ceph/broker-request.js';
import { PyFloat, pythonJson } from '../../../src/base/python-json.js';
import { parseConfig } from '../../../src/config/index.js';

interface Reference {
  options: Record<string, unknown>;
  text: string;
}

/** `== ceph broker request {python dict}` followed by the request text, from the reference's output. */
function references(): Reference[] {
  const lines = readFileSync(new URL('./reference-broker-requests.txt', import.meta.url), 'utf8').split('\n');
  const out: Reference[] = [];
  lines.forEach((line, i) => {
    const dict = /^== ceph broker request (.*)$/.exec(line)?.[1];
    if (dict === undefined) return;
    const json = dict.replaceAll("'", '"').replaceAll('True', 'true').replaceAll('False', 'false');
    out.push({ options: JSON.parse(json), text: (lines[i + 1] ?? '').trim() });
  });
  return out;
}

const config = (options: Record<string, unknown>) => {
  const { config: c, problems } = parseConfig(options);
  expect(problems).toEqual([]);
  return c;
};

describe('broker request against the reference', () => {
  const refs = references();

  it('has the three reference requests to compare with', () => {
    expect(refs.map((r) => Object.keys(r.options).length)).toEqual([0, 5, 3]);
  });

  for (const ref of refs) {
    it(`equals the reference's request for ${JSON.stringify(ref.options)}`, () => {
      const request = brokerRequest(config(ref.options), 'glance');
      expect(request.text).toBe(ref.text);
      expect(request.requestId).toBe(JSON.parse(ref.text)['request-id']);
    });
  }
});

describe('broker request contents', () => {
  const ops = (options: Record<string, unknown>) => JSON.parse(brokerRequest(config(options), 'glance').text).ops;

  it('names the pool after the application unless rbd-pool-name says otherwise', () => {
    expect(ops({})[0]).toMatchObject({ op: 'create-pool', name: 'glance', replicas: 3, weight: 5 });
    expect(brokerRequest(config({}), 'images-app').imagePool).toBe('images-app');
    expect(ops({ 'rbd-pool-name': 'img' })[0].name).toBe('img');
  });

  it('erasure-coded: glance uses the metadata pool it asked for, not one derived from rbd-pool-name (reference Q7 fixed)', () => {
    const request = brokerRequest(config({ 'pool-type': 'erasure-coded', 'rbd-pool-name': 'foo' }), 'glance');
    const created = JSON.parse(request.text).ops.filter((o: { op: string }) => o.op === 'create-pool').map((o: { name: string }) => o.name);
    // The reference rendered rbd_store_pool = foo-metadata, a pool it never requested.
    expect(created).toEqual(['glance-metadata', 'foo']);
    expect(request.imagePool).toBe('glance-metadata');
    expect(request.dataPool).toBe('foo');
    const named = brokerRequest(config({ 'pool-type': 'erasure-coded', 'ec-rbd-metadata-pool': 'meta' }), 'glance');
    expect(named.imagePool).toBe('meta');
  });

  it('erasure-coded: profile from the ec-profile-* options, data pool bound to it', () => {
    const [, profile, data] = ops({
      'pool-type': 'erasure-coded',
      'ec-profile-name': 'prof',
      'ec-profile-plugin': 'lrc',
      'ec-profile-k': 4,
      'ec-profile-m': 2,
      'ec-profile-locality': 3,
      'ec-profile-crush-locality': 'rack',
      'ec-profile-device-class': 'ssd',
      'ec-profile-technique': 'reed_sol_van',
    });
    expect(profile).toMatchObject({ op: 'create-erasure-profile', name: 'prof', 'erasure-type': 'lrc', k: 4, m: 2, l: 3 });
    expect(profile).toMatchObject({ 'crush-locality': 'rack', 'device-class': 'ssd', 'erasure-technique': 'reed_sol_van' });
    expect(data).toMatchObject({ op: 'create-pool', 'pool-type': 'erasure', 'erasure-profile': 'prof', 'allow-ec-overwrites': true });
  });

  it('sends every bluestore-compression-* option on the image pool', () => {
    const [pool] = ops({
      'bluestore-compression-algorithm': 'zstd',
      'bluestore-compression-mode': 'force',
      'bluestore-compression-required-ratio': 0.5,
      'bluestore-compression-min-blob-size': 1,
      'bluestore-compression-min-blob-size-hdd': 2,
      'bluestore-compression-min-blob-size-ssd': 3,
      'bluestore-compression-max-blob-size': 4,
      'bluestore-compression-max-blob-size-hdd': 5,
      'bluestore-compression-max-blob-size-ssd': 6,
    });
    expect(pool).toMatchObject({
      'compression-algorithm': 'zstd',
      'compression-mode': 'force',
      'compression-required-ratio': 0.5,
      'compression-min-blob-size': 1,
      'compression-min-blob-size-hdd': 2,
      'compression-min-blob-size-ssd': 3,
      'compression-max-blob-size': 4,
      'compression-max-blob-size-hdd': 5,
      'compression-max-blob-size-ssd': 6,
    });
  });

  it('restrict-ceph-pools adds the key permissions rbd clones need', () => {
    expect(ops({ 'restrict-ceph-pools': true })[1]).toEqual({
      op: 'add-permissions-to-key',
      name: 'glance',
      group: 'images',
      'group-permission': 'rwx',
      namespace: null,
      'object-prefix-permissions': { 'class-read': ['rbd_children'] },
    });
  });

  it('equal config gives an equal id; any op change gives a new one', () => {
    const id = (o: Record<string, unknown>) => brokerRequest(config(o), 'glance').requestId;
    expect(id({ 'ceph-pool-weight': 20 })).toBe(id({ 'ceph-pool-weight': 20 }));
    expect(id({ 'ceph-pool-weight': 20 })).not.toBe(id({ 'ceph-pool-weight': 21 }));
    expect(id({})).not.toBe(id({ 'restrict-ceph-pools': true }));
  });
});

describe("Python's json.dumps(sort_keys=True)", () => {
  it('sorts keys, spaces separators, keeps arrays in order', () => {
    expect(pythonJson({ b: [2, 1], a: { d: null, c: true } })).toBe('{"a": {"c": true, "d": null}, "b": [2, 1]}');
  });

  it('writes floats as Python does: whole ones with .0, tiny and huge ones with a two-digit exponent', () => {
    expect(pythonJson([new PyFloat(0), new PyFloat(99), new PyFloat(4.95), new PyFloat(1e-5), new PyFloat(1e16)])).toBe(
      '[0.0, 99.0, 4.95, 1e-05, 1e+16]',
    );
  });

  it('escapes non-ASCII characters', () => {
    expect(pythonJson('é')).toBe('"\\u00e9"');
  });

  it('weights of an erasure-coded request stay floats even when whole (pool weight 0 and 100)', () => {
    const weights = (w: number) =>
      JSON.parse(brokerRequest(config({ 'pool-type': 'erasure-coded', 'ceph-pool-weight': w }), 'glance').text)
        .ops.filter((o: { op: string }) => o.op === 'create-pool')
        .map((o: { weight: number }) => o.weight);
    expect(brokerRequest(config({ 'pool-type': 'erasure-coded', 'ceph-pool-weight': 0 }), 'glance').text).toContain('"weight": 0.0');
    expect(weights(100)).toEqual([1, 99]);
    expect(brokerRequest(config({ 'pool-type': 'erasure-coded', 'ceph-pool-weight': 100 }), 'glance').text).toContain('"weight": 99.0');
  });
});
