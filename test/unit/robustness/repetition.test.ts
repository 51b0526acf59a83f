// Repetition and order, on the pure core. Every reconciling hook of a unit related to everything,
// run again, writes, restarts, runs and sends nothing. Relation events in a random order (RUNS orders,
// seed SEED): data before its unit joined, a unit joined before its relation was created, a
// departed for a unit that never joined, a relation broken twice (the peer relation is created
// first, as Juju creates it with the unit); all end in the files,
// published data and leader facts of the ordered run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/plan.js';
import { ENDPOINTS } from '../../../src/relations/index.js';
import { routeFor } from '../../../src/routes.js';
import type { RelationSnapshot, Snapshot } from '../../../src/snapshot.js';
import { SEED } from '../../fixtures/seed.js';
import { relation } from '../../fixtures/snapshot.js';
import { after, fullDeployment, fullRelations, run, settle } from './full-deployment.js';

const RUNS = 20;
const SLOW = 180_000;

const EVENTS = ['created', 'joined', 'changed', 'departed', 'broken'] as const;

/** Hooks that are (or end in) the one reconcile, by name. */
const RECONCILING = [
  'config-changed', 'start', 'update-status', 'leader-elected', 'leader-settings-changed', 'upgrade-charm', 'post-series-upgrade',
  ...ENDPOINTS.flatMap((e) => EVENTS.map((ev) => `${e}-relation-${ev}`)),
].filter((name) => routeFor(name).kind === 'reconcile');

describe('repetition: a hook run again changes nothing', () => {
  const ready = settle(settle(fullDeployment()));

  it.each(RECONCILING)('%s', (name) => {
    const snap: Snapshot = { ...ready, hook: { ...ready.hook, name } };
    const next = after(snap, run(snap));
    // Hooks that may fail on an HA rule re-set the status they already show (src/ha/fail.ts).
    const same = (e: Effect) => e.kind === 'status' && e.status === next.memory.lastStatus?.status && e.message === next.memory.lastStatus?.message;
    expect(run(next).effects.filter((e) => !same(e))).toEqual([]);
  });
});

/** One thing that happens to the model; applied to what the unit can see. */
type Event =
  | { kind: 'created'; endpoint: string; id: string }
  | { kind: 'joined'; id: string; unit: string }
  | { kind: 'data'; id: string; unit: string }
  | { kind: 'departed-unknown'; id: string }
  | { kind: 'broken'; id: string };

interface Seen {
  created: Set<string>;
  joined: Set<string>;
  data: Set<string>;
  broken: Set<string>;
}

/** A second rabbit relation that comes and goes: its CA file must go with it. */
const EXTRA: RelationSnapshot = relation('amqp', 40, 'rabbit-extra', {
  'rabbit-extra/0': { 'private-address': '10.0.0.40', password: 'ExtraPass', ssl_port: '5671', ssl_ca: fullRelations()['shared-db']?.[0]?.units['mysql/0']?.ssl_ca ?? '' },
});

const FINAL = fullRelations();
const ALL: RelationSnapshot[] = [...Object.values(FINAL).flat(), EXTRA];

/** Juju creates the peer relation with the unit, before any other relation can exist. */
const PEER_CREATED: Event = { kind: 'created', endpoint: 'cluster', id: FINAL.cluster?.[0]?.id ?? '' };

/** Every event but the peer relation's creation, which always comes first. */
function eventsOf(): Event[] {
  const out: Event[] = [];
  for (const rel of ALL) {
    if (rel.id !== PEER_CREATED.id) out.push({ kind: 'created', endpoint: rel.endpoint, id: rel.id });
    for (const unit of Object.keys(rel.units)) out.push({ kind: 'joined', id: rel.id, unit }, { kind: 'data', id: rel.id, unit });
    out.push({ kind: 'departed-unknown', id: rel.id });
  }
  out.push({ kind: 'broken', id: EXTRA.id }, { kind: 'broken', id: EXTRA.id });
  return out;
}

/** What the unit sees: a relation once created or joined (and not broken), each joined unit with its data once sent. */
function relationsSeen(seen: Seen): Record<string, RelationSnapshot[]> {
  const out: Record<string, RelationSnapshot[]> = {};
  for (const rel of ALL) {
    const joined = Object.keys(rel.units).filter((u) => seen.joined.has(`${rel.id} ${u}`));
    if (seen.broken.has(rel.id) || (!seen.created.has(rel.id) && joined.length === 0)) continue;
    const units = Object.fromEntries(joined.map((u) => [u, seen.data.has(`${rel.id} ${u}`) ? (rel.units[u] ?? {}) : {}]));
    const list = out[rel.endpoint] ?? [];
    list.push({ ...rel, units });
    out[rel.endpoint] = list;
  }
  return out;
}

function hookName(e: Event): string {
  const endpoint = ALL.find((r) => r.id === e.id)?.endpoint ?? '';
  const ev = { created: 'created', joined: 'joined', data: 'changed', 'departed-unknown': 'departed', broken: 'broken' }[e.kind];
  return `${endpoint}-relation-${ev}`;
}

/** Runs the events in this order, one hook each, then hooks until nothing changes. */
function play(shuffled: readonly Event[]): Snapshot {
  const events = [PEER_CREATED, ...shuffled];
  const seen: Seen = { created: new Set(), joined: new Set(), data: new Set(), broken: new Set() };
  let snap = fullDeployment({ relations: {} });
  snap = settle(snap);
  for (const e of events) {
    if (e.kind === 'created') seen.created.add(e.id);
    if (e.kind === 'joined') seen.joined.add(`${e.id} ${e.unit}`);
    if (e.kind === 'data') seen.data.add(`${e.id} ${e.unit}`);
    if (e.kind === 'broken') seen.broken.add(e.id);
    snap = settle({ ...snap, hook: { ...snap.hook, name: hookName(e) }, relations: relationsSeen(seen) });
  }
  snap = { ...snap, hook: { ...snap.hook, name: 'update-status' } };
  for (let i = 0; i < 3; i++) snap = settle(snap);
  expect(run(snap).effects).toEqual([]);
  return snap;
}

/** What an operator or a remote charm can observe (a file never written and one removed are alike). */
const outcome = (s: Snapshot) => ({
  files: Object.fromEntries(Object.entries(s.host.files).filter(([, content]) => content !== null)),
  published: s.memory.published,
  leaderData: s.leaderData,
  status: s.memory.lastStatus,
});

/** Where two outcomes differ, as paths into them (readable where a deep diff is not). */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return [`${at}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`));
}

describe(`order: relation events in ${RUNS} random orders (seed ${SEED})`, () => {
  const ordered = play(eventsOf());

  it('the ordered run ends ready, related to everything, the extra relation gone with its file', () => {
    expect(ordered.memory.lastStatus).toEqual({ status: 'active', message: 'Unit is ready' });
    expect(Object.keys(ordered.memory.published ?? {})).not.toContain(EXTRA.id);
    const transport = ordered.host.files['/etc/glance/glance-api.conf'] ?? '';
    expect(transport).not.toContain('10.0.0.40');
  });

  it(
    'every order ends in the same files, published data and leader facts',
    () => {
      fc.assert(
        fc.property(fc.shuffledSubarray(eventsOf(), { minLength: eventsOf().length }), (events) => {
          expect(differences(outcome(play(events)), outcome(ordered))).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    SLOW,
  );
});
