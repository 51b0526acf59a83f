// Faults through the built charm: every external command and every hook tool the trigger hook
// (trigger.ts: an upgrade, new files, a new region, a CA, Apache re-enabled) runs is made to
// fail in one run of that hook, each on its own copy of a unit related to everything. A command
// fails every time it is called during that hook (a command the charm retries would otherwise
// recover, as it should); a hook tool fails its first call. The hook exits non-zero with one line
// naming what failed and its error (unless the command's failure is an answer the charm expects,
// as `systemd-detect-virt` on bare metal or `dpkg-query` for a package that is not there); each
// file on disk is its old or its new version; Juju's retry then converges to what the same hook
// does without the fault.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Sim } from '../../../sim/engine.js';
import { IN_PROCESS } from '../in-process.js';
import { unitFiles } from './files-on-unit.js';
import { UNIT } from './full-deployment.js';
import { preparedDeployment } from './prepared.js';
import { finish, mixed, outcome, type Reference, reference, runTrigger, triggerCopy } from './trigger.js';

const SLOW = 900_000;
/** The charm runs in this process: the faults are in what it calls, not in how it is started (kill.test.ts). */
const inProcess = IN_PROCESS;

const scratch = mkdtempSync(join(tmpdir(), 'glance-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const prepared = await preparedDeployment();
const systemdRef = await reference(prepared, join(scratch, 'reference'), { inProcess });
// A host without systemd: services go through `service` and their init scripts.
const initRef = await reference(prepared, join(scratch, 'reference-init'), { systemd: false, inProcess });

// What the trigger runs decides what is tested, so a new command or tool is covered at once.
const COMMANDS = [...new Set(systemdRef.hook.commands.map((c) => c.argv[0] ?? ''))].sort();
const TOOLS = [...new Set(systemdRef.hook.toolCalls.map((c) => c.tool))].sort();

function clearFaults(sim: Sim): void {
  sim.unit(UNIT).host.failures = [];
  sim.save();
}

/** A PATH whose first entry fails `tool` once (while its flag file exists), then runs the real one. */
function failingOnce(tool: string, dir: string): Record<string, string> {
  const unitDir = join(dir, 'units', UNIT.replace('/', '-'));
  const wrappers = join(scratch, `wrappers-${tool}`);
  const flag = join(wrappers, 'armed');
  mkdirSync(wrappers, { recursive: true });
  const script = `#!/bin/sh\nif [ -e '${flag}' ]; then rm -f '${flag}'; echo 'ERROR simulated ${tool} failure' >&2; exit 1; fi\nexec '${unitDir}/tools/${tool}' "$@"\n`;
  writeFileSync(join(wrappers, tool), script, { mode: 0o755 });
  writeFileSync(flag, '');
  return { PATH: [wrappers, join(unitDir, 'tools'), join(unitDir, 'fakes'), dirname(process.execPath), process.env.PATH ?? '/usr/bin:/bin'].join(':') };
}

/** Commands whose non-zero exit the undisturbed hook already saw: the charm reads it as an answer. */
const answersWithExitCode = (ref: Reference, command: string): boolean =>
  ref.hook.commands.some((c) => c.argv[0] === command && c.exitCode !== 0);

async function expectFaultThenConvergence(sim: Sim, what: string, ref: Reference, mustFail: boolean, clear: () => void): Promise<void> {
  const disturbed = await runTrigger(sim);
  if (mustFail) expect(disturbed.exitCode).not.toBe(0);
  if (disturbed.exitCode !== 0) {
    const lines = disturbed.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(what);
    expect(lines[0]).toContain('simulated');
  }
  expect(mixed(ref, unitFiles(sim.unit(UNIT).fsRoot))).toEqual([]);
  // The fault is gone; Juju retries the hook (or it simply runs again).
  clear();
  expect((await runTrigger(sim)).exitCode).toBe(0);
  await finish(sim);
  const now = outcome(sim);
  expect(now.files).toEqual(ref.settled.files);
  expect(now.published).toEqual(ref.settled.published);
  expect(now.status).toEqual(ref.settled.status);
}

describe('faults: the trigger hook undisturbed', () => {
  it('runs the commands and tools the issue names and ends ready', () => {
    expect(systemdRef.hook.exitCode).toBe(0);
    expect(COMMANDS).toEqual(expect.arrayContaining(['apt-get', 'dpkg-query', 'systemctl', 'glance-manage', 'update-alternatives', 'a2enmod', 'a2ensite']));
    expect(TOOLS).toEqual(expect.arrayContaining(['config-get', 'relation-get', 'relation-set', 'state-get', 'state-set', 'status-set', 'network-get']));
    expect(systemdRef.settled.status).toMatchObject({ status: 'active', message: 'Unit is ready' });
  });
});

describe('faults: each command fails once', () => {
  it.each(COMMANDS)(
    '%s',
    async (command) => {
      const sim = triggerCopy(prepared, join(scratch, `command-${command}`), { inProcess });
      sim.failCommand(UNIT, { command, times: 'always' });
      await expectFaultThenConvergence(sim, command, systemdRef, !answersWithExitCode(systemdRef, command), () => clearFaults(sim));
    },
    SLOW,
  );
});

describe('faults: each hook tool fails once', () => {
  it.each(TOOLS)(
    '%s',
    async (tool) => {
      const dir = join(scratch, `tool-${tool}`);
      await expectFaultThenConvergence(triggerCopy(prepared, dir, { env: failingOnce(tool, dir), inProcess }), tool, systemdRef, true, () => undefined);
    },
    SLOW,
  );
});

describe('faults: without systemd, service fails once', () => {
  it(
    'service',
    async () => {
      expect(initRef.hook.commands.some((c) => c.argv[0] === 'service')).toBe(true);
      const sim = triggerCopy(prepared, join(scratch, 'init-service'), { systemd: false, inProcess });
      sim.failCommand(UNIT, { command: 'service', times: 'always' });
      await expectFaultThenConvergence(sim, 'service', initRef, !answersWithExitCode(initRef, 'service'), () => clearFaults(sim));
    },
    SLOW,
  );
});
