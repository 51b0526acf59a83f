/**
 * `npm run plan -- <snapshot.json>`: print what a hook would do for a recorded snapshot, without
 * touching any host. Record one from a real or simulated hook with CHARM_RECORD_SNAPSHOT=<file>.
 * A hook with a step first (install, config-changed, upgrade-charm, ...) prints the step's
 * effects (the package source, packages, ...), then the reconcile as planned from the recorded
 * snapshot (on the unit it runs from the host as the step leaves it). File contents are shown as
 * their first lines and secrets in relation data are masked.
 */
import { readFileSync } from 'node:fs';
import { decide } from '../src/model/decide.js';
import type { Effect } from '../src/plan.js';
import { reconcile } from '../src/reconcile/index.js';
import { loadTemplates } from '../src/render/templates.js';
import { routeFor } from '../src/routes.js';
import { Snapshot } from '../src/snapshot.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run plan -- <snapshot.json>\n');
  process.exit(2);
}
const snap = Snapshot.parse(JSON.parse(readFileSync(file, 'utf8')));
const templates = loadTemplates(new URL('../templates', import.meta.url).pathname);
const SECRET = /pass|key|secret|token/i;

function print(e: Effect): void {
  if (e.kind === 'write-file') {
    process.stdout.write(`write-file ${e.path} (${e.owner.user}:${e.owner.group} ${e.owner.mode.toString(8)}, ${e.content.length} bytes)\n`);
  } else if (e.kind === 'relation-set' || e.kind === 'publish') {
    const data = Object.fromEntries(Object.entries(e.data).map(([k, v]) => [k, SECRET.test(k) ? '***' : v]));
    const target = e.kind === 'publish' ? `${e.relationId} ${e.unit} (whole bag)` : `${e.relationId}${e.app ? ' --app' : ''}`;
    process.stdout.write(`${e.kind} ${target} ${JSON.stringify(data)}\n`);
  } else if (e.kind === 'memory') {
    process.stdout.write('memory (unit state updated)\n');
  } else {
    const { kind, ...rest } = e;
    process.stdout.write(`${kind} ${JSON.stringify(rest)}\n`);
  }
}

const route = snap.hook.kind === 'hook' ? routeFor(snap.hook.name) : { kind: 'reconcile' as const };
if (route.kind === 'ignore') {
  process.stdout.write(`# ${snap.hook.name}: ignored, nothing to do\n`);
} else {
  const d = decide(snap);
  const step = route.step?.(d, snap) ?? [];
  if (step.length > 0 || route.kind === 'step') {
    process.stdout.write(`# ${snap.hook.name} step\n`);
    step.forEach(print);
  }
  if (route.kind === 'reconcile') {
    if (step.length > 0) process.stdout.write('# reconcile (from the recorded snapshot, before the step)\n');
    reconcile(d, snap, { templates, statusDirty: step.length > 0 }).effects.forEach(print);
  }
}
