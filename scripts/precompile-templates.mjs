// Precompiles the template tree into one ES module (dist/templates.mjs) at build time, so a hook
// renders with ready template functions instead of compiling ~30 Handlebars templates on every
// run (most of the charm's own CPU time before this). Same tree, same options as src/render.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

// Must match src/render/render.ts OPTIONS.
const OPTIONS = { noEscape: true, strict: false };

function tree(dir, prefix = '') {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tree(path, `${prefix}${name}/`));
    else out.push([`${prefix}${name}`, readFileSync(path, 'utf8')]);
  }
  return out;
}

/** The module text: `export const files = {...}; export const parts = {...};` of template specs. */
export function precompiledModule(templatesDir) {
  const files = [];
  const parts = [];
  for (const [key, source] of tree(templatesDir)) {
    const spec = Handlebars.precompile(source, OPTIONS);
    if (key.startsWith('parts/')) parts.push(`${JSON.stringify(key.slice('parts/'.length))}: ${spec}`);
    else files.push(`${JSON.stringify(key)}: ${spec}`);
  }
  return `export const files = {\n${files.join(',\n')}\n};\nexport const parts = {\n${parts.join(',\n')}\n};\n`;
}
