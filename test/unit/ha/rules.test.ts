/**
 * The operator README's HA rules, for every combination of vip / dns-ha / an os-*-hostname /
 * hacluster related, through the whole pure core: what the operator sees (status), what hacluster
 * gets, and whether the hooks that would send it fail with the rule's message.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HA_RULE_MESSAGES } from '../../../src/ha/rules.js';
import type { Plan } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { HA_RELATION_ID, haSnapshot } from './ha-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const run = (s: Snapshot): Plan => reconcile(s, { templates });
const sha7 = (text: string): string => createHash('sha1').update(text).digest('hex').slice(0, 7);

const HOSTNAMES = [undefined, 'os-admin-hostname', 'os-internal-hostname', 'os-public-hostname'] as const;
const SENDING_HOOKS = ['ha-relation-joined', 'ha-relation-changed', 'config-changed'];

interface Case {
  vip: boolean;
  dnsHa: boolean;
  hostname: (typeof HOSTNAMES)[number];
  related: boolean;
}

const cases: Case[] = [false, true].flatMap((vip) =>
  [false, true].flatMap((dnsHa) => HOSTNAMES.flatMap((hostname) => [false, true].map((related) => ({ vip, dnsHa, hostname, related })))),
);

/** The README, read literally: the charm "throws" in exactly these three situations. */
function readmeRule(c: Case): string | undefined {
  if (!c.related) return undefined;
  if (!c.vip && !c.dnsHa) return HA_RULE_MESSAGES.neither;
  if (c.vip && c.dnsHa) return HA_RULE_MESSAGES.both;
  if (c.dnsHa && !c.hostname) return HA_RULE_MESSAGES.dnsWithoutHostname;
  return undefined;
}

const config = (c: Case): Record<string, unknown> => ({
  ...(c.vip ? { vip: '10.0.0.100' } : {}),
  ...(c.dnsHa ? { 'dns-ha': true } : {}),
  ...(c.hostname ? { [c.hostname]: 'glance.example.com' } : {}),
});

const label = (c: Case) =>
  `vip ${c.vip ? 'set' : 'unset'}, dns-ha ${c.dnsHa}, ${c.hostname ?? 'no hostname'}, hacluster ${c.related ? 'related' : 'not related'}`;

describe('the README HA rules', () => {
  it('has three distinct messages', () => {
    expect(new Set(Object.values(HA_RULE_MESSAGES)).size).toBe(3);
  });

  it.each(cases.map((c) => [label(c), c] as const))('%s', (_name, c) => {
    const rule = readmeRule(c);
    const hooks = c.related ? [...SENDING_HOOKS, 'update-status'] : ['config-changed', 'update-status'];
    for (const hook of hooks) {
      const plan = run(haSnapshot({ config: config(c), related: c.related, hook, clustered: false }));
      const status = ofKind(plan, 'status')[0];
      const toHacluster = ofKind(plan, 'publish').filter((r) => r.relationId === HA_RELATION_ID);
      const fails = ofKind(plan, 'fail').map((f) => f.message);
      if (rule) {
        expect(status, hook).toEqual({ kind: 'status', status: 'blocked', message: rule });
        expect(toHacluster, hook).toEqual([]);
        expect(fails, hook).toEqual(SENDING_HOOKS.includes(hook) ? [rule] : []);
      } else {
        expect(status, hook).toEqual({ kind: 'status', status: 'active', message: 'Unit is ready' });
        expect(fails, hook).toEqual([]);
        if (c.related) expect(Object.keys(toHacluster[0]?.data ?? {}), hook).toContain('json_resources');
      }
    }
  });
});

describe('recovering from a broken HA rule', () => {
  it('fixing the config in the next config-changed sends the resources, with no manual step', () => {
    const broken = haSnapshot({ hook: 'ha-relation-joined' });
    const failed = run(broken);
    expect(ofKind(failed, 'fail')).toEqual([{ kind: 'fail', message: HA_RULE_MESSAGES.neither }]);
    // Juju keeps the files and status of a failed hook but discards its relation data and unit state.
    const after = { ...foldPlan(broken, failed), memory: broken.memory };

    const fixed = run({ ...after, hook: { ...after.hook, name: 'config-changed' }, config: { vip: '10.0.0.100' } });
    expect(ofKind(fixed, 'fail')).toEqual([]);
    const sent = ofKind(fixed, 'publish').find((r) => r.relationId === HA_RELATION_ID)?.data ?? {};
    expect(JSON.parse(sent.json_groups ?? '{}')).toEqual({ grp_glance_vips: `res_glance_${sha7('10.0.0.100')}_vip` });
    expect(ofKind(fixed, 'status')).toEqual([{ kind: 'status', status: 'active', message: 'Unit is ready' }]);
  });

  it('shows the unit ready again after a fix, although the failed hook left no memory of its blocked status', () => {
    const good = haSnapshot({ config: { vip: '10.0.0.100' }, clustered: true });
    const running = foldPlan(good, run(good));
    expect(running.memory.lastStatus).toEqual({ status: 'active', message: 'Unit is ready' });
    const broken = { ...running, config: { vip: '10.0.0.100', 'dns-ha': true } };
    const failed = run(broken);
    expect(ofKind(failed, 'status')).toEqual([{ kind: 'status', status: 'blocked', message: HA_RULE_MESSAGES.both }]);
    // Juju shows the blocked status but forgets the failed hook's unit state: memory still says "active".
    const after = { ...foldPlan(broken, failed), memory: running.memory };
    const fixed = run({ ...after, config: { vip: '10.0.0.100' } });
    expect(ofKind(fixed, 'fail')).toEqual([]);
    expect(ofKind(fixed, 'status')).toEqual([{ kind: 'status', status: 'active', message: 'Unit is ready' }]);
  });

  it('breaking a working config leaves hacluster what it had: nothing is sent or deleted', () => {
    const good = haSnapshot({ config: { vip: '10.0.0.100' }, clustered: true });
    const running = foldPlan(good, run(good));
    const plan = run({ ...running, hook: { ...running.hook, name: 'update-status' }, config: { vip: '10.0.0.100', 'dns-ha': true } });
    expect(ofKind(plan, 'publish').filter((r) => r.relationId === HA_RELATION_ID)).toEqual([]);
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'blocked', message: HA_RULE_MESSAGES.both }]);
  });

  it('a VIP that is not an IP address is reported as such, not as "neither vip nor dns-ha"', () => {
    const plan = run(haSnapshot({ hook: 'ha-relation-joined', config: { vip: '10.0.0.300' } }));
    const message = ofKind(plan, 'status')[0]?.message ?? '';
    expect(message).toContain('vip: "10.0.0.300" is not an IP address');
    expect(message).not.toContain(HA_RULE_MESSAGES.neither);
  });
});

describe('HA needs a shared image store', () => {
  it('with hacluster and only the local file store: blocked', () => {
    const s = haSnapshot({ config: { vip: '10.0.0.100' } });
    const { 'object-store': _swift, ...withoutSwift } = s.relations;
    const status = ofKind(run({ ...s, relations: withoutSwift }), 'status')[0];
    expect(status?.status).toBe('blocked');
    expect(status?.message).toMatch(/^HA needs shared image storage/);
  });
});
