/**
 * Service actions: restart each service whose files changed in meaning, once, in restart-map order; start
 * what should run but does not (a crashed or never-started service converges); nothing at all
 * while paused. glance-api (and the registry) start only once their database and keystone
 * settings exist: until then they stay stopped as install left them.
 */
import type { Decision } from '../model/decide.js';
import { expectedServices } from '../model/services.js';
import type { Effect } from '../plan.js';
import type { RenderedFile } from '../base/host-file.js';
import { planRestarts } from '../render/restarts.js';
import type { Snapshot } from '../snapshot.js';

export interface ServicePlan {
  effects: Effect[];
  expected: string[];
}

/** `extraRestarts`: services to restart although none of their files changed (Apache after a2ensite). */
export function planServices(d: Decision, snap: Snapshot, rendered: RenderedFile[], extraRestarts: readonly string[] = []): ServicePlan {
  const paused = Boolean(snap.memory.paused || snap.memory.seriesUpgrading);
  const expected = expectedServices(d);
  if (paused) return { effects: [], expected };
  // Under hacluster, pacemaker only watches haproxy: a changed haproxy.cfg still needs the restart.
  const restartable = d.readiness.ha.state === 'absent' ? expected : [...expected, 'haproxy'];
  const restarts = [...new Set([...planRestarts(rendered, snap.host.files, false), ...extraRestarts])].filter((s) =>
    restartable.includes(s),
  );
  const starts = expected.filter((s) => snap.host.services[s] === false && !restarts.includes(s));
  return {
    effects: [
      ...restarts.map((service): Effect => ({ kind: 'service', action: 'restart', service })),
      ...starts.map((service): Effect => ({ kind: 'service', action: 'start', service })),
    ],
    expected,
  };
}
