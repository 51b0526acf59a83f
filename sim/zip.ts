/**
 * A zip archive's entries read with Node's own zlib: the 120 MB Node.js binary each charm carries
 * inflates in a fraction of a second, where JSZip's JavaScript inflate takes seconds. Enough of the
 * format for the archives `npm run pack` writes (deflate or stored, no zip64, no encryption);
 * anything else is refused, and each entry's size and CRC-32 are checked against the archive's.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** As recorded: folders end with "/". */
  name: string;
  dir: boolean;
  /** The unix mode recorded in the external attributes (file type and permissions); 0 if none. */
  unixMode: number;
  /** The entry's bytes, inflated and checked. */
  content(): Buffer;
  /** The entry's bytes as the archive stores them, and how (0 stored, 8 deflated). */
  stored(): { method: number; bytes: Buffer };
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const MADE_BY_UNIX = 3;
const STORED = 0;
const DEFLATED = 8;

function endOfCentralDirectory(archive: Buffer): number {
  // 22 bytes, then a comment of at most 65535.
  for (let at = archive.length - 22; at >= Math.max(0, archive.length - 22 - 0xffff); at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error('not a zip archive: no end of central directory');
}

export function readZip(archive: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(archive);
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new Error('zip64 archives are not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== CENTRAL_FILE_HEADER) throw new Error(`bad central directory entry ${i}`);
    const madeBy = archive.readUInt16LE(at + 4) >> 8;
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const attributes = archive.readUInt32LE(at + 38);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    const stored = () => {
      if (flags & 1) throw new Error(`${name}: encrypted`);
      if (archive.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`${name}: bad local header`);
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      return { method, bytes: archive.subarray(start, start + compressedSize) };
    };
    const content = (): Buffer => {
      const raw = stored().bytes;
      let bytes: Buffer;
      if (method === STORED) bytes = Buffer.from(raw);
      else if (method === DEFLATED) bytes = inflateRawSync(raw);
      else throw new Error(`${name}: compression method ${method} is not supported`);
      if (bytes.length !== size) throw new Error(`${name}: ${bytes.length} bytes where the archive says ${size}`);
      if (crc32(bytes) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
      return bytes;
    };
    entries.push({ name, dir: name.endsWith('/'), unixMode: madeBy === MADE_BY_UNIX ? attributes >>> 16 : 0, content, stored });
  }
  return entries;
}
