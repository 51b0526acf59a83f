/**
 * The relation-handler contract: one module per endpoint (named as in metadata.yaml) owns that
 * endpoint: what the read phase fetches of it, when its remote data is complete, the readiness
 * it reads, what glance publishes on it, the files it hands over to the host, and what leaves
 * with it. Handlers never see each other; values spanning relations are derived in src/model/.
 */
import type { GlanceConfig } from '../config/index.js';
import type { RenderedFile } from '../base/host-file.js';
import type { Release } from '../base/release.js';
import type { Addresses, Endpoints } from '../network/addresses.js';
import type { Effect } from '../plan.js';
import type { Databag, HostSnapshot, RelationSnapshot, UnitMemory } from '../snapshot.js';

export type Readiness<C> =
  | { state: 'absent' }
  | { state: 'incomplete'; missing: string[] }
  | { state: 'ready'; context: C };

export const absent = { state: 'absent' } as const;
export const incomplete = (missing: string[]) => ({ state: 'incomplete', missing }) as const;
export const ready = <C>(context: C) => ({ state: 'ready', context }) as const;

/** What a handler may look at besides its own relations. */
export interface ReadEnv {
  unitName: string;
  appName: string;
  config: GlanceConfig;
  release: Release;
  memory: UnitMemory;
  host: HostSnapshot;
}

/** What a handler may look at when deciding what to publish. */
export interface PublishEnv extends ReadEnv {
  addresses: Addresses;
  /** glance-api's URLs as clients are told them. */
  endpoints: Endpoints;
  /** hacluster reported the cluster up: the endpoints are the VIP(s). */
  clustered: boolean;
  /** The database and keystone are ready: glance-api serves images. */
  serving: boolean;
  leader: boolean;
  /** The services this unit manages (the NRPE subordinate is told one check per service). */
  services: readonly string[];
}

/**
 * How much of each relation the read phase fetches (src/juju/read-snapshot.ts): 'ids' = only that
 * it exists, 'units' = the remote unit databags, 'units+app' = also the remote application
 * databag when the unit databags are not enough.
 */
export type ReadNeed = 'ids' | 'units' | 'units+app';

/** A status group (src/model/requirements.ts): a required one must be related; any related one must be ready. */
export interface Group {
  name: string;
  required: boolean;
}

export interface RelationHandler<C> {
  readonly endpoint: string;
  readonly reads: ReadNeed;
  /** With 'units+app': a key whose value in some unit databag makes the app databag unneeded. */
  readonly completeWith?: string;
  /**
   * The handler is given this unit's own databag on every hook (RelationSnapshot.published), not
   * only after a charm switch: for a value it keeps word for word.
   */
  readonly ownBag?: boolean;
  /** While related, the read phase asks network-get for this endpoint's binding (Snapshot.networks). */
  readonly binding?: boolean;
  /** Its status group; store endpoints are grouped by the store registry (src/stores/). */
  readonly group?: Group;
  read(rels: readonly RelationSnapshot[], env: ReadEnv): Readiness<C>;
  /**
   * The unit databag glance wants on this relation (its whole content, Juju's own keys aside),
   * or undefined to leave it as it is. `current` is what this unit holds there when the read
   * phase read it (else empty).
   */
  publish?(rel: RelationSnapshot, env: PublishEnv, current: Databag): Databag | undefined;
  /** Files the relation hands over to the host (secrets, a keyring), from its ready context. */
  files?(context: C, appName: string): RenderedFile[];
  /**
   * Every host path files() may write: the read phase loads them, one no longer handed over is
   * removed, and all of them go with the unit.
   */
  paths?(appName: string): string[];
  /** What else the remove hook undoes for this endpoint, given the host files the read phase loaded. */
  teardown?(appName: string, files: HostSnapshot['files']): Effect[];
}

/** The first value `pick` finds in the remote unit databags, then the app databag, of the relations in order. */
export function firstComplete<T>(
  rels: readonly RelationSnapshot[],
  pick: (bag: Databag, rel: RelationSnapshot) => T | undefined,
): T | undefined {
  for (const rel of rels) {
    for (const bag of [...Object.values(rel.units), rel.appData]) {
      const got = pick(bag, rel);
      if (got !== undefined) return got;
    }
  }
  return undefined;
}
