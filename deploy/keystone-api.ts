/**
 * A small Keystone v3 REST client (fetch, no Python): just the calls a keystone charm makes to
 * register a service, and the lookups tests need. Every create is find-first, so callers are
 * idempotent by construction.
 */
import { z } from 'zod';
import { type AdminCredentials, adminToken } from './keystone-host.js';

const Entity = z.object({ id: z.string(), name: z.string().optional() }).passthrough();
type Entity = z.infer<typeof Entity>;
const Endpoint = z.object({ id: z.string(), interface: z.string(), url: z.string(), region_id: z.string().nullable().optional() });
type Endpoint = z.infer<typeof Endpoint>;

/** The member `key` of a JSON object body. */
const member = (body: unknown, key: string): unknown => z.record(z.string(), z.unknown()).parse(body)[key];

export class Keystone {
  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  static async connect(admin: AdminCredentials): Promise<Keystone> {
    return new Keystone(admin.url, await adminToken(admin));
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const r = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'X-Auth-Token': this.token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`Keystone ${method} ${path}: HTTP ${r.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  private async list(collection: string, query: Record<string, string>): Promise<Entity[]> {
    const body = await this.call('GET', `/${collection}?${new URLSearchParams(query)}`);
    return z.array(Entity).parse(member(body, collection));
  }

  /** The one entity of `collection` matching `query`, created from `create` when there is none. */
  private async ensure(collection: string, singular: string, query: Record<string, string>, create: Record<string, unknown>): Promise<Entity> {
    const [found] = await this.list(collection, query);
    if (found) return found;
    const body = await this.call('POST', `/${collection}`, { [singular]: create });
    return Entity.parse(member(body, singular));
  }

  /** `Default` is Keystone's built-in domain; any other name is created. */
  ensureDomain(name: string): Promise<Entity> {
    return this.ensure('domains', 'domain', { name }, { name, description: 'Created by the simulated keystone charm' });
  }

  ensureProject(name: string, domainId: string): Promise<Entity> {
    return this.ensure('projects', 'project', { name, domain_id: domainId }, { name, domain_id: domainId });
  }

  async ensureRegion(id: string): Promise<void> {
    const r = await fetch(`${this.url}/regions/${encodeURIComponent(id)}`, { headers: { 'X-Auth-Token': this.token } });
    await r.body?.cancel();
    if (r.status === 404) await this.call('POST', '/regions', { region: { id } });
  }

  /** The user, created with `password` or reset to it, so the password handed out always works. */
  async ensureUser(name: string, domainId: string, password: string): Promise<Entity> {
    const [found] = await this.list('users', { name, domain_id: domainId });
    if (!found) return this.ensure('users', 'user', { name, domain_id: domainId }, { name, domain_id: domainId, password, enabled: true });
    await this.call('PATCH', `/users/${found.id}`, { user: { password } });
    return found;
  }

  /** Role names are case-insensitive in Keystone's database; `Admin` finds bootstrap's `admin`. */
  async findRole(name: string): Promise<Entity> {
    const roles = await this.list('roles', {});
    const role = roles.find((r) => r.name?.toLowerCase() === name.toLowerCase());
    if (!role) throw new Error(`Keystone has no role ${name}`);
    return role;
  }

  async grantProjectRole(projectId: string, userId: string, roleId: string): Promise<void> {
    await this.call('PUT', `/projects/${projectId}/users/${userId}/roles/${roleId}`);
  }

  async findService(name: string, type: string): Promise<Entity | undefined> {
    return (await this.list('services', { type, name }))[0];
  }

  ensureService(name: string, type: string): Promise<Entity> {
    return this.ensure('services', 'service', { type, name }, { name, type, enabled: true });
  }

  async endpoints(serviceId: string): Promise<Endpoint[]> {
    const body = await this.call('GET', `/endpoints?${new URLSearchParams({ service_id: serviceId })}`);
    return z.array(Endpoint).parse(member(body, 'endpoints'));
  }

  /** One endpoint per interface in `region`, pointing at `url` (updated when it moved). */
  async ensureEndpoint(serviceId: string, region: string, iface: string, url: string): Promise<void> {
    const current = (await this.endpoints(serviceId)).find((e) => e.interface === iface && e.region_id === region);
    if (!current) await this.call('POST', '/endpoints', { endpoint: { service_id: serviceId, interface: iface, region_id: region, url, enabled: true } });
    else if (current.url !== url) await this.call('PATCH', `/endpoints/${current.id}`, { endpoint: { url } });
  }
}
