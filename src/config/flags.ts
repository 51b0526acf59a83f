/**
 * api-config-flags / registry-config-flags → ordered INI pairs for [DEFAULT], with the
 * semantics of charm-helpers' `config_flags_parser`:
 *   "k1=v1, k2=v2"        → k1=v1, k2=v2
 *   "k1=v1, k2=a,b,c"     → a value may be a comma list when the next chunk has no "="
 *   "k1: a=b,c"           → a ":" before the first "=" makes the whole text a YAML mapping
 *                           (keys sorted, as the reference's `ordered()` did)
 * A repeated key keeps its first position and its last value (Python dict assignment).
 * On top of the reference, keys must be option names and values single lines, since both are
 * written into an INI file.
 */
import { parse as parseYaml } from 'yaml';
import type { IniPair } from '../base/ini.js';
import { type Checked, bad, ok, show } from './check.js';

/** oslo.config option names; a leading digit or dot is a typo, not an option. */
const OPTION_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function parseConfigFlags(text: string): Checked<IniPair[]> {
  const colon = text.indexOf(':');
  const equals = text.indexOf('=');
  const isYaml = colon > 0 && (equals < 0 || colon < equals);
  const parsed = isYaml ? yamlPairs(text) : keyValuePairs(text);
  if (!parsed.ok) return parsed;
  if (parsed.value.length === 0) return bad(`${show(text)} has no key=value pair`);
  for (const [key, value] of parsed.value) {
    if (key === '') return bad(`${show(text)} has an empty key`);
    if (!OPTION_NAME.test(key)) return bad(`key ${show(key)} is not an option name (a letter, then letters, digits, '_', '.', '-')`);
    if (/[\r\n\0]/.test(value)) return bad(`the value of ${key} must not contain a line break or NUL character`);
  }
  return parsed;
}

function keyValuePairs(text: string): Checked<IniPair[]> {
  if (text.includes('==')) return bad(`${show(text)} contains "==" (write key=value pairs separated by commas)`);
  // Each "=" separates a key from its value; the key of every pair after the first is the
  // text after the last comma of the chunk before it.
  const chunks = text.replace(/^[ =]+|[ =]+$/g, '').split('=');
  const flags = new Map<string, string>();
  for (const [i, current] of chunks.entries()) {
    const next = chunks[i + 1];
    if (next === undefined) break;
    const lastComma = next.lastIndexOf(',');
    const value = i === chunks.length - 2 || lastComma < 0 ? next : next.slice(0, lastComma);
    const keyStart = i === 0 ? 0 : current.lastIndexOf(',') + 1;
    if (keyStart === 0 && i > 0) return bad(`${show(text)} is not a comma-separated list of key=value pairs`);
    // The reference kept leading blanks of a value; INI readers drop them, so trimming is equivalent.
    flags.set(current.slice(keyStart).replace(/^[ ,]+|[ ,]+$/g, ''), value.replace(/^ +|[ ,]+$/g, ''));
  }
  return ok([...flags]);
}

function yamlPairs(text: string): Checked<IniPair[]> {
  let doc: unknown;
  try {
    // YAML 1.1 as PyYAML reads it (yes/no are booleans, 0755 is octal).
    doc = parseYaml(text, { version: '1.1', logLevel: 'error' });
  } catch {
    return bad(`${show(text)} is not valid YAML (a ":" before the first "=" makes it YAML)`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return bad(`${show(text)} is neither key=value pairs nor a YAML mapping`);
  }
  const pairs: IniPair[] = [];
  for (const [key, value] of Object.entries(doc).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rendered = scalarText(value);
    if (rendered === undefined) return bad(`the value of ${show(key)} is not a single value`);
    pairs.push([key, rendered]);
  }
  return ok(pairs);
}

/** How the reference's Jinja rendering printed a YAML scalar (Python's str()). */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return undefined;
}
