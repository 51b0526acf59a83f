/**
 * Decide: from the Snapshot to everything the plan needs (typed config and its problems, the
 * release, each relation's readiness, addresses, the GlanceModel and the charm's checks). Pure.
 */
import { type GlanceConfig, parseConfig } from '../config/index.js';
import { type SourcePlan, withPackageSource } from '../package-source/plan.js';
import { type Contexts, contextsOf, type ReadinessMap, readAll } from '../relations/index.js';
import type { ReadEnv } from '../relations/types.js';
import type { Snapshot } from '../snapshot.js';
import { type Addresses, resolveAddresses } from '../network/addresses.js';
import { buildModel } from './build.js';
import { HAPROXY_CFG, statsPasswordIn } from './haproxy.js';
import type { Problem } from '../base/problem.js';
import type { Release } from '../base/release.js';
import { detectRelease } from './release-detect.js';
import { type InterfaceState, interfaceState } from './requirements.js';
import type { GlanceModel } from './types.js';
import { runChecks } from './validators.js';

export interface Decision {
  config: GlanceConfig;
  /** Bad config values: while any exist no file is rewritten. */
  configProblems: Problem[];
  /** What apt needs for openstack-origin on this unit, or why it cannot have it (also in configProblems). */
  packageSource: SourcePlan;
  release: Release;
  readiness: ReadinessMap;
  contexts: Contexts;
  addresses: Addresses;
  model: GlanceModel;
  interfaces: InterfaceState;
  /** Config problems first, then the charm's checks, in status order. */
  problems: Problem[];
  readEnv: ReadEnv;
}

export function decide(snap: Snapshot): Decision {
  const parsed = parseConfig(snap.config);
  const { config } = parsed;
  const { packageSource, configProblems } = withPackageSource(parsed, snap);
  const release = detectRelease({
    glanceCommonVersion: snap.host.glanceCommonVersion,
    openstackReleaseFile: snap.host.openstackReleaseFile,
    origin: config['openstack-origin'],
    series: snap.host.osCodename,
  });
  const readEnv: ReadEnv = {
    unitName: snap.hook.unitName,
    appName: snap.hook.appName,
    config,
    release,
    memory: snap.memory,
    host: snap.host,
  };
  const readiness = readAll(snap.relations, readEnv);
  const contexts = contextsOf(readiness);
  const clustered = Boolean(contexts.ha?.clustered);
  const addresses = resolveAddresses({
    config,
    appName: snap.hook.appName,
    networks: snap.networks,
    privateAddress: snap.privateAddress,
    hostAddresses: snap.host.addresses,
    clustered,
  });
  const model = buildModel({
    config,
    release,
    appName: snap.hook.appName,
    unitName: snap.hook.unitName,
    readiness,
    contexts,
    addresses,
    host: snap.host,
    // The password haproxy runs with wins: another charm may have written it since (a switch).
    statsPassword: statsPasswordIn(snap.host.files[HAPROXY_CFG]) ?? snap.memory.statsPassword ?? snap.entropy,
    clustered,
  });
  const checks = runChecks({ config, release, readiness, contexts, inContainer: snap.host.inContainer, configProblems });
  return {
    config,
    configProblems,
    packageSource,
    release,
    readiness,
    contexts,
    addresses,
    model,
    interfaces: interfaceState(readiness),
    problems: [...configProblems, ...checks],
    readEnv,
  };
}
