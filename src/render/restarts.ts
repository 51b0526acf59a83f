/**
 * Which services a hook restarts after writing files: those of every file whose meaning changed
 * (meaning.ts: a rewrite that only changes comments, layout, key order or mode restarts nothing;
 * a file that was not there counts as changed), each once, in restart-map order (the order of
 * `files`, which renderFiles keeps from FILES). A paused unit restarts nothing; resume starts
 * everything anyway.
 */
import { sameMeaning } from './meaning.js';
import type { RenderedFile } from '../base/host-file.js';

/** `current`: the files as they are on disk before this hook (null or absent: not there). */
export function planRestarts(files: readonly RenderedFile[], current: Readonly<Record<string, string | null>>, paused: boolean): string[] {
  if (paused) return [];
  const services: string[] = [];
  for (const file of files) {
    const before = current[file.path];
    if (typeof before === 'string' && sameMeaning(file.syntax, before, file.content)) continue;
    for (const service of file.services) if (!services.includes(service)) services.push(service);
  }
  return services;
}
