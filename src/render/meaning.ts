/**
 * What a config file means to the program that reads it, so that restarts follow meaning rather
 * than bytes: a file rewritten with other comments, blank lines, spacing, key order or mode
 * (another charm's templates before a `juju refresh --switch`, or a template edit that only
 * touches comments) restarts nothing. Only differences the reader cannot see are ignored; when
 * in doubt the bytes count.
 */
import { parse as parseYaml } from 'yaml';

import type { Syntax } from '../base/host-file.js';

const isComment = (line: string): boolean => line.startsWith('#') || line.startsWith(';');

/**
 * INI as oslo.config's and Python's configparser read it: `key = value` or `key: value` (the
 * first delimiter wins), whole-line `#`/`;` comments, an indented line after a key continues its
 * value, a repeated section adds to the first. Sections and keys may come in any order and an
 * empty section means nothing; a repeated key keeps its values in order (oslo's multi-valued
 * options read them all). A run of spaces inside a value counts as one: Paste splits pipelines
 * on them, and no value glance reads differs by its spacing alone.
 */
function iniMeaning(text: string): string {
  const sections = new Map<string, Array<[string, string]>>();
  let pairs: Array<[string, string]> = [];
  let last: [string, string] | undefined;
  const enter = (name: string) => {
    pairs = sections.get(name) ?? [];
    sections.set(name, pairs);
    last = undefined;
  };
  enter('');
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || isComment(line)) continue;
    if (last && /^\s/.test(raw)) {
      last[1] = `${last[1]}\n${line.replace(/\s+/g, ' ')}`;
      continue;
    }
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      enter((header[1] as string).trim());
      continue;
    }
    const at = line.search(/[=:]/);
    last = at < 0 ? [line, ''] : [line.slice(0, at).trim(), line.slice(at + 1).trim().replace(/\s+/g, ' ')];
    pairs.push(last);
  }
  const byKey = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const meaning = [...sections]
    .filter(([, p]) => p.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, p]) => [name, [...p].sort(byKey)]);
  return JSON.stringify(meaning);
}

/** One directive per line, in order (order can matter: ACLs, use_backend, servers); spacing and comment lines do not. */
function directivesMeaning(text: string): string {
  return JSON.stringify(
    text
      .split('\n')
      .map((l) => l.trim().replace(/\s+/g, ' '))
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
}

/** YAML as data: mapping key order, quoting and comments do not count. */
function yamlMeaning(text: string): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return JSON.stringify(canonical(parseYaml(text)) ?? null);
}

const READERS: Record<Syntax, (text: string) => string> = { ini: iniMeaning, directives: directivesMeaning, yaml: yamlMeaning };

/** Whether two versions of a file mean the same to its reader; without a syntax, or when either cannot be read, every byte counts. */
export function sameMeaning(syntax: Syntax | undefined, a: string, b: string): boolean {
  if (a === b) return true;
  if (syntax === undefined) return false;
  try {
    return READERS[syntax](a) === READERS[syntax](b);
  } catch {
    return false;
  }
}
