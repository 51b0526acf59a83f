/**
 * The call server's side of the hook directory: read this unit's view of the model and the
 * journal of the hook so far, append entries.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_FILE, JOURNAL_FILE, type JournalEntry, type ToolContext } from '../protocol.js';

export function readContext(hookDir: string): ToolContext {
  return JSON.parse(readFileSync(join(hookDir, CONTEXT_FILE), 'utf8')) as ToolContext;
}

/** Whole lines only: a journal cut by a crash mid-append (or a kill) may end in half a line. */
export function readJournal(hookDir: string): JournalEntry[] {
  const path = join(hookDir, JOURNAL_FILE);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** One write per call, so a call's entries land together. */
export function appendJournal(hookDir: string, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  appendFileSync(join(hookDir, JOURNAL_FILE), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** Milliseconds since the epoch, at sub-millisecond resolution. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
