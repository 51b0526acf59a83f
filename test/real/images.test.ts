/**
 * A fresh deployment serves images: Keystone-authenticated upload, list, show, download and
 * delete through haproxy on 9292, with the bytes on disk under filesystem-store-datadir, and the
 * endpoints it asked Keystone and nova-cloud-controller for.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Deployment, GLANCE_URL } from '../../deploy/deployment.js';
import type { AdminCredentials } from '../../deploy/keystone-host.js';
import { Keystone } from '../../deploy/keystone-api.js';
import { glanceAsAdmin, sharedDeployment } from './fixture.js';

const DATADIR = '/var/lib/glance/images/';

let admin: AdminCredentials;
let d: Deployment;

beforeAll(async () => {
  ({ admin, d } = await sharedDeployment({ fresh: true }));
});

describe('a fresh glance deployment with mysql, keystone and nova-cloud-controller', () => {
  it('is active and ready', () => {
    const s = d.sim.status(d.unit);
    expect(s.hookError).toBeNull();
    expect([s.status, s.message]).toEqual(['active', 'Unit is ready']);
    expect(s.openedPorts).toContain('9292/tcp');
  });

  it('stores an uploaded image under filesystem-store-datadir and serves it back byte for byte', async () => {
    const glance = await glanceAsAdmin(admin);
    const payload = randomBytes(3 * 1024 * 1024 + 17);
    const created = await glance.create({ name: 'real-roundtrip', disk_format: 'qcow2', container_format: 'bare' });
    expect(created.status).toBe('queued');

    await glance.upload(created.id, payload);
    const shown = await glance.show(created.id);
    expect(shown.status).toBe('active');
    expect(shown.size).toBe(payload.length);
    expect(shown.checksum).toBe(createHash('md5').update(payload).digest('hex'));
    expect(shown.os_hash_value).toBe(createHash('sha512').update(payload).digest('hex'));
    expect((await glance.list()).map((i) => i.id)).toContain(created.id);

    const onDisk = await readFile(join(DATADIR, created.id));
    expect(onDisk.equals(payload)).toBe(true);
    expect((await glance.download(created.id)).equals(payload)).toBe(true);

    await glance.delete(created.id);
    await expect(glance.show(created.id)).rejects.toMatchObject({ status: 404 });
    await expect(stat(join(DATADIR, created.id))).rejects.toThrow(/ENOENT/);
  });

  it('refuses requests without a Keystone token', async () => {
    const r = await fetch(`${GLANCE_URL}/v2/images`);
    await r.body?.cancel();
    expect(r.status).toBe(401);
  });

  it('refuses a token Keystone never issued', async () => {
    const r = await fetch(`${GLANCE_URL}/v2/images`, { headers: { 'X-Auth-Token': 'not-a-token' } });
    await r.body?.cancel();
    expect(r.status).toBe(401);
  });

  it('registered its three image endpoints in Keystone at the URLs it published', async () => {
    const identity = d.sim.relations('identity-service')[0];
    if (!identity) throw new Error('no identity-service relation');
    const asked = d.sim.published(identity.id, d.unit);
    const ks = await Keystone.connect(admin);
    const service = await ks.findService('glance', 'image');
    if (!service) throw new Error('Keystone has no glance image service');
    const urls = Object.fromEntries((await ks.endpoints(service.id)).map((e) => [e.interface, e.url]));
    expect(urls).toEqual({ public: asked.public_url, internal: asked.internal_url, admin: asked.admin_url });
  });

  it('told nova-cloud-controller where the image API is, and that it is ready', () => {
    expect(d.remotes.imageService.servers[d.unit]).toMatch(/^http:\/\/[\d.]+:9292$/);
    expect(d.remotes.imageService.ready[d.unit]).toBe('yes');
  });
});
