/**
 * Every path of the host's NRPE state this charm may own: what the read phase loads and the
 * planner diffs against (a file of a check that is no longer this unit's is removed).
 */
import { CANDIDATE_CHECKS, PLUGINS } from './checks.js';
import { checkCommand, checkFilePath, NAGIOS_EXPORT_DIR, pluginPath, statsCredentialsPath } from './paths.js';

const EXPORTED = new RegExp(`^service__.+_(${CANDIDATE_CHECKS.map(checkCommand).join('|')})\\.cfg$`);

export function ownedNrpePaths(appName: string, exportFiles: readonly string[] | null): string[] {
  return [
    ...PLUGINS.map(pluginPath),
    statsCredentialsPath(appName),
    ...CANDIDATE_CHECKS.map(checkFilePath),
    ...(exportFiles ?? []).filter((name) => EXPORTED.test(name)).map((name) => `${NAGIOS_EXPORT_DIR}/${name}`),
  ];
}

