/**
 * `npm run bench`: runs hooks of the packed charm (on the Node.js it carries) through the simulated Juju and prints, per hook,
 * medians of N runs of: wall time; the charm's own time (wall minus the time some hook tool or host
 * command was running, Node's start-up included); that start-up alone (process start to main's
 * first line); the charm's own CPU time; hook-tool calls; commands; and peak RSS, as the
 * image-service relation grows to 1, 10 and 100 units and the cluster to 1, 3 and 9 units.
 * Figures come from the charm itself (CHARM_TOOL_STATS), so the simulator's own cost is excluded.
 *
 *   npm run bench [-- --runs 5 --full]      (--full adds 9 glance units and the deployment with every relation)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sim } from '../sim/engine.js';
import type { Databag } from '../sim/state.js';
import { unpackUnitCharm } from '../sim/unit-charm.js';
import type { ToolStats } from '../src/juju/tool-stats.js';
import { DB_REPLY, KEYSTONE_REPLY } from '../test/fixtures/snapshot.js';
import { deployEverything } from '../test/sim/robustness/full-deployment.js';

type Stat = ToolStats;

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const FULL = args.includes('--full');
// The packed charm as a unit holds it, so hooks run on the Node.js the charm carries.
const CHARM_DIR = await unpackUnitCharm();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function statsFile(dir: string): () => Stat[] {
  const file = join(dir, 'stats.jsonl');
  let seen = 0;
  return () => {
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const fresh = lines.slice(seen).map((l) => JSON.parse(l) as Stat);
    seen = lines.length;
    return fresh;
  };
}

/** Grow a relation to `count` remote units without running their hooks (state only). */
function growRemote(sim: Sim, relationId: number, app: string, count: number) {
  const rel = sim.relation(relationId);
  for (let i = 0; i < count; i++) {
    const name = `${app}/${i}`;
    rel.remoteUnits[name] ??= { 'private-address': `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}` } as Databag;
    for (const local of Object.keys(rel.members)) {
      const m = rel.members[local] ?? [];
      if (!m.includes(name)) m.push(name);
      rel.members[local] = m;
    }
  }
  sim.save();
}

async function scenario(ncc: number, glanceUnits: number) {
  const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
  const sim = new Sim({ charmDir: CHARM_DIR, env: { CHARM_TOOL_STATS: join(dir, 'stats.jsonl') } });
  const fresh = statsFile(dir);
  const deployStart = performance.now();
  await sim.deploy({ units: glanceUnits });
  const names = Array.from({ length: glanceUnits }, (_, i) => `glance/${i}`).join(' ');
  await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': { ...DB_REPLY, allowed_units: names } } });
  await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': KEYSTONE_REPLY } });
  const img = await sim.integrate('image-service', 'nova-cloud-controller', { units: { 'nova-cloud-controller/0': {} } });
  const deployMs = performance.now() - deployStart;
  const deployStats = fresh();
  growRemote(sim, img.relationId, 'nova-compute', ncc);
  const hooks: Array<[string, Parameters<Sim['runHook']>[2]]> = [
    ['update-status', {}],
    ['config-changed', {}],
    ['image-service-relation-changed', { relationId: img.relationId, remoteUnit: 'nova-compute/0' }],
  ];
  const peers = sim.relations('cluster')[0];
  if (glanceUnits > 1 && peers) hooks.push(['cluster-relation-changed', { relationId: peers.id, remoteUnit: 'glance/1' }]);
  const rows: string[][] = [];
  for (const [hook, opts] of hooks) {
    const runs: Stat[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await sim.runHook('glance/0', hook, opts);
      if (r.exitCode !== 0) throw new Error(`${hook} failed: ${r.stderr}`);
      runs.push(...fresh());
    }
    rows.push([
      hook,
      String(ncc),
      String(glanceUnits),
      String(median(runs.map((s) => s.wallMs))),
      String(median(runs.map((s) => s.ownMs))),
      String(median(runs.map((s) => s.startupMs))),
      String(median(runs.map((s) => s.cpuMs))),
      String(median(runs.map((s) => s.calls))),
      String(median(runs.map((s) => s.commands))),
      String(Math.round(Math.max(...runs.map((s) => s.maxRssKb)) / 1024)),
    ]);
  }
  sim.dispose();
  rmSync(dir, { recursive: true, force: true });
  return { rows, deployMs, deployStats };
}

/** install to the final status with every relation glance has (the robustness tests' deployment). */
async function everything(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'glance-bench-'));
  const sim = new Sim({ charmDir: CHARM_DIR, env: { CHARM_TOOL_STATS: join(dir, 'stats.jsonl') } });
  const started = performance.now();
  const results = await deployEverything(sim);
  const ms = performance.now() - started;
  const stats = statsFile(dir)();
  const failed = results.filter((r) => r.exitCode !== 0).length;
  const perHook = stats.map((s) => s.calls);
  const line =
    `deployment to "${sim.status('glance/0').message}" with every relation, 1 glance unit: ${stats.length} hooks (${failed} failed), ` +
    `${Math.round(ms / 1000)} s in the simulator, charm wall ${Math.round(stats.reduce((a, s) => a + s.wallMs, 0) / 1000)} s, ` +
    `hook-tool calls per hook max ${Math.max(...perHook)} / median ${median(perHook)}, ` +
    `peak RSS ${Math.round(Math.max(...stats.map((s) => s.maxRssKb)) / 1024)} MiB`;
  sim.dispose();
  rmSync(dir, { recursive: true, force: true });
  return line;
}

const HEAD = ['hook', 'image-service units', 'glance units', 'wall ms', 'own ms', 'start-up ms', 'charm CPU ms', 'tool calls', 'commands', 'peak RSS MiB'];
const table: string[][] = [];
const deployments: string[] = [];
for (const [ncc, units] of [
  [1, 1],
  [10, 1],
  [100, 1],
  [1, 3],
  ...(FULL ? [[100, 9]] : []),
] as const) {
  const { rows, deployMs, deployStats } = await scenario(ncc, units);
  table.push(...rows);
  const perHook = deployStats.map((s) => s.calls);
  deployments.push(
    `deployment to Unit is ready, ${units} glance unit(s): ${deployStats.length} hooks, ${Math.round(deployMs / 1000)} s in the simulator, ` +
      `hook-tool calls per hook max ${Math.max(...perHook)} / median ${median(perHook)}, ` +
      `peak RSS ${Math.round(Math.max(...deployStats.map((s) => s.maxRssKb)) / 1024)} MiB`,
  );
}
const widths = HEAD.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
process.stdout.write(`${fmt(HEAD)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n${table.map(fmt).join('\n')}\n\n`);
if (FULL) deployments.push(await everything());
process.stdout.write(
  `${deployments.join('\n')}\n(median of ${RUNS} runs per hook; own = wall minus the time some hook tool or command ran, start-up = process start to main's first line, both included in own; charm CPU = the charm process's user+system time, children excluded)\n`,
);
