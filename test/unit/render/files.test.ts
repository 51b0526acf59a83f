import { describe, expect, it } from 'vitest';
import { RELEASES } from '../../../src/base/release.js';
import { FILES } from '../../../src/render/files.js';
import { renderFiles } from '../../../src/render/render.js';
import { fullModel, minimalModel, tlsModel } from './fixtures.js';
import { TEMPLATES } from '../../fixtures/templates.js';
import { FIRST_WITHOUT_REGISTRY, LAST_WITH_REGISTRY } from '../../fixtures/releases.js';

const paths = (files: { path: string }[]): string[] => files.map((f) => f.path);

describe('file table', () => {
  it('writes the registry config only where the registry exists, policy.yaml from ussuri on', () => {
    expect(paths(renderFiles(minimalModel(LAST_WITH_REGISTRY), TEMPLATES))).toContain('/etc/glance/glance-registry.conf');
    expect(paths(renderFiles(minimalModel(FIRST_WITHOUT_REGISTRY), TEMPLATES))).not.toContain('/etc/glance/glance-registry.conf');
    expect(paths(renderFiles(minimalModel('train'), TEMPLATES))).not.toContain('/etc/glance/policy.yaml');
    expect(paths(renderFiles(minimalModel('ussuri'), TEMPLATES))).toContain('/etc/glance/policy.yaml');
  });

  it('every supported release renders api-paste.ini and api_audit_map.conf (the reference could not before yoga)', () => {
    for (const release of RELEASES) {
      const written = paths(renderFiles(minimalModel(release), TEMPLATES));
      expect(written, release).toEqual(expect.arrayContaining(['/etc/glance/api-paste.ini', '/etc/glance/api_audit_map.conf']));
    }
  });

  it('names the ceph.conf after the application and writes it only with ceph', () => {
    expect(paths(renderFiles({ ...fullModel(), appName: 'images' }, TEMPLATES))).toContain('/var/lib/charm/images/ceph.conf');
    expect(paths(renderFiles(minimalModel(), TEMPLATES)).some((p) => p.endsWith('ceph.conf'))).toBe(false);
  });

  it('writes the Apache site and ports.conf only with TLS', () => {
    const apache = (p: string): boolean => p.startsWith('/etc/apache2/');
    expect(paths(renderFiles(fullModel(), TEMPLATES)).filter(apache)).toEqual([]);
    expect(paths(renderFiles(tlsModel(), TEMPLATES)).filter(apache)).toEqual([
      '/etc/apache2/sites-available/openstack_https_frontend.conf',
      '/etc/apache2/ports.conf',
    ]);
  });

  it('keeps passwords from other users: glance configs root:glance 0640, haproxy.cfg root-only', () => {
    const owner = new Map(renderFiles(fullModel('queens'), TEMPLATES).map((f) => [f.path, f.owner]));
    for (const secret of ['/etc/glance/glance-api.conf', '/etc/glance/glance-registry.conf', '/etc/glance/glance-swift.conf']) {
      expect(owner.get(secret), secret).toEqual({ user: 'root', group: 'glance', mode: 0o640 });
    }
    expect(owner.get('/etc/haproxy/haproxy.cfg')?.mode).toBe(0o640);
    expect(owner.get('/etc/glance/api-paste.ini')).toEqual({ user: 'root', group: 'root', mode: 0o644 });
  });

  it('has one template per file and every template exists for every lineage that can use it', () => {
    expect(new Set(FILES.map((f) => f.template)).size).toBe(FILES.length);
    for (const release of RELEASES) expect(() => renderFiles(tlsModel(release), TEMPLATES), release).not.toThrow();
  });
});
