/**
 * Entry of the fake command process, symlinked under every faked command name in a unit's fakes
 * dir. Host commands do not care about Juju's environment, so it finds the unit's hook directory
 * next to its own location (`<unit>/fakes/<cmd>` → `<unit>/hook`) rather than through env. It
 * records argv (and stdin when given) in the journal, applies any failure injected for it, and
 * otherwise plays the command against the unit's machine state.
 */
import { basename, dirname, join } from 'node:path';
import { viewAfter } from '../fold.js';
import type { JournalEntry } from '../protocol.js';
import { appendJournal, nowMs, readContext, readJournal } from '../tools/io.js';
import { failureFor } from './failures.js';
import { FAKE_COMMANDS } from './registry.js';
import { readStdinIfGiven } from './stdin.js';
import type { FakeOutcome } from './types.js';

async function main(): Promise<number> {
  const startMs = performance.timeOrigin;
  const self = process.argv[1] ?? '';
  const name = basename(self);
  const args = process.argv.slice(2);
  const hookDir = join(dirname(self), '..', 'hook');
  const stdin = await readStdinIfGiven();
  const ctx = viewAfter(readContext(hookDir), readJournal(hookDir));
  const failure = failureFor(ctx.host, [name, ...args]);
  const command = FAKE_COMMANDS[name];
  let outcome: FakeOutcome;
  if (failure) {
    outcome = {
      stdout: failure.stdout,
      stderr: failure.stderr,
      exitCode: failure.exitCode,
      changes: [{ k: 'failure-used', id: failure.id }],
    };
  } else if (command) {
    outcome = command({ ctx, args });
  } else {
    outcome = { stderr: `${name}: not simulated\n`, exitCode: 127 };
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  const exitCode = outcome.exitCode ?? 0;
  const entries: JournalEntry[] = (outcome.changes ?? []).map((change) => ({ k: 'host', change }));
  entries.push({ k: 'command', argv: [name, ...args], ...(stdin === undefined ? {} : { stdin }), exitCode, startMs, endMs: nowMs() });
  appendJournal(hookDir, entries);
  return exitCode;
}

main().then((code) => {
  process.exitCode = code;
});
