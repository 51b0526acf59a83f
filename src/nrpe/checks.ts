/**
 * The NRPE checks of one glance unit (reference update_nrpe_config): one service check per
 * service the unit manages (glance-registry only before stein, haproxy not when hacluster owns
 * it, apache2 only with TLS), plus haproxy's backend servers and queue depth. Checks of every
 * other candidate are removed, which covers the reference's "deprecated glance-registry check on
 * stein+" and any service that stopped being ours (haproxy once hacluster is related).
 */
import { CANDIDATE_SERVICES } from '../host/service-states.js';
import { checkCommand, pluginPath } from './paths.js';

/** What the nrpe-external-master relation tells glance (src/relations/nrpe-external-master.ts). */
export interface NrpeContext {
  /** Nagios host name: the subordinate's `nagios_hostname`, else `<nagios_context>-<unit with ->`. */
  hostname: string;
  /** The unit in check descriptions: `glance/0`, or `<nagios_host_context>:glance/0`. */
  unitLabel: string;
  /** `nagios_servicegroups`, or the context when that is empty. */
  servicegroups: string;
}

export interface NrpeCheck {
  /** Nagios short name: [A-Za-z0-9-_.@]+ (charmhelpers' rule). */
  shortname: string;
  description: string;
  /** The command NRPE runs: an absolute plugin path and its arguments. */
  commandLine: string;
}

/** The plugins the charm ships in files/ and installs into the plugin directory. */
export const PLUGINS = ['check_service.sh', 'check_haproxy.sh', 'check_haproxy_queue_depth.sh'] as const;

const HAPROXY_CHECKS = ['haproxy_servers', 'haproxy_queue'] as const;

/** Every check this charm may ever have written: the set cleanup works on. */
export const CANDIDATE_CHECKS: readonly string[] = [...CANDIDATE_SERVICES, ...HAPROXY_CHECKS];

export interface CheckInputs {
  /** Services this unit manages, in status order. */
  services: readonly string[];
  /** How the unit appears in descriptions: `glance/0`, or `<host context>:glance/0`. */
  unitLabel: string;
  /** curl config holding the haproxy stats URL and credentials. */
  statsCredentials: string;
}

export function nrpeChecks(i: CheckInputs): NrpeCheck[] {
  const services = i.services.map((svc) => ({
    shortname: svc,
    description: `process check {${i.unitLabel}}`,
    commandLine: `${pluginPath('check_service.sh')} ${svc}`,
  }));
  return [
    ...services,
    {
      shortname: 'haproxy_servers',
      description: `Check HAProxy {${i.unitLabel}}`,
      commandLine: `${pluginPath('check_haproxy.sh')} ${i.statsCredentials}`,
    },
    {
      shortname: 'haproxy_queue',
      description: `Check HAProxy queue depth {${i.unitLabel}}`,
      commandLine: `${pluginPath('check_haproxy_queue_depth.sh')} ${i.statsCredentials}`,
    },
  ];
}

/** The `monitors` value the NRPE subordinate reads: the checks by short name (charmhelpers' layout). */
export function monitors(checks: readonly NrpeCheck[]): Record<string, unknown> {
  const nrpe = Object.fromEntries(checks.map((c) => [c.shortname, { command: checkCommand(c.shortname) }]));
  return { monitors: { remote: { nrpe } } };
}
