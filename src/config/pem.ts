/** ssl_cert, ssl_key, ssl_ca: base64 of a PEM file. */
import { type Check, bad, ok } from './check.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PEM = /-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/;

/**
 * Whitespace is allowed because `base64` wraps its output at 76 columns and the reference
 * decoder ignored it; these values are decoded into files, never written into INI lines.
 * The value is never echoed: it may be a private key.
 */
export const base64Pem: Check<string, string> = (text) => {
  const compact = text.replace(/\s+/g, '');
  const decodable = compact.length % 4 === 0 && BASE64.test(compact);
  return decodable && PEM.test(Buffer.from(compact, 'base64').toString('latin1'))
    ? ok(text)
    : bad('is not a base64-encoded PEM file (set it with "$(base64 -w0 file.pem)")');
};
