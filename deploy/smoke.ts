/**
 * The operator's smoke test: a Keystone token, an image upload through haproxy, a download
 * compared byte for byte, then the image is deleted again.
 */
import { randomBytes } from 'node:crypto';
import { GlanceClient } from './glance-client.js';
import { type AdminCredentials, adminToken } from './keystone-host.js';

export interface SmokeResult {
  imageId: string;
  bytes: number;
  uploadMs: number;
  downloadMs: number;
}

export async function smokeTest(glanceUrl: string, admin: AdminCredentials, size = 1024 * 1024): Promise<SmokeResult> {
  const glance = new GlanceClient(glanceUrl, await adminToken(admin));
  const payload = randomBytes(size);
  const image = await glance.create({ name: `smoke-${Date.now()}`, disk_format: 'raw', container_format: 'bare' });
  try {
    const t0 = Date.now();
    await glance.upload(image.id, payload);
    const t1 = Date.now();
    const back = await glance.download(image.id);
    const t2 = Date.now();
    if (!back.equals(payload)) throw new Error(`smoke test: image ${image.id} came back different (${back.length} bytes, sent ${payload.length})`);
    return { imageId: image.id, bytes: payload.length, uploadMs: t1 - t0, downloadMs: t2 - t1 };
  } finally {
    await glance.delete(image.id);
  }
}
