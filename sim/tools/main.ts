/**
 * Entry of the hook tool process, symlinked under every tool name in a unit's tools dir. Like
 * Juju's jujuc it finds its hook context through the environment (JUJU_AGENT_SOCKET_ADDRESS,
 * here the hook directory), answers from the unit's view of the model, and journals what it did
 * so the engine can commit it when the hook ends.
 */
import { basename } from 'node:path';
import { viewAfter } from '../fold.js';
import type { JournalEntry } from '../protocol.js';
import { ToolError } from './errors.js';
import { appendJournal, nowMs, readAllStdin, readContext, readJournal } from './io.js';
import { HOOK_TOOLS } from './registry.js';

async function main(): Promise<number> {
  const startMs = performance.timeOrigin;
  const tool = basename(process.argv[1] ?? '');
  const argv = process.argv.slice(2);
  const hookDir = process.env.JUJU_AGENT_SOCKET_ADDRESS;
  if (!hookDir) {
    process.stderr.write('ERROR JUJU_AGENT_SOCKET_ADDRESS not set: not running in a hook context\n');
    return 1;
  }
  const handler = HOOK_TOOLS[tool];
  let exitCode = 0;
  let entries: JournalEntry[] = [];
  try {
    if (!handler) throw new ToolError(1, `unknown command: ${tool}`);
    const ctx = viewAfter(readContext(hookDir), readJournal(hookDir));
    const outcome = await handler({ ctx, argv, readStdin: readAllStdin });
    if (outcome.stdout) process.stdout.write(outcome.stdout);
    if (outcome.stderr) process.stderr.write(outcome.stderr);
    entries = outcome.entries ?? [];
  } catch (e) {
    exitCode = e instanceof ToolError ? e.exitCode : 1;
    process.stderr.write(`ERROR ${e instanceof Error ? e.message : String(e)}\n`);
  }
  appendJournal(hookDir, [...entries, { k: 'call', tool, argv, exitCode, startMs, endMs: nowMs() }]);
  return exitCode;
}

main().then((code) => {
  process.exitCode = code;
});
