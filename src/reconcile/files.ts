/**
 * Which managed files to write: render every file the model calls for, add the secret files
 * relations hand over (DB client TLS material), and keep only those whose content or mode differs
 * from what is on disk, so a repeated hook writes nothing.
 */
import { GLANCE_SECRET } from '../base/owners.js';
import { keyringFiles } from '../ceph/host-effects.js';
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import { RABBIT_CA_FILE } from '../relations/amqp.js';
import type { RenderedFile } from '../base/host-file.js';
import { renderFiles } from '../render/render.js';
import type { TemplateSet } from '../render/templates.js';
import type { Snapshot } from '../snapshot.js';
import { tlsFilesFor } from '../tls/index.js';


function relationFiles(d: Decision): RenderedFile[] {
  const out: RenderedFile[] = [];
  const caPem = d.contexts.amqp?.caPem;
  if (caPem) out.push({ path: RABBIT_CA_FILE, content: caPem, owner: GLANCE_SECRET, services: ['glance-api'] });
  const ssl = d.contexts['shared-db']?.ssl;
  if (!ssl) return out;
  out.push({ path: '/etc/glance/db-client.ca', content: ssl.ca, owner: GLANCE_SECRET, services: ['glance-api'] });
  if (ssl.cert && ssl.key) {
    out.push(
      { path: '/etc/glance/db-client.cert', content: ssl.cert, owner: GLANCE_SECRET, services: ['glance-api'] },
      { path: '/etc/glance/db-client.key', content: ssl.key, owner: GLANCE_SECRET, services: ['glance-api'] },
    );
  }
  return out;
}

export interface FilePlan {
  effects: Effect[];
  rendered: RenderedFile[];
  changed: RenderedFile[];
}

export function planFiles(d: Decision, snap: Snapshot, templates: TemplateSet): FilePlan {
  const rendered = [...renderFiles(d.model, templates), ...relationFiles(d), ...keyringFiles(d), ...tlsFilesFor(d)];
  const mode = (path: string) => snap.host.modes?.[path];
  // A mode left wider by another charm (or a package) is fixed by writing the file again.
  const changed = rendered.filter((f) => snap.host.files[f.path] !== f.content || (mode(f.path) ?? f.owner.mode) !== f.owner.mode);
  // TLS material a relation no longer hands over is removed, not left behind with its secrets.
  const stale = RELATION_FILE_PATHS.filter((path) => typeof snap.host.files[path] === 'string' && !rendered.some((f) => f.path === path));
  return {
    rendered,
    changed,
    effects: [
      ...changed.map((f): Effect => ({ kind: 'write-file', path: f.path, content: f.content, owner: f.owner })),
      ...stale.map((path): Effect => ({ kind: 'delete-file', path })),
    ],
  };
}

/** Every path the read phase must load so the next decision can diff against it. */
export const RELATION_FILE_PATHS = [RABBIT_CA_FILE, '/etc/glance/db-client.ca', '/etc/glance/db-client.cert', '/etc/glance/db-client.key'];
