/**
 * Runs the charm for one event exactly as the unit agent does (runner.go discoverHookHandler):
 * `./dispatch` if it exists, else the legacy `hooks/<name>` / `actions/<name>`, else a hook is
 * skipped (not an error) and an action fails. The process gets no stdin, the charm dir as cwd
 * and only the environment it is given.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { constants as osConstants } from 'node:os';

export interface ProcessOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function charmEntry(charmDir: string, kind: 'hook' | 'action', name: string): string | undefined {
  const dispatch = join(charmDir, 'dispatch');
  if (executable(dispatch)) return dispatch;
  const legacy = join(charmDir, kind === 'hook' ? 'hooks' : 'actions', name);
  return executable(legacy) ? legacy : undefined;
}

export function runCharm(entry: string, cwd: string, env: Record<string, string>, timeoutMs: number): Promise<ProcessOutcome> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(entry, [], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const signalNumber = signal ? (osConstants.signals[signal] ?? 9) : 0;
      resolve({
        exitCode: code ?? 128 + signalNumber,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        durationMs: performance.now() - started,
      });
    });
  });
}
