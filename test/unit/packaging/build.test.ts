// The bundle is all the unit gets: no node_modules, only the Node.js the charm carries, which
// must learn a file's module type from package.json (syntax detection costs start-up, and a
// fallback system node may lack it). A throwaway entry exercises the dependencies
// whose module formats make bundling tricky (execa 9 is ESM-only, handlebars is CommonJS).
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './charm-files.js';
import { removeTempDirs, tempDir } from './shell-fakes.js';

afterAll(removeTempDirs);

const ENTRY = `import { execa } from 'execa';
import Handlebars from 'handlebars';
import YAML from 'yaml';

function renderGreeting(name: string): string {
  return Handlebars.compile('hello {{name}}')({ name });
}

const { stdout } = await execa(process.execPath, ['-e', 'process.stdout.write("unit")']);
console.log(JSON.stringify({
  greeting: renderGreeting(stdout),
  yaml: YAML.stringify({ ok: true }).trim(),
  selfUrl: import.meta.url,
}));
`;

// Without syntax detection the package.json marker alone must make the bundle an ES module.
const NO_SYNTAX_DETECTION = process.allowedNodeEnvironmentFlags.has('--experimental-detect-module')
  ? ['--no-experimental-detect-module']
  : [];

describe('npm run build', () => {
  let outDir: string;

  beforeAll(async () => {
    // The entry resolves its imports through the repository's node_modules; the bundle lands
    // elsewhere, with no node_modules above it, as on a unit.
    const sourceDir = tempDir('build-src');
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(sourceDir, 'node_modules'));
    writeFileSync(join(sourceDir, 'main.ts'), ENTRY);
    outDir = join(tempDir('build-out'), 'dist');
    await execa('node', ['scripts/build.mjs', '--entry', join(sourceDir, 'main.ts'), '--outdir', outDir, '--runtime', ''], {
      cwd: REPO_ROOT,
    });
  }, 60_000);

  it('writes one bundle, the precompiled templates and the marker that makes Node load them as ES modules', () => {
    expect(readdirSync(outDir).sort()).toEqual(['charm.js', 'glance.js', 'package.json', 'templates.mjs']);
    expect(JSON.parse(readFileSync(join(outDir, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('runs on its own, without node_modules, with ESM-only and CommonJS dependencies', async () => {
    const { stdout } = await execa(process.execPath, [...NO_SYNTAX_DETECTION, join(outDir, 'charm.js')]);
    expect(JSON.parse(stdout)).toEqual({
      greeting: 'hello unit',
      yaml: 'ok: true',
      selfUrl: `file://${join(outDir, 'glance.js')}`,
    });
  });

  it('keeps function names, so stack traces in the unit log stay readable', () => {
    expect(readFileSync(join(outDir, 'glance.js'), 'utf8')).toContain('function renderGreeting(');
  });
});
