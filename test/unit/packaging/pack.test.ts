// The charms `npm run pack` writes (npm test packs first) are what an operator deploys
// (`juju deploy ./glance_ubuntu@22.04-amd64.charm`): Juju unzips one and executes dispatch, so a
// missing file, a lost executable bit, a symlink, a manifest naming the wrong base or a Node.js
// for the wrong architecture breaks every hook on that platform.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { arch as hostCpu } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { execa } from 'execa';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as YAMLparse } from 'yaml';
import { z } from 'zod';
import { checkSupported, RUNTIME_ARCHES } from '../../../scripts/runtime.mjs';
import { readZip, type ZipEntry } from '../../../sim/zip.js';
import { expectedActions, expectedHooks, REPO_ROOT, readRepoYaml } from './charm-files.js';
import { removeTempDirs, tempDir, writeExecutable } from './shell-fakes.js';

afterAll(removeTempDirs);

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

const ancestors = (path: string) => {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
};

const Charmcraft = z.object({
  platforms: z.record(z.string(), z.null()),
  parts: z.object({ charm: z.object({ prime: z.array(z.string()) }) }),
});
const Manifest = z.object({
  bases: z.array(z.object({ name: z.string(), channel: z.string(), architectures: z.array(z.string()) })),
});
const Lock = z.object({ packages: z.record(z.string(), z.object({ version: z.string().optional() })) });

const charmcraft = Charmcraft.parse(readRepoYaml('charmcraft.yaml'));
const PLATFORMS = Object.keys(charmcraft.platforms).map((name) => {
  const [base = '', arch = ''] = name.split(':');
  const [distribution, channel] = base.split('@');
  return { name, distribution, channel, arch, file: `glance_${base}-${arch}.charm` };
});
const HOST_ARCH = Object.entries(RUNTIME_ARCHES).find(([, a]) => a.nodeCpu === hostCpu())?.[0];

function filesUnder(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(REPO_ROOT, join(entry.parentPath, entry.name)));
}

const EXECUTABLES = () => [
  'dispatch',
  'runtime/bin/node',
  ...expectedHooks().map((name) => `hooks/${name}`),
  ...expectedActions().map((name) => `actions/${name}`),
  // NRPE plugins the subordinate runs.
  ...filesUnder('files'),
];

interface Entry {
  path: string;
  dir: boolean;
  type: number;
  permissions: string;
}

const zips = new Map<string, JSZip>();
/** The same archives' entries by name, whose contents Node's zlib inflates (sim/zip.ts): JSZip's
 * JavaScript inflate takes seconds for each 120 MB Node.js binary. JSZip reads the entries' list,
 * types and modes, as an unzip tool would; the contents are checked against the archive's CRC-32. */
const contents = new Map<string, Map<string, ZipEntry>>();
const entriesOf = (file: string): Entry[] =>
  Object.values(zips.get(file)?.files ?? {}).map((f) => {
    const mode = Number(f.unixPermissions ?? 0);
    return { path: f.name.replace(/\/$/, ''), dir: f.dir, type: mode & S_IFMT, permissions: (mode & 0o777).toString(8) };
  });
/** Big entries' contents by the bytes the archive stores: the 22.04 and 24.04 charms of an
 * architecture carry the same Node.js binary, inflated (and run, below) once. */
const inflated = new Map<string, Buffer>();
const read = async (file: string, path: string): Promise<Buffer> => {
  const entry = zips.get(file)?.file(path) ? contents.get(file)?.get(path) : undefined;
  if (!entry) throw new Error(`${file} lacks ${path}`);
  const { method, bytes } = entry.stored();
  if (bytes.length < 1 << 20) return entry.content();
  const key = `${method}:${createHash('sha256').update(bytes).digest('hex')}`;
  const known = inflated.get(key) ?? entry.content();
  inflated.set(key, known);
  return known;
};
/** `--version` of each Node.js binary read above (the same bytes answer the same). */
const versions = new Map<Buffer, string>();

beforeAll(async () => {
  for (const { file } of PLATFORMS) {
    const archive = readFileSync(join(REPO_ROOT, file));
    zips.set(file, await JSZip.loadAsync(archive));
    contents.set(file, new Map(readZip(archive).map((entry) => [entry.name, entry])));
  }
}, 120_000);

describe('npm run pack', () => {
  it('writes one charm per platform charmcraft.yaml declares, amd64 and arm64 on 22.04 and 24.04', () => {
    expect(PLATFORMS.map((p) => p.file).sort()).toEqual([
      'glance_ubuntu@22.04-amd64.charm',
      'glance_ubuntu@22.04-arm64.charm',
      'glance_ubuntu@24.04-amd64.charm',
      'glance_ubuntu@24.04-arm64.charm',
    ]);
    for (const { file } of PLATFORMS) expect(existsSync(join(REPO_ROOT, file))).toBe(true);
  });

  it("lists in the README's platform table exactly the packed charms, with their size", () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `(glance_[^`]+\.charm)` \| ([^|]+) \| ([^|]+) \| ([\d.]+) MiB \|/gm)];
    expect(rows.map((row) => row[1]).sort()).toEqual(PLATFORMS.map((p) => p.file).sort());
    for (const [, file = '', , , size] of rows) {
      const actual = statSync(join(REPO_ROOT, file)).size / 1048576;
      expect(Math.abs(actual - Number(size)), `${file}: README says ${size} MiB, packed ${actual.toFixed(1)}`).toBeLessThan(2);
    }
  });
});

describe.each(PLATFORMS)('$file', (platform) => {
  it('holds every file the unit needs (what charmcraft.yaml primes, the manifest), and nothing else', () => {
    const primed = (path: string) => charmcraft.parts.charm.prime.some((p) => path === p || path.startsWith(`${p}/`));
    const files = entriesOf(platform.file).filter((e) => !e.dir).map((e) => e.path);
    expect(files.filter((path) => !primed(path))).toEqual(['manifest.yaml']);
    expect(charmcraft.parts.charm.prime.filter((p) => !files.some((f) => f === p || f.startsWith(`${p}/`)))).toEqual([]);
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
      'runtime/LICENSE',
      ...EXECUTABLES(),
      ...filesUnder('templates'),
    ];
    expect(files.sort()).toEqual(expected.sort());
  });

  it('records dispatch, hooks, actions and the runtime as executable (0755), the rest as 0644', () => {
    const executables = new Set(EXECUTABLES());
    const wrong = entriesOf(platform.file).filter((e) => !e.dir && e.permissions !== (executables.has(e.path) ? '755' : '644'));
    expect(wrong).toEqual([]);
  });

  it('holds only plain files and folders (no symlinks), every folder recorded with mode 0755', () => {
    const entries = entriesOf(platform.file);
    expect(entries.filter((e) => e.type !== (e.dir ? S_IFDIR : S_IFREG))).toEqual([]);
    const folders = new Set(entries.filter((e) => e.dir).map((e) => e.path));
    expect([...new Set(entries.filter((e) => !e.dir).flatMap((e) => ancestors(e.path)))].filter((p) => !folders.has(p))).toEqual([]);
    expect(entries.filter((e) => e.dir && e.permissions !== '755')).toEqual([]);
  });

  it('starts dispatch with a shebang (Juju executes it without a shell)', async () => {
    expect((await read(platform.file, 'dispatch')).toString('utf8').startsWith('#!/bin/sh\n')).toBe(true);
  });

  it('has a manifest naming this one base and architecture', async () => {
    const manifest = Manifest.parse(YAMLparse((await read(platform.file, 'manifest.yaml')).toString('utf8')));
    expect(manifest.bases).toEqual([{ name: platform.distribution, channel: platform.channel, architectures: [platform.arch] }]);
  });

  it("carries a Node.js for this architecture, at package-lock.json's version, not end of life", async () => {
    const node = await read(platform.file, 'runtime/bin/node');
    const { npmPackage, elfMachine, qemu } = RUNTIME_ARCHES[platform.arch] ?? {};
    expect(node.readUInt32BE(0)).toBe(0x7f454c46);
    expect(node.readUInt16LE(18)).toBe(elfMachine);
    const locked = Lock.parse(readRepoYaml('package-lock.json')).packages[`node_modules/${npmPackage}`]?.version ?? '';
    expect(() => checkSupported(locked)).not.toThrow();
    // Its own --version: natively, or under qemu-user for the other architecture (.ci/run
    // installs it); a machine without qemu-user checks the release URL Node's builds embed.
    const emulator = `qemu-${qemu}-static`;
    const runnable = platform.arch === HOST_ARCH || spawnSync(emulator, ['--version']).status === 0;
    if (runnable) {
      let version = versions.get(node);
      if (version === undefined) {
        const path = join(tempDir(`node-${platform.arch}`), 'node');
        writeFileSync(path, node, { mode: 0o755 });
        const argv = platform.arch === HOST_ARCH ? [path, '--version'] : [emulator, path, '--version'];
        version = execFileSync(argv[0] ?? '', argv.slice(1), { encoding: 'utf8' }).trim();
        versions.set(node, version);
      }
      expect(version).toBe(`v${locked}`);
    } else {
      expect(node.includes(`/release/v${locked}/node-v${locked}.tar.gz`)).toBe(true);
    }
    // Inflating and running a 120 MiB binary, under qemu for one of them.
  }, 60_000);
});

describe("this machine's charm unpacked on a unit with no node on PATH", () => {
  const HOOK_TOOLS = ['config-get', 'state-get', 'goal-state', 'is-leader', 'network-get', 'relation-ids', 'relation-list', 'juju-log', 'status-set'];
  let charmDir: string;
  let binDir: string;
  let logFile: string;

  beforeAll(async () => {
    const platform = PLATFORMS.find((p) => p.arch === HOST_ARCH && p.channel === '22.04');
    if (!platform) throw new Error(`no 22.04 charm for ${hostCpu()}`);
    charmDir = tempDir('unpacked');
    for (const [name, file] of Object.entries(zips.get(platform.file)?.files ?? {})) {
      const target = join(charmDir, name);
      if (file.dir) {
        mkdirSync(target, { recursive: true });
        continue;
      }
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, await read(platform.file, name));
      chmodSync(target, Number(file.unixPermissions) & 0o777);
    }
    // PATH holds only recorders: no node, no real hook tool or host command.
    binDir = tempDir('unit-bin');
    logFile = join(binDir, 'calls.log');
    writeFileSync(logFile, '');
    for (const tool of HOOK_TOOLS) writeExecutable(join(binDir, tool), `echo "${tool} $*" >> '${logFile}'\nexit 1`);
  }, 120_000);

  it('runs the charm on the Node.js it carries through ./dispatch', async () => {
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
      },
      extendEnv: false,
      reject: false,
    });
    expect(result.stderr).not.toMatch(/no Node\.js|needs Node\.js|SyntaxError|ERR_MODULE_NOT_FOUND|Dynamic require|outside a module/);
    // The charm got as far as asking Juju something.
    expect(readFileSync(logFile, 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });
});
