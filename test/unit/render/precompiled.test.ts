/**
 * The unit renders with templates precompiled at build time (dist/templates.mjs); tests and
 * `npm run plan` compile the sources. Both must give the very same files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { precompiledModule } from '../../../scripts/precompile-templates.mjs';
import { reconcile } from '../../fixtures/hook-plan.js';
import { loadTemplates, type Precompiled } from '../../../src/render/templates.js';
import { deployed, snapshot } from '../../fixtures/snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'precompiled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const templatesDir = new URL('../../../templates', import.meta.url).pathname;

describe('precompiled templates', () => {
  it('render exactly what the sources render, for every release lineage', async () => {
    const file = join(dir, 'templates.mjs');
    writeFileSync(file, precompiledModule(templatesDir));
    const precompiled = (await import(pathToFileURL(file).href)) as Precompiled;
    const sources = loadTemplates(templatesDir);
    for (const version of ['2:16.0.0', '2:18.0.0', '2:20.0.0', '2:28.0.0', '2:30.0.0']) {
      const snap = deployed({ host: { ...snapshot().host, glanceCommonVersion: version } });
      const a = reconcile(snap, { templates: sources }).effects.filter((e) => e.kind === 'write-file');
      const b = reconcile(snap, { templates: { ...sources, precompiled } }).effects.filter((e) => e.kind === 'write-file');
      expect(b).toEqual(a);
      expect(a.length).toBeGreaterThan(5);
    }
  });
});
