import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../../src/base/host-file.js';
import { renderFiles } from '../../../src/render/render.js';
import { planRestarts } from '../../../src/render/restarts.js';
import { fullModel, tlsModel } from './fixtures.js';
import { TEMPLATES } from '../../fixtures/templates.js';
import { FIRST_WITHOUT_REGISTRY } from '../../fixtures/releases.js';

const caracal = renderFiles(tlsModel(), TEMPLATES);

/** The host as the files were rendered, with the `changed` ones not there yet. */
const onDiskExcept = (files: readonly RenderedFile[], changed: readonly string[]) =>
  Object.fromEntries(files.map((f) => [f.path, changed.includes(f.path) ? null : f.content]));

const restartsFor = (files: readonly RenderedFile[], changed: readonly string[], paused = false) =>
  planRestarts(files, onDiskExcept(files, changed), paused);

/** The host as rendered, one file replaced by `edit` of its content. */
const onDiskEdited = (files: readonly RenderedFile[], path: string, edit: (text: string) => string) =>
  Object.fromEntries(files.map((f) => [f.path, f.path === path ? edit(f.content) : f.content]));

describe('planRestarts', () => {
  it('restarts each affected service once, in restart-map order whatever order the files changed in', () => {
    const changed = ['/etc/memcached.conf', '/etc/haproxy/haproxy.cfg', '/etc/glance/api-paste.ini', '/etc/glance/glance-api.conf'];
    expect(restartsFor(caracal, changed)).toEqual(['glance-api', 'haproxy', 'memcached']);
  });

  it('restarts apache2 once for its site and ports.conf', () => {
    const changed = ['/etc/apache2/ports.conf', '/etc/apache2/sites-available/openstack_https_frontend.conf'];
    expect(restartsFor(caracal, changed)).toEqual(['apache2']);
  });

  it('restarts nothing for policy.yaml (oslo.policy rereads it) or for unchanged files', () => {
    expect(restartsFor(caracal, ['/etc/glance/policy.yaml'])).toEqual([]);
    expect(restartsFor(caracal, [])).toEqual([]);
  });

  it('restarts nothing while the unit is paused', () => {
    expect(restartsFor(caracal, ['/etc/glance/glance-api.conf', '/etc/haproxy/haproxy.cfg'], true)).toEqual([]);
  });

  it('restarts glance-registry for ceph.conf only where the registry exists', () => {
    const ceph = ['/var/lib/charm/glance/ceph.conf'];
    expect(restartsFor(renderFiles(fullModel('queens'), TEMPLATES), ceph)).toEqual(['glance-api', 'glance-registry']);
    expect(restartsFor(renderFiles(fullModel(FIRST_WITHOUT_REGISTRY), TEMPLATES), ceph)).toEqual(['glance-api']);
  });

  it('restarts the registry before the api when both configs change (queens)', () => {
    const changed = ['/etc/glance/glance-api.conf', '/etc/glance/glance-registry.conf'];
    expect(restartsFor(renderFiles(fullModel('queens'), TEMPLATES), changed)).toEqual(['glance-registry', 'glance-api']);
  });
});

describe('planRestarts follows meaning, not bytes', () => {
  const api = '/etc/glance/glance-api.conf';
  const haproxy = '/etc/haproxy/haproxy.cfg';
  /** Sections in reverse order, each with its keys in reverse order (header first). */
  const reversedSections = (text: string) =>
    text
      .split(/^(?=\[)/m)
      .reverse()
      .map((section) => {
        const [header = '', ...keys] = section.trimEnd().split('\n');
        return `# moved\n${header}\n${keys.reverse().join('\n\n')}\n`;
      })
      .join('\n');

  it('a config file with other comments, blank lines, spacing and section and key order restarts nothing', () => {
    const edits: Array<[string, (t: string) => string]> = [
      [api, (t) => `# written by another charm\n\n${t.replaceAll(' = ', '=')}`],
      [api, reversedSections],
      [haproxy, (t) => `# header\n${t.replaceAll('\n', '\n\n').replaceAll('    ', '\t  ')}`],
      ['/etc/glance/policy.yaml', (t) => `# comment\n${t.split('\n').reverse().join('\n')}`],
      ['/etc/memcached.conf', (t) => t.replaceAll(/^#.*$/gm, '# other words')],
    ];
    for (const [path, edit] of edits) expect(planRestarts(caracal, onDiskEdited(caracal, path, edit), false), path).toEqual([]);
  });

  it('a changed value, key, section or directive order restarts', () => {
    const cases: Array<[string, (t: string) => string, string]> = [
      [api, (t) => t.replace('debug = False', 'debug = True'), 'glance-api'],
      [api, (t) => `${t}\n[extra]\nkey = value\n`, 'glance-api'],
      [api, (t) => t.replace(/^workers = .*$/m, ''), 'glance-api'],
      [haproxy, (t) => t.replace('timeout client 90000', 'timeout client 9000'), 'haproxy'],
      [haproxy, (t) => t.split('\n').reverse().join('\n'), 'haproxy'],
    ];
    for (const [path, edit, service] of cases) expect(planRestarts(caracal, onDiskEdited(caracal, path, edit), false), path).toEqual([service]);
  });

  it('a file without a syntax (certificates, keys) counts byte for byte', () => {
    const cert: RenderedFile = { path: '/etc/apache2/ssl/glance/cert_x', content: 'PEM\n', owner: { user: 'root', group: 'root', mode: 0o640 }, services: ['apache2'] };
    expect(planRestarts([cert], { [cert.path]: 'PEM\n\n' }, false)).toEqual(['apache2']);
  });
});
