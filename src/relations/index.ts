/**
 * The typed registry of relation handlers, one per endpoint of metadata.yaml (a unit test keeps
 * the two in step). Readiness for every endpoint is computed in one pass.
 */
import type { RelationSnapshot } from '../snapshot.js';
import { amqp } from './amqp.js';
import { certificates } from './certificates.js';
import { ceph } from './ceph.js';
import { cinderVolumeService } from './cinder-volume-service.js';
import { cluster } from './cluster.js';
import { ha } from './ha.js';
import { identityService } from './identity-service.js';
import { imageService } from './image-service.js';
import { nrpeExternalMaster } from './nrpe-external-master.js';
import { objectStore } from './object-store.js';
import { sharedDb } from './shared-db.js';
import { storageBackend } from './storage-backend.js';
import type { ReadEnv, Readiness, RelationHandler } from './types.js';

export const HANDLERS = {
  'shared-db': sharedDb,
  'identity-service': identityService,
  'image-service': imageService,
  cluster,
  'object-store': objectStore,
  'cinder-volume-service': cinderVolumeService,
  amqp,
  ceph,
  ha,
  'storage-backend': storageBackend,
  certificates,
  'nrpe-external-master': nrpeExternalMaster,
} as const;

export type Endpoint = keyof typeof HANDLERS;
type ContextOf<H> = H extends RelationHandler<infer C> ? C : never;
export type ReadinessMap = { [E in Endpoint]: Readiness<ContextOf<(typeof HANDLERS)[E]>> };
export type Contexts = { [E in Endpoint]?: ContextOf<(typeof HANDLERS)[E]> };

export const ENDPOINTS = Object.keys(HANDLERS) as Endpoint[];

export function readAll(relations: Record<string, RelationSnapshot[]>, env: ReadEnv): ReadinessMap {
  const out = {} as Record<Endpoint, Readiness<unknown>>;
  for (const e of ENDPOINTS) out[e] = (HANDLERS[e] as RelationHandler<unknown>).read(relations[e] ?? [], env);
  return out as ReadinessMap;
}

/** The contexts of the ready relations (one optional key per relation). */
export function contextsOf(r: ReadinessMap): Contexts {
  const out: Record<string, unknown> = {};
  for (const e of ENDPOINTS) {
    const x = r[e];
    if (x.state === 'ready') out[e] = x.context;
  }
  return out as Contexts;
}
