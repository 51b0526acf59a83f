/**
 * One hook or action, start to end: hook context → route → read → decide → apply. A known bad
 * situation is a status (decided in the pure core); anything that escapes here is a real failure:
 * one line on stderr and in juju-log, exit 1, so Juju shows the error and retries. main.ts runs
 * one event per process; the simulator's in-process runner runs many in one.
 *
 * This is the one module that calls decide() (a test holds it): once per snapshot read, and the
 * Decision goes to the step, the action and the reconcile, which never decide again. A snapshot is
 * read again only after effects changed the host or unit memory (a step's packages, an action's
 * stopped services), and that snapshot gets its own decision.
 */
import { writeFileSync } from 'node:fs';
import { type ActionContext, type Reading, runAction } from './actions/index.js';
import { CEPH_PACKAGE } from './ceph/paths.js';
import { apply } from './effects/apply.js';
import { forgetAccounts } from './host/accounts.js';
import { readHostFacts } from './host/inspect.js';
import { serviceStates } from './host/service-states.js';
import { serviceRunning } from './host/services.js';
import { hookContextFromEnv } from './juju/context.js';
import { readSnapshot } from './juju/read-snapshot.js';
import { writeToolStats } from './juju/tool-stats.js';
import { HookTools } from './juju/tools.js';
import { managedPaths } from './managed-paths.js';
import { decide } from './model/decide.js';
import { reconcile } from './reconcile/index.js';
import { loadCharmTemplates } from './render/load.js';
import { routeFor } from './routes.js';
import type { HookContext, Snapshot } from './snapshot.js';
import { PURGE_CANDIDATES } from './steps/packages.js';

async function readHost(paths: readonly string[]) {
  const host = await readHostFacts(paths, [CEPH_PACKAGE, ...PURGE_CANDIDATES]);
  return { ...host, services: await serviceStates(host.glanceCommonVersion !== null) };
}

async function snapshot(hook: HookContext, tools: HookTools): Promise<Snapshot> {
  const snap = await readSnapshot(hook, { tools, readHost, managedPaths: managedPaths(hook.appName) });
  // For `npm run plan -- <file>`: replay this hook's decision without a host.
  if (process.env.CHARM_RECORD_SNAPSHOT) writeFileSync(process.env.CHARM_RECORD_SNAPSHOT, JSON.stringify(snap, null, 2), { mode: 0o600 });
  return snap;
}

async function runHook(hook: HookContext, tools: HookTools): Promise<void> {
  const route = routeFor(hook.name);
  if (route.kind === 'ignore') {
    await tools.jujuLog('INFO', `ignored event ${hook.name}: nothing to do for it`);
    return;
  }
  if (route.kind === 'step') {
    const snap = await snapshot(hook, tools);
    await apply({ effects: route.step(decide(snap), snap) }, { tools });
    return;
  }
  // The read phase starts its hook tools first; the template files are read while they answer.
  const reading = snapshot(hook, tools);
  const [read, templates] = await Promise.all([reading, loadCharmTemplates(hook.charmDir)]);
  let snap = read;
  let d = decide(snap);
  const stepEffects = route.step?.(d, snap) ?? [];
  if (stepEffects.length) {
    await apply({ effects: stepEffects }, { tools });
    // The step changed the host (packages, files) and maybe unit memory: the reconcile starts from
    // both, and from their decision (the release comes from the packages now installed).
    const memory = stepEffects.filter((e) => e.kind === 'memory').at(-1);
    snap = {
      ...snap,
      memory: memory?.kind === 'memory' ? memory.memory : snap.memory,
      host: await readHost([...managedPaths(hook.appName), ...(snap.memory.certPaths ?? [])]),
    };
    d = decide(snap);
  }
  await apply(reconcile(d, snap, { templates, statusDirty: stepEffects.length > 0 }), { tools });
}

function actionContext(hook: HookContext, tools: HookTools): ActionContext {
  return {
    hook,
    tools,
    read: async (adjust = (snap) => snap) => {
      const snap = adjust(await snapshot(hook, tools));
      return { snap, d: decide(snap) } satisfies Reading;
    },
    apply: (plan) => apply(plan, { tools }),
    reconcile: async ({ d, snap }, statusDirty) =>
      apply(reconcile(d, snap, { templates: await loadCharmTemplates(hook.charmDir), statusDirty }), { tools }),
    serviceRunning,
  };
}

/** Runs the event `env` describes; the exit status for Juju. */
export async function runEvent(env: NodeJS.ProcessEnv, cwd: string, stderr: (text: string) => void): Promise<number> {
  const hook = hookContextFromEnv(env, cwd);
  const tools = new HookTools();
  forgetAccounts();
  try {
    if (hook.kind === 'action') await runAction(actionContext(hook, tools));
    else await runHook(hook, tools);
    return 0;
  } catch (err) {
    const line = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error';
    stderr(`${hook.name}: ${line}\n`);
    await tools.jujuLog('ERROR', `${hook.name}: ${line}`).catch(() => undefined);
    if (hook.kind === 'action') {
      await tools.actionFail(line).catch(() => undefined);
      return 0;
    }
    return 1;
  } finally {
    writeToolStats(hook.name, tools);
  }
}
