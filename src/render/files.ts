/**
 * The files the charm renders: where each goes, from which template, who owns it, when it exists and
 * which services restart when its content changes. The table order is the restart order (the
 * reference charm's restart map): registry before api, glance before haproxy, apache and memcached.
 */
import { charmCephConf } from '../ceph/paths.js';
import { HAPROXY_CFG } from '../model/haproxy.js';
import { atLeast } from '../base/release.js';
import type { GlanceModel } from '../model/types.js';
import { type FileOwner, GLANCE_SECRET, PUBLIC, ROOT_SECRET } from '../base/owners.js';
import type { Syntax } from '../base/host-file.js';

export interface ManagedFile {
  /** Host path (unrooted), or a function of the model for paths named after the application. */
  path: string | ((model: Pick<GlanceModel, 'appName'>) => string);
  /** Template file name, looked up through the release's lineage chain (templates.ts). */
  template: string;
  /** Services to restart when the content changes; glance-registry only counts where it exists. */
  services: readonly string[];
  owner: FileOwner;
  /** How its reader parses it: a rewrite that keeps the meaning restarts nothing (meaning.ts). */
  syntax: Syntax;
  when: (model: GlanceModel) => boolean;
}

const always = (): boolean => true;
const withHttps = (m: GlanceModel): boolean => m.https !== undefined;

export const FILES: readonly ManagedFile[] = [
  {
    path: '/etc/glance/glance-registry.conf',
    template: 'glance-registry.conf',
    services: ['glance-registry'],
    owner: GLANCE_SECRET,
    syntax: 'ini',
    when: (m) => m.hasRegistry,
  },
  { path: '/etc/glance/glance-api.conf', template: 'glance-api.conf', services: ['glance-api'], owner: GLANCE_SECRET, syntax: 'ini', when: always },
  // Rendered (empty) without object-store too, so removing the relation also removes the credentials.
  { path: '/etc/glance/glance-swift.conf', template: 'glance-swift.conf', services: ['glance-api'], owner: GLANCE_SECRET, syntax: 'ini', when: always },
  { path: '/etc/glance/api_audit_map.conf', template: 'api_audit_map.conf', services: ['glance-api'], owner: PUBLIC, syntax: 'ini', when: always },
  { path: '/etc/glance/api-paste.ini', template: 'api-paste.ini', services: ['glance-api'], owner: PUBLIC, syntax: 'ini', when: always },
  // oslo.policy rereads the file on change: no restart. Before ussuri the policy lives in policy.json.
  { path: '/etc/glance/policy.yaml', template: 'policy.yaml', services: [], owner: PUBLIC, syntax: 'yaml', when: (m) => atLeast(m.release, 'ussuri') },
  {
    path: (m) => charmCephConf(m.appName),
    template: 'ceph.conf',
    services: ['glance-api', 'glance-registry'],
    owner: PUBLIC,
    syntax: 'ini',
    when: (m) => m.ceph !== undefined,
  },
  { path: '/etc/default/haproxy', template: 'haproxy-defaults', services: ['haproxy'], owner: PUBLIC, syntax: 'directives', when: always },
  { path: HAPROXY_CFG, template: 'haproxy.cfg', services: ['haproxy'], owner: ROOT_SECRET, syntax: 'directives', when: always },
  {
    path: '/etc/apache2/sites-available/openstack_https_frontend.conf',
    template: 'openstack_https_frontend.conf',
    services: ['apache2'],
    owner: PUBLIC,
    syntax: 'directives',
    when: withHttps,
  },
  { path: '/etc/apache2/ports.conf', template: 'ports.conf', services: ['apache2'], owner: PUBLIC, syntax: 'directives', when: withHttps },
  { path: '/etc/memcached.conf', template: 'memcached.conf', services: ['memcached'], owner: PUBLIC, syntax: 'directives', when: always },
];

export const pathOf = (file: ManagedFile, model: GlanceModel): string =>
  typeof file.path === 'string' ? file.path : file.path(model);

/** The file's services that exist on this release (glance-registry is gone from stein on). */
export const servicesOf = (file: ManagedFile, model: GlanceModel): string[] =>
  file.services.filter((s) => s !== 'glance-registry' || model.hasRegistry);
