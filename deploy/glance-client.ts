/**
 * A Glance v2 images client over fetch, as an operator's script would use it: token in
 * X-Auth-Token, JSON for metadata, octet-stream for image bytes. No openstack CLI (2 s of Python
 * start-up per call).
 */
import { z } from 'zod';

export const Image = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    disk_format: z.string().nullable(),
    container_format: z.string().nullable(),
    size: z.number().nullable(),
    checksum: z.string().nullable().optional(),
    os_hash_value: z.string().nullable().optional(),
  })
  .passthrough();
export type Image = z.infer<typeof Image>;

export class GlanceError extends Error {
  constructor(
    readonly status: number,
    what: string,
    body: string,
  ) {
    super(`Glance ${what}: HTTP ${status} ${body.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

export interface NewImage {
  name: string;
  disk_format: string;
  container_format: string;
}

/** Connection-level failures: the request never got an answer, so sending it again is safe. */
const DROPPED = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);
const ATTEMPTS = 3;

/**
 * haproxy fronts glance-api in TCP mode: just after glance-api restarts, a request may be accepted
 * and closed with no answer, or cut while its body is sent (EPIPE); glance-api's log shows such a
 * request never reached it. A client retries that, as keystoneauth's connect retries do for the
 * openstack CLI.
 */
async function fetchRetryingDrops(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      const code = (e as { cause?: { code?: string } }).cause?.code;
      if (attempt >= ATTEMPTS || !code || !DROPPED.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

export class GlanceClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  private async call(method: string, path: string, init: { json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'X-Auth-Token': this.token, ...init.headers };
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.bytes) {
      headers['Content-Type'] = 'application/octet-stream';
      // A copy backed by a plain ArrayBuffer: what fetch accepts as a body (a Buffer may share a pool).
      body = new Uint8Array(init.bytes);
    }
    const r = await fetchRetryingDrops(`${this.url}${path}`, { method, headers, body });
    if (!r.ok) throw new GlanceError(r.status, `${method} ${path}`, await r.text());
    return r;
  }

  async create(image: NewImage): Promise<Image> {
    return Image.parse(await (await this.call('POST', '/v2/images', { json: image })).json());
  }

  /** With a store, into that backend, as `glance image-upload --store <id>` does (multi-store). */
  async upload(id: string, bytes: Uint8Array, { store }: { store?: string } = {}): Promise<void> {
    const headers: Record<string, string> = store === undefined ? {} : { 'X-Image-Meta-Store': store };
    await (await this.call('PUT', `/v2/images/${id}/file`, { bytes, headers })).body?.cancel();
  }

  /** The stores Glance offers, by id, as `GET /v2/info/stores` lists them. */
  async stores(): Promise<string[]> {
    const body = await (await this.call('GET', '/v2/info/stores')).json();
    return z.object({ stores: z.array(z.object({ id: z.string() })) }).parse(body).stores.map((s) => s.id);
  }

  async show(id: string): Promise<Image> {
    return Image.parse(await (await this.call('GET', `/v2/images/${id}`)).json());
  }

  async list(): Promise<Image[]> {
    const body = await (await this.call('GET', '/v2/images?limit=1000')).json();
    return z.object({ images: z.array(Image) }).parse(body).images;
  }

  async download(id: string): Promise<Buffer> {
    return Buffer.from(await (await this.call('GET', `/v2/images/${id}/file`)).arrayBuffer());
  }

  async delete(id: string): Promise<void> {
    await (await this.call('DELETE', `/v2/images/${id}`)).body?.cancel();
  }
}
