/**
 * Small IP arithmetic for address selection (which host address or VIP lies in a CIDR) and
 * haproxy ACL netmasks. Node's `net` module only validates; membership needs the numbers.
 */
import { isIP } from 'node:net';

function v6ToBigInt(addr: string): bigint {
  const [head = '', tail] = addr.split('::');
  const parts = (s: string) => (s ? s.split(':') : []);
  let groups = parts(head);
  const tailGroups = parts(tail ?? '');
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (gs: string[]) =>
    gs.flatMap((g) => (g.includes('.') ? v4Groups(g) : [g]));
  groups = expand(groups);
  const tg = expand(tailGroups);
  const fill = tail === undefined ? [] : Array(8 - groups.length - tg.length).fill('0');
  return [...groups, ...fill, ...tg].reduce((acc, g) => (acc << 16n) + BigInt(Number.parseInt(g || '0', 16)), 0n);
}

function v4Groups(a: string): string[] {
  const n = Number(v4ToBigInt(a));
  return [((n >>> 16) & 0xffff).toString(16), (n & 0xffff).toString(16)];
}

function v4ToBigInt(addr: string): bigint {
  return addr.split('.').reduce((acc, o) => (acc << 8n) + BigInt(Number(o)), 0n);
}

export interface Parsed {
  family: 4 | 6;
  value: bigint;
}

export function parseIp(addr: string): Parsed | undefined {
  const bare = addr.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  const fam = isIP(bare);
  if (fam === 4) return { family: 4, value: v4ToBigInt(bare) };
  if (fam === 6) return { family: 6, value: v6ToBigInt(bare) };
  return undefined;
}

export function inCidr(addr: string, cidr: string): boolean {
  const [net = '', lenText] = cidr.split('/');
  const a = parseIp(addr);
  const n = parseIp(net);
  if (!a || !n || a.family !== n.family) return false;
  const bits = a.family === 4 ? 32 : 128;
  const len = lenText === undefined ? bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > bits) return false;
  const shift = BigInt(bits - len);
  return a.value >> shift === n.value >> shift;
}

/** 24 → 255.255.255.0 for IPv4; IPv6 keeps the prefix length as haproxy accepts it. */
export function netmaskOf(prefix: number, family: 4 | 6): string {
  if (family === 6) return String(prefix);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (mask >>> s) & 0xff).join('.');
}

export const isIpv6 = (addr: string): boolean => parseIp(addr)?.family === 6;

/** Brackets an IPv6 address for use in a URL or host:port (one already bracketed stays as it is). */
export const urlHost = (addr: string): string => (isIpv6(addr) && !addr.startsWith('[') ? `[${addr}]` : addr);
