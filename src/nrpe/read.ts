/**
 * Read phase for NRPE: whether the subordinate has installed NRPE, what of ours is on the host
 * (to diff and to clean up), and, while the relation exists, the plugins the charm ships in its
 * files/ directory (they travel in the snapshot like any input, so a recorded hook replays).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readFiles } from '../host/files.js';
import { rooted } from '../host/paths.js';
import type { NrpeHost } from '../snapshot.js';
import { PLUGINS } from './checks.js';
import { NAGIOS_EXPORT_DIR, NRPE_CONF_DIR } from './paths.js';
import { ownedNrpePaths } from './owned-paths.js';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function listDirectory(path: string): Promise<string[] | null> {
  try {
    return (await readdir(path)).sort();
  } catch {
    return null;
  }
}

export async function readNrpeHost(appName: string, charmDir: string, related: boolean): Promise<NrpeHost> {
  if (!(await isDirectory(rooted(NRPE_CONF_DIR)))) return { confDir: false, exportFiles: null, files: {}, plugins: {} };
  const exportFiles = await listDirectory(rooted(NAGIOS_EXPORT_DIR));
  const current = await readFiles(ownedNrpePaths(appName, exportFiles));
  const files = Object.fromEntries(Object.entries(current).filter((e): e is [string, string] => e[1] !== null));
  return { confDir: true, exportFiles, files, plugins: related ? await readPlugins(join(charmDir, 'files')) : {} };
}

/** A plugin missing from the charm is left out (its check then reports UNKNOWN in Nagios) rather than failing every hook. */
async function readPlugins(dir: string): Promise<Record<string, string>> {
  const plugins: Record<string, string> = {};
  for (const name of PLUGINS) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (text !== null) plugins[name] = text;
  }
  return plugins;
}
