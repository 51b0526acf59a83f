/**
 * The system part of a simulated unit's PATH, after Juju's tools and the fake commands. A cloud
 * image has no Node.js, so the charm must run on the one it carries: the developer's node (and
 * npm, npx, corepack) are left out, every other command of the host's system directories stays.
 * Built once per process as a directory of links, removed when the process exits.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PATH Juju's unit agent gives a hook on Ubuntu (its own tools dir comes first). */
export const SYSTEM_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

const DEVELOPER_ONLY = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);

let built: string | undefined;

export function unitSystemBin(): string {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'glance-unit-bin-'));
  const linked = new Set<string>();
  for (const system of SYSTEM_PATH) {
    let names: string[];
    try {
      names = readdirSync(system);
    } catch {
      continue;
    }
    // The first directory on PATH wins, as it would for the shell.
    for (const name of names.filter((n) => !DEVELOPER_ONLY.has(n) && !linked.has(n))) {
      symlinkSync(join(system, name), join(dir, name));
      linked.add(name);
    }
  }
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  built = dir;
  return dir;
}
