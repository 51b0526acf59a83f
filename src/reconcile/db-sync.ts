/**
 * The database schema is created once per application: by the leader, only after the database
 * side lists this unit in allowed_units, and never again once the cluster's application databag
 * (leader-wide) records it. Retried with backoff, like the reference (5 tries, 3 s base).
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
  if (!dbSyncAllowed(d, snap) || dbAlreadyInitialised(snap)) return [];
  const peer = snap.relations.cluster?.[0];
  return [
    { kind: 'progress', message: 'Sync DB' },
    DB_SYNC,
    ...(peer ? [{ kind: 'relation-set', relationId: peer.id, app: true, data: { [DB_INITIALISED]: 'True' } } as Effect] : []),
  ];
}
