/**
 * The charm's own checks after relations (reference §9 charm_func), each returning problems as
 * values, in the order status messages list them: the HA rules, then each image store's
 * (src/stores/), then the rule that several units need a shared store. Config-value problems
 * come from parseConfig.
 */
import { blocked, type Problem } from '../base/problem.js';
import { HOSTNAME_OPTIONS, haRuleProblem } from '../ha/rules.js';
import { STORES } from '../stores/index.js';
import type { StoreInputs } from '../stores/types.js';

export interface CheckInputs extends StoreInputs {
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

const storeRules: Check = (i) => STORES.flatMap((s) => s.problems?.(i) ?? []);

/** More than one unit serving images needs a store every unit sees (operator README). */
const sharedStore: Check = (i) => {
  const scaled = (i.contexts.cluster?.length ?? 0) > 0 || i.readiness.ha.state !== 'absent';
  const shared = STORES.some((s) => s.shared && s.wanted(i));
  return scaled && !shared
    ? [blocked('storage', 'HA needs shared image storage: relate glance to ceph or swift-proxy')]
    : [];
};

export const CHECKS: readonly Check[] = [haRules, storeRules, sharedStore];

export const runChecks = (i: CheckInputs): Problem[] => CHECKS.flatMap((c) => c(i));
