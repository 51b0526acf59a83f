/**
 * The NRPE files this unit should have, diffed with what is on the host: plugins, the haproxy
 * stats credentials, one check command per check and (when the Nagios export directory exists)
 * one service definition each. Files of checks that are no longer this unit's (the registry on
 * stein+, haproxy under hacluster, a service definition under an old host name) are removed, and
 * all of them when the relation is gone. Nothing happens before the subordinate has installed
 * NRPE (no nrpe.d yet): its relation-changed comes again once it has.
 */
import { type FileOwner, PUBLIC } from '../base/owners.js';
import type { Effect } from '../plan.js';
import type { NrpeHost } from '../snapshot.js';
import { type NrpeContext, nrpeChecks, PLUGINS } from './checks.js';
import { ownedNrpePaths } from './owned-paths.js';
import {
  checkFilePath,
  exportFileName,
  NAGIOS_EXPORT_DIR,
  NRPE_CONF_DIR,
  NRPE_SERVICE,
  pluginPath,
  statsCredentialsPath,
} from './paths.js';
import { checkFileText, serviceDefinitionText, statsCredentialsText } from './render.js';

const EXECUTABLE: FileOwner = { user: 'root', group: 'root', mode: 0o755 };
/** The nagios user runs the checks and must read the credentials; nobody else may. */
const NAGIOS_SECRET: FileOwner = { user: 'root', group: 'nagios', mode: 0o640 };

interface Wanted {
  content: string;
  owner: FileOwner;
}

/** What this unit's checks are made of, while the relation exists. */
export interface NrpeWanted {
  context: NrpeContext;
  /** The services this unit manages, in status order. */
  services: readonly string[];
  /** Where haproxy's stats page listens, and its password. */
  statsBind: string;
  statsPassword: string;
}

export interface NrpeInputs {
  appName: string;
  /** The NRPE side of the host as the read phase found it. */
  host: NrpeHost | undefined;
  /** Undefined: the relation is gone, every check of ours goes. */
  wanted?: NrpeWanted;
}

function wantedFiles(appName: string, host: NrpeHost, w: NrpeWanted): Map<string, Wanted> {
  const ctx = w.context;
  const credentials = statsCredentialsPath(appName);
  const checks = nrpeChecks({ services: w.services, unitLabel: ctx.unitLabel, statsCredentials: credentials });
  const out = new Map<string, Wanted>();
  for (const name of PLUGINS) {
    const content = host.plugins[name];
    if (content !== undefined) out.set(pluginPath(name), { content, owner: EXECUTABLE });
  }
  out.set(credentials, { content: statsCredentialsText(w.statsBind, w.statsPassword), owner: NAGIOS_SECRET });
  for (const check of checks) {
    out.set(checkFilePath(check.shortname), { content: checkFileText(check, ctx.servicegroups), owner: PUBLIC });
    if (host.exportFiles !== null) {
      out.set(`${NAGIOS_EXPORT_DIR}/${exportFileName(ctx.hostname, check.shortname)}`, {
        content: serviceDefinitionText(check, ctx.hostname, ctx.servicegroups),
        owner: PUBLIC,
      });
    }
  }
  return out;
}

export function planNrpe({ appName, host, wanted: w }: NrpeInputs): Effect[] {
  if (!host?.confDir) return [];
  const wanted = w ? wantedFiles(appName, host, w) : new Map<string, Wanted>();
  const effects: Effect[] = [];
  for (const [path, file] of wanted) {
    if (host.files[path] !== file.content) effects.push({ kind: 'write-file', path, content: file.content, owner: file.owner });
  }
  // Only ever paths of ours: the directories hold other charms' checks too.
  for (const path of ownedNrpePaths(appName, host.exportFiles)) {
    if (path in host.files && !wanted.has(path)) effects.push({ kind: 'delete-file', path });
  }
  const checksChanged = effects.some((e) => (e.kind === 'write-file' || e.kind === 'delete-file') && e.path.startsWith(`${NRPE_CONF_DIR}/`));
  // Without the relation the subordinate is on its way out: its service may be gone already.
  if (w && checksChanged) effects.push({ kind: 'service', action: 'restart', service: NRPE_SERVICE });
  return effects;
}
