import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLANCE_API_SECTIONS } from '../../../src/base/glance-api.js';
import { STORES } from '../../../src/stores/index.js';
import { REPO_TEMPLATES } from '../../fixtures/templates.js';

/** Every `[section]` the glance-api.conf templates (and the parts they include) write. */
function templateSections(): string[] {
  const dirs = readdirSync(REPO_TEMPLATES, { withFileTypes: true }).filter((d) => d.isDirectory());
  const files = dirs.flatMap((d) =>
    readdirSync(join(REPO_TEMPLATES, d.name))
      .filter((f) => d.name === 'parts' || f === 'glance-api.conf')
      .map((f) => join(REPO_TEMPLATES, d.name, f)),
  );
  // `[{{name}}]` is the parts' generic section loop (stores, subordinates), not a section of its own.
  const named = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\[([^\]{}\n]+)\]$/gm)].map((m) => m[1] as string));
  return [...new Set(named)];
}

describe("glance-api.conf's own sections (what a cinder volume type may not be called)", () => {
  it('lists every section the templates write', () => {
    const sections = templateSections();
    expect(sections.length).toBeGreaterThan(10);
    expect(sections.filter((s) => !GLANCE_API_SECTIONS.includes(s))).toEqual([]);
  });

  it('lists every store but cinder, whose sections are the volume types', () => {
    expect(STORES.map((s) => s.name).filter((n) => n !== 'cinder' && !GLANCE_API_SECTIONS.includes(n))).toEqual([]);
  });
});
