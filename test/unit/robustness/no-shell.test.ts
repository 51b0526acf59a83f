// Config values and remote data never reach a shell: one module starts processes, by argv and
// without a shell, and what it is given is taken literally (shown with the real spawn); the
// commands a full deployment plans are programs by name. (The fuzz tests apply the same
// command checks to every plan they make.)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnProcess } from '../../../src/host/spawn.js';
import { commandFindings } from './file-checks.js';
import { after, fullDeployment, run } from './full-deployment.js';

const SRC = new URL('../../../src', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const PROCESS_MODULES = /from ['"](node:)?child_process['"]|from ['"]execa['"]|require\(['"](node:)?child_process['"]\)/;

describe('no shell', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'no-shell-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('only src/host/spawn.ts starts processes, and never with a shell option', () => {
    const files = sources(SRC);
    const spawning = files.filter((f) => PROCESS_MODULES.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(spawning).toEqual(['host/spawn.ts']);
    const withShell = files.filter((f) => /\bshell\s*:/.test(readFileSync(f, 'utf8'))).map((f) => relative(SRC, f));
    expect(withShell).toEqual([]);
  });

  it('hands every argument over literally: substitutions, separators and globs stay text', async () => {
    const marker = join(scratch, 'ran');
    const nasty = [`$(touch ${marker})`, `\`touch ${marker}\``, `; touch ${marker}`, `| touch ${marker}`, `&& touch ${marker}`, '*', '$HOME', "'\"", '\n'];
    const r = await spawnProcess(['printf', '%s|', ...nasty]);
    expect(r.stdout).toBe(`${nasty.join('|')}|`);
    expect(existsSync(marker)).toBe(false);
  });

  it('a full deployment plans only programs by name', () => {
    const snap = fullDeployment();
    const plan = run(snap);
    expect(plan.effects.some((e) => e.kind === 'command')).toBe(true);
    expect(commandFindings(plan, after(snap, plan).host.files)).toEqual([]);
  });
});
