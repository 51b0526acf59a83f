/**
 * Host commands, by name on PATH and never through a shell (design §3), so the simulator can put
 * its fakes first on PATH. Secrets only ever travel on stdin (`input`), never in argv, because
 * argv is visible to every user in `ps` and ends up in error messages.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { howItEnded, type ProcessResult, spawnProcess } from './spawn.js';

export interface CommandOptions {
  /** Fed on stdin, which is then closed. */
  input?: string;
  /** Added to the charm's own environment. */
  env?: Record<string, string>;
  /** Further attempts after a non-zero exit. */
  retries?: number;
  /** Wait before the first retry; doubles for each later one. */
  backoffMs?: number;
}

export type CommandResult = ProcessResult;

/** A failed host command, described in one line: what ran, how it ended and its last words. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  constructor(
    readonly argv: readonly string[],
    readonly result: CommandResult,
  ) {
    super(commandFailure(argv, result));
  }
}

const totals = { commands: 0, ms: 0 };

/** Commands run so far by this process and the time spent in them (for CHARM_TOOL_STATS). */
export const commandTotals = (): { commands: number; commandMs: number } => ({
  commands: totals.commands,
  commandMs: Math.round(totals.ms),
});

/** Runs a command once and reports how it ended; never throws for a failing command. */
export async function tryCommand(argv: readonly string[], opts: CommandOptions = {}): Promise<CommandResult> {
  const result = await spawnProcess(argv, { input: opts.input, env: opts.env });
  totals.commands += 1;
  totals.ms += result.ms;
  return result;
}

/** Runs a command, retrying a non-zero exit as asked; throws CommandError when it still fails. */
export async function runCommand(argv: readonly string[], opts: CommandOptions = {}): Promise<CommandResult> {
  const retries = opts.retries ?? 0;
  for (let attempt = 0; ; attempt++) {
    const result = await tryCommand(argv, opts);
    if (result.exitCode === 0) return result;
    if (result.exitCode === null || attempt >= retries) throw new CommandError(argv, result);
    await sleep((opts.backoffMs ?? 1000) * 2 ** attempt);
  }
}

/**
 * `apt-get install failed (exit 100): E: Unable to locate package x`. The command is named by its
 * program and first operand (options skipped) so the line says which step broke.
 */
function commandFailure(argv: readonly string[], r: CommandResult): string {
  const operand = argv.slice(1).find((a) => !a.startsWith('-'));
  const what = [argv[0], operand].filter(Boolean).join(' ');
  return `${what} failed ${howItEnded(r)}`;
}
