/**
 * OpenStack release upgrades through the built charm, on one local-storage unit running caracal
 * (glance-common 28): the four outcomes of `openstack-upgrade`, an apt failure half way that
 * leaves the unit on the old release and ready, the action-managed upgrade in the reference's
 * order, and config-changed upgrading by itself (without restarting anything while paused).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandRecord } from '../../../sim/records.js';
import { deployLocalStorage } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const SLOW = 600_000;
const line = (c: CommandRecord) => c.argv.join(' ');

describe('openstack-upgrade and config-changed upgrades', () => {
  const sim = newInProcessSim();
  afterAll(() => sim.dispose());
  const unit = () => sim.unit('glance/0');
  /** The archive now offers this glance version (dist-upgrade moves installed packages to it). */
  const offer = (version: string) => {
    for (const p of ['glance-common', 'glance-api', 'glance', 'python3-glance']) unit().host.versions[p] = version;
    sim.save();
  };
  const since = (n: number) => sim.commands(undefined, 'glance/0').slice(n);

  it('nothing newer in openstack-origin: no upgrade available.', async () => {
    await deployLocalStorage(sim);
    const r = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(r.action).toMatchObject({ status: 'completed', results: { outcome: 'no upgrade available.' } });
    expect(r.commands.map(line).filter((c) => c.startsWith('apt-get'))).toEqual([]);
  }, SLOW);

  it('a newer origin without action-managed-upgrade: the action leaves it to config-changed', async () => {
    // As between `juju config` and its config-changed hook.
    sim.state.config['openstack-origin'] = 'cloud:noble-dalmatian';
    sim.save();
    const r = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(r.action).toMatchObject({ status: 'completed', results: { outcome: 'action-managed-upgrade config is False, skipped upgrade.' } });
    expect(r.commands.map(line).filter((c) => c.startsWith('apt-get'))).toEqual([]);
  }, SLOW);

  it('with action-managed-upgrade, config-changed does not upgrade', async () => {
    const results = await sim.config({ 'action-managed-upgrade': true, 'openstack-origin': 'cloud:noble-dalmatian' });
    expect(results.flatMap((r) => r.commands.map(line)).filter((c) => c.includes('dist-upgrade'))).toEqual([]);
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready', workloadVersion: '28.0.0' });
  }, SLOW);

  it('apt failing half way: the action fails with the error, the unit stays on caracal and ready', async () => {
    offer('2:29.0.0-0ubuntu1');
    sim.failCommand('glance/0', { command: 'apt-get', match: 'dist-upgrade', exitCode: 100, stderr: 'E: Sub-process /usr/bin/dpkg returned an error code (1)\n', times: 3 });
    const r = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(r.action).toMatchObject({
      status: 'failed',
      message: 'upgrade callback resulted in an unexpected error',
      results: {
        outcome: 'upgrade failed, see traceback.',
        traceback: 'apt-get dist-upgrade failed (exit 100): E: Sub-process /usr/bin/dpkg returned an error code (1)',
      },
    });
    expect(unit().host.packages['glance-common']).toBe('2:28.0.0-0ubuntu1');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready', workloadVersion: '28.0.0' });
    for (const s of ['glance-api', 'haproxy', 'memcached']) expect(unit().host.services[s]?.running).toBe(true);
  }, SLOW);

  it("succeeds in the reference's order: source, dist-upgrade, packages, new files, stop, db_sync, start", async () => {
    const from = sim.commands(undefined, 'glance/0').length;
    const r = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(r.action).toMatchObject({ status: 'completed', results: { outcome: 'success, upgrade completed.' } });
    const ran = since(from).map(line);
    const at = (pattern: RegExp) => ran.findIndex((c) => pattern.test(c));
    const order = [/dist-upgrade$/, /^apt-get .*install .*glance/, /^systemctl stop glance-api$/, /^glance-manage db_sync$/, /^systemctl start glance-api$/];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(ran.find((c) => c.includes('dist-upgrade'))).toContain('--option=Dpkg::Options::=--force-confnew --option=Dpkg::Options::=--force-confdef');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready', workloadVersion: '29.0.0' });
    expect(sim.status('glance/0').history.map((h) => h.message)).toContain('Upgrading OpenStack release');
    const again = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(again.action?.results).toEqual({ outcome: 'no upgrade available.' });
  }, SLOW);

  it('without action-managed-upgrade config-changed upgrades, and a paused unit stays stopped', async () => {
    await sim.runAction('glance/0', 'pause');
    offer('2:30.0.0-0ubuntu1');
    const results = await sim.config({ 'action-managed-upgrade': false, 'openstack-origin': 'cloud:noble-epoxy' });
    const ran = results.flatMap((r) => r.commands.map(line));
    expect(ran.some((c) => c.endsWith('dist-upgrade'))).toBe(true);
    expect(ran).toContain('glance-manage db_sync');
    expect(ran.filter((c) => /^systemctl (start|restart) /.test(c))).toEqual([]);
    expect(sim.status('glance/0')).toMatchObject({ status: 'maintenance', workloadVersion: '30.0.0' });
    // The epoxy lineage renders its own glance-api.conf.
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toMatch(/^enforce_scope = False$/m);
    const resumed = await sim.runAction('glance/0', 'resume');
    expect(resumed.action?.status).toBe('completed');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);
});
