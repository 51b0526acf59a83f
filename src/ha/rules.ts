/**
 * The operator README's HA rules: with an `ha` relation, exactly one of `vip` and `dns-ha` must
 * be set, and `dns-ha` needs at least one os-*-hostname. The reference raised one generic error
 * for all three and showed `hacluster missing configuration: vip, vip_iface, vip_cidr` whatever
 * the cause; here each broken rule has its own message, so the operator knows what to change.
 */
import type { GlanceConfig } from '../config/index.js';
import { blocked, type Problem } from '../base/problem.js';

/** Problem source of a broken HA rule (the hooks that would hand hacluster its data fail on it). */
export const HA_RULE_SOURCE = 'ha';

export const HOSTNAME_OPTIONS = ['os-admin-hostname', 'os-internal-hostname', 'os-public-hostname'] as const;

export const HA_RULE_MESSAGES = {
  neither: 'HA: neither vip nor dns-ha is set; set one of them to use the hacluster relation',
  both: 'HA: vip and dns-ha are both set; they are mutually exclusive, unset one of them',
  dnsWithoutHostname: `DNS HA: dns-ha needs at least one of ${HOSTNAME_OPTIONS.join(', ')}`,
} as const;

export type HaRuleConfig = Pick<GlanceConfig, 'vip' | 'dns-ha' | (typeof HOSTNAME_OPTIONS)[number]>;

/** The broken rule, if any, for a unit related to hacluster. */
export function haRuleProblem(config: HaRuleConfig): Problem | undefined {
  const vip = config.vip.length > 0;
  const dns = config['dns-ha'];
  if (!vip && !dns) return blocked(HA_RULE_SOURCE, HA_RULE_MESSAGES.neither);
  if (vip && dns) return blocked(HA_RULE_SOURCE, HA_RULE_MESSAGES.both);
  if (dns && !HOSTNAME_OPTIONS.some((o) => config[o])) return blocked(HA_RULE_SOURCE, HA_RULE_MESSAGES.dnsWithoutHostname);
  return undefined;
}
