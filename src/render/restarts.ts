/**
 * Which services a hook restarts after writing files: those of every changed file, each once, in
 * restart-map order (the order of `files`, which renderFiles keeps from FILES). A paused unit
 * restarts nothing; resume starts everything anyway.
 */
import type { RenderedFile } from './render.js';

export function planRestarts(changedPaths: readonly string[], files: readonly RenderedFile[], paused: boolean): string[] {
  if (paused) return [];
  const changed = new Set(changedPaths);
  const services: string[] = [];
  for (const file of files) {
    if (!changed.has(file.path)) continue;
    for (const service of file.services) if (!services.includes(service)) services.push(service);
  }
  return services;
}
