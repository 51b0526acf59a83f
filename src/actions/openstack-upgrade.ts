/**
 * openstack-upgrade (reference do_action_openstack_upgrade, with its outcome strings): an
 * openstack-origin this unit cannot use fails the action with what is wrong with it (the unit is
 * blocked on it too); nothing newer in openstack-origin → `no upgrade available.`;
 * action-managed-upgrade off → skipped (config-changed upgrades instead); otherwise packages, the new release's files, stop, leader
 * db_sync, start unless paused. A failure is reported with the error and the unit is reconciled
 * from what is installed now, so files, services and status are consistent again.
 */
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
  const { snap, d } = await ctx.read();
  if (!d.packageSource.ok) return ctx.apply({ effects: [{ kind: 'action-fail', message: d.packageSource.problem.message }] });
  const upgrade = upgradeTarget(d, snap);
  if (!upgrade) return ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.none } }] });
  if (!d.config['action-managed-upgrade']) {
    return ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.skipped } }] });
  }
  try {
    await ctx.apply({ effects: upgradePackageEffects(snap, upgrade) });
    // The new release is installed: what runs and is rendered is decided from that host.
    const upgraded = await ctx.read();
    await ctx.reconcile(upgraded, true);
    await ctx.apply({ effects: stopAndSyncEffects(upgraded.d, upgraded.snap, upgrade.release) });
    await ctx.reconcile(await ctx.read(), true);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await ctx.apply({
      effects: [
        { kind: 'action-set', data: { outcome: OUTCOMES.failed, traceback: message } },
        { kind: 'action-fail', message: UPGRADE_FAILED },
      ],
    });
    await ctx.reconcile(await ctx.read(), true);
    return;
  }
  await ctx.apply({ effects: [{ kind: 'action-set', data: { outcome: OUTCOMES.success } }] });
};
