// glance.charm is what an operator deploys (`juju deploy ./glance.charm`): Juju unzips it and
// executes dispatch, so missing files, lost executable bits or symlinks break every hook.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { execa } from 'execa';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectedActions, expectedHooks, REPO_ROOT, readRepoYaml } from './charm-files.js';
import { removeTempDirs, tempDir, writeExecutable, writeRecordingNode } from './shell-fakes.js';

afterAll(removeTempDirs);

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

// The hook tools (design.md §2): recorders on PATH show whether the charm really started.
const HOOK_TOOLS = [
  'config-get',
  'relation-get',
  'relation-set',
  'relation-ids',
  'relation-list',
  'juju-log',
  'status-set',
  'status-get',
  'application-version-set',
  'is-leader',
  'leader-get',
  'leader-set',
  'unit-get',
  'network-get',
  'open-port',
  'close-port',
  'opened-ports',
  'state-get',
  'state-set',
  'state-delete',
  'action-get',
  'action-set',
  'action-fail',
  'action-log',
  'resource-get',
];

const Base = z.object({ name: z.string(), channel: z.string(), architectures: z.array(z.string()) });
const Manifest = z.object({
  bases: z.array(Base),
  analysis: z.object({ attributes: z.array(z.object({ name: z.string(), result: z.string() })) }),
});
const Charmcraft = z.object({
  type: z.literal('charm'),
  bases: z.array(z.object({ 'build-on': z.array(Base), 'run-on': z.array(Base) })),
  parts: z.object({
    charm: z.object({ plugin: z.string(), prime: z.array(z.string()), 'override-build': z.string() }),
  }),
});

interface Entry {
  path: string;
  dir: boolean;
  type: number;
  permissions: string;
}

let zip: JSZip;
let entries: Entry[];

beforeAll(async () => {
  const out = join(tempDir('pack'), 'glance.charm');
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  await execa('node', ['scripts/pack.mjs', '--out', out], { cwd: REPO_ROOT });
  zip = await JSZip.loadAsync(readFileSync(out));
  entries = Object.values(zip.files).map((file) => {
    const mode = Number(file.unixPermissions ?? 0);
    return {
      path: file.name.replace(/\/$/, ''),
      dir: file.dir,
      type: mode & S_IFMT,
      permissions: (mode & 0o777).toString(8),
    };
  });
}, 120_000);

function filesUnder(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

const files = () => entries.filter((entry) => !entry.dir);
const EXECUTABLES = () => [
  'dispatch',
  ...expectedHooks().map((name) => `hooks/${name}`),
  ...expectedActions().map((name) => `actions/${name}`),
  // NRPE plugins the subordinate runs.
  ...filesUnder('files'),
];

describe('glance.charm', () => {
  it('holds every file the unit needs, and nothing from the source tree', () => {
    const expected = [
      'metadata.yaml',
      'config.yaml',
      'actions.yaml',
      'manifest.yaml',
      'README.md',
      'icon.svg',
      'dist/charm.js',
      'dist/glance.js',
      'dist/package.json',
      'dist/templates.mjs',
      ...EXECUTABLES(),
      ...filesUnder('templates'),
    ];
    expect(files().map((entry) => entry.path).sort()).toEqual(expected.sort());
  });

  it('records dispatch, hooks and actions as executable (0755), the rest as 0644', () => {
    const executables = new Set(EXECUTABLES());
    const wrong = files().filter(
      (entry) => entry.permissions !== (executables.has(entry.path) ? '755' : '644'),
    );
    expect(wrong).toEqual([]);
  });

  it('holds only plain files and folders (no symlinks)', () => {
    const odd = entries.filter((entry) => entry.type !== (entry.dir ? S_IFDIR : S_IFREG));
    expect(odd).toEqual([]);
  });

  it('records every folder, so unzipping recreates them with mode 0755', () => {
    const folders = new Set(entries.filter((entry) => entry.dir).map((entry) => entry.path));
    const parents = new Set(files().flatMap((entry) => ancestors(entry.path)));
    expect([...parents].filter((parent) => !folders.has(parent))).toEqual([]);
    expect(entries.filter((entry) => entry.dir && entry.permissions !== '755')).toEqual([]);
  });

  it('starts dispatch with a shebang (Juju executes it without a shell)', async () => {
    const dispatch = await zip.file('dispatch')?.async('string');
    expect(dispatch?.startsWith('#!/bin/sh\n')).toBe(true);
  });

  it('declares the same bases in manifest.yaml as charmcraft.yaml builds for', () => {
    const manifest = Manifest.parse(readRepoYaml('manifest.yaml'));
    const charmcraft = Charmcraft.parse(readRepoYaml('charmcraft.yaml'));
    expect(manifest.bases).toEqual(charmcraft.bases.flatMap((base) => base['run-on']));
    expect(manifest.bases.map((base) => `${base.name}@${base.channel}`)).toEqual([
      'ubuntu@22.04',
      'ubuntu@24.04',
    ]);
    for (const base of manifest.bases) {
      expect(base.architectures.sort()).toEqual(['amd64', 'arm64', 'ppc64el', 's390x']);
    }
    expect(manifest.analysis.attributes).toContainEqual({ name: 'language', result: 'unknown' });
  });

  it('primes in charmcraft.yaml what npm run pack zips (charmcraft writes the manifest)', () => {
    const part = Charmcraft.parse(readRepoYaml('charmcraft.yaml')).parts.charm;
    const covered = (path: string) =>
      part.prime.some((prime) => path === prime || path.startsWith(`${prime}/`));
    expect(files().filter((entry) => !covered(entry.path)).map((entry) => entry.path)).toEqual([
      'manifest.yaml',
    ]);
    expect(part.prime.filter((prime) => !entries.some((entry) => entry.path === prime))).toEqual([]);
    expect(part.plugin).toBe('dump');
    expect(part['override-build']).toMatch(/npm ci\s+npm run build\s+craftctl default/);
  });
});

describe('glance.charm unpacked on a unit', () => {
  let charmDir: string;
  let binDir: string;
  let logFile: string;

  beforeAll(async () => {
    charmDir = tempDir('unpacked');
    for (const [name, file] of Object.entries(zip.files)) {
      const target = join(charmDir, name);
      if (file.dir) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await file.async('nodebuffer'));
      chmodSync(target, Number(file.unixPermissions) & 0o777);
    }
    // PATH holds only recorders: the charm can reach no real hook tool or host command.
    binDir = tempDir('unit-bin');
    logFile = join(binDir, 'calls.log');
    writeFileSync(logFile, '');
    writeRecordingNode(join(binDir, 'node'), logFile);
    for (const tool of HOOK_TOOLS) {
      writeExecutable(join(binDir, tool), `echo "${tool} $*" >> '${logFile}'\nexit 1`);
    }
  });

  it('runs dist/charm.js through ./dispatch, and the bundle loads on Node 18 rules', async () => {
    const result = await execa('./dispatch', [], {
      cwd: charmDir,
      env: {
        PATH: binDir,
        JUJU_DISPATCH_PATH: 'hooks/update-status',
        JUJU_HOOK_NAME: 'update-status',
        JUJU_CHARM_DIR: charmDir,
        JUJU_UNIT_NAME: 'glance/0',
        JUJU_MODEL_NAME: 'openstack',
        JUJU_CONTEXT_ID: 'glance/0-update-status-1',
        JUJU_VERSION: '3.6.0',
        CHARM_FS_ROOT: tempDir('unit-root'),
        ...(process.allowedNodeEnvironmentFlags.has('--experimental-detect-module')
          ? { NODE_OPTIONS: '--no-experimental-detect-module' }
          : {}),
      },
      extendEnv: false,
      reject: false,
    });
    const log = readFileSync(logFile, 'utf8').split('\n');
    expect(log).toContain(`node ${join(charmDir, 'dist', 'charm.js')} dispatch=hooks/update-status`);
    expect(result.stderr).not.toMatch(/SyntaxError|ERR_MODULE_NOT_FOUND|Dynamic require|outside a module/);
    // The charm got as far as asking Juju something.
    const toolCalls = log.filter((line) => HOOK_TOOLS.some((tool) => line.startsWith(`${tool} `)));
    expect(toolCalls.length).toBeGreaterThan(0);
  });
});
