/**
 * The charm's own checks after relations (reference §9 charm_func), each returning problems as
 * values, in the order status messages list them. Config-value problems come from parseConfig.
 */
import { brokerProblems, erasureProblems } from '../ceph/checks.js';
import type { GlanceConfig } from '../config/index.js';
import { S3_OPTIONS } from '../config/stores.js';
import { HOSTNAME_OPTIONS, haRuleProblem } from '../ha/rules.js';
import type { Contexts, ReadinessMap } from '../relations/index.js';
import { blocked, type Problem } from '../base/problem.js';
import { atLeast, type Release } from '../base/release.js';

export interface CheckInputs {
  config: GlanceConfig;
  release: Release;
  readiness: ReadinessMap;
  contexts: Contexts;
  inContainer: boolean;
  /** Bad option values (parseConfig); a check about an option with a bad value stays quiet. */
  configProblems?: readonly Problem[];
}

type Check = (i: CheckInputs) => Problem[];

/**
 * The README's HA rules, only with an hacluster relation. A bad vip or host name is already
 * reported as such, so the rule (which sees the option as unset) does not add a misleading one.
 */
const haRules: Check = ({ config, readiness, configProblems = [] }) => {
  const options = new Set<string>(['vip', 'dns-ha', ...HOSTNAME_OPTIONS]);
  if (readiness.ha.state === 'absent' || configProblems.some((p) => options.has(p.source))) return [];
  const rule = haRuleProblem(config);
  return rule ? [rule] : [];
};

const erasureCode: Check = ({ config }) => erasureProblems(config);

const cephBroker: Check = ({ readiness }) => brokerProblems(readiness.ceph);

/** With only some of the four options set, config parsing already reports the missing ones. */
const s3Release: Check = ({ config, release }) =>
  S3_OPTIONS.every((o) => Boolean(config[o])) && !atLeast(release, 'ussuri')
    ? [blocked('s3', `Invalid external S3 config: ${release} is not supported`)]
    : [];

/** os-brick attaches cinder volumes to the host, which a container cannot do, whichever relation asks for cinder. */
const cinderInContainer: Check = ({ readiness, contexts, inContainer }) =>
  inContainer && (readiness['cinder-volume-service'].state !== 'absent' || Boolean(contexts['storage-backend']?.cinder))
    ? [blocked('cinder', 'Glance with cinder storage backend is not supported on container')]
    : [];

/** More than one unit serving images needs a store every unit sees (operator README). */
const sharedStore: Check = ({ config, readiness, contexts }) => {
  const scaled = (contexts.cluster?.length ?? 0) > 0 || readiness.ha.state !== 'absent';
  const shared =
    readiness.ceph.state !== 'absent' ||
    readiness['object-store'].state !== 'absent' ||
    readiness['cinder-volume-service'].state !== 'absent' ||
    readiness['storage-backend'].state !== 'absent' ||
    Boolean(config['s3-store-host']);
  return scaled && !shared
    ? [blocked('storage', 'HA needs shared image storage: relate glance to ceph or swift-proxy')]
    : [];
};

export const CHECKS: readonly Check[] = [haRules, erasureCode, cephBroker, s3Release, cinderInContainer, sharedStore];

export const runChecks = (i: CheckInputs): Problem[] => CHECKS.flatMap((c) => c(i));
