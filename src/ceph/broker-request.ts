/**
 * The Ceph broker request glance sends on the ceph relation (reference §8): the images pool
 * (replicated, or erasure-coded with a replicated metadata pool and an EC profile), the
 * `restrict-ceph-pools` key permissions and the BlueStore compression settings. The op keys
 * and null placeholders are those ceph-mon's broker expects and the reference sent, so the
 * request and its id are byte-identical to the reference's for the same config.
 */
import { createHash } from 'node:crypto';
import type { GlanceConfig } from '../config/index.js';
import { PyFloat, type PyValue, pythonJson } from '../base/python-json.js';

export interface BrokerRequest {
  /** SHA-1 of the ops as Python's sorted JSON: equal requests have equal ids. */
  requestId: string;
  /** The `broker_req` text published on the relation. */
  text: string;
  /** The pool glance-api stores images in (the metadata pool when erasure-coded). */
  imagePool: string;
  /** Erasure-coded only: the pool image data goes to (ceph.conf `rbd default data pool`). */
  dataPool?: string;
}

type Op = { readonly [key: string]: PyValue };

const orNull = (v: number | null | undefined): number | null => v ?? null;

/** BlueStore compression: op key → option. Every create-pool op carries all nine (null when unset). */
const COMPRESSION = [
  ['compression-algorithm', 'bluestore-compression-algorithm'],
  ['compression-mode', 'bluestore-compression-mode'],
  ['compression-required-ratio', 'bluestore-compression-required-ratio'],
  ['compression-min-blob-size', 'bluestore-compression-min-blob-size'],
  ['compression-min-blob-size-hdd', 'bluestore-compression-min-blob-size-hdd'],
  ['compression-min-blob-size-ssd', 'bluestore-compression-min-blob-size-ssd'],
  ['compression-max-blob-size', 'bluestore-compression-max-blob-size'],
  ['compression-max-blob-size-hdd', 'bluestore-compression-max-blob-size-hdd'],
  ['compression-max-blob-size-ssd', 'bluestore-compression-max-blob-size-ssd'],
] as const;

function compression(c: GlanceConfig | undefined): Op {
  return Object.fromEntries(
    COMPRESSION.map(([key, option]) => {
      const value = c?.[option] ?? null;
      // The ratio is a Juju float option: Python sent it as a float even when whole (1.0).
      return [key, option === 'bluestore-compression-required-ratio' && typeof value === 'number' ? new PyFloat(value) : value];
    }),
  );
}

/** Keys shared by both pool kinds: glance's pools belong to the `images` group and serve rbd. */
const POOL_COMMON: Op = {
  op: 'create-pool',
  group: 'images',
  'app-name': 'rbd',
  'group-namespace': null,
  'max-bytes': null,
  'max-objects': null,
  'rbd-mirroring-mode': 'pool',
};

function replicatedPool(name: string, replicas: number, weight: number | PyFloat, compressionKeys: Op): Op {
  return { ...POOL_COMMON, ...compressionKeys, name, replicas, weight, pg_num: null, 'crush-profile': null };
}

function erasureProfile(c: GlanceConfig, name: string): Op {
  return {
    op: 'create-erasure-profile',
    name,
    k: c['ec-profile-k'],
    m: c['ec-profile-m'],
    l: orNull(c['ec-profile-locality']),
    c: orNull(c['ec-profile-durability-estimator']),
    d: orNull(c['ec-profile-helper-chunks']),
    'erasure-type': c['ec-profile-plugin'],
    'erasure-technique': c['ec-profile-technique'] ?? null,
    'failure-domain': null,
    'device-class': c['ec-profile-device-class'] ?? null,
    'scalar-mds': c['ec-profile-scalar-mds'] ?? null,
    'crush-locality': c['ec-profile-crush-locality'] ?? null,
  };
}

function erasurePool(c: GlanceConfig, name: string, profile: string, weight: PyFloat): Op {
  return {
    ...POOL_COMMON,
    ...compression(c),
    name,
    'pool-type': 'erasure',
    'erasure-profile': profile,
    'allow-ec-overwrites': true,
    weight,
  };
}

/** `restrict-ceph-pools`: the key may use the images group only, plus what rbd clones need. */
const restrictToImages = (appName: string): Op => ({
  op: 'add-permissions-to-key',
  name: appName,
  group: 'images',
  'group-permission': 'rwx',
  namespace: null,
  'object-prefix-permissions': { 'class-read': ['rbd_children'] },
});

/**
 * One request per parsed config (the config is parsed once per hook): the relation's readiness,
 * what glance publishes and what the unit remembers all use the same one.
 */
const built = new WeakMap<GlanceConfig, Map<string, BrokerRequest>>();

export function brokerRequest(c: GlanceConfig, appName: string): BrokerRequest {
  const byApp = built.get(c) ?? new Map<string, BrokerRequest>();
  built.set(c, byApp);
  const known = byApp.get(appName);
  if (known) return known;
  const request = buildRequest(c, appName);
  byApp.set(appName, request);
  return request;
}

function buildRequest(c: GlanceConfig, appName: string): BrokerRequest {
  const pool = c['rbd-pool-name'] ?? appName;
  const replicas = c['ceph-osd-replication-count'];
  const weight = c['ceph-pool-weight'];
  const ops: Op[] = [];
  let imagePool = pool;
  let dataPool: string | undefined;
  if (c['pool-type'] === 'erasure-coded') {
    // Reference Q7 fixed on purpose: glance-api uses the metadata pool this request creates
    // (the reference derived it from rbd-pool-name and could name a pool never requested).
    imagePool = c['ec-rbd-metadata-pool'] ?? `${appName}-metadata`;
    dataPool = pool;
    const profile = c['ec-profile-name'] ?? `${appName}-profile`;
    // Metadata is about 1% of the data; Python computed both weights as floats.
    const metadataWeight = weight * 0.01;
    ops.push(
      replicatedPool(imagePool, replicas, new PyFloat(metadataWeight), compression(undefined)),
      erasureProfile(c, profile),
      erasurePool(c, pool, profile, new PyFloat(weight - metadataWeight)),
    );
  } else {
    ops.push(replicatedPool(pool, replicas, weight, compression(c)));
  }
  if (c['restrict-ceph-pools']) ops.push(restrictToImages(appName));
  const requestId = createHash('sha1').update(pythonJson(ops)).digest('hex');
  const text = pythonJson({ 'api-version': 1, ops, 'request-id': requestId });
  return { requestId, text, imagePool, dataPool };
}
