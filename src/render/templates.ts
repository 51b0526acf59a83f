/**
 * The template tree on disk, read once into memory, and the lookup a release uses.
 *
 *   templates/<lineage>/<file>   files that differ per lineage (src/base/release.ts LINEAGES)
 *   templates/parts/<name>       Handlebars partials, included as {{> name}}
 *   templates/<file>             files shared by every release
 *
 * A release looks in its own lineage's directory, then in each older lineage's, newest first, then in
 * the shared root: a lineage directory holds only what changed from the lineage before it (there is no
 * yoga/ because nothing differs from ussuri/). This file is the only I/O in src/render.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LINEAGES, type Lineage } from '../base/release.js';

/** Handlebars template specs by the same keys as TemplateSet.files and .parts. */
export interface Precompiled {
  readonly files: Readonly<Record<string, unknown>>;
  readonly parts: Readonly<Record<string, unknown>>;
}

export interface TemplateSet {
  /** Template sources by path relative to the tree: 'ussuri/glance-api.conf', 'haproxy.cfg'. */
  readonly files: ReadonlyMap<string, string>;
  /** Partial sources by name (file name under parts/). */
  readonly parts: ReadonlyMap<string, string>;
  /** Build-time compiled specs of the same tree (dist/templates.mjs), used instead of compiling. */
  readonly precompiled?: Precompiled;
}

const PARTS_DIR = 'parts';
const isLineage = (name: string): name is Lineage => (LINEAGES as readonly string[]).includes(name);

/** Regular files in a directory, dotfiles skipped, sorted so the set is the same on every host. */
function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .sort();
}

export function loadTemplates(dir: string): TemplateSet {
  const files = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const name of filesIn(dir)) files.set(name, readFileSync(join(dir, name), 'utf8'));
  for (const sub of readdirSync(dir).sort()) {
    const subDir = join(dir, sub);
    if (sub.startsWith('.') || !statSync(subDir).isDirectory()) continue;
    if (sub === PARTS_DIR) {
      for (const name of filesIn(subDir)) parts.set(name, readFileSync(join(subDir, name), 'utf8'));
    } else if (isLineage(sub)) {
      for (const name of filesIn(subDir)) files.set(`${sub}/${name}`, readFileSync(join(subDir, name), 'utf8'));
    } else {
      // A misspelt lineage directory would silently never be used: refuse it instead.
      throw new Error(`${subDir}: not a lineage (${LINEAGES.join(', ')}) or ${PARTS_DIR}/`);
    }
  }
  return { files, parts };
}

/** Directory prefixes a lineage searches, in order: itself, older lineages newest first, then the root. */
export function lineageChain(lineage: Lineage): string[] {
  const own = LINEAGES.indexOf(lineage);
  return [...LINEAGES.slice(0, own + 1).reverse().map((l) => `${l}/`), ''];
}

/** The key in `set.files` a lineage renders `name` from; throws when no directory in its chain has it. */
export function templateKey(set: TemplateSet, lineage: Lineage, name: string): string {
  for (const prefix of lineageChain(lineage)) {
    const key = `${prefix}${name}`;
    if (set.files.has(key)) return key;
  }
  throw new Error(`template ${name} not found for lineage ${lineage} (searched ${lineageChain(lineage).join(', ') || 'root'})`);
}
