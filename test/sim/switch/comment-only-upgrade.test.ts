/**
 * `juju refresh` of this charm onto a revision whose templates differ only in comments: every
 * file is rewritten (the new revision's text) and no service restarts, because what the files
 * mean did not change (src/render/meaning.ts, the one restart rule). The charm runs in this
 * process, reading its templates from each revision's charm dir: what is tested is which files
 * change and what restarts, not how a hook is started.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Sim } from '../../../sim/engine.js';
import { CHARM_DIR, deployLocalStorage, serviceActions } from '../helpers.js';
import { IN_PROCESS, newInProcessSim } from '../in-process.js';

const COMMENT = '# Revised wording of this file\'s comments; nothing else changed.\n';

/**
 * Left out of the copy: without dist/templates.mjs the templates are compiled from source; the
 * Node.js runtime is not run by a charm in this process.
 */
const NOT_COPIED = ['templates.mjs', '.node-compile-cache', 'runtime'];

/** A copy of the unit's charm whose template files (not the partials they include) start with a comment. */
function commentsOnlyRevision(): string {
  const dir = mkdtempSync(join(tmpdir(), 'glance-charm-rev-'));
  cpSync(CHARM_DIR, dir, { recursive: true, filter: (src) => !NOT_COPIED.some((name) => src === join(CHARM_DIR, name) || src.endsWith(`/${name}`)) });
  const templates = join(dir, 'templates');
  const edit = (path: string) => writeFileSync(path, COMMENT + readFileSync(path, 'utf8'));
  for (const name of readdirSync(templates)) {
    const path = join(templates, name);
    if (statSync(path).isFile()) edit(path);
    else if (name !== 'parts') for (const file of readdirSync(path)) edit(join(path, file));
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('upgrade-charm onto templates that change only comments rewrites the files and restarts nothing', async () => {
  const modelDir = mkdtempSync(join(tmpdir(), 'glance-sim-'));
  const revision = commentsOnlyRevision();
  dirs.push(modelDir, revision);
  const before = newInProcessSim({ dir: modelDir });
  await deployLocalStorage(before);
  before.dispose();

  const after = new Sim({ charmDir: revision, dir: modelDir, inProcess: IN_PROCESS });
  try {
    const results = await after.upgradeCharm();
    expect(results.filter((r) => r.exitCode !== 0).map((r) => `${r.hook}: ${r.stderr}`)).toEqual([]);
    for (const path of ['/etc/glance/glance-api.conf', '/etc/haproxy/haproxy.cfg', '/etc/memcached.conf', '/etc/glance/api-paste.ini']) {
      expect(after.readFile('glance/0', path)?.startsWith(COMMENT), path).toBe(true);
    }
    expect(serviceActions(results)).toEqual([]);
    expect(after.status('glance/0')).toMatchObject({ status: 'active', message: 'Unit is ready' });
  } finally {
    after.dispose();
  }
});
