/**
 * The remote side of ceph (interface ceph-client), acting on the real single-node Ceph as the
 * ceph-mon charm does: it carries out each unit's `broker_req` on the cluster (replicated
 * create-pool ops: the pool with the requested replica count, placement groups from the
 * request's weight, tagged for the requested application), creates or gets the key
 * `client.<application-name>` with the caps ceph-mon grants a client that asked for no pool
 * restriction, and answers `auth`, `key`, `ceph-public-address` and, per unit,
 * `broker-rsp-<unit>` with the request-id and the exit code. An op it cannot carry out is
 * answered with exit code 1 and the reason, as ceph-mon's broker does.
 */
import { z } from 'zod';
import type { RemoteBehaviour } from '../../sim/remote.js';
import { responseKey } from '../../src/ceph/broker-response.js';
import type { Databag } from '../../src/snapshot.js';
import { CEPH_MON_HOST, type CephAdmin } from '../ceph.js';
import { onEveryUnit } from './every-unit.js';

/** charms.ceph's default caps for a client key (`get_named_key` without a pool list). */
const CLIENT_CAPS = ['mon', 'allow r; allow command "osd blacklist"; allow command "osd blocklist"', 'osd', 'allow rwx'] as const;

const CreatePool = z.object({
  op: z.literal('create-pool'),
  name: z.string().min(1),
  replicas: z.number().int().min(1),
  weight: z.number().nullable(),
  'app-name': z.string().nullable(),
  'pool-type': z.string().optional(),
});
type CreatePool = z.infer<typeof CreatePool>;

const Request = z.object({ 'request-id': z.string().min(1), ops: z.array(z.object({ op: z.string() }).passthrough()) });

const Unit = z.object({ broker_req: z.string().min(1), 'application-name': z.string().min(1) });

/** charms.ceph's default share (percent) of the cluster's data for a pool whose weight is unset. */
const DEFAULT_WEIGHT = 10;
/** charms.ceph's target of placement groups per OSD. */
const PGS_PER_OSD = 100;

/**
 * Placement groups for a pool holding `weight` percent of the data, as charms.ceph computes them:
 * the OSDs' share over the replicas, at least 2, at the nearest power of two unless that is more
 * than 25% below.
 */
function placementGroups(osds: number, replicas: number, weight: number | null): number {
  const pgs = Math.max(2, Math.floor((PGS_PER_OSD * osds * (weight ?? DEFAULT_WEIGHT)) / 100 / replicas));
  const nearest = 2 ** Math.floor(Math.log2(pgs));
  return pgs - nearest > pgs * 0.25 ? nearest * 2 : nearest;
}

type Outcome = { 'exit-code': 0 } | { 'exit-code': 1; stderr: string };

async function createPool(ceph: CephAdmin, op: CreatePool): Promise<Outcome> {
  if ((op['pool-type'] ?? 'replicated') !== 'replicated') return { 'exit-code': 1, stderr: `pool type ${op['pool-type']} is not supported by this cluster` };
  // A pool without an app-name is tagged `unknown`, as charms.ceph's pools are.
  const osds = (await ceph.ceph(['osd', 'ls'])).split('\n').filter(Boolean).length;
  await ceph.ensureReplicatedPool(op.name, op.replicas, placementGroups(osds, op.replicas, op.weight), op['app-name'] ?? 'unknown');
  return { 'exit-code': 0 };
}

/** Carry out the ops in order; the first one that fails ends the request. */
async function carryOut(ceph: CephAdmin, ops: readonly { op: string }[]): Promise<Outcome> {
  for (const raw of ops) {
    const op = CreatePool.safeParse(raw);
    const outcome = op.success ? await createPool(ceph, op.data) : { 'exit-code': 1 as const, stderr: `Unknown operation "${raw.op}"` };
    if (outcome['exit-code'] !== 0) return outcome;
  }
  return { 'exit-code': 0 };
}

/** The simulated ceph-mon application: the same answer from each of its units. */
export function cephMon(ceph: CephAdmin): RemoteBehaviour {
  // ceph-mon keeps the responses it sent; a request it already carried out is not run again.
  const done = new Map<string, Outcome>();
  return {
    onChange: async (view) => {
      const reply: Databag = {};
      for (const [unit, bag] of Object.entries(view.units)) {
        const asked = Unit.safeParse(bag);
        if (!asked.success) continue;
        const request = Request.parse(JSON.parse(asked.data.broker_req));
        const id = request['request-id'];
        const outcome = done.get(id) ?? (await carryOut(ceph, request.ops));
        done.set(id, outcome);
        reply.auth = 'cephx';
        reply.key = await ceph.key(`client.${asked.data['application-name']}`, CLIENT_CAPS);
        reply['ceph-public-address'] = CEPH_MON_HOST;
        reply[responseKey(unit)] = JSON.stringify({ ...outcome, 'request-id': id });
      }
      return onEveryUnit(view, Object.keys(reply).length ? reply : undefined);
    },
  };
}
