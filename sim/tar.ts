/**
 * Reads the gzipped tar archives recordings are shipped in (root.tar.gz): regular files,
 * directories and symlinks with their numeric owners and modes, PAX extended headers honoured
 * for long names. Read in process (no `tar` on PATH, no chown needed) so a recording loads the
 * same way as root or not.
 */
import { gunzipSync } from 'node:zlib';

export type ArchiveEntry =
  | { type: 'file'; path: string; mode: number; uid: number; gid: number; content: Buffer }
  | { type: 'dir'; path: string; mode: number; uid: number; gid: number }
  | { type: 'symlink'; path: string; target: string };

const BLOCK = 512;

const text = (b: Buffer, start: number, length: number): string => {
  const field = b.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString('utf8');
};
const octal = (b: Buffer, start: number, length: number): number => Number.parseInt(text(b, start, length).trim() || '0', 8);

/** PAX records: "<length> <key>=<value>\n", repeated. */
function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = Number(data.subarray(at, space).toString());
    if (!(length > 0)) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    out[record.slice(0, eq)] = record.slice(eq + 1);
    at += length;
  }
  return out;
}

/** Entries in archive order; paths without a leading "./" or "/" and without a trailing "/". */
export function readTarGz(archive: Buffer): ArchiveEntry[] {
  const tar = gunzipSync(archive);
  const out: ArchiveEntry[] = [];
  let pax: Record<string, string> = {};
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const size = octal(header, 124, 12);
    const type = text(header, 156, 1) || '0';
    const data = tar.subarray(at + BLOCK, at + BLOCK + size);
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      pax = paxRecords(data);
      continue;
    }
    if (type === 'g') continue;
    const prefix = text(header, 345, 155);
    const name = pax.path ?? (prefix ? `${prefix}/${text(header, 0, 100)}` : text(header, 0, 100));
    const path = name.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
    const owner = { mode: octal(header, 100, 8) & 0o7777, uid: octal(header, 108, 8), gid: octal(header, 116, 8) };
    if (type === '0' || type === '7') out.push({ type: 'file', path, ...owner, content: Buffer.from(data) });
    else if (type === '5') out.push({ type: 'dir', path, ...owner });
    else if (type === '2') out.push({ type: 'symlink', path, target: pax.linkpath ?? text(header, 157, 100) });
    else throw new Error(`tar entry ${path}: type ${type} is not supported in a recording`);
    pax = {};
  }
  return out;
}
