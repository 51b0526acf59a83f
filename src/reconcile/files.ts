/**
 * Which managed files to write: render every file the model calls for, add the files the ready
 * relations hand over (src/relations/: DB client TLS material, the rabbit CA, the cephx keyring)
 * and the TLS files, and keep only those whose content or mode differs from what is on disk, so
 * a repeated hook writes nothing. A file a relation no longer hands over is removed, not left
 * behind with its secrets.
 */
import type { RenderedFile } from '../base/host-file.js';
import type { Decision } from '../model/decide.js';
import type { Effect } from '../plan.js';
import { handedOverFiles, relationPaths } from '../relations/index.js';
import { renderFiles } from '../render/render.js';
import type { TemplateSet } from '../render/templates.js';
import type { Snapshot } from '../snapshot.js';
import { tlsFilesFor } from './tls.js';

export interface FilePlan {
  effects: Effect[];
  rendered: RenderedFile[];
  changed: RenderedFile[];
}

export function planFiles(d: Decision, snap: Snapshot, templates: TemplateSet): FilePlan {
  const app = d.readEnv.appName;
  const rendered = [...renderFiles(d.model, templates), ...handedOverFiles(d.contexts, app), ...tlsFilesFor(d)];
  const mode = (path: string) => snap.host.modes?.[path];
  // A mode left wider by another charm (or a package) is fixed by writing the file again.
  const changed = rendered.filter((f) => snap.host.files[f.path] !== f.content || (mode(f.path) ?? f.owner.mode) !== f.owner.mode);
  const stale = relationPaths(app).filter((path) => typeof snap.host.files[path] === 'string' && !rendered.some((f) => f.path === path));
  return {
    rendered,
    changed,
    effects: [
      ...changed.map((f): Effect => ({ kind: 'write-file', path: f.path, content: f.content, owner: f.owner })),
      ...stale.map((path): Effect => ({ kind: 'delete-file', path })),
    ],
  };
}
