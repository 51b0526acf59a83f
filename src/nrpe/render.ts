/**
 * The text of the NRPE files, in the layout charmhelpers writes (so Nagios tooling that parses
 * them keeps working): the check command for NRPE, and the service definition exported for the
 * Nagios server.
 */
import type { NrpeCheck } from './checks.js';
import { checkCommand } from './paths.js';

export function checkFileText(check: NrpeCheck, servicegroups: string): string {
  return [
    `# check ${check.shortname}`,
    '# The following header was added automatically by juju',
    '# Modifying it will affect nagios monitoring and alerting',
    `# servicegroups: ${servicegroups}`,
    `command[${checkCommand(check.shortname)}]=${check.commandLine}`,
    '',
  ].join('\n');
}

const field = (name: string, value: string): string => `    ${name.padEnd(32)}${value}`;

export function serviceDefinitionText(check: NrpeCheck, hostname: string, servicegroups: string): string {
  return [
    '#---------------------------------------------------',
    '# This file is Juju managed',
    '#---------------------------------------------------',
    'define service {',
    field('use', 'active-service'),
    field('host_name', hostname),
    field('service_description', `${hostname}[${check.shortname}] ${check.description}`),
    field('check_command', `check_nrpe!${checkCommand(check.shortname)}`),
    field('servicegroups', servicegroups),
    '}',
    '',
  ].join('\n');
}

/** curl reads the stats page URL and the credentials from this file (`curl -K`). */
export function statsCredentialsText(statsBind: string, password: string): string {
  const host = statsBind === 'ip6-localhost' ? '[::1]' : statsBind;
  return [
    '# haproxy statistics for the NRPE haproxy checks (written by the glance charm)',
    `url = "http://${host}:8888/;csv"`,
    `user = "admin:${password}"`,
    '',
  ].join('\n');
}
