/**
 * The hook context, parsed from the environment Juju gives every hook and action
 * (reference/juju-runtime.md §1.3). JUJU_DISPATCH_PATH says what happened: `hooks/<name>` or
 * `actions/<name>`; older agents run hooks/<name> directly, and our hooks/ scripts set it.
 */
import { z } from 'zod';
import { HookContext } from '../snapshot.js';

const Env = z.object({
  JUJU_DISPATCH_PATH: z.string().min(1),
  JUJU_UNIT_NAME: z.string().regex(/^[a-z][a-z0-9-]*\/\d+$/),
  JUJU_RELATION: z.string().optional(),
  JUJU_RELATION_ID: z.string().optional(),
  JUJU_REMOTE_UNIT: z.string().optional(),
  JUJU_REMOTE_APP: z.string().optional(),
  JUJU_DEPARTING_UNIT: z.string().optional(),
  JUJU_CHARM_DIR: z.string().optional(),
  JUJU_CHARM_HTTP_PROXY: z.string().optional(),
  JUJU_CHARM_HTTPS_PROXY: z.string().optional(),
  JUJU_CHARM_NO_PROXY: z.string().optional(),
});

/**
 * The model's proxy for what the charm downloads itself, as that download's environment gets it.
 * Never exported to the whole hook: apt-get uses the proxy Juju writes into apt's own settings.
 */
function charmProxy(e: z.infer<typeof Env>): Record<string, string> | undefined {
  const pairs: [string, string | undefined][] = [
    ['http_proxy', e.JUJU_CHARM_HTTP_PROXY],
    ['https_proxy', e.JUJU_CHARM_HTTPS_PROXY],
    ['no_proxy', e.JUJU_CHARM_NO_PROXY],
  ];
  const set = pairs.filter((p): p is [string, string] => Boolean(p[1]));
  return set.length > 0 ? Object.fromEntries(set) : undefined;
}

const nonEmpty = (s: string | undefined): string | undefined => (s ? s : undefined);

export function hookContextFromEnv(env: NodeJS.ProcessEnv, cwd: string): HookContext {
  const e = Env.parse(env);
  const [location, ...rest] = e.JUJU_DISPATCH_PATH.split('/');
  const name = rest.join('/') || location || '';
  const unitName = e.JUJU_UNIT_NAME;
  return HookContext.parse({
    kind: location === 'actions' ? 'action' : 'hook',
    name,
    unitName,
    appName: unitName.split('/')[0],
    relationName: nonEmpty(e.JUJU_RELATION),
    relationId: nonEmpty(e.JUJU_RELATION_ID),
    remoteUnit: nonEmpty(e.JUJU_REMOTE_UNIT),
    remoteApp: nonEmpty(e.JUJU_REMOTE_APP),
    departingUnit: nonEmpty(e.JUJU_DEPARTING_UNIT),
    charmDir: e.JUJU_CHARM_DIR ?? cwd,
    charmProxy: charmProxy(e),
  });
}

/** `shared-db-relation-broken` → { endpoint: 'shared-db', event: 'broken' } */
export function relationEvent(hookName: string): { endpoint: string; event: string } | undefined {
  const m = /^(.+)-relation-(created|joined|changed|departed|broken)$/.exec(hookName);
  return m ? { endpoint: m[1] as string, event: m[2] as string } : undefined;
}
