// Writes one charm per platform of charmcraft.yaml, named and filled as `charmcraft pack` does
// (glance_ubuntu@22.04-amd64.charm, ...): the files its `prime:` list names, the Node.js runtime
// for that architecture (scripts/runtime.mjs) and a manifest.yaml naming that one base and
// architecture. charmcraft itself needs snap and LXD, which our machines lack.
// A charm whose contents have not changed since it was written is left as it is.
// Run `npm run build` first (`npm run pack` does both).
// Usage: node scripts/pack.mjs [--platform ubuntu@22.04:amd64 ...] [--out-dir DIR]
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { zip } from 'fflate';
import { parse, stringify } from 'yaml';
import { REPO_ROOT, RUNTIME_LICENSE, RUNTIME_NODE, stageRuntime } from './runtime.mjs';

// Juju executes these directly, so the zip must record them as executable.
export const EXECUTABLE = /^(dispatch|hooks\/[^/]+|actions\/[^/]+|files\/[^/]+\.sh|runtime\/bin\/node)$/;
// Unix modes carry the file type too; unzip tools and Juju read both.
const FILE_MODE = { executable: 0o100755, plain: 0o100644 };
const DIRECTORY_MODE = 0o040755;
const UNIX = 3;
const zipAsync = promisify(zip);

function fail(message) {
  console.error(`cannot pack: ${message}`);
  process.exit(1);
}

/** The platforms charmcraft.yaml declares, as { name, base, channel, arch }. */
export function platformsOf(charmcraft) {
  return Object.keys(charmcraft.platforms ?? {}).map((name) => {
    const match = /^(\w+)@([\d.]+):(\w+)$/.exec(name);
    if (!match) fail(`platform ${name} is not in the multi-base shorthand <distribution>@<series>:<arch>`);
    return { name, base: match[1], channel: match[2], arch: match[3] };
  });
}

/** charmcraft's file name for a platform: the colon becomes a hyphen. */
export const charmFileName = (charmName, platform) => `${charmName}_${platform.name.replace(/:/g, '-')}.charm`;

// Every path under `path` (itself included) as { path, isDirectory }, folders before contents.
async function walk(root, path) {
  const stat = await lstat(join(root, path)).catch(() => fail(`${path} is missing${path.startsWith('dist/') ? ' (npm run build writes dist/)' : ''}`));
  // Juju rejects charms whose symlinks leave the charm directory; shipping none avoids the question.
  if (stat.isSymbolicLink()) fail(`${path} is a symlink; a charm must not hold any`);
  if (!stat.isDirectory()) return [{ path, isDirectory: false }];
  const children = (await readdir(join(root, path))).sort();
  const nested = await Promise.all(children.map((child) => walk(root, `${path}/${child}`)));
  return [{ path, isDirectory: true }, ...nested.flat()];
}

const parentFolders = (path) => {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
};

function manifest(platform) {
  return stringify({
    bases: [{ name: platform.base, channel: platform.channel, architectures: [platform.arch] }],
    analysis: { attributes: [{ name: 'language', result: 'unknown' }, { name: 'framework', result: 'unknown' }] },
  });
}

/** path → bytes of one platform's charm; the runtime comes from its staged copy. */
async function contents(root, prime, platform, runtimeDir) {
  const sources = { [RUNTIME_NODE]: join(runtimeDir, 'bin', 'node'), [RUNTIME_LICENSE]: join(runtimeDir, 'LICENSE') };
  const entries = (await Promise.all(prime.filter((path) => !sources[path]).map((path) => walk(root, path)))).flat();
  const files = new Map();
  for (const { path } of entries.filter((entry) => !entry.isDirectory)) files.set(path, readFile(join(root, path)));
  for (const [path, source] of Object.entries(sources)) files.set(path, readFile(source));
  files.set('manifest.yaml', Buffer.from(manifest(platform)));
  const resolved = new Map();
  for (const [path, bytes] of files) resolved.set(path, await bytes);
  return resolved;
}

function zipInput(files) {
  const folders = new Set([...files.keys()].flatMap(parentFolders));
  const input = {};
  for (const folder of [...folders].sort()) input[`${folder}/`] = [new Uint8Array(0), { os: UNIX, attrs: DIRECTORY_MODE << 16 }];
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const mode = EXECUTABLE.test(path) ? FILE_MODE.executable : FILE_MODE.plain;
    input[path] = [bytes, { os: UNIX, attrs: mode << 16, level: 6 }];
  }
  return input;
}

function digestOf(files) {
  const hash = createHash('sha256');
  for (const [path, bytes] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(`${path}\0${EXECUTABLE.test(path)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

async function packOne(root, charmName, prime, platform, outDir) {
  const runtime = await stageRuntime(platform.arch, join(root, 'build', 'runtime', platform.arch), root);
  const files = await contents(root, prime, platform, join(root, 'build', 'runtime', platform.arch));
  const out = join(outDir, charmFileName(charmName, platform));
  const stamp = join(root, 'build', 'pack', `${charmFileName(charmName, platform)}.sha256`);
  const digest = digestOf(files);
  const shown = relative(process.cwd(), out).split(sep).join('/');
  if (existsSync(out) && (await readFile(stamp, 'utf8').catch(() => '')) === digest) {
    console.log(`${shown}: up to date`);
    return;
  }
  const archive = await zipAsync(zipInput(files), {});
  await mkdir(join(root, 'build', 'pack'), { recursive: true });
  // Replaced whole: a test or the simulator may be reading the previous one.
  await writeFile(`${out}.tmp`, archive);
  await rename(`${out}.tmp`, out);
  await writeFile(stamp, digest);
  console.log(`wrote ${shown}: ${files.size} files, Node.js ${runtime.version}, ${(archive.length / 1048576).toFixed(1)} MiB`);
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { values } = parseArgs({
    options: { platform: { type: 'string', multiple: true }, 'out-dir': { type: 'string', default: '.' }, root: { type: 'string', default: REPO_ROOT } },
  });
  const root = resolve(values.root);
  const charmcraft = parse(await readFile(join(root, 'charmcraft.yaml'), 'utf8'));
  const { name } = parse(await readFile(join(root, 'metadata.yaml'), 'utf8'));
  const declared = platformsOf(charmcraft);
  const unknown = (values.platform ?? []).filter((wanted) => !declared.some((p) => p.name === wanted));
  if (unknown.length > 0) fail(`charmcraft.yaml declares no platform ${unknown.join(', ')}`);
  const chosen = values.platform ? declared.filter((p) => values.platform.includes(p.name)) : declared;
  const prime = charmcraft.parts.charm.prime;
  await mkdir(resolve(values['out-dir']), { recursive: true });
  try {
    // One runtime per architecture, staged before the charms that share it are zipped side by side.
    for (const arch of new Set(chosen.map((p) => p.arch))) await stageRuntime(arch, join(root, 'build', 'runtime', arch), root);
    await Promise.all(chosen.map((platform) => packOne(root, name, prime, platform, resolve(values['out-dir']))));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}
