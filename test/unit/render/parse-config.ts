/**
 * Readers that compare config files the way the services read them, so tests ignore layout and
 * comments but not content.
 */

export type Ini = Record<string, Record<string, string>>;

const collapse = (s: string): string => s.trim().replace(/\s+/g, ' ');

/**
 * INI as Python's configparser reads it: `key = value` or `key: value` (whichever delimiter comes
 * first), `#`/`;` comment lines, whitespace inside values collapsed. Keys before any section go under
 * ''. A repeated section or key throws: oslo.config would refuse or silently drop one.
 */
export function parseIni(text: string): Ini {
  const out: Ini = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1] !== undefined) {
      section = header[1];
      if (section in out) throw new Error(`section [${section}] repeated`);
      out[section] = {};
      continue;
    }
    const at = line.search(/[=:]/);
    const key = collapse(at < 0 ? line : line.slice(0, at));
    const value = at < 0 ? '' : collapse(line.slice(at + 1));
    const keys = out[section] ?? {};
    out[section] = keys;
    if (key in keys) throw new Error(`[${section}] ${key} repeated`);
    keys[key] = value;
  }
  return out;
}

/** Line-oriented configs (haproxy, Apache, memcached): directives in order, comments and blanks dropped. */
export function directives(text: string): string[] {
  return text
    .split('\n')
    .map(collapse)
    .filter((line) => line !== '' && !line.startsWith('#'));
}
