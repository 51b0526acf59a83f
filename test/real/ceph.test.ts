/**
 * `juju integrate glance ceph-mon` on the running deployment, against a real single-node Ceph
 * (one monitor, one memstore OSD on loopback): the simulated ceph-mon carries out glance's
 * broker request on the cluster and hands out the `client.glance` key; glance writes its keyring
 * and ceph.conf and turns its rbd store on; an image uploaded to that store becomes an RBD
 * image in the requested pool and comes back byte for byte; removing the relation turns the
 * store off again. The cluster has one OSD, so the operator asks for one replica.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CephAdmin, cephUp } from '../../deploy/ceph.js';
import { type Deployment, GLANCE_URL, integrateWith } from '../../deploy/deployment.js';
import { GlanceClient } from '../../deploy/glance-client.js';
import { type AdminCredentials, adminToken } from '../../deploy/keystone-host.js';
import { cephMon } from '../../deploy/remotes/ceph-mon.js';
import { responseKey } from '../../src/ceph/broker-response.js';
import { glanceAsAdmin, glanceServing, jujuConfig, say, sharedDeployment } from './fixture.js';

/** The charm's backend id for the rbd store (enabled_backends = ..., ceph:rbd). */
const STORE = 'ceph';
/** rbd-pool-name is unset: the pool is named after the application. */
const POOL = 'glance';
const KEYRING = '/etc/ceph/ceph.client.glance.keyring';

let admin: AdminCredentials;
let d: Deployment;
let ceph: CephAdmin;

async function removeCephRelations(): Promise<void> {
  for (const rel of d.sim.relations('ceph')) await d.sim.removeRelation(rel.id);
}

beforeAll(async () => {
  ({ admin, d } = await sharedDeployment({ fresh: false }));
  ceph = await cephUp(say);
  d.sim.remote('ceph-mon', cephMon(ceph));
  // A run that died before its cleanup left the relation: start from glance without Ceph.
  await removeCephRelations();
  await jujuConfig(d.sim, { 'ceph-osd-replication-count': 1 });
});

afterAll(async () => {
  await removeCephRelations();
  await jujuConfig(d.sim, { 'ceph-osd-replication-count': null });
});

const storeIds = async (): Promise<string[]> => (await glanceAsAdmin(admin)).stores();

describe('glance related to ceph-mon, on a real Ceph', () => {
  it('gets its pool and key from the broker and turns the rbd store on', async () => {
    expect(await storeIds()).not.toContain(STORE);

    const relationId = await integrateWith(d.sim, say, 'ceph', 'ceph-mon');
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready', hookError: null });
    // ceph-mon created the pool glance asked for, with its replica count and application.
    expect(await ceph.pools()).toContain(POOL);
    expect(await ceph.poolSize(POOL)).toBe(1);
    expect(await ceph.poolApplications(POOL)).toEqual(['rbd']);
    const [remote] = Object.values(d.sim.relation(relationId).remoteUnits);
    expect(JSON.parse(remote?.[responseKey(d.unit)] ?? '{}')).toMatchObject({ 'exit-code': 0 });

    // The charm wrote the key ceph-mon handed out, readable by glance-api only.
    const keyring = await readFile(KEYRING, 'utf8');
    expect(keyring).toContain(`key = ${remote?.key}`);
    expect((await stat(KEYRING)).mode & 0o777).toBe(0o640);
    expect(await readFile('/etc/ceph/ceph.conf', 'utf8')).toMatch(/^mon host = 127\.0\.0\.1$/m);

    await glanceServing();
    expect(await storeIds()).toContain(STORE);
  });

  it('stores an image uploaded to the rbd store as an RBD image in the pool and serves it back byte for byte', async () => {
    const token = await adminToken(admin);
    const glance = new GlanceClient(GLANCE_URL, token);
    const payload = randomBytes(3 * 1024 * 1024 + 7);
    const image = await glance.create({ name: 'real-ceph', disk_format: 'raw', container_format: 'bare' });

    await glance.upload(image.id, payload, { store: STORE });

    const shown = await glance.show(image.id);
    expect([shown.status, shown.size, shown.stores]).toEqual(['active', payload.length, STORE]);
    expect((await glance.download(image.id)).equals(payload)).toBe(true);

    expect(await ceph.images(POOL)).toContain(image.id);
    expect(await ceph.objects(POOL)).toContain(`rbd_id.${image.id}`);
    await expect(stat(`/var/lib/glance/images/${image.id}`)).rejects.toThrow(/ENOENT/);

    await glance.delete(image.id);
    expect(await ceph.images(POOL)).not.toContain(image.id);
  });

  it('turns the store off again when the relation is removed, and glance keeps serving', async () => {
    await removeCephRelations();
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    await glanceServing();
    expect(await storeIds()).not.toContain(STORE);
    await expect(stat(KEYRING)).rejects.toThrow(/ENOENT/);
    const glance = new GlanceClient(GLANCE_URL, await adminToken(admin));
    expect(Array.isArray(await glance.list())).toBe(true);
  });
});
