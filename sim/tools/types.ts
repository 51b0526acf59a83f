import type { JournalEntry, ToolContext } from '../protocol.js';

/** One tool invocation: this unit's view (earlier calls of the hook folded in) and the argv. */
export interface ToolRun {
  ctx: ToolContext;
  argv: readonly string[];
  readStdin: () => Promise<string>;
}

/** A successful invocation; failures throw ToolError. */
export interface ToolOutcome {
  stdout?: string;
  stderr?: string;
  entries?: JournalEntry[];
}

export type ToolHandler = (run: ToolRun) => ToolOutcome | Promise<ToolOutcome>;
