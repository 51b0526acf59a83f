/**
 * Three glance units in network spaces, with os-public-network pointing the public endpoint at a
 * network no binding uses, then made highly available with one VIP per network through hacluster:
 * what keystone, the database and the peers are told, what each unit's haproxy listens on and
 * balances over, what hacluster gets, and a broken HA rule failing config-changed until fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../sim/engine.js';
import { HA_RULE_MESSAGES } from '../../../src/ha/rules.js';
import { vipResourceName } from '../../../src/ha/vip-resources.js';
import { CHARM_DIR, KEYSTONE, addressIn, deployWithSpaces, failed, playMysql } from './harness.js';
import { IN_PROCESS } from '../in-process.js';

const UNITS = ['glance/0', 'glance/1', 'glance/2'];
const VIPS = { internal: '10.20.0.100', admin: '10.30.0.100', public: '203.0.113.100' };
const CONFIG = { 'os-public-network': '203.0.113.0/24' };
/** Every hook is a real charm process (about 130 hooks here): generous on a loaded machine. */
const SETUP_MS = 2_400_000;

/** haproxy.cfg as data: frontend ACLs in order, the default backend, and each backend's servers. */
function haproxyLayout(cfg: string) {
  const lines = cfg.split('\n').map((l) => l.trim());
  const acls = lines.filter((l) => l.startsWith('acl ')).map((l) => l.split(/\s+/).slice(1, 4).join(' '));
  const defaultBackend = lines.find((l) => l.startsWith('default_backend '))?.split(/\s+/)[1];
  const backends: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const l of lines) {
    if (l.startsWith('backend ')) backends[l.split(/\s+/)[1] ?? ''] = current = [];
    else if (l.startsWith('server ') && current) current.push(l.split(/\s+/).slice(1, 3).join(' '));
    else if (l === '' || l.startsWith('frontend ') || l.startsWith('listen ')) current = undefined;
  }
  return { acls, defaultBackend, backends };
}

describe('three units in network spaces, then hacluster with a VIP per network', () => {
  const sim = new Sim({ charmDir: CHARM_DIR, inProcess: IN_PROCESS });
  const cluster = (n: number) => sim.unit(UNITS[n] ?? '').privateAddress;
  let ids: Record<string, string>;

  beforeAll(async () => {
    playMysql(sim);
    await deployWithSpaces(sim, 3, CONFIG);
    ids = {
      db: (await sim.integrate('shared-db', 'mysql', { units: { 'mysql/0': {} } })).id,
      keystone: (await sim.integrate('identity-service', 'keystone', { units: { 'keystone/0': KEYSTONE } })).id,
      swift: (await sim.integrate('object-store', 'swift-proxy')).id,
    };
  }, SETUP_MS);
  afterAll(() => sim.dispose());

  it('every hook so far succeeded and every unit is ready', () => {
    expect(failed(sim.history)).toEqual([]);
    for (const unit of UNITS) expect(sim.status(unit), unit).toMatchObject({ status: 'active', message: 'Unit is ready' });
  });

  it('registers each endpoint on its own network; os-public-network wins over the public binding', () => {
    UNITS.forEach((unit, n) => {
      expect(sim.published(ids.keystone ?? '', unit), unit).toMatchObject({
        public_url: `http://${addressIn('spare', n)}:9292`,
        internal_url: `http://${addressIn('internal', n)}:9292`,
        admin_url: `http://${addressIn('admin', n)}:9292`,
      });
    });
  });

  it('asks for its database grant from its shared-db space', () => {
    UNITS.forEach((unit, n) => {
      expect(sim.published(ids.db ?? '', unit).hostname, unit).toBe(addressIn('internal', n));
    });
  });

  it('tells its peers its address on every network', () => {
    const peers = sim.relations('cluster')[0];
    UNITS.forEach((unit, n) => {
      expect(peers?.localUnits[unit], unit).toMatchObject({
        'private-address': cluster(n),
        'public-address': addressIn('spare', n),
        'internal-address': addressIn('internal', n),
        'admin-address': addressIn('admin', n),
      });
    });
  });

  it("fronts each network with haproxy and balances over every unit's address on that network", () => {
    UNITS.forEach((unit, n) => {
      const layout = haproxyLayout(sim.readFile(unit, '/etc/haproxy/haproxy.cfg') ?? '');
      const own = [addressIn('admin', n), addressIn('internal', n), addressIn('spare', n), cluster(n)];
      expect(layout.acls, unit).toEqual(own.map((a) => `net_${a} dst ${a}/255.255.255.0`));
      expect(layout.defaultBackend, unit).toBe(`glance_api_${cluster(n)}`);
      const servers = (address: (m: number) => string) => UNITS.map((u, m) => `${u.replace('/', '-')} ${address(m)}:9282`);
      expect(layout.backends, unit).toEqual({
        [`glance_api_${addressIn('admin', n)}`]: servers((m) => addressIn('admin', m)),
        [`glance_api_${addressIn('internal', n)}`]: servers((m) => addressIn('internal', m)),
        [`glance_api_${addressIn('spare', n)}`]: servers((m) => addressIn('spare', m)),
        [`glance_api_${cluster(n)}`]: servers(cluster),
      });
    });
  });

  describe('with hacluster', () => {
    let ha: string;
    let before: Record<string, Record<string, string>>;

    beforeAll(async () => {
      before = Object.fromEntries(UNITS.map((u) => [u, sim.published(ids.keystone ?? '', u)]));
      await sim.config({ vip: `${VIPS.internal} ${VIPS.admin} ${VIPS.public}` });
      ha = (await sim.integrate('ha', 'hacluster')).id;
    }, SETUP_MS);

    it('hands hacluster one VIP resource per network, each found on the unit interface for it', () => {
      expect(failed(sim.history)).toEqual([]);
      for (const unit of UNITS) {
        const data = sim.published(ha, unit);
        const params = JSON.parse(data.json_resource_params ?? '{}');
        for (const vip of Object.values(VIPS)) {
          expect(params[vipResourceName(vip)], `${unit} ${vip}`).toBe(`params ip="${vip}" op monitor timeout="20s" interval="10s" depth="0"`);
        }
        expect(JSON.parse(data.json_delete_resources ?? '[]'), unit).toEqual(['res_glance_ens5_vip', 'res_glance_ens6_vip', 'res_glance_ens7_vip']);
        expect(JSON.parse(data.json_clones ?? '{}'), unit).toEqual({ cl_glance_haproxy: 'res_glance_haproxy' });
      }
    });

    it('keeps the endpoints keystone has until the cluster is up', () => {
      for (const unit of UNITS) expect(sim.published(ids.keystone ?? '', unit), unit).toEqual(before[unit]);
    });

    it('moves every endpoint to the VIP of its network once hacluster reports clustered', async () => {
      const results = await sim.setRemoteData(ha, { units: Object.fromEntries(UNITS.map((_, n) => [`hacluster/${n}`, { clustered: 'yes' }])) });
      expect(failed(results)).toEqual([]);
      for (const unit of UNITS) {
        expect(sim.published(ids.keystone ?? '', unit), unit).toMatchObject({
          public_url: `http://${VIPS.public}:9292`,
          internal_url: `http://${VIPS.internal}:9292`,
          admin_url: `http://${VIPS.admin}:9292`,
        });
      }
    });

    it('leaves starting haproxy to pacemaker', () => {
      const starts = sim.commands().filter((c) => c.argv.includes('haproxy') && c.argv.includes('start'));
      const sinceHa = sim.history.findIndex((r) => r.hook === 'ha-relation-created');
      expect(starts.filter((c) => sim.history.findIndex((r) => r.commands.includes(c)) > sinceHa)).toEqual([]);
    });

    it('fails config-changed with the broken rule while vip and dns-ha are both set, and recovers when fixed', async () => {
      const sent = Object.fromEntries(UNITS.map((u) => [u, sim.published(ha, u)]));
      const broken = await sim.config({ 'dns-ha': true, 'os-public-hostname': 'glance.example.com' });
      for (const unit of UNITS) {
        const hook = broken.find((r) => r.unit === unit && r.hook === 'config-changed');
        expect(hook?.exitCode, unit).not.toBe(0);
        expect(hook?.stderr.trim(), unit).toBe(`config-changed: ${HA_RULE_MESSAGES.both}`);
        expect(sim.status(unit), unit).toMatchObject({ status: 'blocked', message: HA_RULE_MESSAGES.both, hookError: 'config-changed' });
        expect(sim.published(ha, unit), unit).toEqual(sent[unit]);
      }
      const fixed = await sim.config({ 'dns-ha': null, 'os-public-hostname': null });
      expect(failed(fixed)).toEqual([]);
      for (const unit of UNITS) expect(sim.status(unit), unit).toMatchObject({ status: 'active', message: 'Unit is ready', hookError: null });
    });
  });
});
