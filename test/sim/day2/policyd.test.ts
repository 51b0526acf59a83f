/**
 * The policyd-override resource through the built charm: a good zip lands in
 * /etc/glance/policy.d and glance-api restarts (`PO: Unit is ready`); a bad zip or a file that
 * is no zip is never applied (`PO (broken): `, reason in the log); turning the option off
 * removes the overrides.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { deployLocalStorage, serviceActions } from '../helpers.js';
import { newInProcessSim } from '../in-process.js';

const SLOW = 600_000;
const dir = mkdtempSync(join(tmpdir(), 'policyd-'));
const zip = (name: string, entries: Record<string, string>): string => {
  const path = join(dir, name);
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));
  return path;
};
const GOOD = zip('good.zip', { 'overrides/image-location.yaml': 'get_image_location: "role:admin"\nset_image_location: "role:admin"\n' });
const NO_YAML = zip('no-yaml.zip', { 'README.txt': 'policies go here\n' });
const NOT_A_ZIP = join(dir, 'policy.yaml');
writeFileSync(NOT_A_ZIP, 'get_image: "role:admin"\n');
const OVERRIDE = '/etc/glance/policy.d/image-location.yaml';

describe('policy overrides from the policyd-override resource', () => {
  const sim = newInProcessSim();
  afterAll(() => {
    sim.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  const attach = (path: string) => {
    sim.state.resources['policyd-override'] = path;
    sim.save();
  };

  it('applies a good zip when use-policyd-override is set, restarting glance-api: PO: Unit is ready', async () => {
    await deployLocalStorage(sim);
    attach(GOOD);
    const results = await sim.config({ 'use-policyd-override': true });
    expect(sim.readFile('glance/0', OVERRIDE)).toBe('get_image_location: role:admin\nset_image_location: role:admin\n');
    expect(serviceActions(results)).toContain('restart glance-api');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'PO: Unit is ready' });
    const later = await sim.runHook('glance/0', 'update-status');
    expect(serviceActions([later])).toEqual([]);
    expect(sim.status('glance/0').message).toBe('PO: Unit is ready');
  }, SLOW);

  it('a zip without policy files is never applied: the overrides go, PO (broken):, the reason is logged', async () => {
    attach(NO_YAML);
    const results = await sim.upgradeCharm();
    expect(results.every((r) => r.exitCode === 0)).toBe(true);
    expect(sim.readFile('glance/0', OVERRIDE)).toBeNull();
    expect(serviceActions(results)).toContain('restart glance-api');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'PO (broken): Unit is ready' });
    expect(sim.logLines('glance/0', 'WARNING')).toContain('policy overrides refused: no policy files (.yaml, .yml, .j2, .tmpl, .tpl) in the zip');
  }, SLOW);

  it('a resource that is not a zip file is refused the same way', async () => {
    attach(NOT_A_ZIP);
    await sim.upgradeCharm();
    expect(sim.status('glance/0').message).toBe('PO (broken): Unit is ready');
    expect(sim.logLines('glance/0', 'WARNING').at(-1)).toMatch(/^policy overrides refused: the policyd-override resource is not a zip file/);
  }, SLOW);

  it('turning the option off removes the overrides and the prefix', async () => {
    attach(GOOD);
    await sim.upgradeCharm();
    expect(sim.readFile('glance/0', OVERRIDE)).not.toBeNull();
    const off = await sim.config({ 'use-policyd-override': false });
    expect(sim.readFile('glance/0', OVERRIDE)).toBeNull();
    expect(serviceActions(off)).toContain('restart glance-api');
    expect(sim.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  }, SLOW);
});
