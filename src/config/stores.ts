/** Image store options: the local directory and the external S3 endpoint. */
import { blocked, type Problem } from '../base/problem.js';
import { type Check, bad, ok, show } from './check.js';

/** filesystem-store-datadir: an absolute directory, or "" to turn the local store off. */
export const localStoreDir: Check<string, string> = (text) =>
  text === '' || text.startsWith('/')
    ? ok(text)
    : bad(`${show(text)} is not an absolute path (or "" to disable the local store)`);

export const s3Endpoint: Check<string, string> = (text) => {
  if (!/^https?:\/\//.test(text)) return bad(`${show(text)} must start with http:// or https://`);
  try {
    new URL(text);
    return ok(text);
  } catch {
    return bad(`${show(text)} is not a URL`);
  }
};

export const S3_OPTIONS = ['s3-store-host', 's3-store-access-key', 's3-store-secret-key', 's3-store-bucket'] as const;

/**
 * The S3 store needs all four options or none. Judged on what the operator set (not on the
 * parsed values) so that a malformed host is reported once, as itself.
 */
export function s3Problems(input: Readonly<Record<string, unknown>>): Problem[] {
  const set = S3_OPTIONS.filter((name) => input[name] !== null && input[name] !== '');
  return set.length === 0 || set.length === S3_OPTIONS.length
    ? []
    : [blocked('s3', 'Invalid external S3 config: Missing necessary config options')];
}
