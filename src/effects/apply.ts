/**
 * Carries out a plan, effect by effect in the order the planner gave, then sends the buffered
 * hook-tool writes. Each effect kind maps to exactly one operation (HANDLERS); a `fail` effect
 * is kept for last so everything else still happens, and then fails the hook with its line.
 */
import { rooted } from '../host/paths.js';
import type { HookTools } from '../juju/tools.js';
import { encodeUnitMemory } from '../juju/unit-memory.js';
import type { Effect, EffectKind, Plan } from '../plan.js';
import { diffBag, withoutJujuKeys } from '../base/databag.js';
import { type HostOps, hostOps } from './host-ops.js';

/** The hook tools a plan writes through. */
export type EffectTools = Pick<
  HookTools,
  | 'relationGet'
  | 'jujuLog'
  | 'relationSet'
  | 'openPort'
  | 'stateSet'
  | 'statusSet'
  | 'applicationVersionSet'
  | 'actionSet'
  | 'actionFail'
  | 'flush'
>;

export interface ApplyIO {
  tools: EffectTools;
  host?: HostOps;
}

/** The hook failed on purpose (a `fail` effect); the entry point prints the message and exits 1. */
export class HookFailed extends Error {
  override readonly name = 'HookFailed';
}

/** Base wait between retries of a plan's command (the reference retries db sync every 3 s and up). */
const COMMAND_BACKOFF_MS = 3000;

interface Io {
  tools: EffectTools;
  host: HostOps;
  failures: string[];
}
/** Host paths in a command line point under $CHARM_FS_ROOT, like every file the charm touches (design §3). */
const withRootedPaths = (argv: readonly string[], hostPaths: readonly number[] = []): string[] =>
  argv.map((arg, i) => (hostPaths.includes(i) ? rooted(arg) : arg));

type Handlers = { [K in EffectKind]: (effect: Extract<Effect, { kind: K }>, io: Io) => unknown };

const HANDLERS: Handlers = {
  progress: (e, { tools }) => tools.statusSet('maintenance', e.message),
  log: (e, { tools }) => tools.jujuLog(e.level, e.message),
  'apt-update': (_e, { host }) => host.aptUpdate(),
  'apt-install': (e, { host }) => host.aptInstall(e.packages),
  'apt-purge': (e, { host }) => host.aptPurge(e.packages),
  'write-file': (e, { host }) => host.writeFileAtomic(e.path, e.content, e.owner),
  'delete-file': (e, { host }) => host.deleteFile(e.path),
  mkdir: (e, { host }) => host.mkdirOwned(e.path, e.owner),
  command: (e, { host }) =>
    host.runCommand(withRootedPaths(e.argv, e.hostPaths), {
      input: e.input,
      env: e.env ? { ...e.env } : undefined,
      retries: e.retries,
      backoffMs: COMMAND_BACKOFF_MS,
    }),
  service: (e, { host }) => host.serviceControl(e.action, e.service),
  'relation-set': (e, { tools }) => tools.relationSet(e.relationId, e.data, { app: e.app }),
  // What Juju holds is the truth: it may differ from what the last hook sent (Juju rewrote a
  // key, or an earlier charm wrote the bag), and only a change needs this one read.
  publish: async (e, { tools }) => {
    const held = withoutJujuKeys(await tools.relationGet(e.relationId, e.unit));
    const delta = diffBag(held, e.data);
    if (Object.keys(delta).length > 0) tools.relationSet(e.relationId, delta);
  },
  'open-port': (e, { tools }) => tools.openPort(e.port),
  memory: (e, { tools }) => tools.stateSet(encodeUnitMemory(e.memory)),
  status: (e, { tools }) => tools.statusSet(e.status, e.message),
  'app-version': (e, { tools }) => tools.applicationVersionSet(e.version),
  'action-set': (e, { tools }) => tools.actionSet(e.data),
  'action-fail': (e, { tools }) => tools.actionFail(e.message),
  fail: (e, { failures }) => {
    failures.push(e.message);
  },
};

export async function apply(plan: Plan, io: ApplyIO): Promise<void> {
  const run: Io = { tools: io.tools, host: io.host ?? hostOps, failures: [] };
  for (const effect of plan.effects) {
    await (HANDLERS[effect.kind] as (e: Effect, io: Io) => unknown)(effect, run);
  }
  await run.tools.flush();
  if (run.failures.length > 0) throw new HookFailed(run.failures.join('; '));
}
