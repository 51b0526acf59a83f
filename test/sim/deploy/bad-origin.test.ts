/**
 * An openstack-origin the unit cannot use is a config problem, through the packed charm: install
 * and config-changed exit 0 with the unit blocked naming the option and why, nothing installed
 * and no file written; `npm run plan` on the recorded snapshot shows the same; fixing the origin
 * installs from the planned source. On a deployed unit the files stay as they were and the
 * openstack-upgrade action fails with the same reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HookResult } from '../../../sim/records.js';
import { deployLocalStorage, fileStamps, newSim, unitOwners } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const REPO = resolve(import.meta.dirname, '../../..');
const line = (c: { argv: readonly string[] }) => c.argv.join(' ');
const exitCodes = (results: HookResult[]) => results.map((r) => [r.hook, r.exitCode]);
const allZero = (results: HookResult[]) => results.map((r) => [r.hook, 0]);
/** What the charm asked of apt, on any hook so far. */
const aptCommands = (results: HookResult[]) =>
  results.flatMap((r) => r.commands).filter((c) => ['apt-get', 'add-apt-repository'].includes(c.argv[0] ?? '')).map(line);

/** `npm run plan -- <file>`, as an operator runs it. */
function plan(file: string): string[] {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/plan.ts', file], { cwd: REPO, encoding: 'utf8' });
  return out.trim().split('\n');
}

describe('an openstack-origin a fresh noble unit cannot use', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bad-origin-'));
  const recorded = join(dir, 'snapshot.json');
  const sim = newSim({ env: { CHARM_RECORD_SNAPSHOT: recorded } });
  afterAll(() => {
    sim.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  let before: Record<string, string> = {};
  const unit = () => sim.unit('glance/0');

  it('install and config-changed: exit 0, blocked naming openstack-origin and why, nothing installed or written', async () => {
    const results = await sim.deploy({
      units: 1,
      config: { 'openstack-origin': 'cloud:focal-zed' },
      prepare: (u) => {
        before = fileStamps(u.fsRoot);
      },
    });
    expect(exitCodes(results)).toEqual(allZero(results));
    expect(results.map((r) => r.hook)).toEqual(expect.arrayContaining(['install', 'config-changed']));
    expect(sim.status('glance/0')).toMatchObject({
      status: 'blocked',
      message: 'Missing relations: database, identity, openstack-origin: "cloud:focal-zed" is for focal, but this unit runs noble',
    });
    expect(aptCommands(results)).toEqual([]);
    expect(fileStamps(unit().fsRoot)).toEqual(before);
    expect(unitOwners(unit().fsRoot)).toEqual({});
  });

  it('another one it cannot use (older than noble offers): still blocked, and npm run plan shows why', async () => {
    const results = await sim.config({ 'openstack-origin': 'yoga' });
    expect(exitCodes(results)).toEqual(allZero(results));
    const message = 'Missing relations: database, identity, openstack-origin: "yoga" is not available on noble (caracal to flamingo are)';
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message });
    expect(aptCommands(results)).toEqual([]);
    expect(fileStamps(unit().fsRoot)).toEqual(before);

    expect(JSON.parse(readFileSync(recorded, 'utf8')).hook.name).toBe('config-changed');
    const planned = plan(recorded);
    expect(planned).toContain(`status ${JSON.stringify({ status: 'blocked', message })}`);
    expect(planned.filter((l) => /^(write-file|apt-|command|mkdir|# config-changed step)/.test(l))).toEqual([]);
  });

  it('a usable origin installs from its planned source, and npm run plan shows that source first', async () => {
    const results = await sim.config({ 'openstack-origin': 'cloud:noble-dalmatian' });
    expect(exitCodes(results)).toEqual(allZero(results));
    const apt = aptCommands(results);
    expect(apt[0]).toMatch(/^apt-get .* install ubuntu-cloud-keyring$/);
    expect(apt.some((c) => /install .*glance/.test(c))).toBe(true);
    expect(sim.readFile('glance/0', '/etc/apt/sources.list.d/cloud-archive.list')).toBe(
      '# Ubuntu Cloud Archive\ndeb http://ubuntu-cloud.archive.canonical.com/ubuntu noble-updates/dalmatian main\n',
    );
    expect(unitOwners(unit().fsRoot)['/etc/apt/sources.list.d/cloud-archive.list']).toBe('root:root');
    expect(sim.status('glance/0')).toMatchObject({ status: 'blocked', message: 'Missing relations: database, identity' });

    const planned = plan(recorded);
    expect(planned.slice(0, 6)).toEqual([
      '# config-changed step',
      'progress {"message":"Executing pre-install"}',
      'apt-install {"packages":["ubuntu-cloud-keyring"]}',
      'write-file /etc/apt/sources.list.d/cloud-archive.list (root:root 644, 105 bytes)',
      'progress {"message":"Installing apt packages"}',
      'apt-update {}',
    ]);
  });
});

describe('an openstack-origin a deployed unit cannot use', () => {
  const sim = newInProcessSim();
  afterAll(() => sim.dispose());

  it('config-changed: exit 0, blocked, the files and packages stay as they were', async () => {
    await deployLocalStorage(sim);
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
    const before = fileStamps(sim.unit('glance/0').fsRoot);
    const results = await sim.config({ 'openstack-origin': 'cloud:jammy-caracal', 'action-managed-upgrade': true, debug: true });
    expect(exitCodes(results)).toEqual(allZero(results));
    expect(sim.status('glance/0')).toMatchObject({
      status: 'blocked',
      message: 'openstack-origin: "cloud:jammy-caracal" is for jammy, but this unit runs noble',
    });
    expect(aptCommands(results)).toEqual([]);
    // Not even the debug change is written from a bad configuration.
    expect(fileStamps(sim.unit('glance/0').fsRoot)).toEqual(before);
  });

  it('openstack-upgrade fails the action with what is wrong with the origin, and runs nothing', async () => {
    const r = await sim.runAction('glance/0', 'openstack-upgrade');
    expect(r.action).toMatchObject({ status: 'failed', message: 'openstack-origin: "cloud:jammy-caracal" is for jammy, but this unit runs noble' });
    expect(aptCommands([r])).toEqual([]);
  });

  it('fixed: the unit is ready again with the change it held back', async () => {
    const results = await sim.config({ 'openstack-origin': 'caracal' });
    expect(exitCodes(results)).toEqual(allZero(results));
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
    expect(sim.readFile('glance/0', '/etc/glance/glance-api.conf')).toMatch(/^debug = True$/m);
  });
});
