/**
 * The call server's side of the hook directory: read this unit's view of the model and the
 * journal of the hook so far, append entries.
 *
 * The engine hands over the context it wrote for the hook now running in a hook dir (startHook),
 * and the journal of that hook is kept in memory as it is appended: a call then folds its view
 * from those instead of reading and parsing both files again, which was a quarter of a hook's
 * time in this process. The files stay what they were (the engine commits from the journal file);
 * a hook dir the engine did not announce is read from its files.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONTEXT_FILE, JOURNAL_FILE, type JournalEntry, type ToolContext } from '../protocol.js';

interface RunningHook {
  contextText: string;
  /** Parsed on first use, and frozen: a handler must not change what later calls fold from. */
  context?: ToolContext;
  /** The journal file's entries, as read back from their JSON. */
  journal: JournalEntry[];
}

const running = new Map<string, RunningHook>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The engine wrote `contextText` to the hook dir's context file, and no journal yet. */
export function startHook(hookDir: string, contextText: string): void {
  running.set(resolve(hookDir), { contextText, journal: [] });
}

/** The hook ended: calls into its dir read the files again. */
export function endHook(hookDir: string): void {
  running.delete(resolve(hookDir));
}

export function readContext(hookDir: string): ToolContext {
  const hook = running.get(resolve(hookDir));
  if (hook) {
    hook.context ??= deepFreeze(JSON.parse(hook.contextText) as ToolContext);
    return hook.context;
  }
  return JSON.parse(readFileSync(join(hookDir, CONTEXT_FILE), 'utf8')) as ToolContext;
}

/** Whole lines only: a journal cut by a crash mid-append (or a kill) may end in half a line. */
export function readJournalFile(hookDir: string): JournalEntry[] {
  const path = join(hookDir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** The journal of the hook so far, as its file holds it. */
export function readJournal(hookDir: string): JournalEntry[] {
  return running.get(resolve(hookDir))?.journal ?? readJournalFile(hookDir);
}

/** One write per call, so a call's entries land together. */
export function appendJournal(hookDir: string, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  const lines = entries.map((e) => JSON.stringify(e));
  appendFileSync(join(hookDir, JOURNAL_FILE), lines.map((line) => `${line}\n`).join(''));
  running.get(resolve(hookDir))?.journal.push(...lines.map((line) => JSON.parse(line) as JournalEntry));
}

/** Milliseconds since the epoch, at sub-millisecond resolution. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
