/**
 * Imports point one way. Walks src/ and checks, per folder: no two folders import each other,
 * nor does any longer chain of folders lead back to where it started; src/base/ (leaf values and
 * formats) imports nothing of ours; and juju/ (the read phase) and effects/ (the apply phase)
 * import no planner. The files at the top of src/ (entry, routes, plan and snapshot types) are
 * not a folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** Folders whose modules decide or plan, and the plan.ts of an integration's folder: the read and
 * apply phases must not reach them. */
const PLANNERS = ['model', 'reconcile', 'render', 'steps', 'actions'];
const isPlanner = (file: string): boolean => PLANNERS.some((p) => file.startsWith(`${p}/`)) || file.endsWith('/plan.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The folder under src/ a file sits in; files at the top (entry, plan and snapshot types) have none. */
const folderOf = (path: string): string | undefined => {
  const parts = relative(SRC, path).split('/');
  return parts.length > 1 ? parts[0] : undefined;
};

/** File → the files of ours it imports; `runtime` leaves out `import type` (erased when built). */
function fileImports(runtime = false): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map((file) => [
      file,
      [...readFileSync(file, 'utf8').matchAll(/^(import|export)\b( type\b)?[^;]*?\bfrom\s+'(\.[^']+)'/gms)]
        .filter((m) => !(runtime && m[2]))
        .map((m) => resolve(dirname(file), (m[3] as string).replace(/\.js$/, '.ts'))),
    ]),
  );
}

/** Every file reachable through imports from the files of `folder`, as paths under src/. */
function reachableFrom(folder: string, graph: Map<string, string[]>): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
  };
  for (const file of graph.keys()) if (folderOf(file) === folder) visit(file);
  return [...seen].map((f) => relative(SRC, f)).sort();
}

/** "from → to" for every import across folders, with the files that make it. */
function folderImports(graph: Map<string, string[]>): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [file, targets] of graph) {
    for (const target of targets) {
      const [from, to] = [folderOf(file) ?? '.', folderOf(target) ?? '.'];
      if (from === to) continue;
      const key = `${from} -> ${to}`;
      edges.set(key, [...(edges.get(key) ?? []), `${relative(SRC, file)} -> ${relative(SRC, target)}`]);
    }
  }
  return edges;
}

describe('imports in src/', () => {
  const graph = fileImports();
  const edges = folderImports(graph);
  const runtime = fileImports(true);
  /** The planner modules a folder's code can end up running. */
  const planners = (folder: string) => reachableFrom(folder, runtime).filter(isPlanner);
  const from = (folder: string) => [...edges.entries()].filter(([k]) => k.startsWith(`${folder} -> `)).flatMap(([, files]) => files);

  it('finds the folders and their imports', () => {
    expect(edges.size).toBeGreaterThan(20);
  });

  it('no two folders import each other', () => {
    const pairs = [...edges.keys()]
      .map((k) => k.split(' -> ') as [string, string])
      .filter(([a, b]) => a !== '.' && b !== '.' && a < b && edges.has(`${b} -> ${a}`))
      .map(([a, b]) => `${a} <-> ${b}: ${[...(edges.get(`${a} -> ${b}`) ?? []), ...(edges.get(`${b} -> ${a}`) ?? [])].join(', ')}`);
    expect(pairs).toEqual([]);
  });

  it('no chain of folders leads back to its start', () => {
    const next = (folder: string): string[] =>
      [...edges.keys()].filter((k) => k.startsWith(`${folder} -> `)).map((k) => k.slice(folder.length + 4)).filter((f) => f !== '.');
    const cycles: string[] = [];
    const walk = (path: string[]): void => {
      for (const to of next(path.at(-1) as string)) {
        if (to === path[0]) cycles.push([...path, to].join(' -> '));
        else if (!path.includes(to) && to > (path[0] as string)) walk([...path, to]);
      }
    };
    for (const folder of new Set([...edges.keys()].map((k) => k.split(' -> ')[0] as string))) if (folder !== '.') walk([folder]);
    expect(cycles).toEqual([]);
  });

  it('base/ imports nothing of ours outside itself', () => {
    expect(from('base')).toEqual([]);
  });

  it('effects/ carries out a plan and reaches no planner', () => {
    expect(planners('effects')).toEqual([]);
  });

  it('juju/ reads and reaches no planner', () => {
    expect(planners('juju')).toEqual([]);
  });
});
