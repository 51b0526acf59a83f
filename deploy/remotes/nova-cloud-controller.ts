/**
 * The remote side of image-service (interface glance): nova-cloud-controller only reads where
 * Glance is (`glance-api-server`, `glance-api-ready`) and answers nothing. It records what it saw
 * so that the status table and tests can show it.
 */
import type { Databag } from '../../src/snapshot.js';

export interface ImageServiceSeen {
  /** Unit name → the glance-api-server URL it published. */
  servers: Record<string, string>;
  ready: Record<string, string>;
}

export function recordImageService(requests: Readonly<Record<string, Databag>>): ImageServiceSeen {
  const servers: Record<string, string> = {};
  const ready: Record<string, string> = {};
  for (const [unit, bag] of Object.entries(requests)) {
    if (bag['glance-api-server']) servers[unit] = bag['glance-api-server'];
    if (bag['glance-api-ready']) ready[unit] = bag['glance-api-ready'];
  }
  return { servers, ready };
}
