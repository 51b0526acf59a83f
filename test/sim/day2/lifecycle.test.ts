/**
 * NRPE, upgrade-charm, and leaving the machine, through the built charm on one unit: the checks
 * the NRPE subordinate gets, what upgrade-charm repairs (an old glance-registry.conf, obsolete
 * packages, package config files once), and stop/remove leaving nothing of the charm's behind.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { serviceActions } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const SLOW = 600_000;
const FILES = new URL('../../../files', import.meta.url).pathname;

describe('NRPE checks, upgrade-charm, stop and remove', () => {
  const sim = newInProcessSim();
  afterAll(() => sim.dispose());
  const root = () => sim.unit('glance/0').fsRoot;
  const onHost = (path: string) => join(root(), path);
  let nrpeId = 0;

  it('the NRPE subordinate gets a check per managed service and for haproxy, under its host name', async () => {
    await sim.deploy({ units: 1 });
    // What installing nagios-nrpe-server does on the machine.
    for (const d of ['etc/nagios/nrpe.d', 'var/lib/nagios/export']) mkdirSync(onHost(d), { recursive: true });
    sim.unit('glance/0').host.accounts.push('nagios');
    sim.save();
    const nrpe = await sim.integrate('nrpe-external-master', 'nrpe', { units: { 'nrpe/0': { nagios_hostname: 'cloud1-glance-0', nagios_host_context: 'cloud1' } } });
    nrpeId = nrpe.relationId;
    expect(nrpe.results.every((r) => r.exitCode === 0)).toBe(true);
    for (const check of ['glance-api', 'haproxy', 'memcached', 'haproxy_servers', 'haproxy_queue']) {
      expect(sim.readFile('glance/0', `/etc/nagios/nrpe.d/check_${check}.cfg`)).toMatch(new RegExp(`^command\\[check_${check}\\]=/usr/local/lib/nagios/plugins/`, 'm'));
      expect(sim.readFile('glance/0', `/var/lib/nagios/export/service__cloud1-glance-0_check_${check}.cfg`)).toContain(
        `service_description             cloud1-glance-0[${check}]`,
      );
    }
    expect(sim.readFile('glance/0', '/etc/nagios/nrpe.d/check_glance-registry.cfg')).toBeNull();
    for (const plugin of ['check_service.sh', 'check_haproxy.sh', 'check_haproxy_queue_depth.sh']) {
      const installed = onHost(`usr/local/lib/nagios/plugins/${plugin}`);
      expect(readFileSync(installed, 'utf8')).toBe(readFileSync(join(FILES, plugin), 'utf8'));
      expect(statSync(installed).mode & 0o777).toBe(0o755);
    }
    expect(statSync(onHost('etc/nagios/glance-haproxy-stats.curlrc')).mode & 0o777).toBe(0o640);
    const sent = sim.published(nrpeId, 'glance/0');
    expect(sent.primary).toBe('True');
    expect(Object.keys(parse(sent.monitors ?? '').monitors.remote.nrpe)).toEqual(['glance-api', 'haproxy', 'haproxy_queue', 'haproxy_servers', 'memcached']);
    expect(serviceActions(nrpe.results)).toContain('restart nagios-nrpe-server');
    const again = await sim.runHook('glance/0', 'update-status');
    expect(serviceActions([again])).toEqual([]);
  }, SLOW);

  it('upgrade-charm keeps an old glance-registry.conf as .old, purges installed obsolete packages, reinstalls package config once', async () => {
    writeFileSync(onHost('etc/glance/glance-registry.conf'), '[database]\nconnection = mysql://old\n');
    sim.unit('glance/0').host.packages['python-glance'] = '2:17.0.0-0ubuntu1';
    sim.save();
    const first = await sim.upgradeCharm();
    expect(first.every((r) => r.exitCode === 0)).toBe(true);
    expect(sim.readFile('glance/0', '/etc/glance/glance-registry.conf')).toBeNull();
    expect(sim.readFile('glance/0', '/etc/glance/glance-registry.conf.old')).toBe('[database]\nconnection = mysql://old\n');
    expect(statSync(onHost('etc/glance/glance-registry.conf.old')).mode & 0o777).toBe(0o640);
    const apt = first.flatMap((r) => r.commands).filter((c) => c.argv[0] === 'apt-get').map((c) => c.argv.join(' '));
    expect(apt.some((c) => c.includes(' purge python-glance'))).toBe(true);
    expect(apt.filter((c) => c.includes('--reinstall'))).toHaveLength(1);
    expect(sim.unit('glance/0').host.packages['python-glance']).toBeUndefined();
    const second = await sim.upgradeCharm();
    const apt2 = second.flatMap((r) => r.commands).filter((c) => c.argv[0] === 'apt-get').map((c) => c.argv.join(' '));
    expect(apt2.filter((c) => c.includes('--reinstall') || c.includes(' purge '))).toEqual([]);
  }, SLOW);

  it('the NRPE relation going removes its checks; stop stops the services; remove takes the charm files away', async () => {
    await sim.removeRelation(nrpeId);
    expect(sim.readFile('glance/0', '/etc/nagios/nrpe.d/check_glance-api.cfg')).toBeNull();
    expect(sim.readFile('glance/0', '/var/lib/nagios/export/service__cloud1-glance-0_check_glance-api.cfg')).toBeNull();
    expect(sim.readFile('glance/0', '/usr/local/lib/nagios/plugins/check_haproxy.sh')).toBeNull();
    expect(sim.readFile('glance/0', '/etc/nagios/glance-haproxy-stats.curlrc')).toBeNull();
    // Left by a ceph relation of the past.
    mkdirSync(onHost('var/lib/charm/glance'), { recursive: true });
    writeFileSync(onHost('var/lib/charm/glance/ceph.conf'), '[global]\n');
    const stop = await sim.runHook('glance/0', 'stop');
    expect(serviceActions([stop]).sort()).toEqual(['stop glance-api', 'stop haproxy', 'stop memcached']);
    for (const s of ['glance-api', 'haproxy', 'memcached']) expect(sim.unit('glance/0').host.services[s]?.running).toBe(false);
    const remove = await sim.runHook('glance/0', 'remove');
    expect(remove.exitCode).toBe(0);
    expect(remove.commands.map((c) => c.argv.join(' '))).toContain(
      `update-alternatives --remove ceph.conf ${onHost('var/lib/charm/glance/ceph.conf')}`,
    );
    expect(() => statSync(onHost('var/lib/charm/glance'))).toThrow();
    // Neither hook started anything again.
    expect(serviceActions([stop, remove]).filter((a) => !a.startsWith('stop'))).toEqual([]);
  }, SLOW);
});
