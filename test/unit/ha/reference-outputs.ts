/**
 * Reads the reference charm's recorded relation data (reference-relation-and-status-outputs.txt,
 * copied unchanged from the team's shared reference material so the tests run anywhere).
 */
import { readFileSync } from 'node:fs';

const TEXT = readFileSync(new URL('./reference-relation-and-status-outputs.txt', import.meta.url), 'utf8');

/** The lines under `== <title>` up to the next `==` heading. */
function section(title: string): string[] {
  const lines = TEXT.split('\n');
  const start = lines.indexOf(`== ${title}`);
  if (start < 0) throw new Error(`no section "${title}" in the reference outputs`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('=='));
  return end < 0 ? rest : rest.slice(0, end);
}

/** `   json_x = <json>` lines of an hacluster section, as the databag the reference set. */
export function referenceHacluster(title: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of section(title)) {
    const m = /^\s+(json_\w+) = (.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2];
  }
  return out;
}

/** `   rid=<id> {python dict as JSON}` lines: the databag set on that relation. */
export function referenceRelationData(title: string): Record<string, string> {
  for (const line of section(title)) {
    const m = /^\s+rid=\S+ (\{.*\})$/.exec(line);
    if (m?.[1]) return JSON.parse(m[1]) as Record<string, string>;
  }
  throw new Error(`no relation data under "${title}"`);
}

