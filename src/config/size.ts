/**
 * image-size-cap: "500G", "1 TB", "1073741824" → bytes. Units are powers of 1024 as in the
 * reference charm; spaces are ignored and case does not matter.
 */
import { type Checked, bad, ok, show } from './check.js';

const POWERS: Readonly<Record<string, number>> = { K: 1, KB: 1, M: 2, MB: 2, G: 3, GB: 3, T: 4, TB: 4, P: 5, PB: 5 };
const SIZE = /^(\d+)(KB?|MB?|GB?|TB?|PB?)?$/;

/** Above this the byte count would no longer be exact in a JS number (nor in the rendered file). */
const LARGEST = Number.MAX_SAFE_INTEGER;

export function parseSize(text: string): Checked<number> {
  const match = SIZE.exec(text.replace(/\s+/g, '').toUpperCase());
  if (!match) return bad(`${show(text)} is not a size like 500G or 1TB`);
  const bytes = Number(match[1]) * 1024 ** (POWERS[match[2] ?? ''] ?? 0);
  if (bytes === 0) return bad(`${show(text)} must be greater than 0 bytes`);
  if (bytes > LARGEST) return bad(`${show(text)} is too large (at most 8PB)`);
  return ok(bytes);
}
