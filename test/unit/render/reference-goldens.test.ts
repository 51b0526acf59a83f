/**
 * What the reference Python charm rendered for three caracal deployments (test/golden/reference, copied
 * from the shared reference material), compared with what we render for the same facts: same sections,
 * keys and values; layout and comments ignored.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { GlanceModel } from '../../../src/model/types.js';
import type { RenderedFile } from '../../../src/base/host-file.js';
import { renderFiles } from '../../../src/render/render.js';
import { fullModel, minimalModel, tlsModel } from './fixtures.js';
import { directives, parseIni } from '../../fixtures/parse-config.js';
import { GOLDEN_DIR, goldenName, TEMPLATES } from '../../fixtures/templates.js';

const REFERENCE = join(GOLDEN_DIR, 'reference');

type Reader = (text: string) => unknown;
// The stats password is random per deployment (kept in unit state), so only its presence is compared.
const haproxy: Reader = (text) =>
  directives(text).map((line) => line.replace(/^stats auth admin:\S+$/, 'stats auth admin:<password>'));
const READERS: Record<string, Reader> = {
  'etc__glance__glance-api.conf': parseIni,
  'etc__glance__glance-swift.conf': parseIni,
  'etc__glance__api-paste.ini': parseIni,
  'etc__glance__api_audit_map.conf': parseIni,
  'etc__glance__policy.yaml': parseYaml,
  'var__lib__charm__glance__ceph.conf': parseIni,
  'etc__haproxy__haproxy.cfg': haproxy,
  'etc__memcached.conf': directives,
  'etc__apache2__sites-available__openstack_https_frontend.conf': directives,
};

const SCENARIOS: Record<string, () => GlanceModel> = {
  'caracal-minimal': minimalModel,
  'caracal-full': fullModel,
  'caracal-tls': tlsModel,
};

const render = (model: GlanceModel): Map<string, RenderedFile> =>
  new Map(renderFiles(model, TEMPLATES).map((f) => [goldenName(f.path), f]));
const content = (files: Map<string, RenderedFile>, path: string): string => files.get(goldenName(path))?.content ?? '';

describe('reference goldens', () => {
  for (const [scenario, model] of Object.entries(SCENARIOS)) {
    describe(scenario, () => {
      const rendered = render(model());
      const goldens = readdirSync(join(REFERENCE, scenario)).sort();

      for (const name of goldens) {
        it(`renders ${name} as the reference did`, () => {
          const read = READERS[name];
          if (!read) throw new Error(`no reader for ${name}`);
          const golden = readFileSync(join(REFERENCE, scenario, name), 'utf8');
          const ours = rendered.get(name)?.content;
          // The reference wrote an empty Apache site without TLS; we do not write that file at all.
          if (golden.trim() === '') expect(ours ?? '').toBe('');
          else expect(read(ours ?? '')).toEqual(read(golden));
        });
      }

      it('writes the reference files plus /etc/default/haproxy; the Apache files only with TLS', () => {
        const tls = scenario === 'caracal-tls';
        const apache = (name: string): boolean => name.includes('__apache2__');
        const expected = [
          ...goldens.filter((name) => tls || !apache(name)),
          'etc__default__haproxy',
          ...(tls ? ['etc__apache2__ports.conf'] : []),
        ];
        expect([...rendered.keys()].sort()).toEqual(expected.sort());
      });
    });
  }
});

describe('key lines of the reference scenarios', () => {
  it('minimal: glance-api on 9282 behind haproxy, local store only, no messaging, no ceph', () => {
    const files = render(minimalModel());
    const api = parseIni(content(files, '/etc/glance/glance-api.conf'));
    expect(api.DEFAULT).toMatchObject({ bind_port: '9282', enabled_backends: 'local:file', workers: '4' });
    expect(api.DEFAULT).not.toHaveProperty('transport_url');
    expect(api.DEFAULT).not.toHaveProperty('show_image_direct_url');
    expect(api.glance_store).toEqual({ default_backend: 'local' });
    expect(api).not.toHaveProperty('oslo_messaging_notifications');
    expect(api.barbican).toEqual({ auth_endpoint: 'http://10.0.0.10:5000/v3' });
    expect(files.has(goldenName('/var/lib/charm/glance/ceph.conf'))).toBe(false);
    expect(content(files, '/etc/glance/glance-swift.conf')).toBe('');
  });

  it('full: notifications to rabbit, ceph is the default store, both units behind haproxy', () => {
    const files = render(fullModel());
    const api = parseIni(content(files, '/etc/glance/glance-api.conf'));
    expect(api.oslo_messaging_notifications).toEqual({
      driver: 'messagingv2',
      transport_url: 'rabbit://glance:RMQPASS@10.0.0.20:5672/openstack',
    });
    expect(api.glance_store).toEqual({ default_backend: 'ceph', rados_connect_timeout: '1200' });
    expect(api.DEFAULT?.show_image_direct_url).toBe('True');
    expect(content(files, '/etc/haproxy/haproxy.cfg')).toContain('server glance-1 10.0.0.51:9282 check\n');
    expect(content(files, '/var/lib/charm/glance/ceph.conf')).toContain('mon host = 10.0.0.31 10.0.0.32\n');
  });

  it('tls: Apache takes 9282 with one vhost per certificate name, glance-api moves to 9272', () => {
    const files = render(tlsModel());
    expect(parseIni(content(files, '/etc/glance/glance-api.conf')).DEFAULT?.bind_port).toBe('9272');
    expect(content(files, '/etc/haproxy/haproxy.cfg')).toContain('server glance-0 10.0.0.50:9282 check check-ssl verify none\n');
    const site = directives(content(files, '/etc/apache2/sites-available/openstack_https_frontend.conf'));
    expect(site.filter((l) => l.startsWith('Listen'))).toEqual(['Listen 9282']);
    expect(site.filter((l) => l.startsWith('ServerName'))).toEqual(['ServerName 10.0.0.50', 'ServerName glance.example.com']);
    expect(site).toContain('SSLCertificateKeyFile /etc/apache2/ssl/glance/key_glance.example.com');
    expect(site).toContain('ProxyPass / http://localhost:9272/');
    // Reference §13 Q3: the reference never wrote ports.conf, so Apache also listened on 80.
    expect(directives(content(files, '/etc/apache2/ports.conf'))).toEqual([]);
  });
});
