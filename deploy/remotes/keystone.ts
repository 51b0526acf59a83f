/**
 * The remote side of identity-service (interface keystone), acting on the real Keystone through
 * its REST API as the keystone charm does: for the unit that asked (`service`, `region`,
 * `public_url`, `internal_url`, `admin_url`) it ensures the `service_domain` domain, the
 * `services` project, the service user (generated password, admin role on the project), the
 * `image` service and its three endpoints, then answers with the keystone charm's keys.
 */
import { z } from 'zod';
import type { Databag } from '../../src/snapshot.js';
import type { AdminCredentials } from '../keystone-host.js';
import { Keystone } from '../keystone-api.js';
import { secret } from '../state.js';

const Request = z.object({
  service: z.string().min(1),
  region: z.string().min(1),
  public_url: z.string().url(),
  internal_url: z.string().url(),
  admin_url: z.string().url(),
});

/** The keystone charm's defaults: v3 services live in their own domain, in project "services". */
export const SERVICE_DOMAIN = 'service_domain';
export const SERVICE_TENANT = 'services';
const ADMIN_ROLE = 'Admin';

/** Service type per service name, from the keystone charm's catalogue of known services. */
const SERVICE_TYPES: Readonly<Record<string, string>> = { glance: 'image' };

/** Keystone's address as a consumer on this machine sees it (Debian's uwsgi serves only :5000). */
function keystoneAddress(admin: AdminCredentials): { host: string; port: string; protocol: string } {
  const u = new URL(admin.url);
  return { host: u.hostname, port: u.port || '5000', protocol: u.protocol.replace(':', '') };
}

/** The reply to our units' requests; undefined while none asked completely. Throws when Keystone is unreachable. */
export async function keystoneReply(admin: AdminCredentials, requests: Readonly<Record<string, Databag>>): Promise<Databag | undefined> {
  const asked = Object.values(requests).flatMap((bag) => {
    const r = Request.safeParse(bag);
    return r.success ? [r.data] : [];
  });
  const req = asked[0];
  if (!req) return undefined;
  const type = SERVICE_TYPES[req.service];
  if (!type) throw new Error(`the simulated keystone charm does not know service ${req.service}`);

  const ks = await Keystone.connect(admin);
  const domain = await ks.ensureDomain(SERVICE_DOMAIN);
  const project = await ks.ensureProject(SERVICE_TENANT, domain.id);
  const password = await secret(`keystone:${req.service}`);
  const user = await ks.ensureUser(req.service, domain.id, password);
  const role = await ks.findRole(ADMIN_ROLE);
  await ks.grantProjectRole(project.id, user.id, role.id);
  await ks.ensureRegion(req.region);
  const service = await ks.ensureService(req.service, type);
  for (const iface of ['public', 'internal', 'admin'] as const) await ks.ensureEndpoint(service.id, req.region, iface, req[`${iface}_url`]);

  const at = keystoneAddress(admin);
  return {
    service_host: at.host,
    service_port: at.port,
    service_protocol: at.protocol,
    auth_host: at.host,
    auth_port: at.port,
    auth_protocol: at.protocol,
    internal_host: at.host,
    internal_port: at.port,
    internal_protocol: at.protocol,
    api_version: '3',
    region: req.region,
    service_tenant: SERVICE_TENANT,
    service_tenant_id: project.id,
    service_username: req.service,
    service_password: password,
    service_user_id: user.id,
    service_domain: SERVICE_DOMAIN,
    service_domain_id: domain.id,
    admin_role: ADMIN_ROLE,
  };
}
