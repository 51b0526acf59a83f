/**
 * apt-get and dpkg-query over the unit's package table. apt-get install marks packages and their
 * dependencies installed at the version the version table gives (a pinned `pkg=version` wins)
 * and, as Ubuntu's maintainer scripts do, enables and starts the services of newly installed
 * packages; dist-upgrade moves installed packages to the table's version, which is how a test
 * makes a new release available.
 */
import type { HostChange } from '../protocol.js';
import type { HostState } from '../state.js';
import { type FakeCommand, operands, optionValue } from './types.js';

const APT_VALUE_OPTIONS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release'];

function versionFor(host: HostState, spec: string): [string, string] {
  const [name = '', pinned] = spec.split('/')[0]?.split('=') ?? [];
  return [name, pinned ?? host.versions[name] ?? host.defaultVersion];
}

/** The named packages with their versions, then every dependency not already installed. */
function toInstall(host: HostState, specs: readonly string[]): Record<string, string> {
  const out = Object.fromEntries(specs.map((spec) => versionFor(host, spec)));
  const pending = Object.keys(out);
  for (let p = pending.pop(); p !== undefined; p = pending.pop()) {
    for (const dep of host.dependencies[p] ?? []) {
      if (dep in out || dep in host.packages) continue;
      out[dep] = versionFor(host, dep)[1];
      pending.push(dep);
    }
  }
  return out;
}

function startedServices(host: HostState, installed: readonly string[]): HostChange[] {
  return installed
    .filter((p) => !(p in host.packages))
    .flatMap((p) => host.packageServices[p] ?? [])
    .filter((s) => !host.services[s]?.masked)
    .map((name) => ({ k: 'service', name, running: true, enabled: true }));
}

export const aptGet: FakeCommand = ({ ctx, args }) => {
  const [verb, ...names] = operands(args, APT_VALUE_OPTIONS);
  const host = ctx.host;
  switch (verb) {
    case 'update':
      return { stdout: 'Reading package lists... Done\n' };
    case 'install': {
      const packages = toInstall(host, names);
      const lines = Object.entries(packages).map(([p, v]) => `Setting up ${p} (${v}) ...\n`);
      const changes: HostChange[] = [{ k: 'install', packages }, ...startedServices(host, Object.keys(packages))];
      return { stdout: lines.join(''), changes };
    }
    case 'purge':
    case 'remove': {
      const installed = names.filter((p) => p in host.packages);
      return { stdout: installed.map((p) => `Removing ${p} ...\n`).join(''), changes: [{ k: 'remove', packages: installed }] };
    }
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade': {
      const newer = Object.fromEntries(
        Object.keys(host.packages).flatMap((p) => {
          const v = host.versions[p];
          return v !== undefined && v !== host.packages[p] ? [[p, v]] : [];
        }),
      );
      const changes: HostChange[] = Object.keys(newer).length > 0 ? [{ k: 'install', packages: newer }] : [];
      return { stdout: `${Object.keys(newer).length} upgraded, 0 newly installed, 0 to remove.\n`, changes };
    }
    case 'autoremove':
    case 'clean':
    case 'autoclean':
      return {};
    default:
      return { stderr: `E: Invalid operation ${verb ?? ''}\n`, exitCode: 100 };
  }
};

function showFormat(format: string, name: string, version: string): string {
  const fields: Record<string, string> = {
    Package: name,
    'binary:Package': name,
    Version: version,
    Status: 'install ok installed',
    'db:Status-Abbrev': 'ii ',
    'db:Status-Status': 'installed',
    Architecture: 'amd64',
  };
  return format
    .replace(/\$\{([^};]+)(;-?\d+)?\}/g, (_, field: string) => fields[field] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

export const dpkgQuery: FakeCommand = ({ ctx, args }) => {
  const names = operands(args, ['-f', '--showformat']);
  const installed = ctx.host.packages;
  const missing = names.filter((n) => installed[n] === undefined);
  const found = names.filter((n) => installed[n] !== undefined);
  if (args.includes('-s') || args.includes('--status')) {
    const stdout = found.map((n) => `Package: ${n}\nStatus: install ok installed\nVersion: ${installed[n]}\n\n`).join('');
    const stderr = missing
      .map((n) => `dpkg-query: package '${n}' is not installed and no information is available\n`)
      .join('');
    return { stdout, stderr, exitCode: missing.length > 0 ? 1 : 0 };
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own ${field} syntax, not a template.
  const format = optionValue(args, ['-f', '--showformat']) ?? '${binary:Package}\t${Version}\n';
  const stdout = found.map((n) => showFormat(format, n, installed[n] as string)).join('');
  const stderr = missing.map((n) => `dpkg-query: no packages found matching ${n}\n`).join('');
  return { stdout, stderr, exitCode: missing.length > 0 ? 1 : 0 };
};
