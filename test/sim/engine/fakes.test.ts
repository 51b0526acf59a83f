/**
 * The fake host commands: each records its argv (and stdin when given), keeps the machine's
 * package and service state, answers with the real commands' outputs and exit codes, and can
 * be told to fail.
 */
import { lstatSync, mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallRecord, Fixture, HOOKS_TIMEOUT, call, json, run, runWithInput } from './fixture.js';

// biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} syntax.
const SHOW_VERSION = '-f=${Version}';

const outcome = (r: CallRecord) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('fake host commands', () => {
  const f = new Fixture({ packageVersions: { 'glance-common': '2:29.0.0-0ubuntu1' } });
  let calls: CallRecord[];
  let root: string;

  beforeAll(async () => {
    const unit = f.sim.createUnit();
    f.sim.state.leader = unit.name;
    root = unit.fsRoot;
    mkdirSync(join(root, 'etc/apache2/sites-available'), { recursive: true });
    writeFileSync(join(root, 'etc/apache2/sites-available/openstack_https_frontend.conf'), '<VirtualHost>\n');
    f.sim.failCommand(unit.name, { command: 'glance-manage', exitCode: 1, stderr: 'db_sync: database locked\n' });
    f.sim.failCommand(unit.name, { command: 'systemctl', match: 'restart haproxy', exitCode: 1, stderr: 'Job failed\n', times: 'always' });
    f.plan({
      install: [
        run('dpkg-query', '-W', SHOW_VERSION, 'glance-common'),
        run('apt-get', '-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', 'glance', 'haproxy=2.8.0'),
        run('dpkg-query', '-W', SHOW_VERSION, 'glance-common'),
        run('dpkg-query', '--show', 'haproxy'),
        run('systemctl', 'is-active', 'glance-api'),
        run('systemctl', 'stop', 'glance-api'),
        run('systemctl', 'is-active', '--quiet', 'glance-api'),
        run('systemctl', 'start', 'glance-api.service'),
        run('systemctl', 'status', 'glance-api'),
        run('service', 'memcached', 'status'),
        run('service', 'memcached', 'start'),
        run('service', 'memcached', 'status'),
        run('systemctl', 'mask', 'apache2'),
        run('systemctl', 'start', 'apache2'),
        run('systemctl', 'restart', 'haproxy'),
        run('systemctl', 'restart', 'haproxy'),
        run('systemctl', 'restart', 'memcached'),
        run('glance-manage', 'db_sync'),
        run('glance-manage', 'db_sync'),
        run('getent', 'passwd', 'glance'),
        run('getent', 'group', 'glance'),
        run('getent', 'passwd', 'nosuchuser'),
        run('ip', '-j', 'addr'),
        run('systemd-detect-virt'),
        run('haproxy', '-c', '-f', '/etc/haproxy/haproxy.cfg'),
        run('ceph-authtool', `${root}/etc/ceph/ceph.client.glance.keyring`, '--create-keyring', '--name=client.glance', '--add-key=QUJDREVG'),
        run('a2ensite', 'openstack_https_frontend'),
        run('a2ensite', 'missing-site'),
        runWithInput('secret on stdin\n', 'update-alternatives', '--install', '/etc/x', 'x', '/etc/y', '100'),
        run('apt-get', 'purge', '-y', 'haproxy'),
        run('dpkg-query', '-W', 'haproxy'),
        { exit: 1 },
      ],
    });
    await f.sim.runHook(unit.name, 'install');
    calls = f.lastCalls('install');
  }, HOOKS_TIMEOUT);
  afterAll(() => f.dispose());

  it('dpkg-query reports nothing installed, then the version apt-get installed with its dependencies (table or pin)', () => {
    expect(outcome(call(calls, 'dpkg-query', '-W', SHOW_VERSION, 'glance-common'))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'dpkg-query: no packages found matching glance-common\n',
    });
    expect(calls.filter((c) => c.argv.join(' ') === `dpkg-query -W ${SHOW_VERSION} glance-common`)[1]?.stdout).toBe('2:29.0.0-0ubuntu1');
    expect(call(calls, 'dpkg-query', '--show', 'haproxy').stdout).toBe('haproxy\t2.8.0\n');
    expect(call(calls, 'dpkg-query', '-W', 'haproxy').code).toBe(1);
  });

  it('installing a package starts its service; systemctl and service keep running state and answer 0 (running) or 3 (stopped)', () => {
    expect(outcome(call(calls, 'systemctl', 'is-active', 'glance-api'))).toEqual({ code: 0, stdout: 'active\n', stderr: '' });
    expect(outcome(call(calls, 'systemctl', 'is-active', '--quiet', 'glance-api'))).toEqual({ code: 3, stdout: '', stderr: '' });
    expect(call(calls, 'systemctl', 'status', 'glance-api').code).toBe(0);
    const status = calls.filter((c) => c.argv.join(' ') === 'service memcached status');
    expect(status.map((c) => [c.code, c.stdout])).toEqual([
      [3, ' * memcached is not running\n'],
      [0, ' * memcached is running\n'],
    ]);
    expect(outcome(call(calls, 'systemctl', 'start', 'apache2'))).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Failed to start apache2.service: Unit apache2.service is masked.\n',
    });
    expect(f.sim.unit('glance/0').host.services).toMatchObject({
      'glance-api': { running: true },
      memcached: { running: true },
      apache2: { masked: true, running: false },
    });
  });

  it('injected failures: once, or always when argv matches', () => {
    const dbSync = calls.filter((c) => c.argv[0] === 'glance-manage');
    expect(dbSync.map((c) => [c.code, c.stderr])).toEqual([
      [1, 'db_sync: database locked\n'],
      [0, ''],
    ]);
    const restarts = calls.filter((c) => c.argv[0] === 'systemctl' && c.argv[1] === 'restart');
    expect(restarts.map((c) => `${c.argv[2]} ${c.code}`)).toEqual(['haproxy 1', 'haproxy 1', 'memcached 0']);
  });

  it('getent answers known accounts with the ids running the simulator, exit 2 otherwise', () => {
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    expect(call(calls, 'getent', 'passwd', 'glance').stdout).toBe(`glance:x:${uid}:${gid}::/var/lib/glance:/usr/sbin/nologin\n`);
    expect(call(calls, 'getent', 'group', 'glance').stdout).toBe(`glance:x:${gid}:\n`);
    expect(call(calls, 'getent', 'passwd', 'nosuchuser').code).toBe(2);
  });

  it('ip -j addr describes the unit\'s interfaces; systemd-detect-virt and haproxy -c answer', () => {
    const links = json(call(calls, 'ip', '-j', 'addr')) as { ifname: string; addr_info: { local: string }[] }[];
    expect(links.map((l) => [l.ifname, l.addr_info[0]?.local])).toEqual([
      ['lo', '127.0.0.1'],
      ['eth0', f.sim.unit('glance/0').privateAddress],
    ]);
    expect(call(calls, 'systemd-detect-virt').stdout).toBe('kvm\n');
    expect(call(calls, 'haproxy', '-c', '-f', '/etc/haproxy/haproxy.cfg').stdout).toBe('Configuration file is valid\n');
  });

  it('ceph-authtool writes the keyring; a2ensite links an existing site and refuses a missing one', () => {
    expect(f.sim.readFile('glance/0', '/etc/ceph/ceph.client.glance.keyring')).toBe('[client.glance]\n\tkey = QUJDREVG\n');
    const link = join(root, 'etc/apache2/sites-enabled/openstack_https_frontend.conf');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../sites-available/openstack_https_frontend.conf');
    expect(outcome(call(calls, 'a2ensite', 'missing-site'))).toMatchObject({ code: 1, stderr: 'ERROR: Site missing-site does not exist!\n' });
  });

  it('every command is logged with argv and stdin, and host changes survive the hook failing', () => {
    const logged = f.sim.commands('update-alternatives');
    expect(logged).toEqual([
      expect.objectContaining({ unit: 'glance/0', hook: 'install', argv: ['update-alternatives', '--install', '/etc/x', 'x', '/etc/y', '100'], stdin: 'secret on stdin\n', exitCode: 0 }),
    ]);
    expect(f.sim.commands('apt-get').map((c) => c.argv.slice(1).join(' '))).toEqual([
      '-o DPkg::Lock::Timeout=300 install -y --no-install-recommends glance haproxy=2.8.0',
      'purge -y haproxy',
    ]);
    expect(f.sim.commands('apt-get')[0]).not.toHaveProperty('stdin');
    expect(f.sim.history.at(-1)?.exitCode).toBe(1);
    expect(Object.keys(f.sim.unit('glance/0').host.packages).sort()).toEqual(['glance', 'glance-api', 'glance-common', 'python3-glance']);
  });

  it('apt-get dist-upgrade moves installed packages to the versions now in the table', async () => {
    f.sim.unit('glance/0').host.versions['glance-common'] = '2:30.0.0-0ubuntu1';
    f.plan({ 'upgrade-charm': [run('apt-get', 'dist-upgrade', '-y'), run('dpkg-query', '-W', SHOW_VERSION, 'glance-common')] });
    await f.sim.runHook('glance/0', 'upgrade-charm');
    expect(f.lastCalls('upgrade-charm')[1]?.stdout).toBe('2:30.0.0-0ubuntu1');
  });
});
