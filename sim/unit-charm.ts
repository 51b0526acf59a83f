/**
 * The charm as a unit holds it: `npm run pack`'s charm for this machine's architecture on the
 * 22.04 base, unzipped with the modes its zip records, as Juju unzips it into the charm dir.
 * The simulator runs hooks from there, so the Node.js they run on is the one the charm carries.
 * Unzipped again only when the charm file changed.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip } from './zip.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const JUJU_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };
const UNIT_BASE = 'ubuntu@22.04';

/** The packed charm a unit of this machine's architecture gets (charmcraft's file name). */
export function unitCharmFile(base = UNIT_BASE): string {
  const jujuArch = JUJU_ARCH[arch()];
  if (!jujuArch) throw new Error(`no charm is packed for this machine's architecture (${arch()})`);
  return join(REPO_ROOT, `glance_${base}-${jujuArch}.charm`);
}

/** Where the charm is unzipped; ready once unpackUnitCharm() has run (the sim tier's global setup does). */
export function unitCharmDir(base = UNIT_BASE): string {
  return join(REPO_ROOT, 'build', 'unit', unitCharmFile(base).split('/').pop()?.replace(/\.charm$/, '') ?? '');
}

const stampOf = (file: string) => {
  const s = statSync(file);
  return `${s.size}:${s.mtimeMs}`;
};

export async function unpackUnitCharm(base = UNIT_BASE): Promise<string> {
  const file = unitCharmFile(base);
  const dir = unitCharmDir(base);
  if (!existsSync(file)) throw new Error(`${file} is missing: npm run pack writes it`);
  const stamp = join(dir, '.unpacked-from');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === stampOf(file)) return dir;
  const staging = `${dir}.${process.pid}.new`;
  rmSync(staging, { recursive: true, force: true });
  for (const entry of readZip(readFileSync(file))) {
    const target = join(staging, entry.name);
    const mode = entry.unixMode & 0o777;
    if (entry.dir) {
      mkdirSync(target, { recursive: true, mode });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.content());
    chmodSync(target, mode);
  }
  writeFileSync(join(staging, '.unpacked-from'), stampOf(file));
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return dir;
}
