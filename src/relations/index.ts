/**
 * The typed registry of relation handlers, one per endpoint of metadata.yaml (a unit test keeps
 * the two in step). Readiness for every endpoint is computed in one pass.
 */
import type { RenderedFile } from '../base/host-file.js';
import type { Effect } from '../plan.js';
import type { HostSnapshot, RelationSnapshot } from '../snapshot.js';
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
import type { Group, ReadEnv, Readiness, ReadNeed, RelationHandler } from './types.js';

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

const handler = (e: string): RelationHandler<unknown> | undefined => (HANDLERS as Record<string, RelationHandler<unknown>>)[e];
const every = (): RelationHandler<unknown>[] => ENDPOINTS.map((e) => HANDLERS[e] as RelationHandler<unknown>);

/** What the read phase fetches of an endpoint's relations; an endpoint glance does not know: its units. */
export const readNeed = (endpoint: string): ReadNeed => handler(endpoint)?.reads ?? 'units';

/** A 'units+app' relation whose unit databags already carry this key needs no app databag read. */
export const completeWith = (endpoint: string): string | undefined => handler(endpoint)?.completeWith;

export const needsOwnBag = (endpoint: string): boolean => handler(endpoint)?.ownBag === true;

/** The status groups the handlers declare, in registry order. */
export const handlerGroups = (): { group: Group; endpoint: Endpoint }[] =>
  ENDPOINTS.flatMap((endpoint) => {
    const group = (HANDLERS[endpoint] as RelationHandler<unknown>).group;
    return group ? [{ group, endpoint }] : [];
  });

/** The files the ready relations hand over to the host. */
export const handedOverFiles = (contexts: Contexts, appName: string): RenderedFile[] =>
  ENDPOINTS.flatMap((e) => {
    const context = contexts[e];
    const files = (HANDLERS[e] as RelationHandler<unknown>).files;
    return context !== undefined && files ? files(context, appName) : [];
  });

/** Every host path a relation may hand over. */
export const relationPaths = (appName: string): string[] => every().flatMap((h) => h.paths?.(appName) ?? []);

/** What the remove hook undoes for the endpoints, beyond their paths. */
export const teardownEffects = (appName: string, files: HostSnapshot['files']): Effect[] =>
  every().flatMap((h) => h.teardown?.(appName, files) ?? []);
