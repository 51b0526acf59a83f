/**
 * Issue acceptance on a bare unit (no install yet), with only the simulator's hook tools and
 * fake commands on PATH: the built charm answers every event with exit 0 and an honest status.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { newSim } from '../helpers.js';

describe('the built charm on a bare unit', () => {
  const sim = newSim({ checkConfigTypes: false });
  afterAll(() => sim.dispose());
  const unit = sim.createUnit().name;
  sim.save();

  it('update-status through ./dispatch: blocked on the missing relations, exit 0, nothing written', async () => {
    const r = await sim.runHook(unit, 'update-status');
    expect(r.exitCode).toBe(0);
    expect(sim.status(unit)).toMatchObject({ status: 'blocked', message: 'Missing relations: database, identity' });
    expect(sim.readFile(unit, '/etc/glance/glance-api.conf')).toBeNull();
  });

  it('an unknown hook exits 0 and logs that it was ignored', async () => {
    const r = await sim.runHook(unit, 'collect-metrics');
    expect(r.exitCode).toBe(0);
    expect(sim.logLines(unit).some((l) => l.includes('ignored') && l.includes('collect-metrics'))).toBe(true);
  });

  it.each([
    [{ 'worker-multiplier': 'lots' }, 'worker-multiplier'],
    [{ 'ceph-osd-replication-count': -1 }, 'ceph-osd-replication-count'],
    [{ debug: 'yes please' }, 'debug'],
  ])('a config value of the wrong type or out of range (%o) blocks naming the option, exit 0', async (values, option) => {
    const [r] = await sim.config(values);
    expect(r?.exitCode).toBe(0);
    expect(sim.status(unit)).toMatchObject({ status: 'blocked', message: expect.stringContaining(option) });
    await sim.config(Object.fromEntries(Object.keys(values).map((k) => [k, null])));
  });
});
