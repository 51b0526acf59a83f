/**
 * `npm run plan -- <snapshot.json>`: print what a hook would do for a recorded snapshot, without
 * touching any host. Record one from a real or simulated hook with CHARM_RECORD_SNAPSHOT=<file>.
 * File contents are shown as their first lines and secrets in relation data are masked.
 */
import { readFileSync } from 'node:fs';
import { reconcile } from '../src/reconcile/index.js';
import { loadTemplates } from '../src/render/templates.js';
import { Snapshot } from '../src/snapshot.js';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run plan -- <snapshot.json>\n');
  process.exit(2);
}
const snap = Snapshot.parse(JSON.parse(readFileSync(file, 'utf8')));
const templates = loadTemplates(new URL('../templates', import.meta.url).pathname);
const plan = reconcile(snap, { templates });
const SECRET = /pass|key|secret|token/i;
for (const e of plan.effects) {
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
