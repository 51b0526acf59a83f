// What glance remembers of what it published: a digest per relation, so unit state stays small;
// the data itself is never published with Juju's own keys, and memory an older charm wrote (whole
// bags) still loads, its digests unknown so the next hook compares with what Juju holds.
import { describe, expect, it } from 'vitest';
import { decodeUnitMemory, encodeUnitMemory, UNIT_MEMORY_KEY } from '../../../src/juju/unit-memory.js';
import { JUJU_KEYS } from '../../../src/base/databag.js';
import { bagDigest } from '../../../src/reconcile/publish.js';
import { fullDeployment, publishedBy, run, settle } from '../robustness/full-deployment.js';

/** Far below Juju's 64 KiB a value; the sim tier checks the built charm against the same figure. */
const MEMORY_BOUND = 4096;

describe('published data and unit memory', () => {
  it('a digest ignores key order and tells any change apart', () => {
    expect(bagDigest({ a: '1', b: '2' })).toBe(bagDigest({ b: '2', a: '1' }));
    expect(bagDigest({ a: '1', b: '2' })).not.toBe(bagDigest({ a: '1', b: '3' }));
    expect(bagDigest({ a: '1' })).not.toBe(bagDigest({ a: '1', b: '' }));
  });

  it("related to everything: nothing published carries Juju's keys, and memory holds digests only", () => {
    const first = fullDeployment();
    const published = publishedBy(run(first));
    expect(Object.keys(published).length).toBeGreaterThan(5);
    for (const [id, bag] of Object.entries(published)) expect(Object.keys(bag).filter((k) => JUJU_KEYS.includes(k)), id).toEqual([]);
    const { memory } = settle(settle(first));
    expect(Object.keys(memory.published ?? {}).sort()).toEqual(Object.keys(published).sort());
    for (const digest of Object.values(memory.published ?? {})) expect(digest).toMatch(/^[\w-]{16}$/);
    expect(encodeUnitMemory(memory)[UNIT_MEMORY_KEY]?.length).toBeLessThan(MEMORY_BOUND);
  });

  it("memory from a charm that kept whole bags loads, with those digests unknown", () => {
    const old = { paused: true, published: { 'shared-db:3': { database: 'glance' }, 'cluster:1': 'kept' } };
    expect(decodeUnitMemory({ [UNIT_MEMORY_KEY]: JSON.stringify(old) })).toEqual({
      paused: true,
      published: { 'shared-db:3': '', 'cluster:1': 'kept' },
    });
  });
});
