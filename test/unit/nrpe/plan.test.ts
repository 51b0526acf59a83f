/**
 * NRPE checks through the pure core: what a unit related to the NRPE subordinate writes, tells
 * the subordinate, and removes, release by release.
 */

import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { decide } from '../../../src/model/decide.js';
import { nrpeFor } from '../../../src/reconcile/nrpe.js';
import type { Effect } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { NrpeHost, Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed, relation } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const PLUGINS = { 'check_service.sh': '#!/bin/sh\n', 'check_haproxy.sh': '#!/bin/sh\n', 'check_haproxy_queue_depth.sh': '#!/bin/sh\n' };
const HOST: NrpeHost = { confDir: true, exportFiles: [], files: {}, plugins: PLUGINS };

function withNrpe(over: Partial<Snapshot> = {}, bag: Record<string, string> = {}, host: NrpeHost = HOST): Snapshot {
  const base = deployed(over);
  return {
    ...base,
    relations: { ...base.relations, 'nrpe-external-master': [relation('nrpe-external-master', 12, 'nrpe', { 'nrpe/0': bag })] },
    nrpe: host,
  };
}

/** The files the plan writes, by path, and the host after it (for a second hook). */
function written(effects: Effect[]): Record<string, Extract<Effect, { kind: 'write-file' }>> {
  return Object.fromEntries(effects.flatMap((e) => (e.kind === 'write-file' ? [[e.path, e]] : [])));
}

function hostAfter(host: NrpeHost, effects: Effect[]): NrpeHost {
  const files = { ...host.files };
  const exportFiles = [...(host.exportFiles ?? [])];
  const nrpeFile = (path: string) => /^\/(etc\/nagios|var\/lib\/nagios|usr\/local\/lib\/nagios)\//.test(path);
  for (const e of effects) {
    if (e.kind === 'write-file' && nrpeFile(e.path)) {
      files[e.path] = e.content;
      const name = e.path.slice('/var/lib/nagios/export/'.length);
      if (e.path.startsWith('/var/lib/nagios/export/') && !exportFiles.includes(name)) exportFiles.push(name);
    }
    if (e.kind === 'delete-file') delete files[e.path];
  }
  return { ...host, files, exportFiles: host.exportFiles === null ? null : exportFiles };
}

const checkNames = (effects: Effect[]) =>
  Object.keys(written(effects))
    .filter((p) => p.startsWith('/etc/nagios/nrpe.d/'))
    .map((p) => p.replace(/^\/etc\/nagios\/nrpe\.d\/check_(.*)\.cfg$/, '$1'))
    .sort();

describe('NRPE checks (nrpe-external-master)', () => {
  it('checks each managed service and haproxy, with the default host name and service group', () => {
    const effects = nrpeFor(decide(withNrpe()), withNrpe());
    expect(checkNames(effects)).toEqual(['glance-api', 'haproxy', 'haproxy_queue', 'haproxy_servers', 'memcached']);
    const files = written(effects);
    expect(files['/etc/nagios/nrpe.d/check_glance-api.cfg']?.content).toBe(
      [
        '# check glance-api',
        '# The following header was added automatically by juju',
        '# Modifying it will affect nagios monitoring and alerting',
        '# servicegroups: juju',
        'command[check_glance-api]=/usr/local/lib/nagios/plugins/check_service.sh glance-api',
        '',
      ].join('\n'),
    );
    expect(files['/etc/nagios/nrpe.d/check_haproxy_servers.cfg']?.content).toContain(
      'command[check_haproxy_servers]=/usr/local/lib/nagios/plugins/check_haproxy.sh /etc/nagios/glance-haproxy-stats.curlrc',
    );
    const service = files['/var/lib/nagios/export/service__juju-glance-0_check_glance-api.cfg']?.content ?? '';
    expect(service).toContain('    host_name                       juju-glance-0\n');
    expect(service).toContain('    service_description             juju-glance-0[glance-api] process check {glance/0}\n');
    expect(service).toContain('    check_command                   check_nrpe!check_glance-api\n');
    expect(service).toContain('    servicegroups                   juju\n');
  });

  it('installs its plugins executable and the stats credentials readable by nagios only, then restarts NRPE once', () => {
    const effects = nrpeFor(decide(withNrpe()), withNrpe());
    const files = written(effects);
    expect(files['/usr/local/lib/nagios/plugins/check_haproxy.sh']?.owner).toEqual({ user: 'root', group: 'root', mode: 0o755 });
    const creds = files['/etc/nagios/glance-haproxy-stats.curlrc'];
    expect(creds?.owner).toEqual({ user: 'root', group: 'nagios', mode: 0o640 });
    expect(creds?.content).toContain('url = "http://127.0.0.1:8888/;csv"');
    expect(creds?.content).toContain('user = "admin:STATSPASSWORDSTATSPASSWORD"');
    // The password never goes into a check's command line (ps shows those).
    for (const f of Object.values(files)) if (f.path.startsWith('/etc/nagios/nrpe.d/')) expect(f.content).not.toContain('STATSPASSWORD');
    expect(effects.filter((e) => e.kind === 'service')).toEqual([{ kind: 'service', action: 'restart', service: 'nagios-nrpe-server' }]);
  });

  it('a second hook with the same facts writes and restarts nothing', () => {
    const snap = withNrpe();
    const effects = nrpeFor(decide(snap), snap);
    const again = { ...snap, nrpe: hostAfter(HOST, effects) };
    expect(nrpeFor(decide(again), again)).toEqual([]);
  });

  it("uses the subordinate's host name and host context, and nagios_servicegroups", () => {
    const snap = withNrpe({ config: { nagios_context: 'prod', nagios_servicegroups: 'glance,storage' } }, {
      nagios_hostname: 'prod-glance-0',
      nagios_host_context: 'cloud1',
    });
    const files = written(nrpeFor(decide(snap), snap));
    const service = files['/var/lib/nagios/export/service__prod-glance-0_check_memcached.cfg']?.content ?? '';
    expect(service).toContain('service_description             prod-glance-0[memcached] process check {cloud1:glance/0}');
    expect(service).toContain('servicegroups                   glance,storage');
    expect(files['/etc/nagios/nrpe.d/check_memcached.cfg']?.content).toContain('# servicegroups: glance,storage');
  });

  it('ignores a host name or context that is not a plain name', () => {
    const snap = withNrpe({}, { nagios_hostname: 'evil\nhost', nagios_host_context: '../x' });
    const paths = Object.keys(written(nrpeFor(decide(snap), snap)));
    expect(paths).toContain('/var/lib/nagios/export/service__juju-glance-0_check_glance-api.cfg');
    expect(paths.join('\n')).not.toMatch(/evil|\.\.\//);
  });

  it('checks glance-registry where it exists; without it removes the check an older release left', () => {
    const queens = withNrpe({ host: { ...deployed().host, glanceCommonVersion: '2:16.0.0-0ubuntu1', osCodename: 'bionic' } });
    expect(checkNames(nrpeFor(decide(queens), queens))).toContain('glance-registry');
    const leftover: NrpeHost = {
      ...HOST,
      exportFiles: ['service__juju-glance-0_check_glance-registry.cfg', 'service__juju-glance-0_check_disk.cfg'],
      files: {
        '/etc/nagios/nrpe.d/check_glance-registry.cfg': 'command[check_glance-registry]=x\n',
        '/var/lib/nagios/export/service__juju-glance-0_check_glance-registry.cfg': 'define service {}\n',
      },
    };
    const snap = withNrpe({}, {}, leftover);
    const deleted = nrpeFor(decide(snap), snap).filter((e) => e.kind === 'delete-file');
    expect(deleted).toEqual([
      { kind: 'delete-file', path: '/etc/nagios/nrpe.d/check_glance-registry.cfg' },
      { kind: 'delete-file', path: '/var/lib/nagios/export/service__juju-glance-0_check_glance-registry.cfg' },
    ]);
  });

  it('drops the haproxy service check once hacluster owns haproxy, keeping the haproxy statistics checks', () => {
    const base = withNrpe();
    const snap = { ...base, relations: { ...base.relations, ha: [relation('ha', 20, 'hacluster', { 'hacluster/0': {} })] } };
    expect(checkNames(nrpeFor(decide(snap), snap))).toEqual(['glance-api', 'haproxy_queue', 'haproxy_servers', 'memcached']);
  });

  it('moves the service definitions when the host name changes', () => {
    const first = withNrpe();
    const host = hostAfter(HOST, nrpeFor(decide(first), first));
    const renamed = withNrpe({}, { nagios_hostname: 'new-name' }, host);
    const effects = nrpeFor(decide(renamed), renamed);
    expect(effects.filter((e) => e.kind === 'delete-file').map((e) => (e.kind === 'delete-file' ? e.path : ''))).toContain(
      '/var/lib/nagios/export/service__juju-glance-0_check_glance-api.cfg',
    );
    expect(Object.keys(written(effects))).toContain('/var/lib/nagios/export/service__new-name_check_glance-api.cfg');
    // Only service definitions changed: NRPE itself keeps running.
    expect(effects.some((e) => e.kind === 'service')).toBe(false);
  });

  it('writes no service definitions without the export directory, and nothing before NRPE is installed', () => {
    const noExport = withNrpe({}, {}, { ...HOST, exportFiles: null });
    expect(Object.keys(written(nrpeFor(decide(noExport), noExport))).filter((p) => p.includes('/export/'))).toEqual([]);
    const noNrpe = withNrpe({}, {}, { ...HOST, confDir: false });
    expect(nrpeFor(decide(noNrpe), noNrpe)).toEqual([]);
  });

  it('removes every file of its own, and nothing else, once the relation is gone', () => {
    const related = withNrpe();
    const host = hostAfter(HOST, nrpeFor(decide(related), related));
    const others = { '/etc/nagios/nrpe.d/check_disk.cfg': 'command[check_disk]=x\n' };
    const gone: Snapshot = { ...deployed(), nrpe: { ...host, files: { ...host.files, ...others }, plugins: {} } };
    const effects = nrpeFor(decide(gone), gone);
    expect(effects.every((e) => e.kind === 'delete-file')).toBe(true);
    expect(effects.map((e) => (e.kind === 'delete-file' ? e.path : '')).sort()).toEqual(Object.keys(host.files).sort());
  });

  it('tells the subordinate its checks (monitors YAML) and that glance is the principal', () => {
    const plan = reconcile(withNrpe(), { templates });
    const sent = ofKind(plan, 'publish').find((r) => r.relationId === 'nrpe-external-master:12');
    expect(sent?.data.primary).toBe('True');
    expect(parseYaml(sent?.data.monitors ?? '')).toEqual({
      monitors: {
        remote: {
          nrpe: {
            'glance-api': { command: 'check_glance-api' },
            haproxy: { command: 'check_haproxy' },
            haproxy_queue: { command: 'check_haproxy_queue' },
            haproxy_servers: { command: 'check_haproxy_servers' },
            memcached: { command: 'check_memcached' },
          },
        },
      },
    });
    expect(sent?.data.monitors).toMatch(/^monitors:\n {2}remote:\n {4}nrpe:\n {6}glance-api:\n {8}command: check_glance-api\n/);
  });

  it('a full reconcile writes the checks and settles', () => {
    const snap = withNrpe();
    const plan = reconcile(snap, { templates });
    expect(ofKind(plan, 'write-file').map((w) => w.path)).toContain('/etc/nagios/nrpe.d/check_glance-api.cfg');
    const next = foldPlan({ ...snap, nrpe: hostAfter(HOST, plan.effects) }, plan);
    expect(reconcile(next, { templates }).effects.filter((e) => e.kind !== 'status' && e.kind !== 'memory')).toEqual([]);
  });
});
