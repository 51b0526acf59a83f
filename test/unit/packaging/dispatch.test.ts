// dispatch on a unit: it runs the Node.js the charm carries (runtime/bin/node), a system node only
// when that is missing, never installs one, and hands every event to the bundled charm with the
// exit status Juju acts on.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './charm-files.js';
import { removeTempDirs, tempDir, writeExecutable, writeRecordingNode } from './shell-fakes.js';

afterAll(removeTempDirs);

// Stands in for dist/charm.js: reports what it was given and exits as told.
const REPORTING_CHARM = `console.log(JSON.stringify({
  script: process.argv[1],
  dispatchPath: process.env.JUJU_DISPATCH_PATH,
  charmDir: process.env.JUJU_CHARM_DIR,
  httpProxy: process.env.http_proxy ?? null,
}));
process.exitCode = Number(process.env.CHARM_EXIT ?? 0);
`;

let charmDir: string;
let binDir: string;
let logFile: string;

beforeEach(() => {
  const root = tempDir('dispatch');
  charmDir = join(root, 'charm');
  binDir = join(root, 'bin');
  logFile = join(root, 'calls.log');
  mkdirSync(join(charmDir, 'dist'), { recursive: true });
  mkdirSync(binDir);
  copyFileSync(join(REPO_ROOT, 'dispatch'), join(charmDir, 'dispatch'));
  writeFileSync(join(charmDir, 'dist', 'charm.js'), REPORTING_CHARM);
  writeFileSync(logFile, '');
  // Every call of apt-get is recorded: dispatch must never make one.
  writeExecutable(join(binDir, 'apt-get'), `echo "apt-get $*" >> '${logFile}'`);
});

const shippedNode = () => join(charmDir, 'runtime', 'bin', 'node');

function shipRuntime(): void {
  mkdirSync(join(charmDir, 'runtime', 'bin'), { recursive: true });
  writeRecordingNode(shippedNode(), logFile);
}

function calls(): string[] {
  return readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
}

async function dispatch(env: Record<string, string>, command = join(charmDir, 'dispatch')) {
  const result = await execa(command, [], {
    cwd: charmDir,
    env: { PATH: binDir, ...env },
    extendEnv: false,
    reject: false,
  });
  const report = result.exitCode === 0 && result.stdout.startsWith('{') ? JSON.parse(result.stdout) : null;
  return { exitCode: result.exitCode, stderr: result.stderr, report };
}

const HOOK_ENV = () => ({ JUJU_CHARM_DIR: charmDir, JUJU_DISPATCH_PATH: 'hooks/config-changed' });

describe('with the runtime the charm carries', () => {
  beforeEach(() => {
    shipRuntime();
    // A system node too: the charm's own must win.
    writeRecordingNode(join(binDir, 'node'), logFile);
  });

  it('runs dist/charm.js on runtime/bin/node from the charm directory with the event Juju named', async () => {
    const { exitCode, report } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({
      script: join(charmDir, 'dist', 'charm.js'),
      dispatchPath: 'hooks/config-changed',
      charmDir,
    });
    expect(calls()).toEqual([`node ${join(charmDir, 'dist', 'charm.js')} dispatch=hooks/config-changed`]);
  });

  it('passes the charm exit status to Juju (non-zero fails the hook)', async () => {
    const { exitCode } = await dispatch({ ...HOOK_ENV(), CHARM_EXIT: '3' });
    expect(exitCode).toBe(3);
  });

  it('finds the charm next to itself when JUJU_CHARM_DIR is unset', async () => {
    const { report } = await dispatch({ JUJU_DISPATCH_PATH: 'actions/pause' });
    expect(report).toMatchObject({ script: join(charmDir, 'dist', 'charm.js'), charmDir });
  });

  // Juju < 2.8 runs hooks/<name> and sets no JUJU_DISPATCH_PATH.
  it.each([
    ['by its absolute path', (dir: string) => join(dir, 'hooks', 'install')],
    ['relative to the charm directory', () => 'hooks/install'],
  ])('names the event from the path it was started by (%s)', async (_, path) => {
    mkdirSync(join(charmDir, 'hooks'));
    copyFileSync(join(charmDir, 'dispatch'), join(charmDir, 'hooks', 'install'));
    const { report } = await dispatch({ JUJU_CHARM_DIR: charmDir }, path(charmDir));
    expect(report).toMatchObject({ dispatchPath: 'hooks/install' });
  });

  // Juju writes the model's apt proxies into apt's own configuration; the JUJU_CHARM_* ones are
  // for what the charm downloads itself (src/host/apt.ts), never exported to the whole hook.
  it("calls no apt-get and keeps the model's charm proxies away from the charm", async () => {
    const { report } = await dispatch({
      ...HOOK_ENV(),
      JUJU_CHARM_HTTP_PROXY: 'http://squid.internal:3128',
      JUJU_CHARM_HTTPS_PROXY: 'http://squid.internal:3129',
      JUJU_CHARM_NO_PROXY: '10.0.0.0/8',
    });
    expect(calls().filter((line) => line.startsWith('apt-get'))).toEqual([]);
    expect(report).toMatchObject({ httpProxy: null });
  });
});

describe('without the runtime the charm carries', () => {
  it('falls back to a node on PATH (dist/charm.js refuses one too old: charm-gate.test.ts)', async () => {
    writeRecordingNode(join(binDir, 'node'), logFile);
    const { exitCode, report } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({ script: join(charmDir, 'dist', 'charm.js') });
    expect(calls()).toEqual([`node ${join(charmDir, 'dist', 'charm.js')} dispatch=hooks/config-changed`]);
  });

  it('fails the hook with one line saying what is missing, and installs nothing', async () => {
    const { exitCode, stderr } = await dispatch({ ...HOOK_ENV(), JUJU_CHARM_HTTP_PROXY: 'http://squid.internal:3128' });
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      `glance charm: no Node.js to run it: the charm's own ${shippedNode()} is missing and there is no node on PATH (pack the charm for this architecture: npm run pack)`,
    ]);
    expect(calls()).toEqual([]);
  });
});
