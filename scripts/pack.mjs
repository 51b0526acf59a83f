// Writes glance.charm: the zip `juju deploy ./glance.charm` accepts, as charmcraft would pack
// it (charmcraft itself needs snap and LXD, which our machines lack; see charmcraft.yaml).
// Run `npm run build` first (`npm run pack` does both).
// Usage: node scripts/pack.mjs [--root DIR] [--out FILE]
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';

// What the unit needs, relative to the root; folders are taken whole.
const CONTENTS = [
  'metadata.yaml',
  'config.yaml',
  'actions.yaml',
  'manifest.yaml',
  'dispatch',
  'hooks',
  'actions',
  'dist/charm.js',
  'dist/glance.js',
  'dist/package.json',
  'dist/templates.mjs',
  'templates',
  'files',
  'README.md',
  'icon.svg',
];
// Juju executes these directly, so the zip must record them as executable.
const EXECUTABLE = /^(dispatch|hooks\/[^/]+|actions\/[^/]+|files\/[^/]+\.sh)$/;
// Unix modes carry the file type too; unzip tools and Juju read both.
const FILE_MODE = { executable: 0o100755, plain: 0o100644 };
const DIRECTORY_MODE = 0o040755;

function fail(message) {
  console.error(`cannot pack: ${message}`);
  process.exit(1);
}

// Every path under `path` (itself included) as { path, isDirectory }, folders before contents.
async function walk(root, path) {
  const stat = await lstat(join(root, path));
  // Juju rejects charms whose symlinks leave the charm directory; shipping none avoids the question.
  if (stat.isSymbolicLink()) fail(`${path} is a symlink; a charm must not hold any`);
  if (!stat.isDirectory()) return [{ path, isDirectory: false }];
  const children = (await readdir(join(root, path))).sort();
  const nested = await Promise.all(children.map((child) => walk(root, `${path}/${child}`)));
  return [{ path, isDirectory: true }, ...nested.flat()];
}

async function missing(root, paths) {
  const checks = await Promise.all(
    paths.map((path) => lstat(join(root, path)).then(() => null, () => path)),
  );
  return checks.filter((path) => path !== null);
}

function parentFolders(path) {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string', default: 'glance.charm' },
  },
});
const root = resolve(values.root);
const absent = await missing(root, CONTENTS);
if (absent.length > 0) {
  const hint = absent.some((path) => path.startsWith('dist/')) ? ' (npm run build writes dist/)' : '';
  fail(`${root} lacks ${absent.join(', ')}${hint}`);
}

const entries = (await Promise.all(CONTENTS.map((path) => walk(root, path)))).flat();
// Folders holding a listed file (dist/) are recorded too, so every unzip recreates them alike.
const folders = new Set([
  ...entries.flatMap((entry) => parentFolders(entry.path)),
  ...entries.filter((entry) => entry.isDirectory).map((entry) => entry.path),
]);
const zip = new JSZip();
for (const folder of [...folders].sort()) {
  zip.file(folder, null, { dir: true, unixPermissions: DIRECTORY_MODE, createFolders: false });
}
for (const { path } of entries.filter((entry) => !entry.isDirectory)) {
  const mode = EXECUTABLE.test(path) ? FILE_MODE.executable : FILE_MODE.plain;
  zip.file(path, await readFile(join(root, path)), { unixPermissions: mode, createFolders: false });
}
const archive = await zip.generateAsync({
  type: 'nodebuffer',
  platform: 'UNIX',
  compression: 'DEFLATE',
  compressionOptions: { level: 9 },
});
const out = resolve(values.out);
await writeFile(out, archive);
const fileCount = entries.length - entries.filter((entry) => entry.isDirectory).length;
const shown = relative(process.cwd(), out).split(sep).join('/');
console.log(`wrote ${shown}: ${fileCount} files, ${Math.round(archive.length / 1024)} KiB`);
