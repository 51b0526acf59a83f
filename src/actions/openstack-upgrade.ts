/**
 * openstack-upgrade (reference do_action_openstack_upgrade, with its outcome strings): nothing
 * newer in openstack-origin → `no upgrade available.`; action-managed-upgrade off → skipped
 * (config-changed upgrades instead); otherwise packages, the new release's files, stop, leader
 * db_sync, start unless paused. A failure is reported with the error and the unit is reconciled
 * from what is installed now, so files, services and status are consistent again.
 */
import { parseConfig } from '../config/index.js';
import { stopAndSyncEffects, upgradePackageEffects, upgradeTarget } from '../steps/openstack-upgrade.js';
import type { ActionHandler } from './index.js';

export const OUTCOMES = {
  none: 'no upgrade available.',
  skipped: 'action-managed-upgrade config is False, skipped upgrade.',
  success: 'success, upgrade completed.',
  failed: 'upgrade failed, see traceback.',
} as const;
// reference §3 (the vendored charm-helpers): the callback's failure, named as operators know it.
export const UPGRADE_FAILED = 'upgrade callback resulted in an unexpected error';

export const openstackUpgrade: ActionHandler = async (ctx) => {
  const snap = await ctx.snapshot();
  const target = upgradeTarget(snap);
  if (!target) return ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.none } }] });
  if (!parseConfig(snap.config).config['action-managed-upgrade']) {
    return ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.skipped } }] });
  }
  try {
    await ctx.apply({ effects: upgradePackageEffects(snap, target) });
    const upgraded = await ctx.snapshot();
    await ctx.reconcile(upgraded, true);
    await ctx.apply({ effects: stopAndSyncEffects(upgraded, target) });
    await ctx.reconcile(await ctx.snapshot(), true);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await ctx.apply({
      effects: [
        { kind: 'action-set', data: { outcome: OUTCOMES.failed, traceback: message } },
        { kind: 'action-fail', message: UPGRADE_FAILED },
      ],
    });
    await ctx.reconcile(await ctx.snapshot(), true);
    return;
  }
  await ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.success } }] });
};
