/**
 * The one place a child process is started: by name on PATH, never through a shell, with a
 * closed stdin unless input is given (Juju's hook tools read stdin lazily and would wait on an
 * open pipe; reference/juju-runtime.md §2.1).
 *
 * node:child_process directly rather than execa: a hook starts 20-odd processes, and execa's
 * per-call machinery (stream and signal wrappers, result objects) cost about twice the spawn
 * itself in the charm's own CPU time, plus 180 KB of bundle parsed on every hook.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ProcessResult {
  /** null when the process never exited on its own (not found on PATH, killed). */
  exitCode: number | null;
  /** Why there is no exit code: "not found on PATH", "killed by SIGTERM". */
  reason?: string;
  /** Decoded as UTF-8, one final newline removed (what callers compare and quote). */
  stdout: string;
  stderr: string;
  ms: number;
}

export interface SpawnOptions {
  input?: string;
  /** Added to the charm's own environment. */
  env?: Record<string, string>;
}

const withoutFinalNewline = (text: string): string => text.replace(/\r?\n$/, '');

/**
 * The time during which at least one child of this process was running: the union of their
 * intervals, since reads run side by side. Wall time minus this is the charm's own time.
 */
const children = { running: 0, busySince: 0, busyMs: 0 };

export function childBusyMs(): number {
  const open = children.running > 0 ? performance.now() - children.busySince : 0;
  return children.busyMs + open;
}

function childStarted(now: number): void {
  if (children.running++ === 0) children.busySince = now;
}

function childEnded(now: number): void {
  if (--children.running === 0) children.busyMs += now - children.busySince;
}

export function spawnProcess(argv: readonly string[], opts: SpawnOptions = {}): Promise<ProcessResult> {
  const [file, ...args] = argv;
  if (!file) return Promise.reject(new Error('empty command'));
  const startMs = performance.now();
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const finish = (exitCode: number | null, reason?: string) => {
      if (settled) return;
      settled = true;
      const endMs = performance.now();
      if (counted) childEnded(endMs);
      resolve({
        exitCode,
        ...(reason === undefined ? {} : { reason }),
        stdout: withoutFinalNewline(Buffer.concat(stdout).toString('utf8')),
        stderr: withoutFinalNewline(Buffer.concat(stderr).toString('utf8')),
        ms: endMs - startMs,
      });
    };
    const notStarted = (error: NodeJS.ErrnoException) =>
      finish(null, error.code === 'ENOENT' ? 'not found on PATH' : `did not start: ${error.code ?? error.message}`);
    let counted = false;
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
      });
    } catch (error) {
      // Arguments Node refuses outright (a NUL byte in argv).
      notStarted(error as NodeJS.ErrnoException);
      return;
    }
    // From here a child runs; the fork before it was the charm's own time.
    counted = true;
    childStarted(performance.now());
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    // Not started at all (ENOENT, EACCES): Node reports it here, before any 'close'.
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) notStarted(error);
    });
    child.on('close', (code, signal) => {
      if (typeof code === 'number') finish(code);
      else finish(null, signal ? `killed by ${signal}` : 'did not start');
    });
    if (child.stdin) {
      // A process that exits without reading its input closes the pipe under us (EPIPE): its
      // exit status says what happened, not the write.
      child.stdin.on('error', () => undefined);
      child.stdin.end(opts.input);
    }
  });
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
