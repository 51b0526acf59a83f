/**
 * From a snapshot of the caracal-minimal scenario (reference/golden/README.md facts) through the
 * whole pure core: the glance-api.conf reconcile writes equals the reference's, key by key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { reconcile } from '../../fixtures/hook-plan.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { parseIni } from '../../fixtures/parse-config.js';
import { deployed } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const golden = (scenario: string, file: string) =>
  readFileSync(new URL(`../../golden/reference/${scenario}/${file}`, import.meta.url), 'utf8');
const normal = (v: string) => (/^(true|false)$/i.test(v) ? v.toLowerCase() : v);
const normalise = (ini: Record<string, Record<string, string>>) =>
  Object.fromEntries(Object.entries(ini).map(([s, kv]) => [s, Object.fromEntries(Object.entries(kv).map(([k, v]) => [k, normal(v)]))]));

describe('caracal-minimal through reconcile', () => {
  const plan = reconcile(deployed(), { templates });
  const written = Object.fromEntries(ofKind(plan, 'write-file').map((w) => [w.path, w.content]));

  it('renders glance-api.conf equal to the reference, every section and key', () => {
    const ours = normalise(parseIni(written['/etc/glance/glance-api.conf'] ?? ''));
    const ref = normalise(parseIni(golden('caracal-minimal', 'etc__glance__glance-api.conf')));
    expect(ours).toEqual(ref);
  });

  it.each([
    ['/etc/glance/api-paste.ini', 'etc__glance__api-paste.ini'],
    ['/etc/glance/api_audit_map.conf', 'etc__glance__api_audit_map.conf'],
  ])('renders %s equal to the reference (comments aside)', (path, file) => {
    expect(parseIni(written[path] ?? '')).toEqual(parseIni(golden('caracal-minimal', file)));
  });

  it('renders policy.yaml with the same rules', () => {
    expect(parseYaml(written['/etc/glance/policy.yaml'] ?? '')).toEqual(parseYaml(golden('caracal-minimal', 'etc__glance__policy.yaml')));
  });
});
