/**
 * Runs the charm for one event inside this process, next to run-charm.ts, for tests where the
 * process boundary is not what is tested: no Node start and no bash shim per call. The event gets
 * the environment a hook process would (as process.env while it runs) and finds its commands on
 * the same PATH, but a hook tool or fake command found in the unit's tools/ or fakes/ dir is
 * answered by the call handlers directly; anything else on PATH (a wrapper script a test put
 * first) runs as a real process. The charm's waits between retries of a failing command pass at
 * once: the tests count its attempts, not the seconds between them. One event at a time per
 * process.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CallReply } from './call-wire.js';
import { handleFakeCommand } from './fakes/call.js';
import type { ProcessOutcome } from './run-charm.js';
import { handleToolCall } from './tools/call.js';
import { nowMs } from './tools/io.js';

/** What the charm exports for one event (src/event.ts): the exit status for Juju. */
export interface InProcessCharm {
  runEvent(env: NodeJS.ProcessEnv, cwd: string, stderr: (text: string) => void): Promise<number>;
}

export interface UnitBins {
  toolsDir: string;
  /** Absent in real mode. */
  fakesDir?: string;
}

interface Running extends UnitBins {
  env: Record<string, string>;
}

const require = createRequire(import.meta.url);
const childProcess = require('node:child_process') as typeof import('node:child_process');
const timers = require('node:timers/promises') as typeof import('node:timers/promises');
const realSpawn = childProcess.spawn;
const realSleep = timers.setTimeout;
let running: Running | undefined;

/** Which of the unit's dirs answers `file` on the event's PATH, if one does before anything else. */
function simulatedKind(file: string, event: Running): 'tool' | 'fake' | undefined {
  if (file.includes('/')) return undefined;
  for (const dir of (event.env.PATH ?? '').split(':')) {
    if (!dir || !existsSync(join(dir, file))) continue;
    if (resolve(dir) === resolve(event.toolsDir)) return 'tool';
    if (event.fakesDir && resolve(dir) === resolve(event.fakesDir)) return 'fake';
    return undefined;
  }
  return undefined;
}

function answer(kind: 'tool' | 'fake', name: string, args: string[], stdin: string | undefined, event: Running): Promise<CallReply> | CallReply {
  const startMs = nowMs();
  if (kind === 'tool') return handleToolCall({ tool: name, argv: args, hookDir: event.env.JUJU_AGENT_SOCKET_ADDRESS ?? '', stdin: stdin ?? '', startMs });
  return handleFakeCommand({ name, args, hookDir: resolve(event.fakesDir ?? '', '..', 'hook'), stdin: stdin || undefined, startMs });
}

/** A child process as spawn() returns one, whose output comes from the call handlers. */
function simulatedChild(kind: 'tool' | 'fake', name: string, args: string[], options: SpawnOptions, event: Running): ChildProcess {
  const child = new EventEmitter() as ChildProcess & EventEmitter;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const input: Buffer[] = [];
  const piped = Array.isArray(options.stdio) ? options.stdio[0] === 'pipe' : options.stdio === 'pipe';
  const stdinDone = new Promise<string | undefined>((done) => {
    if (!piped) return setImmediate(() => done(undefined));
    const stdin = new Writable({
      write: (chunk: Buffer, _encoding, next) => {
        input.push(chunk);
        next();
      },
      final: (next) => {
        done(Buffer.concat(input).toString('utf8'));
        next();
      },
    });
    Object.assign(child, { stdin });
  });
  Object.assign(child, { pid: 0, stdout, stderr, stdio: [child.stdin ?? null, stdout, stderr], kill: () => false });
  stdinDone
    .then((stdin) => answer(kind, name, args, stdin, event))
    .then(async (reply) => {
      stdout.end(reply.stdout);
      stderr.end(reply.stderr);
      await Promise.all([once(stdout, 'end'), once(stderr, 'end')]);
      child.emit('exit', reply.exitCode, null);
      child.emit('close', reply.exitCode, null);
    });
  return child;
}

function spawnDuringEvent(this: unknown, file: string, ...rest: unknown[]): ChildProcess {
  const [args, options] = Array.isArray(rest[0]) ? [rest[0] as string[], (rest[1] ?? {}) as SpawnOptions] : [[], (rest[0] ?? {}) as SpawnOptions];
  const kind = running && !args.some((a) => a.includes('\0')) ? simulatedKind(file, running) : undefined;
  if (!running || !kind) return (realSpawn as (...a: unknown[]) => ChildProcess).call(this, file, ...rest);
  return simulatedChild(kind, file, args, options, running);
}

function sleepDuringEvent<T>(delay?: number, value?: T, options?: import('node:timers').TimerOptions): Promise<T> {
  return realSleep(running ? 0 : delay, value, options);
}

/** The builtins the charm imports see these from now on; outside an event they do what they did. */
function install(): void {
  if (childProcess.spawn === spawnDuringEvent) return;
  childProcess.spawn = spawnDuringEvent as typeof childProcess.spawn;
  timers.setTimeout = sleepDuringEvent;
  syncBuiltinESMExports();
}

function replaceProcessEnv(env: Record<string, string>): void {
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
}

export async function runCharmInProcess(charm: InProcessCharm, cwd: string, env: Record<string, string>, bins: UnitBins): Promise<ProcessOutcome> {
  if (running) throw new Error('an in-process hook is already running in this process');
  install();
  const started = performance.now();
  const saved = { ...process.env } as Record<string, string>;
  const stderr: string[] = [];
  running = { env, ...bins };
  replaceProcessEnv(env);
  try {
    const exitCode = await charm.runEvent(process.env, cwd, (text) => stderr.push(text)).catch((err: unknown) => {
      stderr.push(`${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    });
    return { exitCode, stdout: '', stderr: stderr.join(''), durationMs: performance.now() - started };
  } finally {
    running = undefined;
    replaceProcessEnv(saved);
  }
}
