/**
 * Giving a written file or directory its owner. A real unit runs as root and chowns; a failing
 * chown is an error. A simulated host ($CHARM_FS_ROOT naming a directory other than `/`) is
 * usually run by a normal user, who may not chown to root or glance: there the owner asked for is
 * appended to OWNER_RECORD under the same root, where the tests read it, and only root chowns.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FileOwner } from '../plan.js';
import { gidOf, uidOf } from './accounts.js';
import { rooted } from './paths.js';

/** One JSON line per owner given, `{ path, user, group }`; the last line for a path holds. */
export const OWNER_RECORD = '/.charm-owners';

export interface OwnerIds {
  uid: number;
  gid: number;
}

/** Resolved before anything is written, so an unknown user or group writes nothing. */
export async function ownerIds(owner: FileOwner): Promise<OwnerIds> {
  const [uid, gid] = await Promise.all([uidOf(owner.user), gidOf(owner.group)]);
  return { uid, gid };
}

const simulatedHost = (env: NodeJS.ProcessEnv = process.env): boolean => !!env.CHARM_FS_ROOT && resolve(env.CHARM_FS_ROOT) !== '/';

const isRoot = (): boolean => process.geteuid?.() === 0;

/** `chown` changes the owner of the open file or directory at `path` (a host path). */
export async function giveOwner(path: string, owner: FileOwner, ids: OwnerIds, chown: (uid: number, gid: number) => Promise<void>): Promise<void> {
  if (!simulatedHost() || isRoot()) await chown(ids.uid, ids.gid);
  if (simulatedHost()) await appendFile(rooted(OWNER_RECORD), `${JSON.stringify({ path, user: owner.user, group: owner.group })}\n`);
}
