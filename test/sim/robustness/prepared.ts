/**
 * One full deployment for all robustness simulations: preparing it takes some sixty hooks of the
 * packed charm as a process, so it is made once per build of the charm (keyed by a hash of
 * everything that decides its outcome) under the system temp dir, by whoever gets there first:
 * the sim tier's global setup starts it as the run begins (test/sim/global-setup.ts), and a test
 * file run on its own makes it itself; the others wait for it. A lock left by a process that
 * died is taken over. Every test works on its own copy (copyModel), never on the prepared model
 * itself.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { CHARM_DIR } from '../helpers.js';
import { deployEverything, failures } from './full-deployment.js';

/** What decides the deployment: the charm as the unit holds it, and (from the repository) the simulator and the deployment's script. */
const CHARM_INPUTS = ['dist/charm.js', 'dist/glance.js', 'templates', 'files', 'config.yaml', 'metadata.yaml', 'actions.yaml'];
const REPO_INPUTS = ['sim', 'test/sim/robustness/full-deployment.ts'];
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WAIT_MS = 1_700_000;

function hashInto(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) hashInto(hash, join(path, name));
    return;
  }
  hash.update(path).update(readFileSync(path));
}

function buildKey(): string {
  const hash = createHash('sha256');
  for (const input of CHARM_INPUTS) hashInto(hash, join(CHARM_DIR, input));
  for (const input of REPO_INPUTS) hashInto(hash, join(REPO_ROOT, input));
  return hash.digest('hex').slice(0, 16);
}

const HISTORY = 'history.json';
/** In the lock dir: the pid of the process preparing the deployment. */
const OWNER = 'pid';

/** The lock's owner is gone (killed mid-preparation): nobody will finish it. */
function abandoned(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, OWNER), 'utf8'));
  } catch {
    // Just made, its pid not yet written; or gone already.
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The prepared model's directory (open it only through copyModel). */
export async function preparedDeployment(): Promise<string> {
  const dir = join(tmpdir(), `glance-robustness-${buildKey()}`);
  const ready = join(dir, 'READY');
  const lock = `${dir}.lock`;
  const started = Date.now();
  while (!existsSync(ready)) {
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      if (abandoned(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > WAIT_MS) throw new Error(`waited too long for ${dir}`);
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(lock, OWNER), String(process.pid));
      rmSync(dir, { recursive: true, force: true });
      const sim = new Sim({ charmDir: CHARM_DIR, dir });
      const results = await deployEverything(sim);
      const failed = failures(results);
      if (failed.length) throw new Error(`the full deployment failed: ${failed.join('; ')}`);
      writeFileSync(join(dir, HISTORY), JSON.stringify(results));
      writeFileSync(ready, '');
    } finally {
      if (mine) rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

/** The hooks the preparation ran, with everything they said. */
export const preparedHistory = (dir: string): HookResult[] => JSON.parse(readFileSync(join(dir, HISTORY), 'utf8')) as HookResult[];
