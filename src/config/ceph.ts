/** Choices of the Ceph pool options, and the reference's wording for BlueStore errors. */
import { type Check, ok } from './check.js';
import { oneOf } from './text.js';

export const POOL_TYPES = ['replicated', 'erasure-coded'] as const;
export const EC_PLUGINS = ['jerasure', 'lrc', 'isa', 'shec', 'clay'] as const;
export const SCALAR_MDS = ['jerasure', 'isa', 'shec'] as const;
export const COMPRESSION_ALGORITHMS = ['lz4', 'snappy', 'zlib', 'zstd'] as const;
export const COMPRESSION_MODES = ['none', 'passive', 'aggressive', 'force'] as const;

const SHOWN_LENGTH = 60;

/**
 * A BlueStore choice, failing with the exact status the reference set, e.g.
 * "Invalid configuration: 'compression-mode': bogus is not in the list ('none', 'passive', ...)".
 */
export const bluestoreChoice =
  <T extends string>(key: string, choices: readonly T[]): Check<string, T> =>
  (text) => {
    const result = oneOf(choices)(text);
    if (result.ok) return ok(result.value);
    const list = choices.map((c) => `'${c}'`).join(', ');
    // The reference echoed the value unquoted; a long one is cut so the status line stays readable.
    const shown = text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
    return { ok: false, verbatim: true, message: `Invalid configuration: '${key}': ${shown} is not in the list (${list})` };
  };
