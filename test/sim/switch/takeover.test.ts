/**
 * `juju refresh glance --switch ./glance.charm` on units the reference Python charm ran (issue
 * 13): the shipped ceph-full recording (the leader, ceph with its broker request answered) and
 * one built from the reference's outputs (a non-leader behind hacluster with a VIP, Swift, two
 * peers). The switch loses nothing, syncs nothing, restarts nothing, and leaves every databag as
 * a fresh deployment of this charm would.
 */
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../sim/engine.js';
import type { Recording } from '../../../sim/recording.js';
import { FILES } from '../../../src/render/files.js';
import { sameMeaning } from '../../../src/render/meaning.js';
import { serviceActions, toolCalls, unitOwners } from '../helpers.js';
import { bagsByEndpoint, freshDeployment } from './fresh.js';
import { HA_SWIFT_VIP_RESOURCE, haSwift } from './ha-swift-recording.js';
import { cephFull, recordedFile, type Switched, switchOnto } from './recordings.js';

const STATS_AUTH = /^\s*stats auth (\S+)$/m;
const UNMANAGED = [
  '/usr/local/lib/nagios/plugins/check_deferred_restarts.py',
  '/usr/local/lib/nagios/plugins/check_haproxy.sh',
  '/usr/local/lib/nagios/plugins/check_haproxy_queue_depth.sh',
  '/etc/apache2/sites-available/openstack_https_frontend.conf',
];

/** broker_req compared as the request it is (the reference's text orders its keys otherwise). */
const comparable = (bags: Record<string, Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(bags).map(([endpoint, bag]) => [endpoint, bag.broker_req ? { ...bag, broker_req: JSON.parse(bag.broker_req) } : bag]),
  );

describe.each([
  ['ceph-full (shipped): leader, ceph broker request answered, one peer', cephFull],
  ['hacluster + VIP, swift, two peers: a non-leader', haSwift],
])('switch onto %s', (_name, recordingOf: () => Recording) => {
  let s: Switched;
  let fresh: Sim;
  const unit = () => s.recording.state.unit;
  const root = () => s.sim.unit(unit()).fsRoot;
  const recordedBag = (endpoint: string) => s.recording.state.relations.find((r) => r.endpoint === endpoint);

  beforeAll(async () => {
    s = await switchOnto(recordingOf());
    fresh = await freshDeployment(s.recording.state);
  });
  afterAll(() => {
    s?.sim.dispose();
    fresh?.dispose();
  });

  it('runs upgrade-charm, config-changed, update-status and every relation -changed, each exiting 0', () => {
    const hooks = s.results.map((r) => r.hook);
    expect(hooks.slice(0, 2)).toEqual(['upgrade-charm', 'config-changed']);
    expect(hooks).toContain('update-status');
    for (const r of s.recording.state.relations) expect(hooks).toContain(`${r.endpoint}-relation-changed`);
    expect(s.results.filter((r) => r.exitCode !== 0).map((r) => `${r.hook}: ${r.stderr}`)).toEqual([]);
    expect(s.sim.status(unit()).hookError).toBeNull();
  });

  it('stays active: only a maintenance message while a hook works, and Unit is ready after each', () => {
    const history = s.sim.status(unit()).history;
    expect(history.filter((h) => h.status !== 'active' && h.status !== 'maintenance')).toEqual([]);
    expect(s.results.map((r) => r.status)).toEqual(s.results.map(() => ({ status: 'active', message: 'Unit is ready' })));
  });

  it('honours the reference\'s leader settings: no glance-manage db_sync, leader settings unchanged', () => {
    expect(s.sim.commands('glance-manage')).toEqual([]);
    expect(s.sim.status(unit()).history.map((h) => h.message)).not.toContain('Sync DB');
    expect(s.sim.state.leaderData).toEqual(s.recording.state.leader_data);
  });

  it('restarts, stops, starts and reloads nothing', () => {
    expect(serviceActions(s.results)).toEqual([]);
  });

  it('renders files that mean what the reference\'s meant, and keeps its haproxy stats password', () => {
    for (const file of FILES) {
      const path = typeof file.path === 'string' ? file.path : file.path({ appName: s.recording.state.app });
      const before = recordedFile(s.recording, path);
      const now = s.sim.readFile(unit(), path);
      if (before === undefined) continue;
      expect(now, path).not.toBeNull();
      expect(sameMeaning(file.syntax, before, now as string), path).toBe(true);
    }
    const haproxy = s.sim.readFile(unit(), '/etc/haproxy/haproxy.cfg') ?? '';
    expect(STATS_AUTH.exec(haproxy)?.[1]).toBe(STATS_AUTH.exec(recordedFile(s.recording, '/etc/haproxy/haproxy.cfg') ?? '')?.[1]);
  });

  it('makes the secrets the reference left readable by everyone 0640 root:glance (no restart for it)', () => {
    for (const path of ['/etc/glance/glance-api.conf', '/etc/glance/glance-swift.conf']) {
      const st = statSync(join(root(), path));
      expect(st.mode & 0o777, path).toBe(0o640);
      // The owner the charm gave it, as a simulated host records it (src/host/owners.ts)...
      expect(unitOwners(root())[path], path).toBe('root:glance');
      // ...and, where the tests run as root, the one it has: the simulator's getent gives glance
      // the simulator's own group. A normal user may not chown, so its files stay its own.
      if (process.getuid?.() === 0) {
        expect(st.uid, path).toBe(0);
        expect(st.gid, path).toBe(process.getgid?.() ?? 0);
      }
    }
    const keyring = '/etc/ceph/ceph.client.glance.keyring';
    if (recordedFile(s.recording, keyring) !== undefined) expect(statSync(join(root(), keyring)).mode & 0o777).toBe(0o640);
  });

  it('leaves the files it does not manage as the reference left them, and the opened port', () => {
    for (const path of UNMANAGED) {
      const before = recordedFile(s.recording, path);
      if (before !== undefined) expect(s.sim.readFile(unit(), path), path).toBe(before);
    }
    const link = join(root(), 'etc/alternatives/ceph.conf');
    const recordedLink = s.recording.files.find((e) => e.path === 'etc/alternatives/ceph.conf');
    if (recordedLink?.type === 'symlink') expect(readlinkSync(link)).toBe(recordedLink.target);
    else expect(() => lstatSync(link)).toThrow();
    expect(s.sim.status(unit()).openedPorts).toEqual(s.recording.state.ports);
  });

  it('sends nothing new: each of its databags is as the reference left it (the leader records db-initialised for this charm)', () => {
    for (const r of s.recording.state.relations) expect(s.sim.published(r.id, unit()), r.endpoint).toEqual(r.local_unit);
    const sets = toolCalls(s.results, 'relation-set').map((c) => c.argv.join(' '));
    const cluster = recordedBag('cluster');
    expect(sets).toEqual(s.recording.state.leader && cluster ? [`-r cluster:${cluster.id} --app --file -`] : []);
  });

  it('ends with every databag as a fresh deployment of this charm leaves it', () => {
    const leader = s.recording.state.leader;
    expect(comparable(bagsByEndpoint(s.sim, unit(), leader))).toEqual(comparable(bagsByEndpoint(fresh, unit(), leader)));
  });

  it('recognises an answered Ceph broker request: the same request text stays, no waiting', () => {
    const ceph = recordedBag('ceph');
    if (!ceph) return;
    expect(s.sim.published(ceph.id, unit()).broker_req).toBe(ceph.local_unit.broker_req);
    expect(s.sim.status(unit()).history.filter((h) => h.status === 'waiting')).toEqual([]);
  });

  it('keeps hacluster\'s resources as they are: Pacemaker is not reconfigured, the VIP does not move', () => {
    const ha = recordedBag('ha');
    if (!ha) return;
    expect(s.sim.published(ha.id, unit())).toEqual(ha.local_unit);
    expect(Object.keys(JSON.parse(ha.local_unit.json_resources ?? '{}'))).toContain(HA_SWIFT_VIP_RESOURCE);
  });
});
