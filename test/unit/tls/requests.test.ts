/**
 * What glance asks the certificates relation for and tells keystone and nova with TLS on, compared
 * with the reference's recorded relation data.
 */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';
import { TLS_CONFIG, tlsSnapshot } from './tls-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const sent = (s: Snapshot, id: string) => ofKind(reconcile(s, { templates }), 'publish').find((r) => r.relationId === id)?.data;

const withVault = (s: Snapshot): Snapshot => ({
  ...s,
  hook: { ...s.hook, name: 'certificates-relation-joined' },
  relations: { ...s.relations, certificates: [relation('certificates', 8, 'vault', { 'vault/0': {} })] },
});

describe('certificate requests', () => {
  it('asks for the unit certificate, named after the host, covering its address', () => {
    expect(sent(withVault(tlsSnapshot({})), 'certificates:8')).toEqual(referenceRelationData('certs_joined'));
  });

  it('asks for one certificate per host name, with the VIP of its network, and moves those names off the unit one', () => {
    const s = withVault(tlsSnapshot({ vip: '10.0.0.100', 'os-public-hostname': 'glance.example.com' }));
    expect(sent(s, 'certificates:8')).toEqual(referenceRelationData('certs_joined with public hostname'));
  });

  it('asks for the internal host name too (the reference forgot it; Apache needs its certificate)', () => {
    const s = withVault(tlsSnapshot({ 'os-internal-hostname': 'glance.internal' }));
    const request = JSON.parse(sent(s, 'certificates:8')?.cert_requests ?? '{}');
    expect(request).toEqual({ 'glance.internal': { sans: ['10.0.0.50', 'glance.internal'] }, 'juju-glance-0': { sans: ['10.0.0.50'] } });
  });
});

describe('https endpoints', () => {
  it('registers https URLs with the public host name in keystone', () => {
    const s = tlsSnapshot();
    expect(sent(s, 'identity-service:2')).toEqual(referenceRelationData('keystone_joined public hostname + https'));
  });

  it('tells nova the https internal URL', () => {
    expect(sent(tlsSnapshot(), 'image-service:9')).toEqual(referenceRelationData('image_service_joined https'));
  });

  it('stays on http with only one of ssl_cert and ssl_key', () => {
    const { ssl_key: _key, ...certOnly } = TLS_CONFIG;
    expect(sent(tlsSnapshot(certOnly), 'identity-service:2')?.internal_url).toBe('http://10.0.0.50:9292');
  });
});
