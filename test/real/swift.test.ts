/**
 * `juju integrate glance swift-proxy` on the running deployment, against a real Swift (all-in-one
 * on loopback, authenticating through the real Keystone): glance turns its swift store on, an
 * image uploaded to that store lands as an object in the `glance` container of glance's service
 * project and comes back byte for byte, and removing the relation turns the store off again.
 */
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Deployment, GLANCE_URL, integrateWith } from '../../deploy/deployment.js';
import { GlanceClient } from '../../deploy/glance-client.js';
import { type AdminCredentials, adminToken } from '../../deploy/keystone-host.js';
import { swiftProxy } from '../../deploy/remotes/swift-proxy.js';
import { SwiftClient, swiftUp } from '../../deploy/swift.js';
import { glanceApiPid, glanceAsAdmin, glanceServing, say, sharedDeployment } from './fixture.js';

/** The charm's backend id for the swift store (enabled_backends = ..., swift:swift). */
const STORE = 'swift';
const CONTAINER = 'glance';

let admin: AdminCredentials;
let d: Deployment;

beforeAll(async () => {
  ({ admin, d } = await sharedDeployment({ fresh: false }));
  await swiftUp(admin, say);
  d.sim.remote('swift-proxy', swiftProxy);
  // A run that died before its cleanup left the relation: start from glance without Swift.
  for (const leftover of d.sim.relations('object-store')) await d.sim.removeRelation(leftover.id);
  await glanceServing();
});

afterAll(async () => {
  for (const rel of d.sim.relations('object-store')) await d.sim.removeRelation(rel.id);
  await glanceServing();
});

const storeIds = async (): Promise<string[]> => (await glanceAsAdmin(admin)).stores();

/** glance's own keystone credentials, as the keystone charm handed them over identity-service. */
function glanceServiceCredentials() {
  const identity = d.sim.relations('identity-service')[0];
  const bag = identity && Object.values(identity.remoteUnits).find((b) => b.service_password);
  if (!bag?.service_username || !bag.service_password || !bag.service_domain || !bag.service_tenant) throw new Error('no keystone credentials on identity-service');
  return { keystoneUrl: admin.url, username: bag.service_username, password: bag.service_password, domain: bag.service_domain, project: bag.service_tenant };
}

describe('glance related to swift-proxy, on a real Swift', () => {
  it('turns the swift store on: glance-api restarts with it and stays ready', async () => {
    const before = await glanceApiPid();
    expect(await storeIds()).not.toContain(STORE);

    await integrateWith(d.sim, say, 'object-store', 'swift-proxy');
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready', hookError: null });
    const swiftConf = d.sim.readFile(d.unit, '/etc/glance/glance-swift.conf') ?? '';
    expect(swiftConf).toMatch(/^\[swift\]$/m);
    expect(swiftConf).toContain(`auth_address = ${admin.url}`);
    expect(swiftConf).toMatch(/^user = services:glance$/m);

    await glanceServing();
    expect(await glanceApiPid()).not.toBe(before);
    expect(await storeIds()).toContain(STORE);
  });

  it('stores an image uploaded to the swift store in Swift and serves it back byte for byte', async () => {
    const token = await adminToken(admin);
    const glance = new GlanceClient(GLANCE_URL, token);
    const payload = randomBytes(2 * 1024 * 1024 + 5);
    const image = await glance.create({ name: 'real-swift', disk_format: 'raw', container_format: 'bare' });

    await glance.upload(image.id, payload, { store: STORE });

    const shown = await glance.show(image.id);
    expect([shown.status, shown.size, shown.stores]).toEqual(['active', payload.length, STORE]);
    expect((await glance.download(image.id)).equals(payload)).toBe(true);

    const swift = await SwiftClient.connect(glanceServiceCredentials());
    expect(await swift.objects(CONTAINER)).toContainEqual({ name: image.id, bytes: payload.length });
    expect((await swift.object(CONTAINER, image.id)).equals(payload)).toBe(true);
    await expect(stat(`/var/lib/glance/images/${image.id}`)).rejects.toThrow(/ENOENT/);

    await glance.delete(image.id);
    expect((await swift.objects(CONTAINER)).map((o) => o.name)).not.toContain(image.id);
  });

  it('turns the store off again when the relation is removed', async () => {
    const [rel] = d.sim.relations('object-store');
    if (!rel) throw new Error('no object-store relation');
    await d.sim.removeRelation(rel.id);
    expect(d.sim.status(d.unit)).toMatchObject({ status: 'active', message: 'Unit is ready' });
    await glanceServing();
    expect(await storeIds()).not.toContain(STORE);
  });
});
