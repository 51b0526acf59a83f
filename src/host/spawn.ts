/**
 * The one place a child process is started: by name on PATH, never through a shell, with a
 * closed stdin unless input is given (Juju's hook tools read stdin lazily and would wait on an
 * open pipe; reference/juju-runtime.md §2.1).
 */
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

export interface ProcessResult {
  /** null when the process never exited on its own (not found on PATH, killed). */
  exitCode: number | null;
  /** Why there is no exit code: "not found on PATH", "killed by SIGTERM". */
  reason?: string;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface SpawnOptions {
  input?: string;
  env?: Record<string, string>;
}

export async function spawnProcess(argv: readonly string[], opts: SpawnOptions = {}): Promise<ProcessResult> {
  const [file, ...args] = argv;
  if (!file) throw new Error('empty command');
  const started = performance.now();
  const r = await execa(file, args, {
    reject: false,
    env: opts.env,
    ...(opts.input === undefined ? { stdin: 'ignore' as const } : { input: opts.input }),
  });
  const ms = performance.now() - started;
  const out = { stdout: r.stdout, stderr: r.stderr, ms };
  if (typeof r.exitCode === 'number') return { exitCode: r.exitCode, ...out };
  return { exitCode: null, reason: whyNoExit(r), ...out };
}

function whyNoExit(r: { code?: string; signal?: string; shortMessage?: string }): string {
  if (r.code === 'ENOENT') return 'not found on PATH';
  if (r.signal) return `killed by ${r.signal}`;
  return (r.shortMessage ?? 'did not start').split('\n')[0] ?? 'did not start';
}

/**
 * How a failed process ended, for a one-line error: `(exit 2): ERROR relation not found` or
 * `(not found on PATH)`. The tail is the last line of stderr, else of stdout (init scripts
 * report on stdout).
 */
export function howItEnded(r: ProcessResult): string {
  if (r.exitCode === null) return `(${r.reason})`;
  const tail = lastLine(r.stderr) || lastLine(r.stdout);
  return `(exit ${r.exitCode})${tail ? `: ${tail}` : ''}`;
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}
