// Bundles the charm into dist/glance.js: the unit has no node_modules, and its node is the one
// the charm carries (scripts/runtime.mjs, pinned in package-lock.json), which the bundle targets.
// dispatch runs dist/charm.js, a few lines that refuse an older Node and then load the bundle
// (scripts/charm-gate.js).
// Usage: node scripts/build.mjs [--entry src/main.ts] [--outdir dist] [--runtime runtime]
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { precompiledModule } from './precompile-templates.mjs';
import { HOST_ARCH, runtimeVersion, stageRuntime } from './runtime.mjs';

// ESM output because the charm may use top-level await and import.meta. CommonJS dependencies (handlebars) still call require() for Node built-ins,
// which an ES module lacks; this banner gives the bundle one. The alias avoids clashing with a
// `createRequire` that esbuild may hoist from the bundled code.
const REQUIRE_BANNER = [
  "import { createRequire as __charmCreateRequire } from 'node:module';",
  'const require = __charmCreateRequire(import.meta.url);',
].join('\n');

// Node decides module type from the nearest package.json: without this marker next to it the
// bundle would be loaded as CommonJS (or, on Node 22+, reparsed after syntax detection).
const MODULE_MARKER = `${JSON.stringify({ type: 'module' })}\n`;

// Tests and the simulator may build while another process runs the bundle: replace files whole.
async function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

const { values } = parseArgs({
  options: {
    entry: { type: 'string', default: 'src/main.ts' },
    outdir: { type: 'string', default: 'dist' },
    // '' leaves the runtime out (a throwaway build).
    runtime: { type: 'string', default: 'runtime' },
  },
});
const outDir = resolve(values.outdir);
const runtimeMajor = (await runtimeVersion()).split('.')[0];
const result = await build({
  entryPoints: [values.entry],
  outfile: join(outDir, 'glance.js'),
  bundle: true,
  platform: 'node',
  target: `node${runtimeMajor}`,
  format: 'esm',
  banner: { js: REQUIRE_BANNER },
  // Whitespace and syntax only: half the bytes Node must decode and parse on every hook (the
  // charm's start-up is most of its own time), while function names stay readable in traces.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
}).catch((error) => {
  // esbuild has already printed each error with its source line; a stack trace adds nothing.
  if (Array.isArray(error.errors)) process.exit(1);
  throw error;
});
await mkdir(outDir, { recursive: true });
for (const file of result.outputFiles) await writeAtomically(file.path, file.contents);
const gate = await readFile(new URL('charm-gate.js', import.meta.url), 'utf8');
await writeAtomically(join(outDir, 'charm.js'), gate.replace('__RUNTIME_MAJOR__', runtimeMajor));
await writeAtomically(join(outDir, 'package.json'), MODULE_MARKER);
await writeAtomically(join(outDir, 'templates.mjs'), precompiledModule(resolve('templates')));
console.log(`built ${join(values.outdir, 'glance.js')} from ${values.entry}, run through ${join(values.outdir, 'charm.js')}`);
// The runtime for this machine next to dist/, as charmcraft's build stages it: the source tree is
// then a charm dir this machine can run hooks from, with no node of its own on PATH.
if (HOST_ARCH && values.runtime) {
  await stageRuntime(HOST_ARCH, resolve(values.runtime));
  console.log(`staged the ${HOST_ARCH} Node.js runtime in ${values.runtime}/`);
}
