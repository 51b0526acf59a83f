/**
 * Policy overrides: which resources are accepted (charmhelpers' rules, its blacklist bug fixed),
 * what lands in /etc/glance/policy.d, when glance-api restarts, and the PO status prefix.
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { PolicyOverrides, Snapshot } from '../../../src/snapshot.js';
import { isPolicyEntry } from '../../../src/policyd/files.js';
import { checkOverrides, planPolicyd, policydPrefix } from '../../../src/policyd/plan.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const GOOD = { 'image.yaml': 'get_image: "role:admin"\nlist_images: "role:reader"\n', 'extra/delete.yml': 'delete_image: "role:admin"\n' };

describe('policy override resource', () => {
  it('takes .yaml/.yml (and template) files, flattening folders, and writes normalised YAML', () => {
    expect(['a.yaml', 'b.YML', 'c.j2', 'd.tmpl', 'e.tpl', 'dir/', 'f.json', 'README'].filter(isPolicyEntry)).toEqual([
      'a.yaml',
      'b.YML',
      'c.j2',
      'd.tmpl',
      'e.tpl',
    ]);
    expect(checkOverrides(GOOD)).toEqual({
      ok: true,
      files: { 'delete.yaml': 'delete_image: role:admin\n', 'image.yaml': 'get_image: role:admin\nlist_images: role:reader\n' },
    });
  });

  it.each([
    [{ 'notes.txt': 'x' }, 'no policy files (.yaml, .yml, .j2, .tmpl, .tpl) in the zip'],
    [{ 'a/image.yaml': 'a: b\n', 'b/image.yml': 'c: d\n' }, 'image appear more than once in the zip'],
    [{ 'image.yaml': '- a\n- b\n' }, 'image.yaml: not a mapping of policy rules'],
    [{ 'image.yaml': 'a: [\n' }, 'image.yaml: not YAML'],
    [{ 'image.yaml': 'admin_required: "@"\n' }, 'image.yaml: overrides protected rules admin_required'],
    [{ 'image.yaml': 'get_image:\n  nested: x\n' }, 'image.yaml: rules get_image are not strings'],
  ])('refuses %j: %s', (entries, reason) => {
    const verdict = checkOverrides(entries);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain(reason);
  });
});

const overrides = (current: Record<string, string>, resource?: PolicyOverrides['resource']): PolicyOverrides => ({
  current,
  ...(resource ? { resource } : {}),
});
const paths = (effects: Effect[], kind: 'write-file' | 'delete-file') =>
  effects.flatMap((e) => (e.kind === kind ? [e.path] : []));

describe('planPolicyd', () => {
  it('does nothing in hooks that did not read the overrides', () => {
    expect(planPolicyd(undefined, true)).toBeUndefined();
  });

  it('applies a good resource into a root:glance 0750 directory, files 0640, and asks for a restart', () => {
    const plan = planPolicyd(overrides({ 'old.yaml': 'x: y\n' }, { entries: GOOD }), true);
    expect(plan?.state).toBe('applied');
    expect(plan?.restart).toBe(true);
    expect(plan?.effects).toContainEqual({ kind: 'mkdir', path: '/etc/glance/policy.d', owner: { user: 'root', group: 'glance', mode: 0o750 } });
    expect(paths(plan?.effects ?? [], 'write-file')).toEqual(['/etc/glance/policy.d/delete.yaml', '/etc/glance/policy.d/image.yaml']);
    expect(paths(plan?.effects ?? [], 'delete-file')).toEqual(['/etc/glance/policy.d/old.yaml']);
    expect(plan?.effects.find((e) => e.kind === 'write-file')).toMatchObject({ owner: { user: 'root', group: 'glance', mode: 0o640 } });
  });

  it('changes nothing (no restart) when the directory already holds the same overrides', () => {
    const verdict = checkOverrides(GOOD);
    const current = verdict.ok ? verdict.files : {};
    expect(planPolicyd(overrides(current, { entries: GOOD }), true)).toEqual({ effects: [], restart: false, state: 'applied' });
  });

  it('never applies a bad resource: the directory is emptied and the state is broken', () => {
    const bad = planPolicyd(overrides({ 'image.yaml': 'x: y\n' }, { entries: { 'image.yaml': '[' } }), true);
    expect(bad).toMatchObject({ state: 'broken', restart: true });
    expect(paths(bad?.effects ?? [], 'write-file')).toEqual([]);
    expect(paths(bad?.effects ?? [], 'delete-file')).toEqual(['/etc/glance/policy.d/image.yaml']);
    expect(planPolicyd(overrides({}, { error: 'the policyd-override resource is not attached' }), true)?.state).toBe('broken');
  });

  it('turning the option off empties the directory and forgets the state', () => {
    const off = planPolicyd(overrides({ 'image.yaml': 'x: y\n' }), false);
    expect(off).toEqual({ effects: [{ kind: 'delete-file', path: '/etc/glance/policy.d/image.yaml' }], restart: true, state: undefined });
  });

  it('prefixes the status PO: or PO (broken): only while the option is on', () => {
    expect(policydPrefix(true, 'applied')).toBe('PO: ');
    expect(policydPrefix(true, 'broken')).toBe('PO (broken): ');
    expect(policydPrefix(true, undefined)).toBe('PO (broken): ');
    expect(policydPrefix(false, 'applied')).toBe('');
  });
});

describe('policy overrides through reconcile', () => {
  const withOverrides = (o: PolicyOverrides, over: Partial<Snapshot> = {}): Snapshot => ({
    ...deployed({ config: { 'use-policyd-override': true }, ...over }),
    hook: { kind: 'hook', name: 'config-changed', unitName: 'glance/0', appName: 'glance', charmDir: '/charm' },
    policyd: o,
  });

  it('writes the overrides, restarts glance-api once, and says PO: Unit is ready', () => {
    const first = deployed();
    const settled = foldPlan(first, reconcile(first, { templates }));
    const snap = { ...withOverrides(overrides({}, { entries: GOOD })), host: settled.host, memory: settled.memory };
    const plan = reconcile(snap, { templates });
    expect(ofKind(plan, 'write-file').map((w) => w.path)).toEqual(['/etc/glance/policy.d/delete.yaml', '/etc/glance/policy.d/image.yaml']);
    expect(ofKind(plan, 'service')).toEqual([{ kind: 'service', action: 'restart', service: 'glance-api' }]);
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'active', message: 'PO: Unit is ready' }]);
    // Later hooks do not read the resource; the prefix stays from memory.
    const later = { ...foldPlan(snap, plan), policyd: undefined, hook: { ...snap.hook, name: 'update-status' } };
    const next = reconcile(later, { templates });
    expect(next.effects.filter((e) => e.kind !== 'memory')).toEqual([]);
  });

  it('a bad resource: PO (broken): prefix and no override written', () => {
    const plan = reconcile(withOverrides(overrides({}, { entries: { 'x.txt': '' } })), { templates });
    expect(ofKind(plan, 'status')[0]?.message).toBe('PO (broken): Unit is ready');
    expect(ofKind(plan, 'write-file').some((w) => w.path.startsWith('/etc/glance/policy.d/'))).toBe(false);
  });

  it('writes nothing from a resource while another option is invalid', () => {
    const plan = reconcile(withOverrides(overrides({}, { entries: GOOD }), { config: { 'use-policyd-override': true, 'image-size-cap': '12XB' } }), {
      templates,
    });
    expect(ofKind(plan, 'write-file')).toEqual([]);
  });
});
