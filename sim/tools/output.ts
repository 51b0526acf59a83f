/**
 * Output of the query tools, byte for byte as juju/cmd prints it: `--format json` is Go's
 * json.Marshal (map keys sorted, <, >, & escaped) plus a newline; `smart` prints a string as is,
 * a list one item per line, a boolean as True/False, nothing for null or "", anything else as
 * YAML; `-o FILE` writes the output to a file instead of stdout.
 */
import { writeFileSync } from 'node:fs';
import { type FlagSpec, type ParsedArgs, flagString } from './args.js';
import { usageError } from './errors.js';

export type Format = 'smart' | 'yaml' | 'json';

export const OUTPUT_FLAGS: FlagSpec = { values: ['format', 'output'], aliases: { o: 'output' } };

/** Merges the output flags into a tool's own flags. */
export function withOutput(spec: FlagSpec): FlagSpec {
  return {
    bools: spec.bools,
    values: [...(spec.values ?? []), ...(OUTPUT_FLAGS.values ?? [])],
    aliases: { ...spec.aliases, ...OUTPUT_FLAGS.aliases },
  };
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sorted(v)]));
  }
  return value;
}

export function goJson(value: unknown): string {
  return JSON.stringify(sorted(value) ?? null)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const PLAIN = /^[A-Za-z0-9_./][A-Za-z0-9_./:@,+=~-]*( [A-Za-z0-9_./:@,+=~-]+)*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o?[0-7]+)$/i;

function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  return String(value);
}

function yamlLines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => {
      const [first = '', ...rest] = yamlLines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(sorted(value) as Record<string, unknown>);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([k, v]) => {
      const key = `${indent}${yamlScalar(k)}:`;
      const nested = v !== null && typeof v === 'object' && Object.keys(v).length > 0;
      if (!nested) return [`${key} ${yamlLines(v, '')[0]}`];
      return [key, ...yamlLines(v, Array.isArray(v) ? indent : `${indent}  `)];
    });
  }
  return [`${indent}${yamlScalar(value)}`];
}

export function yaml(value: unknown): string {
  return `${yamlLines(value, '').join('\n')}\n`;
}

function smart(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value.endsWith('\n') ? value : `${value}\n`;
  if (typeof value === 'boolean') return value ? 'True\n' : 'False\n';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return value.length === 0 ? '' : `${value.join('\n')}\n`;
  }
  return yaml(value);
}

export function render(value: unknown, format: Format): string {
  if (format === 'json') return `${goJson(value)}\n`;
  if (format === 'yaml') return yaml(value);
  return smart(value);
}

/** The formatted output for stdout ('' when `-o` sent it to a file). */
export function output(
  p: ParsedArgs,
  value: unknown,
  allowed: readonly Format[] = ['smart', 'yaml', 'json'],
  fallback: Format = 'smart',
): string {
  const requested = flagString(p, 'format') ?? fallback;
  if (!(allowed as readonly string[]).includes(requested)) {
    throw usageError(`invalid value ${JSON.stringify(requested)} for flag --format: unknown format ${JSON.stringify(requested)}`);
  }
  const text = render(value, requested as Format);
  const file = flagString(p, 'output');
  if (file === undefined) return text;
  writeFileSync(file, text);
  return '';
}
