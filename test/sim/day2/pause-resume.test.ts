/**
 * Day-2 operations on one local-storage unit, through the built charm: `pause` and `resume`
 * (every managed service stopped, disabled and masked; no hook restarts anything while paused;
 * a service that will not stop, one that will not start), the series upgrade sequence, and
 * `security-checklist` passing on a keystone reached over TLS and failing with a named reason.
 */
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deployLocalStorage, keystoneReply, serviceActions } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const MANAGED = ['glance-api', 'haproxy', 'memcached'];
const PAUSED = "Paused. Use 'resume' action to resume normal service.";
const SLOW = 600_000;

describe('pause, resume, series upgrade and security-checklist', () => {
  const sim = newInProcessSim();
  afterAll(() => sim.dispose());
  const services = () => sim.unit('glance/0').host.services;

  it('pause stops, disables and masks every managed service and says so', async () => {
    await deployLocalStorage(sim);
    const r = await sim.runAction('glance/0', 'pause');
    expect(r.action).toMatchObject({ status: 'completed' });
    for (const s of MANAGED) expect(services()[s]).toEqual({ running: false, enabled: false, masked: true });
    expect(sim.status('glance/0')).toMatchObject({ status: 'maintenance', message: PAUSED });
  }, SLOW);

  it('while paused no hook restarts or starts anything; a config change is written and waits', async () => {
    const changed = await sim.config({ debug: true });
    const db = sim.relations('shared-db')[0]?.id ?? 0;
    const others = [
      await sim.runHook('glance/0', 'update-status'),
      await sim.runHook('glance/0', 'shared-db-relation-changed', { relationId: db, remoteUnit: 'mysql/0' }),
    ];
    const results = [...changed, ...others];
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
    expect(serviceActions(results)).toEqual([]);
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toMatch(/^debug = True$/m);
    for (const s of MANAGED) expect(services()[s]?.running).toBe(false);
    expect(sim.status('glance/0').message).toBe(PAUSED);
  }, SLOW);

  it('resume unmasks, enables and starts them: Unit is ready', async () => {
    const r = await sim.runAction('glance/0', 'resume');
    expect(r.action).toMatchObject({ status: 'completed' });
    for (const s of MANAGED) expect(services()[s]).toEqual({ running: true, enabled: true, masked: false });
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
    expect(serviceActions([await sim.runHook('glance/0', 'update-status')])).toEqual([]);
  }, SLOW);

  it('a service that will not stop: the action fails naming it, the unit stays paused and says what still runs', async () => {
    sim.failCommand('glance/0', { command: 'systemctl', match: '^systemctl stop glance-api$', stderr: 'Job for glance-api.service canceled.\n' });
    const r = await sim.runAction('glance/0', 'pause');
    expect(r.action).toMatchObject({
      status: 'failed',
      message: "Couldn't pause: systemctl stop failed (exit 1): Job for glance-api.service canceled.; services still running: glance-api",
    });
    expect(services().haproxy).toEqual({ running: false, enabled: false, masked: true });
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message: 'Services should be paused but these services running: glance-api' });
    const resumed = await sim.runAction('glance/0', 'resume');
    expect(resumed.action?.status).toBe('completed');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);

  it('a service that will not start again: resume fails naming it, and the next hook starts it', async () => {
    await sim.runAction('glance/0', 'pause');
    sim.failCommand('glance/0', { command: 'systemctl', match: '^systemctl start memcached$', stderr: 'Job for memcached.service failed.\n' });
    const r = await sim.runAction('glance/0', 'resume');
    expect(r.action?.status).toBe('failed');
    expect(r.action?.message).toMatch(/^Couldn't resume: systemctl start failed \(exit 1\): Job for memcached.service failed\./);
    expect(serviceActions([await sim.runHook('glance/0', 'update-status')])).toContain('start memcached');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);

  it('series upgrade: prepare pauses and asks for the OS upgrade; complete brings everything back', async () => {
    const pre = await sim.runHook('glance/0', 'pre-series-upgrade');
    expect(pre.exitCode).toBe(0);
    for (const s of MANAGED) expect(services()[s]).toEqual({ running: false, enabled: false, masked: true });
    expect(sim.status('glance/0')).toMatchObject({
      status: 'blocked',
      message: 'Ready for do-release-upgrade and reboot. Set complete when finished.',
    });
    const post = await sim.runHook('glance/0', 'post-series-upgrade');
    expect(post.exitCode).toBe(0);
    for (const s of MANAGED) expect(services()[s]).toEqual({ running: true, enabled: true, masked: false });
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
    expect(serviceActions([await sim.runHook('glance/0', 'update-status')])).toEqual([]);
  }, SLOW);

  it('security-checklist: keystone over plain http fails the TLS check by name', async () => {
    const r = await sim.runAction('glance/0', 'security-checklist');
    expect(r.action).toMatchObject({ status: 'failed', message: 'One or more tests failed' });
    expect(r.action?.results).toMatchObject({
      'validate-file-ownership': 'PASS',
      'validate-file-permissions': 'PASS',
      'validate-glance-uses-keystone': 'PASS',
      'validate-glance-uses-tls-for-keystone': expect.stringMatching(/^FAIL - glance-api.conf \[keystone_authtoken\] www_authenticate_uri is not https/),
    });
  }, SLOW);

  it('security-checklist passes with keystone over TLS, and fails naming the mode of /etc/glance', async () => {
    const ks = sim.relations('identity-service')[0]?.id ?? 0;
    await sim.setRemoteData(ks, { units: { 'keystone/0': { ...keystoneReply(), service_protocol: 'https', auth_protocol: 'https' } } });
    const pass = await sim.runAction('glance/0', 'security-checklist');
    expect(pass.action).toMatchObject({
      status: 'completed',
      results: {
        'validate-file-ownership': 'PASS',
        'validate-file-permissions': 'PASS',
        'validate-glance-uses-keystone': 'PASS',
        'validate-glance-uses-tls-for-keystone': 'PASS',
      },
    });
    chmodSync(join(sim.unit('glance/0').fsRoot, 'etc/glance'), 0o755);
    const fail = await sim.runAction('glance/0', 'security-checklist');
    expect(fail.action).toMatchObject({ status: 'failed', message: 'One or more tests failed' });
    expect(fail.action?.results).toMatchObject({
      'validate-file-permissions': 'FAIL - /etc/glance has mode 755, should be 750 or stricter (no access for others, no writing for the group)',
      'validate-file-ownership': 'PASS',
    });
  }, SLOW);
});
