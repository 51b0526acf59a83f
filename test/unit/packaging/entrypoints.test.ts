// hooks/ and actions/ are what Juju < 2.8 runs; a missing file there is an event the charm
// silently never sees, an action that fails with "not implemented".
import { cpSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedActions, expectedHooks, REPO_ROOT } from './charm-files.js';
import { removeTempDirs, tempDir, writeExecutable } from './shell-fakes.js';

afterAll(removeTempDirs);

const FOLDERS = [
  { folder: 'hooks', expected: expectedHooks },
  { folder: 'actions', expected: expectedActions },
];

describe.each(FOLDERS)('$folder/', ({ folder, expected }) => {
  it('holds one entry point per event in the YAML, and nothing else', () => {
    expect(readdirSync(join(REPO_ROOT, folder)).sort()).toEqual(expected());
  });

  it('holds only executable plain files (a .charm must not contain symlinks)', () => {
    const modes = readdirSync(join(REPO_ROOT, folder)).map((name) => {
      const stat = lstatSync(join(REPO_ROOT, folder, name));
      return { name, file: stat.isFile(), mode: (stat.mode & 0o777).toString(8) };
    });
    expect(modes).toEqual(expected().map((name) => ({ name, file: true, mode: '755' })));
  });
});

describe('each entry point', () => {
  let charmDir: string;

  // A copy of the entry points next to a dispatch that reports the event it was handed.
  beforeAll(() => {
    charmDir = tempDir('entrypoints');
    for (const { folder } of FOLDERS) cpSync(join(REPO_ROOT, folder), join(charmDir, folder), { recursive: true });
    writeExecutable(join(charmDir, 'dispatch'), 'echo "$JUJU_DISPATCH_PATH"');
  });

  it.each([
    ...expectedHooks().map((name) => `hooks/${name}`),
    ...expectedActions().map((name) => `actions/${name}`),
  ])('%s runs dispatch for its own event', async (entrypoint) => {
    // As an old agent would: the absolute path, from the charm directory, with no
    // JUJU_DISPATCH_PATH in the environment.
    const result = await execa(join(charmDir, entrypoint), [], {
      cwd: charmDir,
      env: { PATH: '/usr/bin:/bin', JUJU_CHARM_DIR: charmDir },
      extendEnv: false,
    });
    expect(result.stdout).toBe(entrypoint);
  });
});
