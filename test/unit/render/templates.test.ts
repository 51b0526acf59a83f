import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineageOf, RELEASES, type Release } from '../../../src/base/release.js';
import { lineageChain, loadTemplates, templateKey } from '../../../src/render/templates.js';
import { TEMPLATES } from '../../fixtures/templates.js';

describe('lineage chain', () => {
  it('searches the lineage, older lineages newest first, then the shared root', () => {
    expect(lineageChain('queens')).toEqual(['queens/', '']);
    expect(lineageChain('yoga')).toEqual(['yoga/', 'ussuri/', 'stein/', 'queens/', '']);
  });

  const apiTemplate: Record<Release, string> = {
    queens: 'queens/', rocky: 'queens/', stein: 'stein/', train: 'stein/', ussuri: 'ussuri/', victoria: 'ussuri/',
    wallaby: 'ussuri/', xena: 'ussuri/', yoga: 'ussuri/', zed: 'ussuri/', antelope: 'ussuri/', bobcat: 'ussuri/',
    caracal: 'ussuri/', dalmatian: 'ussuri/', epoxy: 'epoxy/', flamingo: 'epoxy/',
  };
  for (const release of RELEASES) {
    it(`${release} renders glance-api.conf from ${apiTemplate[release]} and shared files from the root`, () => {
      expect(templateKey(TEMPLATES, lineageOf(release), 'glance-api.conf')).toBe(`${apiTemplate[release]}glance-api.conf`);
      expect(templateKey(TEMPLATES, lineageOf(release), 'haproxy.cfg')).toBe('haproxy.cfg');
    });
  }

  it('names the missing template and the directories it searched', () => {
    expect(() => templateKey(TEMPLATES, 'stein', 'nova.conf')).toThrow('template nova.conf not found for lineage stein (searched stein/, queens/, )');
  });
});

describe('loadTemplates', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  const tree = (layout: Record<string, string>): string => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    made.push(dir);
    for (const [path, text] of Object.entries(layout)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  };

  it('reads shared files, lineage files and parts, skipping dotfiles', () => {
    const set = loadTemplates(tree({ 'a.conf': 'A', 'stein/b.conf': 'B', 'parts/p': 'P', '.keep': '' }));
    expect([...set.files.entries()]).toEqual([['a.conf', 'A'], ['stein/b.conf', 'B']]);
    expect([...set.parts.entries()]).toEqual([['p', 'P']]);
  });

  it('refuses a directory that is neither a lineage nor parts, so a misspelt lineage cannot go unused', () => {
    const dir = tree({ 'yogaa/glance-api.conf': 'x' });
    expect(() => loadTemplates(dir)).toThrow(/yogaa: not a lineage/);
  });
});
