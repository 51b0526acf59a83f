/**
 * The README says the charm throws when an HA rule is broken: the hooks that would hand
 * hacluster its resources (ha-relation-joined/-changed, and config-changed, which re-sends them)
 * exit non-zero with the rule's one-line message, after the blocked status is set. Other hooks
 * only show the status. Fixing the config lets Juju's retry (or the next config-changed) pass.
 */
import type { Problem } from '../base/problem.js';
import type { Effect } from '../plan.js';
import { HA_RULE_SOURCE } from './rules.js';

const SENDING_HOOKS: ReadonlySet<string> = new Set(['ha-relation-joined', 'ha-relation-changed', 'config-changed']);

/** `problems` holds an HA rule problem only while glance is related to hacluster (validators.ts). */
export function haRuleFailure(hookName: string, problems: readonly Problem[]): Effect[] {
  const rule = problems.find((p) => p.source === HA_RULE_SOURCE);
  return rule && SENDING_HOOKS.has(hookName) ? [{ kind: 'fail', message: rule.message }] : [];
}

/**
 * Such a hook sets the workload status every time, changed or not: Juju keeps the status a failed
 * hook set but discards the unit memory recording it, so the hook after a fix could otherwise
 * believe the blocked status was never shown and leave it standing.
 */
export const alwaysSetsStatus = (hookName: string, haRelated: boolean): boolean => haRelated && SENDING_HOOKS.has(hookName);
