/**
 * ceph (interface ceph-client). Glance names its application so ceph-mon creates the cephx key
 * `client.<app>`, and sends a broker request for its pool; the ceph-mon units answer with the
 * key, the monitor addresses and the broker response. Ready once a key and a monitor are known;
 * the RBD store itself waits for the broker (see storeReady).
 */
import { GLANCE_SECRET } from '../base/owners.js';
import type { Problem } from '../base/problem.js';
import { type BrokerRequest, brokerRequest } from '../ceph/broker-request.js';
import { type BrokerState, brokerState, requestIdOf } from '../ceph/broker-response.js';
import { erasureProblems } from '../ceph/checks.js';
import { charmCephConf, keyringPath } from '../ceph/paths.js';
import type { GlanceConfig } from '../config/index.js';
import type { Effect } from '../plan.js';
import type { Databag, RelationSnapshot, UnitMemory } from '../snapshot.js';
import { absent, incomplete, type ReadEnv, type Readiness, type RelationHandler, ready } from './types.js';

export interface CephRelation {
  auth: string;
  key: string;
  /** Sorted, space-joined monitor addresses (IPv6 in brackets), for ceph.conf `mon host`. */
  monHosts: string;
  rbdFeatures?: string;
  request: BrokerRequest;
  broker: BrokerState;
  /**
   * glance may use the RBD store: this request is complete, or it only changes settings of
   * pools Ceph already confirmed (a new weight must not take the store away while it waits).
   */
  storeReady: boolean;
}

/** What the GlanceModel takes from a ready ceph relation: ceph.conf's facts (and the RBD store's pool). */
export interface CephContext {
  /** Sorted, space-joined monitor addresses. */
  monHosts: string;
  auth: string;
  key: string;
  rbdFeatures?: string;
  /** The pool glance-api stores images in (the metadata pool for erasure-coded). */
  pool: string;
  user: string;
  /** EC only: the data pool ceph.conf's [client] `rbd default data pool` names. */
  dataPool?: string;
  /** ceph.conf `log/err/clog to syslog`: use-syslog in lower case ('true'/'false'), as Ceph writes booleans. */
  logToSyslog: 'true' | 'false';
}

export function cephContext(rel: CephRelation, config: GlanceConfig, appName: string): CephContext {
  return {
    monHosts: rel.monHosts,
    auth: rel.auth,
    key: rel.key,
    rbdFeatures: rel.rbdFeatures,
    pool: rel.request.imagePool,
    user: appName,
    dataPool: rel.request.dataPool,
    logToSyslog: config['use-syslog'] ? 'true' : 'false',
  };
}

// What lands in ceph.conf and the keyring is checked, so remote data cannot add lines to them.
const KEY = /^[A-Za-z0-9+/]+={0,2}$/;
const WORD = /^[A-Za-z0-9_.:-]+$/;
const NUMBER = /^\d+$/;

const first = (bags: readonly Databag[], key: string, shape: RegExp): string | undefined =>
  bags.map((b) => b[key]).find((v): v is string => v !== undefined && shape.test(v));

const bracketed = (addr: string): string => (addr.includes(':') && !addr.startsWith('[') ? `[${addr}]` : addr);

/** A space-separated list of addresses; anything else (line breaks, '=') makes the whole value unusable. */
const ADDRESSES = /^[A-Za-z0-9_.:-]+( [A-Za-z0-9_.:-]+)*$/;

/** Each unit's `ceph-public-address` list, else its private-address. */
function monitors(bags: readonly Databag[]): string[] {
  return bags.flatMap((b) => {
    const listed = b['ceph-public-address'] || b['private-address'] || '';
    return ADDRESSES.test(listed) ? listed.split(' ').map(bracketed) : [];
  });
}

/** Every ceph relation must have answered (the reference asked the same of each relation id). */
function combined(states: readonly BrokerState[]): BrokerState {
  const failed = states.find((s) => s.state === 'failed');
  if (failed) return failed;
  return states.every((s) => s.state === 'complete') ? { state: 'complete' } : { state: 'pending' };
}

function storeReady(broker: BrokerState, request: BrokerRequest, env: ReadEnv): boolean {
  if (broker.state === 'complete') return true;
  const confirmed = env.memory.cephPoolsReady ?? [];
  return broker.state === 'pending' && poolsOf(request).every((p) => confirmed.includes(p));
}

/**
 * The request text to publish: the one already out there when it is this very request (the id is
 * the hash of the ops, so an equal id is equal content), whoever wrote it. The Python charm
 * wrote the same request with its keys in another order: a new text would make ceph-mon carry
 * it out again after `juju refresh --switch`.
 */
function sameRequest(published: string | undefined, request: BrokerRequest): string {
  return published !== undefined && requestIdOf(published) === request.requestId ? published : request.text;
}

export const poolsOf = (request: BrokerRequest): string[] => [request.imagePool, ...(request.dataPool ? [request.dataPool] : [])];

/** A config problem means the request would be built from defaults or invalid EC settings: send nothing new. */
export const requestHeld = (config: GlanceConfig, configProblems: readonly Problem[]): boolean =>
  configProblems.length > 0 || erasureProblems(config).length > 0;

/**
 * What the unit remembers about Ceph between hooks: the id of the broker request it sent, and
 * the pools ceph-mon confirmed (so the RBD store survives a request that only retunes them).
 * Forgotten with the relation. While the request is held back, nothing changes.
 */
export function cephMemory(
  readiness: Readiness<CephRelation>,
  request: BrokerRequest,
  held: boolean,
  before: UnitMemory,
): Pick<UnitMemory, 'brokerRequestId' | 'cephPoolsReady'> {
  if (readiness.state === 'absent') return { brokerRequestId: undefined, cephPoolsReady: undefined };
  return {
    brokerRequestId: held ? before.brokerRequestId : request.requestId,
    cephPoolsReady:
      readiness.state === 'ready' && readiness.context.broker.state === 'complete' ? poolsOf(readiness.context.request) : before.cephPoolsReady,
  };
}

export const ceph: RelationHandler<CephRelation> = {
  endpoint: 'ceph',
  reads: 'units',
  // The broker request is kept word for word while its content is unchanged: ceph-mon runs a
  // request again when its text changes (after a switch the text is the previous charm's).
  ownBag: true,
  read(rels: readonly RelationSnapshot[], env) {
    if (rels.length === 0) return absent;
    const bags = rels.flatMap((r) => Object.values(r.units));
    const auth = first(bags, 'auth', WORD);
    const key = first(bags, 'key', KEY);
    const mons = monitors(bags).sort();
    const missing = [...(auth ? [] : ['auth']), ...(key ? [] : ['key']), ...(mons.length ? [] : ['ceph-public-address'])];
    if (!auth || !key || mons.length === 0) return incomplete(missing);
    const request = brokerRequest(env.config, env.appName);
    const broker = combined(rels.map((r) => brokerState(r.units, env.unitName, request.requestId)));
    return ready({
      auth,
      key,
      monHosts: mons.join(' '),
      rbdFeatures: first(bags, 'rbd-features', NUMBER),
      request,
      broker,
      storeReady: storeReady(broker, request, env),
    });
  },
  publish(_rel, env, current): Databag {
    // Sent from the start (ceph-mon creates the pool while it hands out the key); the diff
    // against what was published means an unchanged request is never sent again.
    const request = brokerRequest(env.config, env.appName);
    return { 'application-name': env.appName, broker_req: sameRequest(current.broker_req, request), 'unit-name': env.unitName };
  },
  files: (ctx, appName) => [
    {
      path: keyringPath(appName),
      // The format ceph-authtool writes. A file rather than `ceph-authtool --add-key=<key>`: the
      // key would show in argv and the tool prints it back; the write gets its owner atomically.
      content: `[client.${appName}]\n\tkey = ${ctx.key}\n`,
      // librados in glance-api reads it through the glance group; nobody else may.
      owner: GLANCE_SECRET,
      services: ['glance-api'],
    },
  ],
  paths: (appName) => [keyringPath(appName)],
  teardown(appName, files): Effect[] {
    const conf = charmCephConf(appName);
    if ((files[conf] ?? null) === null) return [];
    return [
      { kind: 'command', argv: ['update-alternatives', '--remove', 'ceph.conf', conf], hostPaths: [3] },
      { kind: 'command', argv: ['rm', '-rf', conf.slice(0, conf.lastIndexOf('/'))], hostPaths: [2] },
    ];
  },
};
