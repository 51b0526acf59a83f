/**
 * identity-service (interface keystone). Glance registers its endpoints and receives service
 * credentials, from the unit databags or (ops-based keystone) the app databag with `-` in keys.
 */
import { z } from 'zod';
import { urlHost } from '../base/net.js';
import { usesWwwAuthenticateUri } from '../base/release.js';
import type { IniPair } from '../base/ini.js';
import type { Databag } from '../snapshot.js';
import { Host, HttpUrl, Line, Port, Protocol, RequiredLine } from './remote-values.js';
import { absent, incomplete, ready, type RelationHandler } from './types.js';

export interface IdentityContext {
  /** [keystone_authtoken] lines in the reference order (auth_type, www_authenticate_uri|auth_uri, ...). */
  authtoken: readonly IniPair[];
  /** `<service_protocol>://<service_host>:<service_port>/v3`: [barbican] auth_endpoint, swift auth_address. */
  serviceUrl: string;
  /** `<auth_protocol>://<auth_host>:<auth_port>/v3`, the keystone auth_url (cinder store). */
  authUrl: string;
  projectName: string;
  username: string;
  password: string;
  projectDomainName: string;
  projectDomainId: string;
  userDomainName: string;
  userDomainId: string;
  /** '3' or '2' (keystone api_version). */
  apiVersion: string;
}

// Every value lands in glance-api.conf or a URL: each must fit its line and its kind.
const Creds = z.object({
  service_host: Host,
  service_port: Port,
  service_protocol: Protocol.default('http'),
  auth_host: Host,
  auth_port: Port,
  auth_protocol: Protocol.default('http'),
  service_tenant: RequiredLine,
  service_username: RequiredLine,
  service_password: RequiredLine,
  api_version: Line.default('3'),
  service_domain: Line.default(''),
  service_domain_id: Line.default(''),
  service_type: Line.optional(),
  public_auth_url: HttpUrl.optional(),
  internal_auth_url: HttpUrl.optional(),
});
type Creds = z.infer<typeof Creds>;

const REQUIRED = ['service_host', 'service_port', 'auth_host', 'auth_port', 'service_tenant', 'service_username', 'service_password'];

/** Ops-based keystone publishes `service-host` etc. on the app databag. */
const underscored = (bag: Databag): Databag =>
  Object.fromEntries(Object.entries(bag).map(([k, v]) => [k.replaceAll('-', '_'), v]));

function context(c: Creds, wwwAuthenticateUri: boolean): IdentityContext {
  // Keystone sends its address bare: an IPv6 one is bracketed in a URL (charmhelpers format_ipv6_addr).
  const serviceUrl = `${c.service_protocol}://${urlHost(c.service_host)}:${c.service_port}/v3`;
  const authUrl = `${c.auth_protocol}://${urlHost(c.auth_host)}:${c.auth_port}/v3`;
  const authtoken: IniPair[] = [
    ['auth_type', 'password'],
    wwwAuthenticateUri ? ['www_authenticate_uri', c.public_auth_url ? `${c.public_auth_url}/v3` : serviceUrl] : ['auth_uri', serviceUrl],
    ['auth_url', c.internal_auth_url ?? authUrl],
    ['project_domain_name', c.service_domain],
    ['user_domain_name', c.service_domain],
    ['project_name', c.service_tenant],
    ['username', c.service_username],
    ['password', c.service_password],
    ['signing_dir', '/var/cache/glance'],
  ];
  if (c.service_type) authtoken.push(['service_type', c.service_type]);
  return {
    authtoken,
    serviceUrl,
    authUrl: c.internal_auth_url ?? authUrl,
    projectName: c.service_tenant,
    username: c.service_username,
    password: c.service_password,
    projectDomainName: c.service_domain,
    projectDomainId: c.service_domain_id,
    userDomainName: c.service_domain,
    userDomainId: c.service_domain_id,
    apiVersion: c.api_version,
  };
}

export const identityService: RelationHandler<IdentityContext> = {
  endpoint: 'identity-service',
  // Ops-based keystone answers on the app databag only; charm keystone on the unit databags.
  reads: 'units+app',
  completeWith: 'service_password',
  group: { name: 'identity', required: true },
  read(rels, env) {
    if (rels.length === 0) return absent;
    for (const rel of rels) {
      for (const bag of [...Object.values(rel.units), underscored(rel.appData)]) {
        const r = Creds.safeParse(bag);
        if (r.success) return ready(context(r.data, usesWwwAuthenticateUri(env.release)));
      }
    }
    return incomplete(REQUIRED);
  },
  publish(_rel, env): Databag | undefined {
    // LP #1544959: a unit with a VIP configured but not yet clustered must not register its
    // own address in keystone; it publishes once hacluster reports clustered. Until then what
    // keystone already has stays (withdrawing it would take the endpoints down while the VIP comes up).
    if ((env.config.vip ?? []).length > 0 && !env.clustered) return undefined;
    return {
      service: 'glance',
      region: env.config.region,
      public_url: env.endpoints.public,
      internal_url: env.endpoints.internal,
      admin_url: env.endpoints.admin,
    };
  },
};
