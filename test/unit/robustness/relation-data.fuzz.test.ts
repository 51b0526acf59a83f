// Relation-data fuzzing, seed SEED: every key glance reads from every bag of every relation of a
// unit related to everything (found by watching the handlers read, relation-keys.ts), RUNS
// values each: missing, empty, junk, unicode, line breaks and NUL, bad JSON and JSON of the
// wrong shape, injections inside JSON documents, addresses that are not addresses. Then every
// key of one relation at once, RUNS_TOGETHER times per relation. Reconcile never throws; no
// file gets a line of the remote's making or a non-PEM line in a PEM file; no path leaves its
// directory; nothing that is not an address is used as one; the next hook changes nothing more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/plan.js';
import type { Databag, Snapshot } from '../../../src/snapshot.js';
import { MARKER, relationValue, SEED } from '../../fixtures/arbitraries.js';
import { KEYSTONE_REPLY, relation } from '../../fixtures/snapshot.js';
import { commandFindings, dataFindings, filesFindings, pathFindings } from './file-checks.js';
import { after, changes, fullDeployment, publishedBy, run, SECRETS, settle } from './full-deployment.js';
import { type KeyAt, keysRead, withBags, withValue } from './relation-keys.js';

const RUNS = 15;
const RUNS_TOGETHER = 40;
const SLOW = 120_000;

/** Keys whose value is used as a host address or name (a space-separated list for ceph). */
const ADDRESS_KEY = /address$|_host$|^vip$|hostname$/;

/** keystone as an ops charm: the credentials on the application databag, `-` in the keys. */
function opsKeystone(snap: Snapshot): Snapshot {
  const dashed: Databag = Object.fromEntries(
    Object.entries({ ...KEYSTONE_REPLY, service_password: SECRETS.keystone }).map(([k, v]) => [k.replaceAll('_', '-'), v]),
  );
  return { ...snap, relations: { ...snap.relations, 'identity-service': [relation('identity-service', 2, 'keystone', { 'keystone/0': {} }, dashed)] } };
}

const BASES: Record<string, Snapshot> = {
  'full deployment': settle(fullDeployment()),
  'keystone on the app databag': settle(opsKeystone(fullDeployment())),
};

/** Every way the hook's outcome could carry a remote value where it does not belong. */
function findings(snap: Snapshot, plan: Plan, addressValue?: string): string[] {
  const next = after(snap, plan);
  const out = [
    ...filesFindings(next.host.files),
    ...dataFindings(publishedBy(plan)),
    ...pathFindings(changes(plan).flatMap((e) => ('path' in e ? [e.path] : []))),
    ...commandFindings(plan, next.host.files),
  ];
  if (addressValue?.includes(MARKER)) {
    const texts = [...Object.values(next.host.files), JSON.stringify(publishedBy(plan))];
    if (texts.some((t) => t?.includes(MARKER))) out.push(`not an address, used anyway: ${JSON.stringify(addressValue)}`);
  }
  // Whatever the remote sent, one hook settles it: the next one with the same data changes nothing
  // (a failed hook keeps nothing but its files, so Juju's retry repeats it).
  const failed = plan.effects.some((e) => e.kind === 'fail');
  const again = failed ? [] : changes(run(next));
  if (again.length) out.push(`not settled after one hook: ${again.map((e) => e.kind).join(', ')}`);
  return out;
}

for (const [label, base] of Object.entries(BASES)) {
  const keys = keysRead(base);
  const endpoints = [...new Set(keys.map((k) => k.endpoint))];

  describe(`relation-data fuzzing, ${label} (seed ${SEED})`, () => {
    it('watches every related endpoint that has remote data', () => {
      const withData = Object.entries(base.relations)
        .filter(([, rels]) => rels.some((r) => Object.values(r.units).some((b) => Object.keys(b).length) || Object.keys(r.appData).length))
        .map(([e]) => e);
      expect(endpoints.sort()).toEqual(withData.sort());
    });

    it.each(keys.map((k): [string, KeyAt] => [`${k.relationId} ${k.unit ?? '(app)'} ${k.key}`, k]))(
      `%s: ${RUNS} values`,
      (_, at) => {
        fc.assert(
          fc.property(relationValue(currentValue(base, at)), (value) => {
            const snap = withValue(base, at, value);
            const plan = run(snap);
            expect(findings(snap, plan, ADDRESS_KEY.test(at.key) ? value : undefined)).toEqual([]);
          }),
          { seed: SEED, numRuns: RUNS },
        );
      },
      SLOW,
    );

    it.each(endpoints)(`%s: every key at once, ${RUNS_TOGETHER} times`, (endpoint) => {
      const mine = keys.filter((k) => k.endpoint === endpoint);
      const values = fc.tuple(...mine.map((k) => relationValue(currentValue(base, k))));
      fc.assert(
        fc.property(values, (vs) => {
          const snap = mine.reduce((s, k, i) => withValue(s, k, vs[i]), base);
          expect(findings(snap, run(snap))).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS_TOGETHER },
      );
    }, SLOW);
  });
}

function currentValue(snap: Snapshot, at: KeyAt): string | undefined {
  let found: string | undefined;
  withBags(snap, (where, bag) => {
    if (where.relationId === at.relationId && where.unit === at.unit) found = bag[at.key];
    return bag;
  });
  return found;
}
