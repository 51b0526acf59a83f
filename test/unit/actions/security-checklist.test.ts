/**
 * security-checklist decisions: the reference's keys, PASS on what the charm renders for a
 * keystone reached over TLS, and a named reason for each way a deployment falls short.
 */
import { describe, expect, it } from 'vitest';
import { type ChecklistFacts, securityChecklist } from '../../../src/actions/checklist.js';
import { reconcile } from '../../fixtures/hook-plan.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { DB_REPLY, KEYSTONE_REPLY, relation, snapshot } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';


/** glance-api.conf exactly as the charm renders it for this keystone. */
function renderedApiConf(keystone: Record<string, string>): string {
  const snap = snapshot({
    relations: {
      'shared-db': [relation('shared-db', 3, 'mysql', { 'mysql/0': DB_REPLY })],
      'identity-service': [relation('identity-service', 2, 'keystone', { 'keystone/0': keystone })],
    },
  });
  return ofKind(reconcile(snap, { templates }), 'write-file').find((w) => w.path === '/etc/glance/glance-api.conf')?.content ?? '';
}

const TLS_KEYSTONE = { ...KEYSTONE_REPLY, service_protocol: 'https', auth_protocol: 'https' };
const GLANCE = 64055;
const facts = (over: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  release: 'caracal',
  configDir: { uid: 0, gid: GLANCE, mode: 0o40750 },
  ids: { root: 0, glanceUser: GLANCE, glanceGroup: GLANCE },
  apiConf: renderedApiConf(TLS_KEYSTONE),
  registryConf: null,
  policyJson: null,
  ...over,
});

describe('security-checklist', () => {
  it('passes every check on what the charm renders for a keystone over TLS', () => {
    expect(securityChecklist(facts())).toEqual({
      'validate-file-ownership': 'PASS',
      'validate-file-permissions': 'PASS',
      'validate-glance-uses-keystone': 'PASS',
      'validate-glance-uses-tls-for-keystone': 'PASS',
    });
  });

  it('accepts glance as the owner of /etc/glance and a stricter mode', () => {
    const r = securityChecklist(facts({ configDir: { uid: GLANCE, gid: GLANCE, mode: 0o40700 } }));
    expect([r['validate-file-ownership'], r['validate-file-permissions']]).toEqual(['PASS', 'PASS']);
  });

  it('names a wrong mode, owner or group of /etc/glance', () => {
    const r = securityChecklist(facts({ configDir: { uid: 1000, gid: 0, mode: 0o40755 } }));
    expect(r['validate-file-permissions']).toBe(
      'FAIL - /etc/glance has mode 755, should be 750 or stricter (no access for others, no writing for the group)',
    );
    expect(r['validate-file-ownership']).toBe(
      'FAIL - /etc/glance is owned by uid 1000, should be root or glance; /etc/glance has group id 0, should be glance',
    );
    expect(securityChecklist(facts({ configDir: { uid: 0, gid: GLANCE, mode: 0o40770 } }))['validate-file-permissions']).toMatch(/^FAIL - /);
    expect(securityChecklist(facts({ configDir: null }))['validate-file-ownership']).toBe('FAIL - /etc/glance does not exist');
  });

  it('fails TLS to a keystone reached over http, naming both URLs', () => {
    const r = securityChecklist(facts({ apiConf: renderedApiConf(KEYSTONE_REPLY) }));
    expect(r['validate-glance-uses-keystone']).toBe('PASS');
    expect(r['validate-glance-uses-tls-for-keystone']).toBe(
      'FAIL - glance-api.conf [keystone_authtoken] www_authenticate_uri is not https (http://10.0.0.10:5000/v3); glance-api.conf [keystone_authtoken] auth_url is not https (http://10.0.0.10:35357/v3)',
    );
  });

  it('fails TLS when certificate checks are off', () => {
    const conf = facts().apiConf?.replace('[keystone_authtoken]\n', '[keystone_authtoken]\ninsecure = True\n') ?? null;
    expect(securityChecklist(facts({ apiConf: conf }))['validate-glance-uses-tls-for-keystone']).toMatch(/insecure is set/);
  });

  it('fails keystone before the identity relation is ready, or with another auth strategy', () => {
    const noKeystone = snapshot({ relations: { 'shared-db': [relation('shared-db', 3, 'mysql', { 'mysql/0': DB_REPLY })] } });
    const bare = ofKind(reconcile(noKeystone, { templates }), 'write-file').find((w) => w.path === '/etc/glance/glance-api.conf')?.content ?? '';
    expect(securityChecklist(facts({ apiConf: bare }))['validate-glance-uses-keystone']).toMatch(/^FAIL - glance-api.conf does not authenticate with keystone/);
    const noauth = facts().apiConf?.replace('[DEFAULT]\n', '[DEFAULT]\nauth_strategy = noauth\n') ?? null;
    expect(securityChecklist(facts({ apiConf: noauth }))['validate-glance-uses-keystone']).toBe('FAIL - glance-api.conf sets auth_strategy = noauth');
    expect(securityChecklist(facts({ apiConf: null }))['validate-glance-uses-keystone']).toBe('FAIL - glance-api.conf is missing');
  });

  it('checks glance-registry.conf too where it exists; before rocky also that policy.json restricts copy_from', () => {
    const queens = facts({ release: 'queens', registryConf: null, policyJson: '{"copy_from": ""}' });
    const r = securityChecklist(queens);
    expect(r['validate-glance-uses-keystone']).toBe('FAIL - glance-registry.conf is missing');
    expect(r['prevent-masked-port-scans']).toBe('FAIL - policy.json should restrict copy_from (e.g. "role:admin")');
    const fixed = securityChecklist({ ...queens, registryConf: queens.apiConf, policyJson: '{"copy_from": "role:admin"}' });
    expect(fixed['validate-glance-uses-keystone']).toBe('PASS');
    expect(fixed['prevent-masked-port-scans']).toBe('PASS');
    expect(securityChecklist(facts({ release: 'rocky' }))).not.toHaveProperty('prevent-masked-port-scans');
  });
});
