/**
 * What the unit remembers about Ceph between hooks: the id of the broker request it sent, and
 * the pools ceph-mon confirmed (so the RBD store survives a request that only retunes them).
 * Forgotten with the relation. While the request is held back (bad config), nothing changes.
 */
import type { Decision } from '../model/decide.js';
import { poolsOf } from '../relations/ceph.js';
import type { UnitMemory } from '../snapshot.js';
import { brokerRequest } from './broker-request.js';
import { erasureProblems } from './checks.js';

/** A config problem means the request would be built from defaults or invalid EC settings: send nothing new. */
export const cephRequestHeld = (d: Decision): boolean => d.configProblems.length > 0 || erasureProblems(d.config).length > 0;

export function cephMemory(d: Decision, before: UnitMemory): Pick<UnitMemory, 'brokerRequestId' | 'cephPoolsReady'> {
  const ceph = d.readiness.ceph;
  if (ceph.state === 'absent') return { brokerRequestId: undefined, cephPoolsReady: undefined };
  const held = cephRequestHeld(d);
  return {
    brokerRequestId: held ? before.brokerRequestId : brokerRequest(d.config, d.model.appName).requestId,
    cephPoolsReady:
      ceph.state === 'ready' && ceph.context.broker.state === 'complete' ? poolsOf(ceph.context.request) : before.cephPoolsReady,
  };
}
