/**
 * `juju run glance/0 pause` and `resume` on the running deployment, against the real services:
 * pause really stops glance-api (every process of it) and haproxy and keeps them from starting
 * at boot; while paused no hook starts or restarts anything; resume brings Glance back serving,
 * with what changed meanwhile, and `Unit is ready`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Deployment, GLANCE_URL } from '../../deploy/deployment.js';
import type { AdminCredentials } from '../../deploy/keystone-host.js';
import { smokeTest } from '../../deploy/smoke.js';
import { answersHttp, isRunning } from '../../deploy/sysv.js';
import { glanceApiPid, glanceServing, sharedDeployment } from './fixture.js';

/** The status the reference charm shows while paused. */
const PAUSED = "Paused. Use 'resume' action to resume normal service.";
const API_CONF = '/etc/glance/glance-api.conf';

let admin: AdminCredentials;
let d: Deployment;

beforeAll(async () => {
  ({ admin, d } = await sharedDeployment({ fresh: false }));
});

// Whatever happened, the next test file finds glance serving with its default config.
afterAll(async () => {
  if (d.sim.status(d.unit).message === PAUSED) await d.sim.runAction(d.unit, 'resume');
  await d.sim.config({ debug: null });
  await glanceServing();
});

/** Every process running glance-api: the parent and its workers. */
async function glanceApiProcesses(): Promise<number[]> {
  const pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  const argvs = await Promise.all(pids.map((p) => readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '')));
  return pids.filter((_, i) => (argvs[i] ?? '').split('\0').some((arg) => arg.endsWith('/glance-api'))).map(Number);
}

/** Whether the host would start `service` at boot (systemd: enabled; SysV: a start link in runlevel 2). */
async function startsAtBoot(service: string): Promise<boolean> {
  if (existsSync('/run/systemd/system')) return (await execa('systemctl', ['is-enabled', '--quiet', service], { reject: false })).exitCode === 0;
  return (await readdir('/etc/rc2.d')).some((link) => /^S\d\d/.test(link) && link.slice(3) === service);
}

describe('pause and resume on the real services', () => {
  it('pause stops glance-api and haproxy for real, keeps them off at boot, and says so', async () => {
    expect(await glanceApiProcesses()).not.toEqual([]);
    const paused = await d.sim.runAction(d.unit, 'pause');
    expect(paused.action, paused.stderr).toMatchObject({ status: 'completed' });

    expect(await glanceApiProcesses()).toEqual([]);
    expect(await isRunning('haproxy')).toBe(false);
    expect(await answersHttp(`${GLANCE_URL}/healthcheck`)).toBe(false);
    expect(await startsAtBoot('glance-api')).toBe(false);
    expect(await startsAtBoot('haproxy')).toBe(false);
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'maintenance', message: PAUSED });
  });

  it('while paused, a config change and update-status start and restart nothing', async () => {
    for (const r of [...(await d.sim.config({ debug: true })), ...(await d.sim.updateStatus())]) expect(r.exitCode, `${r.hook}: ${r.stderr}`).toBe(0);
    expect(await glanceApiProcesses()).toEqual([]);
    expect(await isRunning('haproxy')).toBe(false);
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'maintenance', message: PAUSED });
  });

  it('resume brings Glance back serving, with the change made while paused, and Unit is ready', async () => {
    const resumed = await d.sim.runAction(d.unit, 'resume');
    expect(resumed.action, resumed.stderr).toMatchObject({ status: 'completed' });
    await glanceServing();

    expect(await glanceApiPid()).not.toBeNull();
    expect(await startsAtBoot('glance-api')).toBe(true);
    expect(await startsAtBoot('haproxy')).toBe(true);
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    expect(d.sim.readFile(d.unit, API_CONF)).toMatch(/^debug = True$/m);
    expect((await smokeTest(GLANCE_URL, admin)).bytes).toBeGreaterThan(0);
  });
});
