/** The status of a paused unit: maintenance while everything is stopped, blocked naming what still runs. */
import { describe, expect, it } from 'vitest';
import { PAUSED_MESSAGE, pickStatus, SERIES_UPGRADE_MESSAGE } from '../../../src/model/status.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const base = { seriesUpgrading: false, paused: true, interfaces: { missing: [], incomplete: [] }, problems: [], servicesDown: [] };

describe('paused status (reference _ows_check_if_paused)', () => {
  it('maintenance when paused and stopped, blocked when a service still runs (paused or series-upgrading)', () => {
    expect(pickStatus({ ...base, runningWhilePaused: [] })).toEqual({ status: 'maintenance', message: PAUSED_MESSAGE });
    const running = { status: 'blocked', message: 'Services should be paused but these services running: glance-api, haproxy' };
    expect(pickStatus({ ...base, runningWhilePaused: ['glance-api', 'haproxy'] })).toEqual(running);
    expect(pickStatus({ ...base, seriesUpgrading: true, runningWhilePaused: ['glance-api', 'haproxy'] })).toEqual(running);
    expect(pickStatus({ ...base, seriesUpgrading: true }).message).toBe(SERIES_UPGRADE_MESSAGE);
  });

  it('a paused unit restarts and starts nothing, whatever changed, and reports what still runs', () => {
    const ready = foldPlan(deployed(), reconcile(deployed(), { templates }));
    const paused = { ...ready, memory: { ...ready.memory, paused: true }, config: { debug: true } };
    const plan = reconcile(paused, { templates });
    expect(ofKind(plan, 'write-file').map((w) => w.path)).toContain('/etc/glance/glance-api.conf');
    expect(ofKind(plan, 'service')).toEqual([]);
    expect(ofKind(plan, 'status')[0]?.message).toBe('Services should be paused but these services running: glance-api, haproxy, memcached');
    const stopped = { ...paused, host: { ...paused.host, services: { 'glance-api': false, haproxy: false, memcached: false } } };
    expect(ofKind(reconcile(stopped, { templates }), 'status')).toEqual([{ kind: 'status', status: 'maintenance', message: PAUSED_MESSAGE }]);
  });
});
