/**
 * Users and groups by name, through `getent` on PATH (design §3) so the simulator can supply
 * them. Answers are cached for one event: accounts do not change under a hook, except when a
 * package creates them, and the charm asks only after installing packages.
 */
import { tryCommand } from './run.js';
import { howItEnded } from './spawn.js';

type Database = 'passwd' | 'group';

const cache = new Map<string, Promise<number>>();

/** A new event asks again (one process per event on a unit; many in the in-process simulator). */
export function forgetAccounts(): void {
  cache.clear();
}

export const uidOf = (user: string): Promise<number> => idOf('passwd', user);
export const gidOf = (group: string): Promise<number> => idOf('group', group);

function idOf(db: Database, name: string): Promise<number> {
  // root is 0 everywhere; a numeric name is already an id.
  if (name === 'root') return Promise.resolve(0);
  if (/^\d+$/.test(name)) return Promise.resolve(Number(name));
  const key = `${db}:${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const p = lookup(db, name);
  cache.set(key, p);
  p.catch(() => {
    if (cache.get(key) === p) cache.delete(key);
  });
  return p;
}

async function lookup(db: Database, name: string): Promise<number> {
  const kind = db === 'passwd' ? 'user' : 'group';
  const r = await tryCommand(['getent', db, name]);
  if (r.exitCode === 2) throw new Error(`${kind} "${name}" does not exist (getent ${db} ${name})`);
  if (r.exitCode !== 0) throw new Error(`getent ${db} ${name} failed ${howItEnded(r)}`);
  // passwd and group entries both carry the numeric id in their third field.
  const id = r.stdout.split('\n')[0]?.split(':')[2] ?? '';
  if (!/^\d+$/.test(id)) throw new Error(`getent ${db} ${name} printed no numeric id`);
  return Number(id);
}
