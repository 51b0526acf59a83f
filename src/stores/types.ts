/**
 * The image-store contract: one module per store glance can keep images in (src/stores/index.ts
 * lists them). A store says when it is wanted and usable, the glance-api.conf section(s) it
 * brings, what stops it, and how it ranks for the default.
 */
import type { IniSection } from '../base/ini.js';
import type { Problem } from '../base/problem.js';
import type { Release } from '../base/release.js';
import type { GlanceConfig } from '../config/index.js';
import type { CephContext } from '../relations/ceph.js';
import type { Contexts, Endpoint, ReadinessMap } from '../relations/index.js';

export interface StoreInputs {
  config: GlanceConfig;
  release: Release;
  readiness: ReadinessMap;
  contexts: Contexts;
  /** ceph.conf's facts, from the moment the ceph relation is ready. */
  ceph?: CephContext;
  inContainer: boolean;
}

/** One `enabled_backends` entry (`<section>:<driver>`) and its section. */
export interface Backend {
  id: string;
  section: IniSection;
}

export interface Store {
  name: string;
  /** The endpoints whose relations bring it (the storage-backend status group). */
  relatedBy: readonly Endpoint[];
  /** Every unit sees the same images: a store several units can serve from. */
  shared: boolean;
  /** Among the enabled stores, the lowest is the default. */
  precedence: number;
  /** The operator asked for it: a relation that brings it exists, or its options are set. */
  wanted(i: StoreInputs): boolean;
  /** Its backends once usable (cinder: one per volume type), else none; `radosTimeout` is the [ceph] value. */
  backends(i: StoreInputs, radosTimeout: number): Backend[];
  /** Why it cannot be used as asked (status problems, in the order they are listed). */
  problems?(i: StoreInputs): Problem[];
  /**
   * Before stein (one store at a time): its glance_store driver, whether glance lists it in
   * `stores`, and whether it can be the `default_store` (the name).
   */
  legacy?: { driver: string; listed(i: StoreInputs): boolean; name: string; serves(i: StoreInputs): boolean };
}
