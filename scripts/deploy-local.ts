/**
 * npm run deploy:local [-- --down | --packages-only]
 *
 * Deploys the built charm on this machine (root, Debian/Ubuntu, with or without systemd):
 * packages, MariaDB/memcached/Keystone, then `juju deploy glance` with openstack-origin=distro
 * and its relations to mysql, keystone and nova-cloud-controller through the simulated Juju in
 * real mode; prints a status table, the endpoint and a smoke test. The model and generated
 * passwords live in /var/lib/glance-charm-local/, so a second run is quick and changes nothing
 * that is already right. `--down` stops every service this started (the charm's included).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CHARM_DIR, deployGlance, GLANCE_URL } from '../deploy/deployment.js';
import { unpackUnitCharm } from '../sim/unit-charm.js';
import { ensurePackages, osCodename, realTierPackages } from '../deploy/packages.js';
import { stdoutSay as say, step } from '../deploy/progress.js';
import { servicesDown, servicesUp } from '../deploy/services.js';
import { smokeTest } from '../deploy/smoke.js';
import { STATE_DIR } from '../deploy/state.js';
import { statusTable } from '../deploy/status-table.js';

const MODEL_DIR = join(STATE_DIR, 'model');

async function checkHost(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('run as root: it installs packages and starts services');
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  if (!/^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease)) throw new Error('this needs Debian or Ubuntu (apt, dpkg, SysV or systemd services)');
}

async function up(): Promise<boolean> {
  await ensurePackages(realTierPackages(await osCodename()), say);
  const admin = await step(say, 'services: MariaDB, memcached, Keystone', () => servicesUp(say));
  const { sim, unit, remotes } = await deployGlance({ dir: MODEL_DIR, admin, say });

  say('');
  say(statusTable(sim.state));
  say('');
  say(`nova-cloud-controller sees glance at: ${Object.values(remotes.imageService.servers).join(', ') || '(nothing yet)'}`);
  say(`Endpoint: ${GLANCE_URL} (haproxy → glance-api :9282); Keystone: ${admin.url}, user admin, password in ${STATE_DIR}/state.json`);

  const status = sim.status(unit);
  if (status.status !== 'active' || status.hookError) {
    say(`glance is not active (${status.hookError ? `hook ${status.hookError} failed` : `${status.status}: ${status.message}`}); no smoke test`);
    return false;
  }
  const smoke = await step(say, 'smoke test: token, upload through haproxy, download, compare', () => smokeTest(GLANCE_URL, admin));
  say(`    ${smoke.bytes} bytes up in ${smoke.uploadMs} ms, down in ${smoke.downloadMs} ms, identical (image ${smoke.imageId}, deleted)`);
  return true;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { down: { type: 'boolean' }, 'packages-only': { type: 'boolean' } } });
  await checkHost();
  if (values.down) {
    const stopped = await servicesDown(say);
    say(stopped.length ? `stopped: ${stopped.join(', ')}` : 'nothing of ours was running');
    return 0;
  }
  if (values['packages-only']) {
    await ensurePackages(realTierPackages(await osCodename()), say);
    return 0;
  }
  await unpackUnitCharm();
  say(`charm: ${CHARM_DIR}, model: ${MODEL_DIR}`);
  return (await up()) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    say(`deploy:local failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
