/**
 * Settings given to relation-set and state-set: `key=value` arguments (juju keyvalues.Parse:
 * every argument needs "=", a key may appear once, an empty value is allowed and deletes) and
 * `--file PATH|-` holding a YAML map, which Go unmarshals into map[string]string: scalars become
 * their text, null becomes "" (a delete), a nested map or list is an error. JSON is YAML, so a
 * JSON object works too. The YAML reader below covers flat maps only, which is all those tools
 * accept.
 */
import { readFileSync } from 'node:fs';
import type { Databag } from '../state.js';
import { runError, usageError } from './errors.js';

export function parseKeyValues(args: readonly string[]): Databag {
  const out: Databag = {};
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 1) throw usageError(`expected "key=value", got ${JSON.stringify(arg)}`);
    const key = arg.slice(0, eq);
    if (key in out) throw usageError(`key ${JSON.stringify(key)} specified more than once`);
    out[key] = arg.slice(eq + 1);
  }
  return out;
}

const notAString = (line: number, kind: string) =>
  runError(`yaml: unmarshal errors:\n  line ${line}: cannot unmarshal !!${kind} into string`);

function fromJson(value: Record<string, unknown>): Databag {
  const out: Databag = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null) out[key] = '';
    else if (typeof v === 'object') throw notAString(1, Array.isArray(v) ? 'seq' : 'map');
    else out[key] = String(v);
  }
  return out;
}

function unquote(text: string, line: number): string {
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      throw runError(`yaml: line ${line}: found unexpected end of stream`);
    }
  }
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

function plainScalar(raw: string, line: number): string {
  const text = raw.replace(/\s+#.*$/, '').trim();
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return '';
  if (text.startsWith('{')) throw notAString(line, 'map');
  if (text.startsWith('[')) throw notAString(line, 'seq');
  return unquote(text, line);
}

function fromYaml(text: string): Databag {
  const out: Databag = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^\s*(#.*)?$/.test(line) || line === '---') continue;
    if (/^\s/.test(line)) throw notAString(i, 'map');
    if (line.startsWith('- ')) throw runError(`yaml: unmarshal errors:\n  line ${i + 1}: cannot unmarshal !!seq into map[string]string`);
    const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^:]+?):(?:\s+(.*))?$/.exec(line);
    if (!m) throw runError(`yaml: line ${i + 1}: could not find expected ':'`);
    const key = unquote(m[1] as string, i + 1);
    const rest = (m[2] ?? '').trim();
    const block = /^([|>])([+-]?)$/.exec(rest);
    if (!block) {
      out[key] = plainScalar(rest, i + 1);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length && /^(\s|$)/.test(lines[i + 1] as string)) body.push(lines[++i] as string);
    while (body.length > 0 && (body.at(-1) as string).trim() === '') body.pop();
    const indent = Math.min(...body.filter((l) => l.trim() !== '').map((l) => (/^\s*/.exec(l) as RegExpExecArray)[0].length));
    const content = body.map((l) => l.slice(indent));
    const joined = block[1] === '|' ? content.join('\n') : content.join(' ');
    out[key] = block[2] === '-' || joined === '' ? joined : `${joined}\n`;
  }
  return out;
}

export function parseSettings(text: string): Databag {
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fromYaml(text);
  }
  if (json === null) return {};
  if (typeof json !== 'object' || Array.isArray(json)) {
    throw notAString(1, Array.isArray(json) ? 'seq' : 'str');
  }
  return fromJson(json as Record<string, unknown>);
}

/** `--file` contents overridden by the key=value arguments, as Juju applies them. */
export async function readSettings(
  file: string | undefined,
  overrides: Databag,
  readStdin: () => Promise<string>,
): Promise<Databag> {
  if (file === undefined) return overrides;
  let text: string;
  if (file === '-') text = await readStdin();
  else {
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw runError(`open ${file}: no such file or directory`);
    }
  }
  return { ...parseSettings(text), ...overrides };
}
