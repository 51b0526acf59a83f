/**
 * Whether ceph-mon has carried out glance's broker request: a ceph-mon unit answers under
 * `broker-rsp-<unit with dashes>` (older ceph charms: one shared `broker_rsp`) with the
 * request-id it processed and an exit code. Malformed answers count as no answer: the relation
 * stays waiting, the hook never crashes on remote data.
 */
import { z } from 'zod';
import type { Databag } from '../snapshot.js';

export type BrokerState =
  | { state: 'pending' }
  | { state: 'complete' }
  /** ceph-mon answered this very request with an error: waiting will not help. */
  | { state: 'failed'; message: string };

const Response = z.object({
  'exit-code': z.number().int(),
  'request-id': z.string().optional(),
  stderr: z.string().optional(),
});
type Response = z.infer<typeof Response>;

export const responseKey = (unitName: string): string => `broker-rsp-${unitName.replaceAll('/', '-')}`;

function parse(text: string | undefined): Response | undefined {
  if (!text) return undefined;
  try {
    const r = Response.safeParse(JSON.parse(text));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const Request = z.object({ 'request-id': z.string() });

/** The request-id of a published broker request text; undefined when it is not one. */
export function requestIdOf(text: string): string | undefined {
  try {
    const r = Request.safeParse(JSON.parse(text));
    return r.success ? r.data['request-id'] : undefined;
  } catch {
    return undefined;
  }
}

/** The answer a unit's databag holds for this request, if any. */
function answer(bag: Databag, unitName: string, requestId: string): Response | undefined {
  const own = parse(bag[responseKey(unitName)]);
  if (own?.['request-id'] === requestId) return own;
  // A legacy shared answer without an id comes from a ceph-mon that cannot tell requests apart.
  const legacy = parse(bag.broker_rsp);
  if (legacy && (legacy['request-id'] === undefined || legacy['request-id'] === requestId)) return legacy;
  return undefined;
}

/** The request's state across the ceph-mon units of one relation. */
export function brokerState(units: Readonly<Record<string, Databag>>, unitName: string, requestId: string): BrokerState {
  const answers = Object.values(units).flatMap((bag) => answer(bag, unitName, requestId) ?? []);
  if (answers.some((a) => a['exit-code'] === 0)) return { state: 'complete' };
  const failed = answers[0];
  if (failed) return { state: 'failed', message: failed.stderr?.trim() || `exit code ${failed['exit-code']}` };
  return { state: 'pending' };
}
