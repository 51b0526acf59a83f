/**
 * Keystone down while glance's identity relation is being made: the keystone charm cannot
 * register glance, so glance has no credentials and says it is waiting for identity; once
 * Keystone is back and the keystone charm answers, glance converges and serves with tokens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askAgain, GLANCE_URL, integrateWith } from '../../deploy/deployment.js';
import type { AdminCredentials } from '../../deploy/keystone-host.js';
import { servicesUp } from '../../deploy/services.js';
import { smokeTest } from '../../deploy/smoke.js';
import { isRunning, stopService } from '../../deploy/sysv.js';
import type { Sim } from '../../sim/engine.js';
import { glanceServing, say, sharedDeployment } from './fixture.js';

let admin: AdminCredentials;
let sim: Sim;
let unit: string;

beforeAll(async () => {
  const shared = await sharedDeployment({ fresh: false });
  admin = shared.admin;
  sim = shared.d.sim;
  unit = shared.d.unit;
});

// Whatever happened, Keystone runs again for whoever comes next.
afterAll(async () => {
  if (!(await isRunning('keystone'))) await servicesUp(say);
});

describe('Keystone down during the identity-service hooks', () => {
  it('glance waits for identity, naming it, and converges once Keystone is back', async () => {
    const old = sim.relations('identity-service')[0];
    if (!old) throw new Error('the shared deployment has no identity-service relation');
    await sim.removeRelation(old.id);
    expect(sim.status(unit).message).toMatch(/identity/);

    await stopService('keystone');
    const id = await integrateWith(sim, say, 'identity-service', 'keystone');
    const waiting = sim.status(unit);
    expect(waiting.hookError).toBeNull();
    expect(['waiting', 'blocked']).toContain(waiting.status);
    expect(waiting.message).toMatch(/identity/);
    expect(Object.values(sim.relation(id).remoteUnits).some((bag) => bag.service_password)).toBe(false);

    await servicesUp(say);
    await askAgain(sim, say, id);
    expect(sim.status(unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    await glanceServing();
    const smoke = await smokeTest(GLANCE_URL, admin);
    expect(smoke.bytes).toBeGreaterThan(0);
  });
});
