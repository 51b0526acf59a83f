/**
 * decide() and parseConfig() run once per snapshot, in the routing layer: src/event.ts reads a
 * snapshot, decides on it, and hands the Decision to the step, the action and the reconcile,
 * which never decide again (a config-changed with an upgrade used to parse the config four
 * times). Walks src/ and checks who imports those two functions as values.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** The function → the module that defines it (and the barrels that pass it on). */
const GUARDED: Record<string, string[]> = {
  decide: ['model/decide.ts'],
  parseConfig: ['config/parse.ts', 'config/index.ts'],
};

/** Who may import them: the routing module, decide() itself, and the config barrel re-exporting. */
const ALLOWED: Record<string, string[]> = {
  decide: ['event.ts'],
  parseConfig: ['model/decide.ts', 'config/index.ts'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Value imports (and re-exports) of `name` from its module, as "file" under src/. */
function importersOf(name: string): string[] {
  const homes = GUARDED[name] ?? [];
  return sourceFiles(SRC)
    .filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']+)'/gms)].some((m) => {
        const target = relative(SRC, resolve(dirname(file), (m[3] as string).replace(/\.js$/, '.ts')));
        if (m[1] || !homes.includes(target)) return false;
        const clause = m[2] as string;
        // `import * as x` reaches everything the module exports.
        if (/^\*/.test(clause)) return true;
        const names = (/\{([^}]*)\}/.exec(clause)?.[1] ?? '').split(',').map((s) => s.trim());
        return names.some((n) => n === name || n.startsWith(`${name} as `));
      }),
    )
    .map((file) => relative(SRC, file))
    .sort();
}

describe('decide() and parseConfig() run once per snapshot', () => {
  it('finds the imports it guards', () => {
    expect(importersOf('decide')).toContain('event.ts');
    expect(importersOf('parseConfig')).toContain('model/decide.ts');
  });

  it.each(Object.keys(GUARDED))('only the routing layer imports %s (steps, actions and reconcile get the Decision)', (name) => {
    const extra = importersOf(name).filter((f) => !(ALLOWED[name] ?? []).includes(f));
    expect(extra).toEqual([]);
  });
});
