/**
 * The tool processes' side of the hook directory: read this unit's view of the model and the
 * journal of the hook so far, append entries, read stdin. Node built-ins only: this runs ~15
 * times per hook, so it must start fast.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_FILE, JOURNAL_FILE, type JournalEntry, type ToolContext } from '../protocol.js';

export function readContext(hookDir: string): ToolContext {
  return JSON.parse(readFileSync(join(hookDir, CONTEXT_FILE), 'utf8')) as ToolContext;
}

/** Whole lines only: a tool running concurrently may be halfway through appending the last one. */
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

/** One write per call: O_APPEND keeps lines whole when tools run concurrently. */
export function appendJournal(hookDir: string, entries: readonly JournalEntry[]): void {
  if (entries.length === 0) return;
  appendFileSync(join(hookDir, JOURNAL_FILE), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** All of stdin, for `--file -` (the caller must give a finite stdin, as with Juju). */
export async function readAllStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Milliseconds since the epoch, with the process start as Node measured it. */
export const nowMs = (): number => performance.timeOrigin + performance.now();
