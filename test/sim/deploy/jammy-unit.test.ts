/**
 * A unit as Juju gives it on Ubuntu 22.04 (the base of every yoga…caracal cloud): no node on
 * PATH, and the archive's nodejs is 12.22.9. The packed charm runs on the Node.js it carries,
 * through the whole deployment with every relation; without that binary it says so in one line.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JAMMY_VERSIONS, UNIT_BASES } from '../../../sim/defaults.js';
import { Sim } from '../../../sim/engine.js';
import { DEPLOY_MS, deployEverything, failures, UNIT } from '../robustness/full-deployment.js';
import { CHARM_DIR } from '../helpers.js';

const JAMMY = UNIT_BASES['ubuntu@22.04'];

describe('a jammy unit with no node', () => {
  const sim = new Sim({ charmDir: CHARM_DIR, ...JAMMY });
  afterAll(() => sim.dispose());

  it('reaches Unit is ready with every relation, every hook exiting 0', async () => {
    const results = await deployEverything(sim);
    expect(failures(results)).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
    expect(sim.status(UNIT)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    // Glance came from the cloud archive, and nothing installed a nodejs.
    expect(sim.readFile(UNIT, '/etc/glance/glance-api.conf')).toContain('[glance_store]');
    expect(sim.unit(UNIT).host.packages['glance-common']).toBe(JAMMY_VERSIONS['glance-common']);
    expect(sim.unit(UNIT).host.packages.nodejs).toBeUndefined();
    expect(sim.commands('apt-get').filter((c) => c.argv.includes('nodejs'))).toEqual([]);
  }, DEPLOY_MS);
});

describe('a jammy unit whose charm lacks its runtime', () => {
  // The unit's charm dir without runtime/: as if packed for another architecture's files.
  const charmDir = join(mkdtempSync(join(tmpdir(), 'glance-no-runtime-')), 'charm');
  cpSync(CHARM_DIR, charmDir, { recursive: true, filter: (path) => !path.startsWith(join(CHARM_DIR, 'runtime')) });
  const sim = new Sim({ charmDir, ...JAMMY });
  afterAll(() => {
    sim.dispose();
    rmSync(join(charmDir, '..'), { recursive: true, force: true });
  });
  const unit = sim.createUnit().name;
  sim.save();

  it('fails the hook with one line when there is no node at all', async () => {
    const r = await sim.runHook(unit, 'install');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^glance charm: no Node\.js to run it: .*runtime\/bin\/node is missing and there is no node on PATH/)]);
  });

  it("refuses the archive's nodejs 12 with one line naming its version", async () => {
    // What `apt-get install nodejs` leaves on a jammy unit.
    sim.unit(unit).host.packages.nodejs = JAMMY_VERSIONS.nodejs ?? '';
    sim.save();
    const r = await sim.runHook(unit, 'install');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^glance charm: needs Node\.js \d+ or newer, but .* is v12\.22\.9 and the charm's own runtime\/bin\/node is missing$/),
    ]);
  });
});
