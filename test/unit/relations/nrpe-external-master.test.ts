/**
 * nrpe-external-master, called directly: the Nagios host name and context the subordinate may
 * give (plain names only), and the checks glance tells it about.
 */
import { describe, expect, it } from 'vitest';
import { nrpeContext, nrpeExternalMaster } from '../../../src/relations/nrpe-external-master.js';
import type { Databag } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { relation } from '../../fixtures/snapshot.js';

const env = readEnv();
const nrpe = (bag: Databag) => [relation('nrpe-external-master', 11, 'nrpe', { 'nrpe/0': bag })];
const DEFAULT = { hostname: 'juju-glance-0', unitLabel: 'glance/0', servicegroups: 'juju' };

describe('nrpe-external-master: what the read phase and status rely on', () => {
  it('reads the subordinate unit databag; no status group, no files of its own (src/nrpe writes the checks)', () => {
    expect(nrpeExternalMaster.endpoint).toBe('nrpe-external-master');
    expect(nrpeExternalMaster.reads).toBe('units');
    expect(nrpeExternalMaster.group).toBeUndefined();
    expect(nrpeExternalMaster.completeWith).toBeUndefined();
    expect(nrpeExternalMaster.ownBag).toBeUndefined();
    expect(nrpeExternalMaster.binding).toBeUndefined();
    expect(nrpeExternalMaster.files).toBeUndefined();
    expect(nrpeExternalMaster.paths).toBeUndefined();
    expect(nrpeExternalMaster.teardown).toBeUndefined();
  });
});

describe('nrpe-external-master: readiness', () => {
  it('is absent when unrelated, ready with the defaults as soon as related', () => {
    expect(nrpeExternalMaster.read([], env)).toEqual({ state: 'absent' });
    expect(nrpeExternalMaster.read([relation('nrpe-external-master', 11, 'nrpe')], env)).toEqual({ state: 'ready', context: DEFAULT });
    expect(nrpeExternalMaster.read(nrpe({}), readEnv({ unitName: 'glance/12', options: { nagios_context: 'prod' } }))).toEqual({
      state: 'ready',
      context: { hostname: 'prod-glance-12', unitLabel: 'glance/12', servicegroups: 'prod' },
    });
  });

  it("uses the subordinate's nagios_hostname and host context, and the servicegroups option", () => {
    expect(nrpeExternalMaster.read(nrpe({ nagios_hostname: 'juju-glance-host-0', nagios_host_context: 'cloud1' }), readEnv({ options: { nagios_servicegroups: 'glance,storage' } }))).toEqual({
      state: 'ready',
      context: { hostname: 'juju-glance-host-0', unitLabel: 'cloud1:glance/0', servicegroups: 'glance,storage' },
    });
  });

  it('ignores names that could leave a file name or a Nagios definition, using the defaults', () => {
    for (const bad of ['evil\nhost_name x', 'a b', '../etc/x', 'a;b', '', '-leading', 'x'.repeat(254), '{', 'host}']) {
      expect(nrpeExternalMaster.read(nrpe({ nagios_hostname: bad, nagios_host_context: bad }), env), JSON.stringify(bad)).toEqual({ state: 'ready', context: DEFAULT });
    }
  });

  it('nrpeContext takes the first plain name across units', () => {
    const rels = [relation('nrpe-external-master', 11, 'nrpe', { 'nrpe/0': { nagios_hostname: 'bad name' }, 'nrpe/1': { nagios_hostname: 'good.name' } })];
    expect(nrpeContext(rels, env).hostname).toBe('good.name');
  });
});

describe('nrpe-external-master: what glance publishes', () => {
  const rel = (bag: Databag = {}) => relation('nrpe-external-master', 11, 'nrpe', { 'nrpe/0': bag });

  it('the checks of the services it manages plus haproxy, as charmhelpers wrote them, and that it is the principal', () => {
    expect(nrpeExternalMaster.publish?.(rel(), publishEnv({ services: ['glance-api', 'haproxy', 'apache2', 'memcached'] }), {})).toEqual({
      monitors: [
        'monitors:',
        '  remote:',
        '    nrpe:',
        '      apache2:',
        '        command: check_apache2',
        '      glance-api:',
        '        command: check_glance-api',
        '      haproxy:',
        '        command: check_haproxy',
        '      haproxy_queue:',
        '        command: check_haproxy_queue',
        '      haproxy_servers:',
        '        command: check_haproxy_servers',
        '      memcached:',
        '        command: check_memcached',
        '',
      ].join('\n'),
      primary: 'True',
    });
  });

  it('follows the services (glance-registry before stein; haproxy left to hacluster), not the host context', () => {
    const out = nrpeExternalMaster.publish?.(rel({ nagios_host_context: 'cloud1' }), publishEnv({ services: ['glance-api', 'glance-registry'] }), {});
    expect(out?.monitors).toContain('glance-registry:\n        command: check_glance-registry');
    expect(out?.monitors).toContain('haproxy_servers:');
    expect(out?.monitors).not.toContain('\n      haproxy:\n');
    expect(out?.monitors).not.toContain('cloud1');
  });
});
