// Secrets through the built charm: a full deployment with every relation, then the actions.
// Every secret the simulated remote charms handed out (and the haproxy stats password the charm
// made itself) is looked for in everything the charm said: stdout, stderr, juju-log, status
// messages, hook-tool and command argv, action results, logs and messages. Files that hold one
// are 0640 or 0600, never readable by others.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../sim/engine.js';
import type { HookResult } from '../../../sim/records.js';
import { unitFiles, unitModes } from './files-on-unit.js';
import { copyModel, DEPLOY_MS, failures, secretTexts, UNIT } from './full-deployment.js';
import { preparedDeployment, preparedHistory } from './prepared.js';

/** Everything a hook or action said, as labelled texts. */
function outputs(results: readonly HookResult[]): [string, string][] {
  return results.flatMap((r): [string, string][] => [
    [`${r.hook} stdout`, r.stdout],
    [`${r.hook} stderr`, r.stderr],
    ...r.toolCalls.map((c): [string, string] => [`${r.hook} ${c.tool} argv`, c.argv.join(' ')]),
    ...r.commands.map((c): [string, string] => [`${r.hook} command argv`, c.argv.join(' ')]),
    ...(r.action ? ([[`${r.hook} action`, JSON.stringify(r.action)]] as [string, string][]) : []),
  ]);
}

describe('secrets in a full deployment through the simulated Juju', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'glance-secrets-'));
  let sim: Sim;
  let deployment: HookResult[];
  let secrets: string[];

  beforeAll(async () => {
    const prepared = await preparedDeployment();
    deployment = preparedHistory(prepared);
    sim = copyModel(prepared, scratch);
    for (const action of ['security-checklist', 'pause', 'resume']) await sim.runAction(UNIT, action);
    // A failing hook's error message too: a restart after the passwords were rewritten fails.
    sim.failCommand(UNIT, { command: 'systemctl', match: 'restart', times: 1 });
    await sim.config({ debug: true });
    const memory = JSON.parse(Object.values(sim.unit(UNIT).state)[0] ?? '{}') as { statsPassword?: string };
    secrets = [...secretTexts(), ...(memory.statsPassword ? [memory.statsPassword] : [])];
  }, DEPLOY_MS);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('deploys everything and is ready before the actions; the injected fault failed a hook', () => {
    expect(failures(deployment)).toEqual([]);
    expect(failures(sim.history)).toHaveLength(1);
    expect(deployment.at(-1)?.status).toEqual({ status: 'active', message: 'Unit is ready' });
    expect(secrets).toHaveLength(secretTexts().length + 1);
  });

  it('the secrets reached the files that need them', () => {
    const all = Object.values(unitFiles(sim.unit(UNIT).fsRoot)).join('\n');
    for (const s of secrets) expect(all, s).toContain(s);
  });

  it('no secret in stdout, stderr, hook-tool or command argv, or action output', () => {
    const leaks = outputs([...deployment, ...sim.history]).flatMap(([where, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${where}: ${s}`));
    expect(leaks).toEqual([]);
  });

  it('no secret in juju-log or the status history', () => {
    const unit = sim.unit(UNIT);
    const texts = [...unit.log.map((l) => l.message), ...unit.statusHistory.map((s) => JSON.stringify(s))];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => secrets.some((s) => t.includes(s)))).toEqual([]);
  });

  it('every file holding a secret is 0640 or 0600', () => {
    const root = sim.unit(UNIT).fsRoot;
    const modes = unitModes(root);
    const holding = Object.entries(unitFiles(root)).filter(([path, text]) => path in modes && secrets.some((s) => text.includes(s)));
    expect(holding.length).toBeGreaterThan(5);
    const open = holding.map(([path]) => [path, modes[path] ?? 0] as const).filter(([, mode]) => mode !== 0o640 && mode !== 0o600).map(([path, mode]) => `${path} ${mode.toString(8)}`);
    expect(open).toEqual([]);
  });
});
