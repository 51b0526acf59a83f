/**
 * The database schema is created once per application: by the leader, only after the database
 * side lists this unit in allowed_units, and never again once the cluster's application databag
 * (leader-wide) records it, or the leader settings do: the Python charm kept `db-initialised`
 * there, and a unit taken over from it (`juju refresh --switch`) must not migrate a production
 * schema again. Retried with backoff, like the reference (5 tries, 3 s base).
 */
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import type { Snapshot } from '../snapshot.js';

export const DB_INITIALISED = 'db-initialised';

export function dbAlreadyInitialised(snap: Snapshot): boolean {
  return Boolean(snap.memory.dbInitialised) || Boolean(snap.leaderData[DB_INITIALISED]);
}

/** The leader may migrate the schema once the database lists this unit (an upgrade migrates again). */
export function dbSyncAllowed(d: Decision, snap: Snapshot): boolean {
  const db = d.contexts['shared-db'];
  return snap.leader && Boolean(db?.allowedUnits.includes(snap.hook.unitName));
}

export const DB_SYNC: Effect = { kind: 'command', argv: ['glance-manage', 'db_sync'], retries: 5 };

export function planDbSync(d: Decision, snap: Snapshot): Effect[] {
  const peer = snap.relations.cluster?.[0];
  const record: Effect[] = peer ? [{ kind: 'relation-set', relationId: peer.id, app: true, data: { [DB_INITIALISED]: 'True' } }] : [];
  if (dbAlreadyInitialised(snap)) {
    // A leader that has just learnt it (from leader settings, or as a new leader) records it in
    // the peer bag once, as a deployment of this charm has it; the same value again is no change.
    return snap.leader && !snap.memory.dbInitialised ? record : [];
  }
  if (!dbSyncAllowed(d, snap)) return [];
  return [{ kind: 'progress', message: 'Sync DB' }, DB_SYNC, ...record];
}
