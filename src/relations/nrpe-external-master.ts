/**
 * nrpe-external-master (interface nrpe-external-master, container scoped): the NRPE subordinate
 * on this machine. It may tell glance the Nagios host name to use (`nagios_hostname`) and a host
 * context for descriptions; glance answers with the checks it set up (`monitors`, the YAML
 * charmhelpers writes) and that it is the principal (`primary`). The check files themselves are
 * written by src/nrpe/plan.ts from this handler's context (NrpeContext).
 */
import { stringify } from 'yaml';
import { monitors, type NrpeContext, nrpeChecks } from '../nrpe/checks.js';
import { statsCredentialsPath } from '../nrpe/paths.js';
import type { RelationSnapshot } from '../snapshot.js';
import { absent, firstComplete, type ReadEnv, type RelationHandler, ready } from './types.js';

/**
 * Both values end up in file names and Nagios object definitions: anything but a plain name
 * (letters, digits, `.`, `_`, `-`) is ignored and the default used, never written.
 */
const plainName = (value: string | undefined): string | undefined =>
  value !== undefined && /^[A-Za-z0-9][A-Za-z0-9._-]{0,252}$/.test(value) ? value : undefined;

export function nrpeContext(rels: readonly RelationSnapshot[], env: Pick<ReadEnv, 'config' | 'unitName'>): NrpeContext {
  const context = env.config.nagios_context;
  const hostname = firstComplete(rels, (bag) => plainName(bag.nagios_hostname));
  const hostContext = firstComplete(rels, (bag) => plainName(bag.nagios_host_context));
  return {
    hostname: hostname ?? `${context}-${env.unitName.replace('/', '-')}`,
    unitLabel: hostContext ? `${hostContext}:${env.unitName}` : env.unitName,
    servicegroups: env.config.nagios_servicegroups || context,
  };
}

export const nrpeExternalMaster: RelationHandler<NrpeContext> = {
  endpoint: 'nrpe-external-master',
  reads: 'units',
  // The subordinate sends nothing glance must wait for: related means ready.
  read: (rels, env) => (rels.length ? ready(nrpeContext(rels, env)) : absent),
  publish: (rel, env) => {
    const { unitLabel } = nrpeContext([rel], env);
    const checks = nrpeChecks({ services: env.services, unitLabel, statsCredentials: statsCredentialsPath(env.appName) });
    return { monitors: stringify(monitors(checks), { sortMapEntries: true }), primary: 'True' };
  },
};
