/**
 * Which databag keys glance reads, found by watching it read rather than listed by hand, so the
 * fuzz follows the handlers as they grow: every bag is wrapped in a Proxy that records the keys
 * looked up while reconcile runs. Reads that only happen on some paths (the VIP once rabbit says
 * it is clustered, the legacy broker answer once the per-unit one is missing) are reached by
 * running again with every known key filled in, and with each key removed in turn, until
 * nothing new shows up.
 */
import type { Databag, RelationSnapshot, Snapshot } from '../../../src/snapshot.js';
import { run } from './full-deployment.js';

/** One databag of one relation: a remote unit's, or the remote application's (`unit` undefined). */
export interface BagAt {
  endpoint: string;
  relationId: string;
  unit?: string;
}

export interface KeyAt extends BagAt {
  key: string;
}

const bagName = (at: BagAt): string => `${at.relationId} ${at.unit ?? '(app)'}`;

/** Keys JavaScript itself may look up on any object (promise checks, JSON, inspection). */
const NOT_DATA = new Set(['then', 'toJSON', 'constructor', 'valueOf', 'toString']);

function bagsOf(snap: Snapshot): [BagAt, Databag][] {
  return Object.entries(snap.relations).flatMap(([endpoint, rels]) =>
    rels.flatMap((r): [BagAt, Databag][] => [
      ...Object.entries(r.units).map(([unit, bag]): [BagAt, Databag] => [{ endpoint, relationId: r.id, unit }, bag]),
      [{ endpoint, relationId: r.id }, r.appData],
    ]),
  );
}

/** The snapshot with each bag replaced by `change(at, bag)`. */
export function withBags(snap: Snapshot, change: (at: BagAt, bag: Databag) => Databag): Snapshot {
  const relations: Record<string, RelationSnapshot[]> = {};
  for (const [endpoint, rels] of Object.entries(snap.relations)) {
    relations[endpoint] = rels.map((r) => ({
      ...r,
      units: Object.fromEntries(Object.entries(r.units).map(([unit, bag]) => [unit, change({ endpoint, relationId: r.id, unit }, bag)])),
      appData: change({ endpoint, relationId: r.id }, r.appData),
    }));
  }
  return { ...snap, relations };
}

function recordReads(snap: Snapshot, into: Map<string, Set<string>>): void {
  const watched = withBags(snap, (at, bag) => {
    const seen = into.get(bagName(at)) ?? new Set<string>();
    into.set(bagName(at), seen);
    return new Proxy(bag, {
      get(target, key, receiver) {
        if (typeof key === 'string' && !NOT_DATA.has(key)) seen.add(key);
        return Reflect.get(target, key, receiver);
      },
    });
  });
  run(watched);
}

/** Every key of every bag that glance reads or that the remote side sent, in a stable order. */
export function keysRead(snap: Snapshot): KeyAt[] {
  const known = new Map<string, Set<string>>();
  for (const [at, bag] of bagsOf(snap)) known.set(bagName(at), new Set(Object.keys(bag)));
  const size = () => [...known.values()].reduce((n, s) => n + s.size, 0);
  const removed = new Set<string>();
  recordReads(snap, known);
  for (let before = -1; before !== size(); ) {
    before = size();
    recordReads(withBags(snap, (at, bag) => ({ ...Object.fromEntries([...(known.get(bagName(at)) ?? [])].map((k) => [k, 'yes'])), ...bag })), known);
    for (const [at] of bagsOf(snap)) {
      for (const key of known.get(bagName(at)) ?? []) {
        const id = `${bagName(at)} ${key}`;
        if (removed.has(id)) continue;
        removed.add(id);
        recordReads(withValue(snap, { ...at, key }, undefined), known);
      }
    }
  }
  return bagsOf(snap).flatMap(([at]) => [...(known.get(bagName(at)) ?? [])].sort().map((key) => ({ ...at, key })));
}

/** The snapshot with one key of one bag set (or removed, for undefined). */
export function withValue(snap: Snapshot, at: KeyAt, value: string | undefined): Snapshot {
  return withBags(snap, (where, bag) => {
    if (where.relationId !== at.relationId || where.unit !== at.unit) return bag;
    const rest = Object.fromEntries(Object.entries(bag).filter(([k]) => k !== at.key));
    return value === undefined ? rest : { ...rest, [at.key]: value };
  });
}
