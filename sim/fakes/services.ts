/**
 * systemctl and service over the unit's service table: they keep running/enabled/masked state
 * and answer status queries with the real exit codes (0 running, 3 stopped).
 */
import type { HostChange } from '../protocol.js';
import type { HostState, ServiceState } from '../state.js';
import { type FakeCommand, type FakeOutcome, operands } from './types.js';

const unitName = (name: string): string => name.replace(/\.service$/, '');
const stateOf = (host: HostState, name: string): ServiceState =>
  host.services[name] ?? { running: false, enabled: false, masked: false };

function set(name: string, update: Omit<Extract<HostChange, { k: 'service' }>, 'k' | 'name'>): HostChange {
  return { k: 'service', name, ...update };
}

function control(host: HostState, verb: string, name: string, now: boolean): FakeOutcome {
  const s = stateOf(host, name);
  const unit = `${name}.service`;
  switch (verb) {
    case 'start':
    case 'restart':
    case 'reload-or-restart':
      if (s.masked) return { stderr: `Failed to ${verb} ${unit}: Unit ${unit} is masked.\n`, exitCode: 1 };
      return { changes: [set(name, { running: true })] };
    case 'try-restart':
      return {};
    case 'reload':
      if (!s.running) return { stderr: `Failed to reload ${unit}: Unit ${unit} is not active, cannot reload.\n`, exitCode: 1 };
      return {};
    case 'stop':
      return { changes: [set(name, { running: false })] };
    case 'enable':
      if (s.masked) return { stderr: `Failed to enable unit: Unit file ${unit} is masked.\n`, exitCode: 1 };
      return { changes: [set(name, now ? { enabled: true, running: true } : { enabled: true })] };
    case 'disable':
      return { changes: [set(name, now ? { enabled: false, running: false } : { enabled: false })] };
    case 'mask':
      return { changes: [set(name, { masked: true })] };
    case 'unmask':
      return { changes: [set(name, { masked: false })] };
    default:
      return { stderr: `Unknown command verb ${verb}.\n`, exitCode: 1 };
  }
}

function merge(outcomes: FakeOutcome[]): FakeOutcome {
  return {
    stdout: outcomes.map((o) => o.stdout ?? '').join(''),
    stderr: outcomes.map((o) => o.stderr ?? '').join(''),
    exitCode: Math.max(0, ...outcomes.map((o) => o.exitCode ?? 0)),
    changes: outcomes.flatMap((o) => o.changes ?? []),
  };
}

export const systemctl: FakeCommand = ({ ctx, args }) => {
  const [verb = 'list-units', ...units] = operands(args).map((a, i) => (i === 0 ? a : unitName(a)));
  const quiet = args.includes('--quiet') || args.includes('-q');
  const host = ctx.host;
  switch (verb) {
    case 'daemon-reload':
    case 'list-units':
      return {};
    case 'is-active': {
      const states = units.map((u) => (stateOf(host, u).running ? 'active' : 'inactive'));
      return { stdout: quiet ? '' : states.map((s) => `${s}\n`).join(''), exitCode: states.every((s) => s === 'active') ? 0 : 3 };
    }
    case 'is-enabled': {
      const states = units.map((u) => {
        const s = stateOf(host, u);
        return s.masked ? 'masked' : s.enabled ? 'enabled' : 'disabled';
      });
      return { stdout: quiet ? '' : states.map((s) => `${s}\n`).join(''), exitCode: states.every((s) => s === 'enabled') ? 0 : 1 };
    }
    case 'status': {
      const lines = units.map((u) => {
        const active = stateOf(host, u).running ? 'active (running)' : 'inactive (dead)';
        return `● ${u}.service\n     Active: ${active}\n`;
      });
      return { stdout: lines.join('\n'), exitCode: units.every((u) => stateOf(host, u).running) ? 0 : 3 };
    }
    default:
      return merge(units.map((u) => control(host, verb, u, args.includes('--now'))));
  }
};

export const service: FakeCommand = ({ ctx, args }) => {
  const [name, action] = operands(args);
  if (name === undefined || action === undefined) return { stderr: 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n', exitCode: 1 };
  const unit = unitName(name);
  if (action === 'status') {
    const running = stateOf(ctx.host, unit).running;
    return { stdout: ` * ${unit} is ${running ? 'running' : 'not running'}\n`, exitCode: running ? 0 : 3 };
  }
  const verb = action === 'force-reload' ? 'restart' : action;
  if (!['start', 'stop', 'restart', 'reload'].includes(verb)) {
    return { stderr: `Usage: /etc/init.d/${unit} {start|stop|restart|reload|force-reload|status}\n`, exitCode: 1 };
  }
  // SysV init scripts do not know systemd's mask and start what they are told to.
  const s = stateOf(ctx.host, unit);
  if (verb === 'reload' && !s.running) return { stderr: ` * ${unit} is not running\n`, exitCode: 7 };
  return { changes: verb === 'stop' ? [set(unit, { running: false })] : [set(unit, { running: true })] };
};
