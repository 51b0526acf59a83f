/**
 * Shapes of the values remote charms send that glance writes into its files or connects to. A
 * remote unit must not be able to start a line (a new INI key or section, a haproxy directive),
 * to point glance at something that is not a host, or to have text that is not a certificate
 * written where one belongs. A value that does not fit leaves its relation incomplete, or is
 * ignored where glance can do without it; it never crashes a hook.
 */
import { z } from 'zod';
import { isDnsName, isIpAddress } from '../config/addresses.js';

const ONE_LINE = /^[^\r\n\0]*$/;

/** Text that stays inside the one line (INI value, URL) it is written into. */
export const Line = z.string().regex(ONE_LINE);
export const RequiredLine = Line.min(1);

/** An IP address (IPv6 possibly in brackets, as in a URL) or a DNS name; Juju's private-address may be either. */
export const isHost = (text: string): boolean => isIpAddress(text.replace(/^\[(.*:.*)\]$/, '$1')) || isDnsName(text);
export const Host = z.string().refine(isHost);

export const isPort = (text: string): boolean => /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535;
export const Port = z.string().refine(isPort);

export const Protocol = z.enum(['http', 'https']);

function isHttpUrl(text: string): boolean {
  if (!ONE_LINE.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && isHost(url.hostname);
  } catch {
    return false;
  }
}
export const HttpUrl = z.string().refine(isHttpUrl);

const PEM_LINE = /^(-----(BEGIN|END) [A-Z0-9 ]+-----|[A-Za-z0-9+/=]+)$/;

/** One or more PEM blocks and nothing else (blank lines aside). */
export function isPem(text: string): boolean {
  if (text.includes('\r')) return false;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.some((l) => l.startsWith('-----BEGIN ')) && lines.every((l) => PEM_LINE.test(l));
}
export const Pem = z.string().refine(isPem);

/** mysql and rabbitmq send certificates as base64 of the PEM text. */
export const decodeBase64 = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');
export const isBase64Pem = (text: string): boolean => /^[A-Za-z0-9+/=\s]+$/.test(text) && isPem(decodeBase64(text));
export const Base64Pem = z.string().refine(isBase64Pem);
