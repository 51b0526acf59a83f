/**
 * The relation-handler contract: one module per endpoint (named as in metadata.yaml) reads its
 * own relations into a Readiness and says what glance publishes on each of them. Handlers never
 * see each other; values spanning relations are derived in src/model/.
 */
import type { GlanceConfig } from '../config/index.js';
import type { Addresses } from '../network/addresses.js';
import type { Release } from '../base/release.js';
import type { GlanceModel } from '../model/types.js';
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
  model: GlanceModel;
  addresses: Addresses;
  leader: boolean;
  /** The services this unit manages (the NRPE subordinate is told one check per service). */
  services: readonly string[];
}

export interface RelationHandler<C> {
  readonly endpoint: string;
  read(rels: readonly RelationSnapshot[], env: ReadEnv): Readiness<C>;
  /**
   * The unit databag glance wants on this relation (its whole content, Juju's own keys aside),
   * or undefined to leave it as it is. `current` is what this unit holds there when the read
   * phase read it (else empty).
   */
  publish?(rel: RelationSnapshot, env: PublishEnv, current: Databag): Databag | undefined;
}

/** Parse a databag with zod-like safeParse; a malformed bag is 'incomplete', never a crash. */
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
