/**
 * `juju config` on a running deployment, as an operator sees it: a change restarts glance-api
 * and takes effect; nothing changed means nothing restarted; a bad value blocks with a message
 * naming the option while Glance keeps serving with its last good configuration.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GLANCE_URL } from '../../deploy/deployment.js';
import type { AdminCredentials } from '../../deploy/keystone-host.js';
import { smokeTest } from '../../deploy/smoke.js';
import type { Sim } from '../../sim/engine.js';
import { glanceApiPid, glanceAsAdmin, jujuConfig, loggedSince, logMark, sharedDeployment } from './fixture.js';

const API_CONF = '/etc/glance/glance-api.conf';

let admin: AdminCredentials;
let sim: Sim;
let unit: string;

beforeAll(async () => {
  const shared = await sharedDeployment({ fresh: false });
  admin = shared.admin;
  sim = shared.d.sim;
  unit = shared.d.unit;
});


describe('juju config on a running glance', () => {
  it('a config-changed that changes nothing leaves glance-api running untouched', async () => {
    const pid = await glanceApiPid();
    expect(pid).not.toBeNull();
    await jujuConfig(sim, {});
    expect(await glanceApiPid()).toBe(pid);
    expect(sim.status(unit).status).toBe('active');
  });

  it('disk-formats: an upload in a format no longer listed is refused', async () => {
    await jujuConfig(sim, { 'disk-formats': 'raw,qcow2' });
    const glance = await glanceAsAdmin(admin);
    await expect(glance.create({ name: 'an-iso', disk_format: 'iso', container_format: 'bare' })).rejects.toMatchObject({ status: 400 });
    const qcow = await glance.create({ name: 'a-qcow2', disk_format: 'qcow2', container_format: 'bare' });
    await glance.delete(qcow.id);

    await jujuConfig(sim, { 'disk-formats': null });
    const iso = await (await glanceAsAdmin(admin)).create({ name: 'an-iso', disk_format: 'iso', container_format: 'bare' });
    await (await glanceAsAdmin(admin)).delete(iso.id);
  });

  it('debug=true restarts glance-api, which then logs at DEBUG level', async () => {
    const pid = await glanceApiPid();
    const mark = await logMark();
    await jujuConfig(sim, { debug: true });
    expect(sim.readFile(unit, API_CONF)).toMatch(/^debug = True$/m);
    const restarted = await glanceApiPid();
    expect(restarted).not.toBeNull();
    expect(restarted).not.toBe(pid);
    await (await glanceAsAdmin(admin)).list();
    expect(await loggedSince(mark)).toMatch(/ DEBUG /);

    await jujuConfig(sim, { debug: null });
    expect(sim.readFile(unit, API_CONF)).toMatch(/^debug = False$/m);
  });

  it('a bad value blocks and names the option, and Glance keeps serving its last good config', async () => {
    const pid = await glanceApiPid();
    const conf = sim.readFile(unit, API_CONF);
    await jujuConfig(sim, { 'image-size-cap': '12XB' });
    const s = sim.status(unit);
    expect(s.status).toBe('blocked');
    expect(s.message).toContain('image-size-cap');
    expect(s.message).toContain('12XB');
    expect(sim.readFile(unit, API_CONF)).toBe(conf);
    expect(await glanceApiPid()).toBe(pid);
    await smokeTest(GLANCE_URL, admin);

    await jujuConfig(sim, { 'image-size-cap': null });
    expect(sim.status(unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
  });
});
