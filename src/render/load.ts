/**
 * The template set a hook renders with: the tree under the charm's templates/, plus the specs
 * `npm run build` precompiled from it (dist/templates.mjs) when present, so the unit does not
 * compile templates on every hook. Without the precompiled module (tests, `npm run plan`) the
 * same sources are compiled on first use, with the same result.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTemplates, type Precompiled, type TemplateSet } from './templates.js';

export const PRECOMPILED_FILE = join('dist', 'templates.mjs');

export async function loadCharmTemplates(charmDir: string): Promise<TemplateSet> {
  const sources = loadTemplates(join(charmDir, 'templates'));
  const module = join(charmDir, PRECOMPILED_FILE);
  if (!existsSync(module)) return sources;
  const precompiled = (await import(pathToFileURL(module).href)) as Precompiled;
  return { ...sources, precompiled };
}
