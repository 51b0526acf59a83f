/**
 * The files under a simulated unit's fs root, as an operator would compare them: regular files by
 * content, symlinks (Apache's enabled sites and modules) by target, each with its mode. The
 * charm's record of the owners it gave (helpers.ts unitOwners) is not a file of the unit.
 */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OWNER_RECORD } from '../../../src/host/owners.js';

/** Path on the unit → content (a symlink as `-> target`). */
export type UnitFiles = Record<string, string>;

function walk(root: string, visit: (path: string, full: string) => void): void {
  const step = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      const path = `/${relative(root, full)}`;
      if (e.isDirectory()) step(full);
      else if (path !== OWNER_RECORD) visit(path, full);
    }
  };
  step(root);
}

export function unitFiles(root: string): UnitFiles {
  const out: UnitFiles = {};
  walk(root, (path, full) => {
    out[path] = lstatSync(full).isSymbolicLink() ? `-> ${readlinkSync(full)}` : readFileSync(full, 'utf8');
  });
  return out;
}

/** Path on the unit → permission bits, regular files only. */
export function unitModes(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  walk(root, (path, full) => {
    const s = lstatSync(full);
    if (s.isFile()) out[path] = s.mode & 0o777;
  });
  return out;
}
