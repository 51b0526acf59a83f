/**
 * What the local machinery remembers between runs, in /var/lib/glance-charm-local/: generated
 * passwords (so a second run reuses the same Keystone admin and database users) and which
 * services were already running before we came (so `--down` stops only what we started).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const STATE_DIR = process.env.GLANCE_LOCAL_STATE_DIR ?? '/var/lib/glance-charm-local';
const STATE_FILE = join(STATE_DIR, 'state.json');

export const LocalState = z.object({
  /** Generated secrets by name ("keystone-admin", "mysql:glance@10.0.0.5", ...). */
  secrets: z.record(z.string(), z.string()).default({}),
  /**
   * Set by the first `up` after a `--down` (or ever): the services already running then, which
   * `--down` leaves alone. null when nothing of ours is up.
   */
  session: z.object({ preexisting: z.array(z.string()) }).nullable().default(null),
});
export type LocalState = z.infer<typeof LocalState>;

export async function loadState(): Promise<LocalState> {
  const text = await readFile(STATE_FILE, 'utf8').catch(() => '{}');
  return LocalState.parse(JSON.parse(text));
}

/** Written atomically and 0600: it holds the Keystone admin and database passwords. */
export async function saveState(state: LocalState): Promise<void> {
  await mkdir(dirname(STATE_FILE), { recursive: true, mode: 0o700 });
  const tmp = `${STATE_FILE}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, STATE_FILE);
}

/** A URL- and SQL-safe random password, as pwgen-style charms generate. */
export const newPassword = (): string => randomBytes(24).toString('base64url');

/** The secret stored under `name`, generated and saved on first use. */
export async function secret(name: string): Promise<string> {
  const state = await loadState();
  const known = state.secrets[name];
  if (known) return known;
  const fresh = newPassword();
  await saveState({ ...state, secrets: { ...state.secrets, [name]: fresh } });
  return fresh;
}
