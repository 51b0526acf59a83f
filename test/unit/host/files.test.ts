import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBin } from '../../fixtures/fake-bin.js';

// The real fs, with open and rename observable so a test can look at the temp file at each step.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open), rename: vi.fn(real.rename) };
});

// The unit tier shares a worker's modules between files (isolate: false): the module under test
// may already be loaded with the real fs, so it is loaded again here, and the files after this
// one get the real fs back.
vi.resetModules();
const { deleteFile, mkdirOwned, readFiles, tempPathFor, writeFileAtomic } = await import('../../../src/host/files.js');
const { OWNER_RECORD } = await import('../../../src/host/owners.js');
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});

const GLANCE_UID = 4242;
const GLANCE_GID = 4343;
const SECRET = { user: 'root', group: 'glance', mode: 0o640 };

let bin: FakeBin;
let root: string;
const onHost = (p: string): string => join(root, p);
const modeOf = (p: string): number => statSync(p).mode & 0o7777;
/** A temp CHARM_FS_ROOT is a simulated host: owners are recorded there, and chowned only by root. */
const AS_ROOT = process.geteuid?.() === 0;
const recordedOwners = (): Record<string, string> =>
  Object.fromEntries(
    readFileSync(onHost(OWNER_RECORD), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { path: string; user: string; group: string })
      .map(({ path, user, group }) => [path, `${user}:${group}`]),
  );

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fsroot-'));
  process.env.CHARM_FS_ROOT = root;
  bin = new FakeBin();
  bin.script(
    'getent',
    `case "$1 $2" in
       "passwd glance") echo 'glance:x:${GLANCE_UID}:${GLANCE_GID}::/var/lib/glance:/bin/false' ;;
       "group glance") echo 'glance:x:${GLANCE_GID}:' ;;
       *) exit 2 ;;
     esac`,
  );
});
afterEach(() => {
  bin.dispose();
  delete process.env.CHARM_FS_ROOT;
  vi.mocked(fs.open).mockReset();
  vi.mocked(fs.rename).mockReset();
});

describe('readFiles', () => {
  it('reads under $CHARM_FS_ROOT, keyed by host path, null for absent files', async () => {
    await fs.mkdir(onHost('/etc/glance'), { recursive: true });
    writeFileSync(onHost('/etc/glance/glance-api.conf'), '[DEFAULT]\n');
    expect(await readFiles(['/etc/glance/glance-api.conf', '/etc/glance/policy.yaml'])).toEqual({
      '/etc/glance/glance-api.conf': '[DEFAULT]\n',
      '/etc/glance/policy.yaml': null,
    });
  });
});

describe('writeFileAtomic', () => {
  it('writes content with owner and mode, creating parent directories', async () => {
    await writeFileAtomic('/etc/glance/glance-api.conf', 'password = s3cret\n', { user: 'glance', group: 'glance', mode: 0o640 });
    const path = onHost('/etc/glance/glance-api.conf');
    expect(readFileSync(path, 'utf8')).toBe('password = s3cret\n');
    expect(modeOf(path)).toBe(0o640);
    expect(recordedOwners()).toEqual({ '/etc/glance/glance-api.conf': 'glance:glance' });
    expect(readdirSync(onHost('/etc/glance'))).toEqual(['glance-api.conf']);
  });

  it.runIf(AS_ROOT)('as root, chowns the file to the ids getent gives', async () => {
    await writeFileAtomic('/etc/glance/glance-api.conf', 'password = s3cret\n', { user: 'glance', group: 'glance', mode: 0o640 });
    const st = statSync(onHost('/etc/glance/glance-api.conf'));
    expect([st.uid, st.gid]).toEqual([GLANCE_UID, GLANCE_GID]);
  });

  it('creates the temp file 0600 before the first byte, and gives it owner and mode before the rename', async () => {
    const target = onHost('/etc/glance/glance-api.conf');
    const temp = tempPathFor(target);
    await fs.mkdir(onHost('/etc/glance'), { recursive: true });
    writeFileSync(temp, 'left by a killed hook', { mode: 0o644 });
    const seen: string[] = [];
    const realOpen = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).open;
    vi.mocked(fs.open).mockImplementation(async (path, flags, mode) => {
      const handle = await realOpen(path, flags, mode);
      if (path === temp) seen.push(`open size=${statSync(temp).size} mode=${modeOf(temp).toString(8)}`);
      return handle;
    });
    vi.mocked(fs.rename).mockImplementationOnce(async (from, to) => {
      const st = statSync(from);
      const owner = AS_ROOT ? `uid=${st.uid} gid=${st.gid}` : recordedOwners()['/etc/glance/glance-api.conf'];
      seen.push(`rename ${readFileSync(from, 'utf8')} ${owner} mode=${modeOf(String(from)).toString(8)}`);
      const realRename = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).rename;
      return realRename(from, to);
    });
    await writeFileAtomic('/etc/glance/glance-api.conf', 'secret', SECRET);
    const owner = AS_ROOT ? `uid=0 gid=${GLANCE_GID}` : 'root:glance';
    expect(seen).toEqual(['open size=0 mode=600', `rename secret ${owner} mode=640`]);
  });

  it('leaves the old file whole when the write dies before the rename', async () => {
    const target = onHost('/etc/glance/glance-api.conf');
    await writeFileAtomic('/etc/glance/glance-api.conf', 'old', SECRET);
    vi.mocked(fs.rename).mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' }));
    await expect(writeFileAtomic('/etc/glance/glance-api.conf', 'new', SECRET)).rejects.toThrow(
      'write /etc/glance/glance-api.conf: EIO: i/o error, rename',
    );
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(onHost('/etc/glance'))).toEqual(['glance-api.conf']);
  });

  it('leaves the old or the new file whole, never a mix, when the process is killed at any moment', async () => {
    const old = 'o'.repeat(1 << 20);
    const next = 'n'.repeat(1 << 20);
    await writeFileAtomic('/etc/glance/glance-api.conf', old, SECRET);
    const script = join(import.meta.dirname, 'write-forever.ts');
    for (const delayMs of [30, 90, 170, 260, 400]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, '/etc/glance/glance-api.conf'], {
        env: { ...process.env, CHARM_FS_ROOT: root },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve) => child.stdout.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const content = readFileSync(onHost('/etc/glance/glance-api.conf'), 'utf8');
      expect(content === old || content === next).toBe(true);
      for (const name of readdirSync(onHost('/etc/glance'))) {
        expect([0o600, 0o640]).toContain(modeOf(onHost(`/etc/glance/${name}`)));
      }
    }
  }, 60_000);

  it('refuses an owner that does not exist, writing nothing', async () => {
    await expect(writeFileAtomic('/etc/glance/glance-api.conf', 'x', { user: 'glancex', group: 'glance', mode: 0o640 })).rejects.toThrow(
      'write /etc/glance/glance-api.conf: user "glancex" does not exist (getent passwd glancex)',
    );
    expect(await readFiles(['/etc/glance/glance-api.conf'])).toEqual({ '/etc/glance/glance-api.conf': null });
  });
});

describe('deleteFile and mkdirOwned', () => {
  it('deletes a file, and is content when it is already gone', async () => {
    await writeFileAtomic('/etc/glance/policy.json', '{}', { user: 'root', group: 'root', mode: 0o644 });
    await deleteFile('/etc/glance/policy.json');
    await deleteFile('/etc/glance/policy.json');
    expect(readdirSync(onHost('/etc/glance'))).toEqual([]);
  });

  it('creates a directory with its owner and mode', async () => {
    await mkdirOwned('/var/lib/charm/glance', { user: 'glance', group: 'glance', mode: 0o750 });
    const st = statSync(onHost('/var/lib/charm/glance'));
    expect([st.isDirectory(), st.mode & 0o7777]).toEqual([true, 0o750]);
    expect(recordedOwners()).toEqual({ '/var/lib/charm/glance': 'glance:glance' });
    if (AS_ROOT) expect([st.uid, st.gid]).toEqual([GLANCE_UID, GLANCE_GID]);
  });
});
