/**
 * Rolling back and forth: this charm → the Python charm (`juju refresh --switch cs:glance`) →
 * this charm again, on the shipped ceph-full recording. The Python charm cannot run here; what
 * its upgrade-charm does to the unit is played from its code: it re-renders every file from its
 * own contexts (the same model, so the recorded content) with a fresh haproxy stats password
 * (its key/value store lived in the charm directory Juju replaced), writing through
 * open(path, 'wb') so each file keeps the owner and mode this charm gave it
 * (juju/charm-helpers charmhelpers/contrib/openstack/templating.py OSConfigRenderer.write); its
 * relation data is the same as before, which Juju does not even store again
 * (juju/juju state/settings.go: Settings.Write skips values that did not change).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceActions, toolCalls } from '../helpers.js';
import { cephFull, recordedFile, type Switched, switchOnto } from './recordings.js';

const PYTHON_PASSWORD = 'PythonCharmRegeneratedItOnRollback';
const STATS_AUTH = /^(\s*stats auth admin:)\S+$/m;

let s: Switched;
let back: Switched['results'];
const unit = 'glance/0';

/** What the Python charm's upgrade-charm leaves in the files after a switch back to it. */
function pythonCharmRerenders(): void {
  const root = s.sim.unit(unit).fsRoot;
  for (const entry of s.recording.files) {
    if (entry.type !== 'file') continue;
    const content = entry.content.toString('utf8');
    const text = entry.path === 'etc/haproxy/haproxy.cfg' ? content.replace(STATS_AUTH, `$1${PYTHON_PASSWORD}`) : content;
    writeFileSync(join(root, entry.path), text);
  }
}

beforeAll(async () => {
  s = await switchOnto(cephFull());
  // What the Python charm needs to find: the leader setting it reads and the request it sent.
  expect(s.sim.state.leaderData['db-initialised']).toBe('True');
  pythonCharmRerenders();
  back = await s.sim.switchCharm();
});
afterAll(() => s?.sim.dispose());

it('switching to this charm again runs cleanly and restarts, syncs and sends nothing', () => {
  expect(back.filter((r) => r.exitCode !== 0).map((r) => `${r.hook}: ${r.stderr}`)).toEqual([]);
  expect(serviceActions(back)).toEqual([]);
  expect(s.sim.commands('glance-manage')).toEqual([]);
  expect(toolCalls(back, 'relation-set')).toEqual([]);
  for (const r of s.recording.state.relations) expect(s.sim.published(r.id, unit), r.endpoint).toEqual(r.local_unit);
  expect(s.sim.status(unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
});

it('keeps the stats password the Python charm chose, and the secrets 0640', () => {
  expect(s.sim.readFile(unit, '/etc/haproxy/haproxy.cfg')).toContain(`stats auth admin:${PYTHON_PASSWORD}`);
  expect(recordedFile(s.recording, '/etc/haproxy/haproxy.cfg')).not.toContain(PYTHON_PASSWORD);
  for (const path of ['/etc/glance/glance-api.conf', '/etc/glance/glance-swift.conf']) {
    expect(statSync(join(s.sim.unit(unit).fsRoot, path)).mode & 0o777, path).toBe(0o640);
  }
});
