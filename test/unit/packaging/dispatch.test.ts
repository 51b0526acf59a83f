// dispatch on a unit: it must get a Node.js runtime onto a bare Ubuntu machine, and hand every
// event to the bundled charm with the exit status Juju acts on.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

type AptBehaviour = 'works' | 'needs-update' | 'broken';

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
});

// An apt-get that logs its arguments and the proxies it saw; "installing nodejs" puts a node
// on PATH, as the real package does.
function fakeAptGet(behaviour: AptBehaviour): void {
  const nodePackage = join(binDir, '..', 'node-package');
  writeRecordingNode(nodePackage, logFile);
  const updated = join(binDir, '..', 'apt-updated');
  writeExecutable(
    join(binDir, 'apt-get'),
    `echo "apt-get $* http_proxy=\${http_proxy:-} https_proxy=\${https_proxy:-}" >> '${logFile}'
case " $* " in
  *" update "*) : > '${updated}' ;;
  *" install "*)
    [ '${behaviour}' = broken ] && exit 100
    [ '${behaviour}' = needs-update ] && [ ! -e '${updated}' ] && exit 100
    /bin/cp '${nodePackage}' '${join(binDir, 'node')}' ;;
esac`,
  );
}

function calls(): string[] {
  return readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
}

function aptCalls(): string[] {
  return calls().filter((line) => line.startsWith('apt-get'));
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

describe('with node on PATH', () => {
  beforeEach(() => writeRecordingNode(join(binDir, 'node'), logFile));

  it('runs dist/charm.js from the charm directory with the event Juju named', async () => {
    const { exitCode, report } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(0);
    expect(report).toMatchObject({
      script: join(charmDir, 'dist', 'charm.js'),
      dispatchPath: 'hooks/config-changed',
      charmDir,
    });
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

  it('does not call apt-get', async () => {
    fakeAptGet('works');
    await dispatch(HOOK_ENV());
    expect(aptCalls()).toEqual([]);
  });

  // A node older than 18 is refused by dist/charm.js itself (charm-gate.test.ts): no second
  // process per hook.
  it('starts node once, on dist/charm.js only', async () => {
    await dispatch(HOOK_ENV());
    expect(calls().filter((line) => line.startsWith('node '))).toEqual([
      `node ${join(charmDir, 'dist', 'charm.js')} dispatch=hooks/config-changed`,
    ]);
  });
});

describe('on a machine without node', () => {
  const INSTALL = 'install -y nodejs';
  const LOCK_TIMEOUT = '-o DPkg::Lock::Timeout=300';

  it('installs nodejs with apt (waiting for the dpkg lock), then runs the charm', async () => {
    fakeAptGet('works');
    const { exitCode, report } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(0);
    expect(aptCalls()).toHaveLength(1);
    expect(aptCalls()[0]).toContain(LOCK_TIMEOUT);
    expect(aptCalls()[0]).toContain(INSTALL);
    expect(report).toMatchObject({ dispatchPath: 'hooks/config-changed' });
    expect(existsSync(join(binDir, 'node'))).toBe(true);
  });

  it('refreshes the package lists once when the first install fails', async () => {
    fakeAptGet('needs-update');
    const { exitCode } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(0);
    expect(aptCalls().map((line) => line.replace(/ http_proxy=.*/, ''))).toEqual([
      `apt-get ${LOCK_TIMEOUT} ${INSTALL}`,
      `apt-get ${LOCK_TIMEOUT} update`,
      `apt-get ${LOCK_TIMEOUT} ${INSTALL}`,
    ]);
  });

  it("gives apt the model's charm proxies, and keeps them away from the charm", async () => {
    fakeAptGet('works');
    const { report } = await dispatch({
      ...HOOK_ENV(),
      JUJU_CHARM_HTTP_PROXY: 'http://squid.internal:3128',
      JUJU_CHARM_HTTPS_PROXY: 'http://squid.internal:3129',
    });
    expect(aptCalls()[0]).toContain(
      'http_proxy=http://squid.internal:3128 https_proxy=http://squid.internal:3129',
    );
    expect(report).toMatchObject({ httpProxy: null });
  });

  it('fails the hook with one clear line when apt cannot install nodejs', async () => {
    fakeAptGet('broken');
    const { exitCode, stderr } = await dispatch(HOOK_ENV());
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/'apt-get install nodejs' failed/);
    expect(aptCalls()).toHaveLength(3);
  });
});
