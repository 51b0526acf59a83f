/**
 * What every real-service test file starts from: the packages, MariaDB/memcached/Keystone, and
 * helpers to look at Glance as an operator would (its PID, its log, its API through haproxy).
 * The files share one model on disk: images.test.ts always deploys it afresh, the others take it
 * as the previous file left it (or deploy it, when they run first) and set it back to the default
 * config. Every glance file on the host comes from the charm.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type Deployment, deployGlance, GLANCE_URL } from '../../deploy/deployment.js';
import { GlanceClient } from '../../deploy/glance-client.js';
import { type AdminCredentials, adminToken } from '../../deploy/keystone-host.js';
import { ensurePackages, osCodename, realTierPackages } from '../../deploy/packages.js';
import type { Say } from '../../deploy/progress.js';
import { servicesUp } from '../../deploy/services.js';
import { STATE_DIR } from '../../deploy/state.js';
import { waitFor } from '../../deploy/sysv.js';
import type { Sim } from '../../sim/engine.js';

export const say: Say = (line) => console.log(line);

export async function realServices(): Promise<AdminCredentials> {
  await ensurePackages(realTierPackages(await osCodename()), say);
  return servicesUp(say);
}

const TEST_MODEL = join(STATE_DIR, 'test-model');

/** Packages, services, and the shared test deployment (wiped first when `fresh`), serving. */
export async function sharedDeployment(o: { fresh: boolean }): Promise<{ admin: AdminCredentials; d: Deployment }> {
  const admin = await realServices();
  if (o.fresh) await rm(TEST_MODEL, { recursive: true, force: true });
  const d = await deployGlance({ dir: TEST_MODEL, admin, say });
  await glanceServing();
  return { admin, d };
}

/** `juju config`: every hook it causes succeeds, then haproxy routes to a healthy glance-api again. */
export async function jujuConfig(sim: Sim, values: Parameters<Sim['config']>[0]): Promise<void> {
  for (const r of await sim.config(values)) expect(r.exitCode, `${r.hook}: ${r.stderr}`).toBe(0);
  await glanceServing();
}

/** A client holding a fresh admin token, talking to haproxy's frontend. */
export async function glanceAsAdmin(admin: AdminCredentials): Promise<GlanceClient> {
  return new GlanceClient(GLANCE_URL, await adminToken(admin));
}

/**
 * glance-api answers through haproxy, steadily. Right after a restart the old workers may still
 * hold the listening socket for a moment: one good health check can be followed by a request
 * that an exiting worker accepts and drops ("other side closed"), so we ask for several good
 * answers in a row before the test goes on.
 */
export async function glanceServing(timeoutMs = 60_000, inARow = 4): Promise<void> {
  let good = 0;
  await waitFor(
    `Glance steadily healthy at ${GLANCE_URL}`,
    async () => {
      const healthy = await healthcheck();
      good = healthy ? good + 1 : 0;
      return good >= inARow;
    },
    timeoutMs,
  );
}

async function healthcheck(): Promise<boolean> {
  try {
    const r = await fetch(`${GLANCE_URL}/healthcheck`, { signal: AbortSignal.timeout(2_000) });
    await r.body?.cancel();
    return r.status === 200;
  } catch {
    return false;
  }
}

const PIDFILE = '/var/run/glance/glance-api.pid';
/** The SysV init script passes --log-file, which wins over the config's log_file. */
export const GLANCE_LOG = '/var/log/glance/glance-api.log';

/** The PID of glance-api's parent process, as its init script recorded it; null when not running. */
export async function glanceApiPid(): Promise<number | null> {
  const text = await readFile(PIDFILE, 'utf8').catch(() => null);
  if (!text) return null;
  const pid = Number(text.trim());
  return stat(`/proc/${pid}`).then(
    () => pid,
    () => null,
  );
}

/** A mark in the glance-api log; `since(mark)` is what was logged after it. */
export async function logMark(): Promise<number> {
  return (await stat(GLANCE_LOG).catch(() => ({ size: 0 }))).size;
}

export async function loggedSince(mark: number): Promise<string> {
  const all = await readFile(GLANCE_LOG);
  return all.subarray(Math.min(mark, all.length)).toString('utf8');
}
