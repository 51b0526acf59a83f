/**
 * Ceph's status checks (reference §9 charm_func): the erasure-code profile rules Ceph would
 * reject the broker request for (named by option, before anything is sent), and the broker
 * request's progress.
 */
import type { GlanceConfig } from '../config/index.js';
import { blocked, type Problem, waiting } from '../base/problem.js';
import type { BrokerState } from './broker-response.js';

const invalid = (option: string, why: string): Problem => blocked(option, `Invalid configuration: ${option}: ${why}`);

/** Rules of Ceph's EC plugins that single option values cannot express. */
export function erasureProblems(c: GlanceConfig): Problem[] {
  if (c['pool-type'] !== 'erasure-coded') return [];
  const k = c['ec-profile-k'];
  const m = c['ec-profile-m'];
  const plugin = c['ec-profile-plugin'];
  const l = c['ec-profile-locality'];
  const cc = c['ec-profile-durability-estimator'];
  const d = c['ec-profile-helper-chunks'];
  const out: Problem[] = [];
  if (plugin === 'lrc' && l === null) out.push(invalid('ec-profile-locality', 'the lrc plugin needs it'));
  if (plugin === 'lrc' && l !== null && (k + m) % l !== 0) {
    out.push(invalid('ec-profile-locality', `${l} must divide ec-profile-k + ec-profile-m (${k + m})`));
  }
  if (l !== null && cc !== null) {
    out.push(invalid('ec-profile-durability-estimator', 'cannot be set together with ec-profile-locality'));
  }
  if (plugin === 'shec' && cc !== null && cc > m) {
    out.push(invalid('ec-profile-durability-estimator', `${cc} must not exceed ec-profile-m (${m})`));
  }
  if (plugin === 'clay' && d !== null && (d < k + 1 || d > k + m - 1)) {
    out.push(invalid('ec-profile-helper-chunks', `${d} must be between ec-profile-k + 1 and ec-profile-k + ec-profile-m - 1`));
  }
  return out;
}

/** The broker request's progress, once the relation is otherwise ready. */
export function brokerProblems(broker: BrokerState): Problem[] {
  if (broker.state === 'pending') return [waiting('ceph', 'Ceph broker request incomplete')];
  // The reference kept waiting forever here; ceph-mon's answer says why it cannot be done.
  if (broker.state === 'failed') return [blocked('ceph', `Ceph broker request failed: ${broker.message}`)];
  return [];
}
