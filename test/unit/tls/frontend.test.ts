/**
 * The caracal-tls scenario through the whole pure core (ssl_cert/ssl_key, public host name
 * glance.example.com, a peer at 10.0.0.51): Apache's site and haproxy.cfg as the reference rendered
 * them, glance-api behind Apache on 9272, the certificate files, the Apache commands, and TLS
 * switched off again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../src/plan.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { directives, parseIni } from '../../fixtures/parse-config.js';
import { CA, CERT, KEY, TLS_CONFIG, apacheEnabled, b64, tlsSnapshot } from './tls-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const run = (s: Snapshot): Plan => reconcile(s, { templates });
const golden = (file: string) => readFileSync(new URL(`../../golden/reference/caracal-tls/${file}`, import.meta.url), 'utf8');
const written = (plan: Plan) => Object.fromEntries(ofKind(plan, 'write-file').map((w) => [w.path, w]));
const maskStats = (lines: string[]) => lines.map((l) => l.replace(/^stats auth admin:\S+$/, 'stats auth admin:<password>'));
const SITE = '/etc/apache2/sites-available/openstack_https_frontend.conf';

describe('TLS from ssl_cert / ssl_key (caracal-tls)', () => {
  const plan = run(tlsSnapshot());
  const files = written(plan);

  it('renders the Apache site as the reference did: one vhost per address and name on 9282, proxying to 9272', () => {
    expect(directives(files[SITE]?.content ?? '')).toEqual(directives(golden('etc__apache2__sites-available__openstack_https_frontend.conf')));
  });

  it('renders haproxy.cfg as the reference did: backends checked over SSL', () => {
    expect(maskStats(directives(files['/etc/haproxy/haproxy.cfg']?.content ?? ''))).toEqual(maskStats(directives(golden('etc__haproxy__haproxy.cfg'))));
  });

  it('moves glance-api to 9272 behind Apache', () => {
    expect(parseIni(files['/etc/glance/glance-api.conf']?.content ?? '').DEFAULT?.bind_port).toBe('9272');
  });

  it('keeps Apache off port 80', () => {
    expect(directives(files['/etc/apache2/ports.conf']?.content ?? '').filter((l) => l.startsWith('Listen'))).toEqual([]);
  });

  it('writes the certificate and key under every name a vhost uses, readable by root only', () => {
    for (const cn of ['10.0.0.50', 'glance.example.com']) {
      expect(files[`/etc/apache2/ssl/glance/cert_${cn}`]).toMatchObject({ content: CERT, owner: { user: 'root', group: 'root', mode: 0o640 } });
      expect(files[`/etc/apache2/ssl/glance/key_${cn}`]).toMatchObject({ content: KEY, owner: { user: 'root', group: 'root', mode: 0o640 } });
    }
  });

  it('enables the modules and the site, then restarts Apache after glance-api', () => {
    expect(ofKind(plan, 'command').map((c) => c.argv.join(' '))).toContain('a2enmod ssl proxy proxy_http headers');
    expect(ofKind(plan, 'command').map((c) => c.argv.join(' '))).toContain('a2ensite openstack_https_frontend');
    const restarts = ofKind(plan, 'service').map((s) => `${s.action} ${s.service}`);
    expect(restarts.indexOf('restart apache2')).toBeGreaterThan(restarts.indexOf('restart glance-api'));
  });

  it('does nothing on the next hook once the host is in that state', () => {
    const next = apacheEnabled(foldPlan(tlsSnapshot(), plan));
    expect(run({ ...next, hook: { ...next.hook, name: 'update-status' } }).effects).toEqual([]);
  });

  it('installs ssl_ca into the system trust store, once', () => {
    const s = tlsSnapshot({ ...TLS_CONFIG, ssl_ca: b64(CA) });
    const first = run(s);
    expect(written(first)['/usr/local/share/ca-certificates/juju-glance.crt']?.content).toBe(CA);
    expect(ofKind(first, 'command').map((c) => c.argv.join(' '))).toContain('update-ca-certificates --fresh');
    const again = run(apacheEnabled(foldPlan(s, first)));
    expect(ofKind(again, 'command')).toEqual([]);
  });

  it('switched off: the site is disabled, Apache stopped, glance-api back on 9282, endpoints http', () => {
    const on = apacheEnabled(foldPlan(tlsSnapshot(), plan));
    const off = run({ ...on, config: { 'os-public-hostname': 'glance.example.com' } });
    expect(ofKind(off, 'command').map((c) => c.argv.join(' '))).toEqual(['a2dissite openstack_https_frontend']);
    expect(ofKind(off, 'service').map((s) => `${s.action} ${s.service}`)).toContain('stop apache2');
    expect(ofKind(off, 'service').map((s) => `${s.action} ${s.service}`)).not.toContain('restart apache2');
    expect(parseIni(written(off)['/etc/glance/glance-api.conf']?.content ?? '').DEFAULT?.bind_port).toBe('9282');
    const keystone = ofKind(off, 'publish').find((r) => r.relationId === 'identity-service:2')?.data;
    expect(keystone?.public_url).toBe('http://glance.example.com:9292');
  });
});
