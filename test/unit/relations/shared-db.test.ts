/**
 * shared-db, called directly: what glance asks mysql for, when the reply is usable, the
 * connection it leads to, and the TLS material it hands over to the host.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/index.js';
import { databaseContext, sharedDb } from '../../../src/relations/shared-db.js';
import type { Databag } from '../../../src/snapshot.js';
import { publishEnv, readEnv } from '../../fixtures/relation-env.js';
import { DB_REPLY, relation } from '../../fixtures/snapshot.js';
import { referenceRelationData } from '../ha/reference-outputs.js';

const env = readEnv();
const rel = (units: Record<string, Databag>) => [relation('shared-db', 3, 'mysql', units)];
const one = (bag: Databag) => sharedDb.read(rel({ 'mysql/0': bag }), env);

const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${Buffer.from(body).toString('base64')}\n-----END ${kind}-----\n`;
const b64 = (text: string) => Buffer.from(text).toString('base64');
const CA = pem('CERTIFICATE', 'db ca');
const CERT = pem('CERTIFICATE', 'db client cert');
const KEY = pem('PRIVATE KEY', 'db client key');
const SECRET = { user: 'root', group: 'glance', mode: 0o640 };

const connection = (bag: Databag, options: Record<string, unknown> = {}) => {
  const r = one(bag);
  if (r.state !== 'ready') throw new Error(`not ready: ${JSON.stringify(r)}`);
  return databaseContext(r.context, parseConfig(options).config).connection;
};

describe('shared-db: what the read phase and status rely on', () => {
  it('reads the unit databags, asks for its binding, and is the required database group', () => {
    expect(sharedDb.endpoint).toBe('shared-db');
    expect(sharedDb.reads).toBe('units');
    expect(sharedDb.binding).toBe(true);
    expect(sharedDb.group).toEqual({ name: 'database', required: true });
    expect(sharedDb.completeWith).toBeUndefined();
    expect(sharedDb.ownBag).toBeUndefined();
  });
});

describe('shared-db: readiness', () => {
  it('is absent when unrelated', () => {
    expect(sharedDb.read([], env)).toEqual({ state: 'absent' });
  });

  it('is incomplete, naming db_host and password, until mysql answers', () => {
    const missing = { state: 'incomplete', missing: ['db_host', 'password'] };
    expect(sharedDb.read(rel({}), env)).toEqual(missing);
    expect(one({ 'private-address': '10.0.0.30' })).toEqual(missing);
    expect(one({ db_host: '127.0.0.1' })).toEqual(missing);
    expect(one({ password: 'DBPASS' })).toEqual(missing);
    expect(one({ db_host: '127.0.0.1', password: '' })).toEqual(missing);
  });

  it('is ready with the golden reply: host, password, allowed units, no TLS', () => {
    expect(one(DB_REPLY)).toEqual({ state: 'ready', context: { host: '127.0.0.1', password: 'DBPASS', allowedUnits: ['glance/0'], ssl: undefined } });
  });

  it('splits allowed_units on any whitespace and tolerates its absence', () => {
    const r = one({ ...DB_REPLY, allowed_units: ' glance/0  glance/1\nglance/2 ' });
    expect(r).toMatchObject({ context: { allowedUnits: ['glance/0', 'glance/1', 'glance/2'] } });
    const { allowed_units: _gone, ...noAllowed } = DB_REPLY;
    expect(one(noAllowed)).toMatchObject({ state: 'ready', context: { allowedUnits: [] } });
  });

  it('takes the first unit whose reply is usable, over one that is not', () => {
    const r = sharedDb.read(rel({ 'mysql/0': { db_host: 'bad host', password: 'X' }, 'mysql/1': { ...DB_REPLY, db_host: '10.0.0.31' } }), env);
    expect(r).toMatchObject({ state: 'ready', context: { host: '10.0.0.31' } });
  });

  it('keeps waiting on a host or password that would break the connection URL, without throwing', () => {
    const hostile: Databag[] = [
      { ...DB_REPLY, db_host: '127.0.0.1\nsomething' },
      { ...DB_REPLY, db_host: '10.0.0.1 10.0.0.2' },
      { ...DB_REPLY, db_host: 'db.example.com/evil' },
      { ...DB_REPLY, db_host: 'user@db' },
      { ...DB_REPLY, db_host: '' },
      { ...DB_REPLY, password: 'pw\nline' },
      { ...DB_REPLY, password: 'pw\rline' },
      { ...DB_REPLY, password: 'pw\0' },
    ];
    for (const bag of hostile) expect(one(bag), JSON.stringify(bag)).toEqual({ state: 'incomplete', missing: ['db_host', 'password'] });
  });

  it('keeps waiting when TLS material is not base64 PEM (TLS is never quietly turned off)', () => {
    for (const bad of ['not base64 !', b64('just text'), b64(`${CA}\nrogue = line`), b64('-----BEGIN CERTIFICATE-----\r\nX\r\n-----END CERTIFICATE-----')]) {
      expect(one({ ...DB_REPLY, ssl_ca: bad }).state, bad).toBe('incomplete');
    }
    expect(one({ ...DB_REPLY, ssl_ca: b64(CA), ssl_key: 'garbage' }).state).toBe('incomplete');
  });

  it('decodes the TLS material it was sent', () => {
    expect(one({ ...DB_REPLY, ssl_ca: b64(CA), ssl_cert: b64(CERT), ssl_key: b64(KEY) })).toMatchObject({
      state: 'ready',
      context: { ssl: { ca: CA, cert: CERT, key: KEY } },
    });
    // A client certificate without a CA is not TLS: nothing is handed over.
    expect(one({ ...DB_REPLY, ssl_cert: b64(CERT), ssl_key: b64(KEY) })).toMatchObject({ state: 'ready', context: { ssl: undefined } });
  });
});

describe('shared-db: the connection glance uses', () => {
  it('is the golden caracal URL, database and user from config', () => {
    expect(connection(DB_REPLY)).toBe('mysql+pymysql://glance:DBPASS@127.0.0.1/glance');
    expect(connection(DB_REPLY, { database: 'images', 'database-user': 'img' })).toBe('mysql+pymysql://img:DBPASS@127.0.0.1/images');
    const r = one(DB_REPLY);
    if (r.state === 'ready') expect(databaseContext(r.context, env.config).recycleKey).toBe('connection_recycle_time');
  });

  it('escapes the password and brackets an IPv6 host', () => {
    expect(connection({ ...DB_REPLY, password: 'p@ss/w:rd?#&=%' })).toBe('mysql+pymysql://glance:p%40ss%2Fw%3Ard%3F%23%26%3D%25@127.0.0.1/glance');
    expect(connection({ ...DB_REPLY, db_host: 'fd00::5' })).toBe('mysql+pymysql://glance:DBPASS@[fd00::5]/glance');
    expect(connection({ ...DB_REPLY, db_host: 'db.example.com' })).toBe('mysql+pymysql://glance:DBPASS@db.example.com/glance');
  });

  it('names the TLS files it writes: the CA alone, or with the client pair', () => {
    expect(connection({ ...DB_REPLY, ssl_ca: b64(CA) })).toBe('mysql+pymysql://glance:DBPASS@127.0.0.1/glance?ssl_ca=/etc/glance/db-client.ca');
    expect(connection({ ...DB_REPLY, ssl_ca: b64(CA), ssl_cert: b64(CERT), ssl_key: b64(KEY) })).toBe(
      'mysql+pymysql://glance:DBPASS@127.0.0.1/glance?ssl_ca=/etc/glance/db-client.ca&ssl_cert=/etc/glance/db-client.cert&ssl_key=/etc/glance/db-client.key',
    );
    // Half a client pair is no client pair.
    expect(connection({ ...DB_REPLY, ssl_ca: b64(CA), ssl_cert: b64(CERT) })).toBe('mysql+pymysql://glance:DBPASS@127.0.0.1/glance?ssl_ca=/etc/glance/db-client.ca');
  });
});

describe('shared-db: files, paths', () => {
  const files = (bag: Databag) => {
    const r = one(bag);
    if (r.state !== 'ready') throw new Error('not ready');
    return sharedDb.files?.(r.context, 'glance');
  };

  it('hands over nothing without TLS', () => {
    expect(files(DB_REPLY)).toEqual([]);
  });

  it('writes the CA, and the client pair when both came, root:glance 0640, restarting glance-api', () => {
    expect(files({ ...DB_REPLY, ssl_ca: b64(CA) })).toEqual([{ path: '/etc/glance/db-client.ca', content: CA, owner: SECRET, services: ['glance-api'] }]);
    expect(files({ ...DB_REPLY, ssl_ca: b64(CA), ssl_cert: b64(CERT), ssl_key: b64(KEY) })).toEqual([
      { path: '/etc/glance/db-client.ca', content: CA, owner: SECRET, services: ['glance-api'] },
      { path: '/etc/glance/db-client.cert', content: CERT, owner: SECRET, services: ['glance-api'] },
      { path: '/etc/glance/db-client.key', content: KEY, owner: SECRET, services: ['glance-api'] },
    ]);
    expect(files({ ...DB_REPLY, ssl_ca: b64(CA), ssl_key: b64(KEY) })?.map((f) => f.path)).toEqual(['/etc/glance/db-client.ca']);
  });

  it('declares every path it may write, so one no longer handed over is removed', () => {
    expect(sharedDb.paths?.('glance')).toEqual(['/etc/glance/db-client.ca', '/etc/glance/db-client.cert', '/etc/glance/db-client.key']);
    expect(sharedDb.teardown).toBeUndefined();
  });
});

describe('shared-db: what glance publishes', () => {
  const publish = (units: Record<string, Databag>, o: Parameters<typeof publishEnv>[0] = {}) =>
    sharedDb.publish?.(relation('shared-db', 3, 'mysql', units), publishEnv(o), {});

  it('asks for its database and user from the shared-db binding address (golden db_joined, Juju adds private-address)', () => {
    const { 'private-address': _juju, ...golden } = referenceRelationData('db_joined');
    expect(publish({})).toEqual(golden);
    expect(publish({})).toEqual({ database: 'glance', username: 'glance', hostname: '10.0.0.50' });
    expect(publish({}, { options: { database: 'images', 'database-user': 'img' } })).toEqual({ database: 'images', username: 'img', hostname: '10.0.0.50' });
  });

  it('uses the shared-db binding, not the cluster address', () => {
    const networks = { 'shared-db': { bindAddresses: [{ interfaceName: 'ens4', address: '10.20.0.5', cidr: '10.20.0.0/24' }], ingressAddresses: ['10.20.0.5'] } };
    expect(publish({}, { networks })?.hostname).toBe('10.20.0.5');
  });

  it("re-sets hostname to this unit's address in mysql's access-network", () => {
    const host = {
      addresses: [
        { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
        { interfaceName: 'ens5', address: '192.168.10.5', prefixLength: 24, family: 'inet' as const },
      ],
    };
    expect(publish({ 'mysql/0': { 'access-network': '192.168.10.0/24' } }, { host })?.hostname).toBe('192.168.10.5');
    // No address of the unit in that network: the binding address stays.
    expect(publish({ 'mysql/0': { 'access-network': '172.16.0.0/16' } }, { host })?.hostname).toBe('10.0.0.50');
    // A value that is not a network is ignored, not thrown on.
    expect(publish({ 'mysql/0': { 'access-network': 'not a cidr\n' } }, { host })?.hostname).toBe('10.0.0.50');
  });

  it("with prefer-ipv6, sends the unit's global IPv6 addresses as a JSON list, link-local left out", () => {
    const host = {
      addresses: [
        { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
        { interfaceName: 'ens3', address: 'fe80::1', prefixLength: 64, family: 'inet6' as const },
        { interfaceName: 'ens3', address: '2001:db8::50', prefixLength: 64, family: 'inet6' as const },
        { interfaceName: 'ens4', address: '2001:db8:1::50', prefixLength: 64, family: 'inet6' as const },
      ],
    };
    const out = publish({}, { options: { 'prefer-ipv6': true }, host });
    expect(out).toEqual({ database: 'glance', username: 'glance', hostname: '["2001:db8::50","2001:db8:1::50"]' });
    expect(JSON.parse(out?.hostname ?? '')).toEqual(['2001:db8::50', '2001:db8:1::50']);
  });
});

describe('shared-db hostname with prefer-ipv6', () => {
  // Reference sync_db_with_multi_ipv6_addresses: get_ipv6_addr(dynamic_only=False) (scope global
  // addresses only, so never ::1) plus every IPv6 VIP. glance sends ::1 (from lo) as a grant host and
  // leaves the VIPs out, so MySQL may refuse a connection that leaves from the VIP.
  it('sends the global IPv6 addresses and the IPv6 VIPs, never the loopback', () => {
    const host = {
      addresses: [
        { interfaceName: 'lo', address: '127.0.0.1', prefixLength: 8, family: 'inet' as const },
        { interfaceName: 'lo', address: '::1', prefixLength: 128, family: 'inet6' as const },
        { interfaceName: 'ens3', address: '10.0.0.50', prefixLength: 24, family: 'inet' as const },
        { interfaceName: 'ens3', address: 'fe80::1', prefixLength: 64, family: 'inet6' as const },
        { interfaceName: 'ens3', address: '2001:db8::50', prefixLength: 64, family: 'inet6' as const },
      ],
    };
    const out = sharedDb.publish?.(relation('shared-db', 3, 'mysql'), publishEnv({ options: { 'prefer-ipv6': true, vip: 'fd00::100 10.0.0.100' }, host }), {});
    expect(JSON.parse(out?.hostname ?? '[]')).toEqual(['2001:db8::50', 'fd00::100']);
  });
});
