/**
 * One fake host command call, answered by the simulator's call server for a shim on PATH. Host
 * commands do not care about Juju's environment, so the shim names the unit's hook directory by
 * its own location (`<unit>/fakes/<cmd>` → `<unit>/hook`). The call is journalled with its argv
 * (and stdin when some was given); an injected failure for it wins, else the command plays
 * against the unit's machine state.
 */
import type { CallReply } from '../call-wire.js';
import { viewAfter } from '../fold.js';
import type { JournalEntry } from '../protocol.js';
import { appendJournal, nowMs, readContext, readJournal } from '../tools/io.js';
import { failureFor } from './failures.js';
import { FAKE_COMMANDS } from './registry.js';
import type { FakeOutcome, FakeRun } from './types.js';

export interface FakeCallInput {
  name: string;
  args: string[];
  hookDir: string;
  /** Undefined when the caller gave no stdin; empty input counts as none. */
  stdin: string | undefined;
  startMs: number;
}

/** The command's own outcome; a fake that throws fails as a real command would, with a message. */
function play(name: string, run: FakeRun): FakeOutcome {
  const command = FAKE_COMMANDS[name];
  if (!command) return { stderr: `${name}: not simulated\n`, exitCode: 127 };
  try {
    return command(run);
  } catch (e) {
    return { stderr: `${name}: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1 };
  }
}

export function handleFakeCommand({ name, args, hookDir, stdin, startMs }: FakeCallInput): CallReply {
  const ctx = viewAfter(readContext(hookDir), readJournal(hookDir));
  const failure = failureFor(ctx.host, [name, ...args]);
  const outcome: FakeOutcome = failure
    ? { stdout: failure.stdout, stderr: failure.stderr, exitCode: failure.exitCode, changes: [{ k: 'failure-used', id: failure.id }] }
    : play(name, { ctx, args });
  const exitCode = outcome.exitCode ?? 0;
  const entries: JournalEntry[] = (outcome.changes ?? []).map((change) => ({ k: 'host', change }));
  entries.push({ k: 'command', argv: [name, ...args], ...(stdin ? { stdin } : {}), exitCode, startMs, endMs: nowMs() });
  appendJournal(hookDir, entries);
  return { stdout: outcome.stdout ?? '', stderr: outcome.stderr ?? '', exitCode };
}
