/**
 * One hook tool call, answered by the simulator's call server for a shim on PATH. Like Juju's
 * jujuc it finds its hook context through the environment (JUJU_AGENT_SOCKET_ADDRESS, here the
 * hook directory), answers from the unit's view of the model with the hook's earlier calls folded
 * in, and journals what it did so the engine can commit it when the hook ends.
 */
import type { CallReply } from '../call-wire.js';
import { viewAfter } from '../fold.js';
import type { JournalEntry } from '../protocol.js';
import { ToolError } from './errors.js';
import { appendJournal, nowMs, readContext, readJournal } from './io.js';
import { HOOK_TOOLS } from './registry.js';

export interface ToolCallInput {
  tool: string;
  argv: string[];
  /** The hook dir, or '' when the caller has no JUJU_AGENT_SOCKET_ADDRESS. */
  hookDir: string;
  /** What the caller gave on stdin ('' for none): `--file -` reads it. */
  stdin: string;
  startMs: number;
}

export async function handleToolCall({ tool, argv, hookDir, stdin, startMs }: ToolCallInput): Promise<CallReply> {
  if (!hookDir) return { stdout: '', stderr: 'ERROR JUJU_AGENT_SOCKET_ADDRESS not set: not running in a hook context\n', exitCode: 1 };
  const handler = HOOK_TOOLS[tool];
  const reply: CallReply = { stdout: '', stderr: '', exitCode: 0 };
  let entries: JournalEntry[] = [];
  try {
    if (!handler) throw new ToolError(1, `unknown command: ${tool}`);
    const ctx = viewAfter(readContext(hookDir), readJournal(hookDir));
    const outcome = await handler({ ctx, argv, readStdin: async () => stdin });
    reply.stdout = outcome.stdout ?? '';
    reply.stderr = outcome.stderr ?? '';
    entries = outcome.entries ?? [];
  } catch (e) {
    reply.exitCode = e instanceof ToolError ? e.exitCode : 1;
    reply.stderr = `ERROR ${e instanceof Error ? e.message : String(e)}\n`;
  }
  appendJournal(hookDir, [...entries, { k: 'call', tool, argv, exitCode: reply.exitCode, startMs, endMs: nowMs() }]);
  return reply;
}
