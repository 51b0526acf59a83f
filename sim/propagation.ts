/**
 * What committed data causes elsewhere, as Juju propagates it: a unit's peer bag or our peer app
 * bag wakes the other peers that see it, leader data wakes every other unit, our data on a
 * regular relation is shown to the remote application (played by the test), and remote data
 * that changes wakes our units that see it. Units never hear their own writes.
 */
import type { CommitOutcome } from './commit.js';
import { InconsistentSimError } from './consistency.js';
import { mergeBag } from './fold.js';
import type { RemoteUpdate, RemoteView } from './remote.js';
import type { Databag, Relation, SimState } from './state.js';
import { unitsInRelation } from './tool-context.js';

export interface QueuedEvent {
  unit: string;
  hook: string;
  relationId?: number;
  remoteUnit?: string;
}

export const sameEvent = (a: QueuedEvent, b: QueuedEvent): boolean =>
  a.unit === b.unit && a.hook === b.hook && a.relationId === b.relationId && (a.remoteUnit ?? '') === (b.remoteUnit ?? '');

type Changes = Pick<CommitOutcome, 'unitBagsChanged' | 'appBagsChanged' | 'leaderDataChanged'>;

/** The hooks a unit's commit causes on our other units, and the relations whose remote side sees it. */
export function afterCommit(state: SimState, unit: string, c: Changes): { events: QueuedEvent[]; askRemote: number[] } {
  const events: QueuedEvent[] = [];
  const askRemote: number[] = [];
  for (const id of new Set([...c.unitBagsChanged, ...c.appBagsChanged])) {
    const relation = state.relations.find((r) => r.id === id);
    if (!relation) continue;
    if (!relation.peer) {
      askRemote.push(id);
      continue;
    }
    const hook = `${relation.endpoint}-relation-changed`;
    for (const [other, members] of Object.entries(relation.members)) {
      if (other === unit) continue;
      if (c.unitBagsChanged.includes(id) && members.includes(unit)) events.push({ unit: other, hook, relationId: id, remoteUnit: unit });
      if (c.appBagsChanged.includes(id)) events.push({ unit: other, hook, relationId: id });
    }
  }
  if (c.leaderDataChanged) {
    for (const other of Object.keys(state.units)) if (other !== unit) events.push({ unit: other, hook: 'leader-settings-changed' });
  }
  return { events, askRemote };
}

export function remoteView(app: string, relation: Relation): RemoteView {
  return structuredClone({
    relationId: relation.id,
    endpoint: relation.endpoint,
    app,
    remoteApp: relation.remoteApp,
    units: relation.localUnits,
    appData: relation.localAppData,
    remoteUnits: Object.fromEntries(unitsInRelation(relation).map((u) => [u, relation.remoteUnits[u] ?? {}])),
    remoteAppData: relation.remoteAppData,
  });
}

const sameBag = (a: Databag, b: Databag): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Merges remote data into the relation (in place); each bag that changed wakes our units that see it. */
export function applyRemoteUpdate(relation: Relation, update: RemoteUpdate): QueuedEvent[] {
  const events: QueuedEvent[] = [];
  const hook = `${relation.endpoint}-relation-changed`;
  const relationId = relation.id;
  for (const [remoteUnit, data] of Object.entries(update.units ?? {})) {
    const current = relation.remoteUnits[remoteUnit];
    if (!current) throw new InconsistentSimError(`${remoteUnit} is not in relation ${relationId}: add it with addRemoteUnit`);
    const next = mergeBag(current, data);
    if (sameBag(next, current)) continue;
    relation.remoteUnits[remoteUnit] = next;
    for (const [unit, members] of Object.entries(relation.members)) {
      if (members.includes(remoteUnit)) events.push({ unit, hook, relationId, remoteUnit });
    }
  }
  if (update.app) {
    const next = mergeBag(relation.remoteAppData, update.app);
    if (!sameBag(next, relation.remoteAppData)) {
      relation.remoteAppData = next;
      for (const unit of Object.keys(relation.localUnits)) events.push({ unit, hook, relationId });
    }
  }
  return events;
}

/** A queued hook whose unit, relation or remote unit has gone since is dropped, as Juju would. */
export function stillApplies(state: SimState, e: QueuedEvent): boolean {
  if (!state.units[e.unit]) return false;
  if (e.relationId === undefined) return true;
  const relation = state.relations.find((r) => r.id === e.relationId);
  if (!relation || !(e.unit in relation.localUnits)) return false;
  return !e.remoteUnit || (relation.members[e.unit] ?? []).includes(e.remoteUnit);
}
