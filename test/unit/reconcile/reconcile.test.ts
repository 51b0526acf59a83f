import { parse as parseIni } from 'ini';
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../fixtures/hook-plan.js';
import { foldPlan, ofKind } from '../../fixtures/fold-plan.js';
import { deployed, snapshot } from '../../fixtures/snapshot.js';
import { TEMPLATES as templates } from '../../fixtures/templates.js';

const run = (s: Parameters<typeof reconcile>[0]) => reconcile(s, { templates });

describe('reconcile: the local-storage deployment', () => {
  it('with no relations: blocked on the two required relations, files still rendered', () => {
    const plan = run(snapshot());
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'blocked', message: 'Missing relations: database, identity' }]);
    expect(ofKind(plan, 'write-file').map((w) => w.path)).toContain('/etc/glance/glance-api.conf');
    // glance-api stays stopped until its database and keystone settings exist.
    expect(ofKind(plan, 'service').map((s) => s.service)).not.toContain('glance-api');
  });

  it('with mysql, keystone and nova-cloud-controller: configures, syncs the DB once, publishes, is ready', () => {
    const plan = run(deployed());
    const api = ofKind(plan, 'write-file').find((w) => w.path === '/etc/glance/glance-api.conf');
    const conf = parseIni(api?.content ?? '');
    expect(conf.database.connection).toBe('mysql+pymysql://glance:DBPASS@127.0.0.1/glance');
    expect(conf.keystone_authtoken.password).toBe('KSPASS');
    expect(ofKind(plan, 'command').map((c) => c.argv.join(' '))).toEqual(['glance-manage db_sync']);
    const sets = Object.fromEntries(ofKind(plan, 'publish').map((r) => [r.relationId, r.data]));
    expect(sets['shared-db:3']).toEqual({ database: 'glance', username: 'glance', hostname: '10.0.0.50' });
    expect(sets['identity-service:2']).toEqual({
      service: 'glance',
      region: 'RegionOne',
      public_url: 'http://10.0.0.50:9292',
      internal_url: 'http://10.0.0.50:9292',
      admin_url: 'http://10.0.0.50:9292',
    });
    expect(sets['image-service:9']).toEqual({ 'glance-api-ready': 'yes', 'glance-api-server': 'http://10.0.0.50:9292' });
    expect(ofKind(plan, 'service').map((s) => `${s.action} ${s.service}`)).toEqual(['restart glance-api', 'restart haproxy', 'restart memcached']);
    expect(ofKind(plan, 'open-port')).toEqual([{ kind: 'open-port', port: 9292 }]);
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'active', message: 'Unit is ready' }]);
  });

  it('a repeated hook writes no file, restarts nothing, sends nothing, sets no status', () => {
    const first = deployed();
    const second = foldPlan(first, run(first));
    const plan = run(second);
    expect(plan.effects).toEqual([]);
  });

  it('runs db_sync only on the leader and only when allowed_units names this unit', () => {
    expect(ofKind(run(deployed({ leader: false })), 'command')).toEqual([]);
    const notAllowed = deployed();
    const rel = notAllowed.relations['shared-db']?.[0];
    if (rel) rel.units['mysql/0'] = { ...rel.units['mysql/0'], allowed_units: 'glance/1' };
    expect(ofKind(run(notAllowed), 'command')).toEqual([]);
    expect(ofKind(run(deployed({ leaderData: { 'db-initialised': 'True' } })), 'command')).toEqual([]);
  });

  it('a bad config value blocks with a message naming it and rewrites nothing', () => {
    const good = foldPlan(deployed(), run(deployed()));
    const plan = run({ ...good, config: { 'image-size-cap': '12XB' } });
    expect(ofKind(plan, 'write-file')).toEqual([]);
    expect(ofKind(plan, 'service')).toEqual([]);
    const [status] = ofKind(plan, 'status');
    expect(status?.status).toBe('blocked');
    expect(status?.message).toContain('image-size-cap');
  });
});

describe('reconcile before the packages are installed', () => {
  it('writes no file and starts nothing, but reports the status', () => {
    const plan = run(snapshot({ host: { ...snapshot().host, glanceCommonVersion: null } }));
    expect(ofKind(plan, 'write-file')).toEqual([]);
    expect(ofKind(plan, 'service')).toEqual([]);
    expect(ofKind(plan, 'status')).toEqual([{ kind: 'status', status: 'blocked', message: 'Missing relations: database, identity' }]);
  });
});
