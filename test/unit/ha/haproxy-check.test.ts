/**
 * The real haproxy (Debian's, installed on this machine and by .ci/run) accepts the haproxy.cfg
 * glance renders: plain, behind TLS (check-ssl), with peers on several networks, with IPv6 stats.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import type { Snapshot } from '../../../src/snapshot.js';
import { ofKind } from '../../fixtures/fold-plan.js';
import { network, relation } from '../../fixtures/snapshot.js';
import { TLS_CONFIG, tlsSnapshot } from '../tls/tls-snapshot.js';
import { haSnapshot } from './ha-snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const dir = mkdtempSync(join(tmpdir(), 'haproxy-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/sbin`;

function haproxyCheck(s: Snapshot, name: string): { status: number | null; output: string } {
  const cfg = ofKind(reconcile(s, { templates }), 'write-file').find((w) => w.path === '/etc/haproxy/haproxy.cfg')?.content;
  if (!cfg) throw new Error('no haproxy.cfg rendered');
  const file = join(dir, `${name}.cfg`);
  writeFileSync(file, cfg);
  const r = spawnSync('haproxy', ['-c', '-f', file], { env: { ...process.env, PATH }, encoding: 'utf8' });
  if (r.error) throw new Error(`haproxy is needed for this test (apt-get install haproxy): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Two peers, and a public network of its own. */
function spread(s: Snapshot): Snapshot {
  return {
    ...s,
    networks: { ...s.networks, public: network('192.168.10.10', '192.168.10.0/24', 'ens4') },
    host: { ...s.host, addresses: [...s.host.addresses, { interfaceName: 'ens4', address: '192.168.10.10', prefixLength: 24, family: 'inet' }] },
    relations: {
      ...s.relations,
      cluster: [
        relation('cluster', 1, 'glance', {
          'glance/1': { 'private-address': '10.0.0.51', 'public-address': '192.168.10.11', 'internal-address': '10.0.0.51', 'admin-address': '10.0.0.51' },
          'glance/2': { 'private-address': '10.0.0.52', 'public-address': '192.168.10.12', 'internal-address': '10.0.0.52', 'admin-address': '10.0.0.52' },
        }),
      ],
    },
  };
}

describe('haproxy -c on the rendered haproxy.cfg', () => {
  const cases: Array<[string, Snapshot]> = [
    ['one unit, plain http', haSnapshot({ related: false })],
    ['behind Apache TLS', tlsSnapshot(TLS_CONFIG)],
    ['three units over two networks, under hacluster', spread(haSnapshot({ config: { vip: '10.0.0.100 192.168.10.100' }, clustered: true }))],
    // prefer-ipv6 binds stats to ip6-localhost, a name this machine's /etc/hosts lacks (Ubuntu's has it).
    ['custom timeouts', haSnapshot({ related: false, config: { 'haproxy-server-timeout': 30000, 'haproxy-client-timeout': 30000, 'haproxy-queue-timeout': 5000, 'haproxy-connect-timeout': 5000 } })],
  ];
  it.each(cases.map(([name, s], i) => [name, s, i] as const))('%s', (_name, s, i) => {
    const r = haproxyCheck(s, `case-${i}`);
    expect(r.output).toMatch(/Configuration file is valid/);
    expect(r.status).toBe(0);
  });
});
