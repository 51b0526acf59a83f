/**
 * A `juju status`-like view of the simulated model: units with their workload status, then one
 * line per relation with what each side published. Secrets never reach the terminal.
 */
import type { Databag, SimState } from '../sim/state.js';

const SECRET_KEY = /pass|secret|token|key|ssl_|cert/i;
const MAX_VALUE = 48;

function shown(key: string, value: string): string {
  if (SECRET_KEY.test(key)) return '(hidden)';
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

/** `key=value` pairs, sorted, secrets hidden and long values cut. */
export function summarize(bag: Databag): string {
  const keys = Object.keys(bag).sort();
  return keys.length === 0 ? '(nothing)' : keys.map((k) => `${k}=${shown(k, bag[k] ?? '')}`).join(' ');
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows.reduce<number[]>((w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)), []);
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

const merged = (bags: Record<string, Databag>, app: Databag): Databag => Object.assign({}, app, ...Object.values(bags));

export function statusTable(state: SimState): string {
  const units = table([
    ['Unit', 'Workload', 'Message'],
    ...Object.values(state.units).map((u) => [
      `${u.name}${state.leader === u.name ? '*' : ''}`,
      u.hookError ? 'error' : u.status.status,
      u.hookError ? `hook failed: "${u.hookError}"` : u.status.message,
    ]),
  ]);
  const relations = state.relations
    .filter((r) => !r.peer)
    .map((r) => `${r.endpoint}:${r.id} → ${r.remoteApp}\n  glance sent:  ${summarize(merged(r.localUnits, r.localAppData))}\n  remote sent:  ${summarize(merged(r.remoteUnits, r.remoteAppData))}`);
  return [units, '', 'Relations', ...relations].join('\n');
}
