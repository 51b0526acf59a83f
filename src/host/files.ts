/**
 * Host files, always under $CHARM_FS_ROOT. A write never shows a half-written file and a secret
 * never exists with a wider mode than its own: the content goes to a 0600 temp file in the same
 * directory, is synced, gets its owner (owners.ts) and mode, and only then replaces the old file by
 * rename (atomic within a filesystem); the directory is synced so the rename survives a crash.
 */
import { chmod, chown, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileOwner } from '../plan.js';
import { giveOwner, ownerIds } from './owners.js';
import { rooted } from './paths.js';

const isMissing = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT';

/** Current contents by (unrooted) path; null for a file that does not exist. */
export async function readFiles(paths: readonly string[]): Promise<Record<string, string | null>> {
  const entries = await Promise.all(
    paths.map(async (p): Promise<[string, string | null]> => {
      try {
        return [p, await readFile(rooted(p), 'utf8')];
      } catch (e) {
        if (isMissing(e)) return [p, null];
        throw e;
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Permission bits of the files that exist, by (unrooted) path. */
export async function readModes(paths: readonly string[]): Promise<Record<string, number>> {
  const entries = await Promise.all(
    paths.map(async (p): Promise<Array<[string, number]>> => {
      try {
        return [[p, (await stat(rooted(p))).mode & 0o7777]];
      } catch (e) {
        if (isMissing(e)) return [];
        throw e;
      }
    }),
  );
  return Object.fromEntries(entries.flat());
}

/** The temp file sits next to its target, hidden and not matching `*.conf` globs of services. */
export const tempPathFor = (target: string): string => join(dirname(target), `.${basename(target)}.charm-tmp`);

export async function writeFileAtomic(path: string, content: string, owner: FileOwner): Promise<void> {
  const target = rooted(path);
  const temp = tempPathFor(target);
  try {
    const ids = await ownerIds(owner);
    await mkdir(dirname(target), { recursive: true });
    // A temp file left by a killed hook may already carry a wider mode: start from nothing.
    await rm(temp, { force: true });
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(content);
      await file.sync();
      await giveOwner(path, owner, ids, (uid, gid) => file.chown(uid, gid));
      await file.chmod(owner.mode);
    } finally {
      await file.close();
    }
    await rename(temp, target);
    await syncDirectory(dirname(target));
  } catch (e) {
    await rm(temp, { force: true });
    throw new Error(`write ${path}: ${(e as Error).message}`);
  }
}

export async function deleteFile(path: string): Promise<void> {
  await rm(rooted(path), { force: true });
}

/** Creates the directory (and missing parents); the directory itself gets owner and mode. */
export async function mkdirOwned(path: string, owner: FileOwner): Promise<void> {
  const dir = rooted(path);
  const ids = await ownerIds(owner);
  await mkdir(dir, { recursive: true });
  await giveOwner(path, owner, ids, (uid, gid) => chown(dir, uid, gid));
  await chmod(dir, owner.mode);
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
