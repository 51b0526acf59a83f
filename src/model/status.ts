/**
 * The workload status, by the reference's rules and messages (reference §9): series upgrade,
 * paused (blocked instead when a service still runs), missing/incomplete relations, then the
 * charm's own checks joined with ", " (the worst state wins), then services that should run but
 * do not, else `Unit is ready`.
 */
import type { WorkloadStatus } from '../plan.js';
import type { Problem } from '../base/problem.js';
import type { InterfaceState } from './requirements.js';

export interface StatusInputs {
  seriesUpgrading: boolean;
  paused: boolean;
  interfaces: InterfaceState;
  problems: readonly Problem[];
  servicesDown: readonly string[];
  /** Paused or series-upgrading, yet these services run (a stop that did not take). */
  runningWhilePaused?: readonly string[];
  /** Prefix for policy overrides: 'PO: ' or 'PO (broken): ' (empty when not in use). */
  prefix?: string;
}

export interface Status {
  status: WorkloadStatus;
  message: string;
}

const RANK: Record<WorkloadStatus, number> = { active: 0, waiting: 1, maintenance: 2, blocked: 3 };
const worse = (a: WorkloadStatus, b: WorkloadStatus): WorkloadStatus => (RANK[b] > RANK[a] ? b : a);

export const PAUSED_MESSAGE = "Paused. Use 'resume' action to resume normal service.";
export const SERIES_UPGRADE_MESSAGE = 'Ready for do-release-upgrade and reboot. Set complete when finished.';

function interfaceMessage(i: InterfaceState): Status | undefined {
  const m = i.missing.join(', ');
  const n = i.incomplete.join(', ');
  if (m && n) return { status: 'blocked', message: `Missing relations: ${m}; incomplete relations: ${n}` };
  if (m) return { status: 'blocked', message: `Missing relations: ${m}` };
  if (n) return { status: 'waiting', message: `Incomplete relations: ${n}` };
  return undefined;
}

function core(i: StatusInputs): Status {
  const running = i.runningWhilePaused ?? [];
  if ((i.seriesUpgrading || i.paused) && running.length) {
    return { status: 'blocked', message: `Services should be paused but these services running: ${running.join(', ')}` };
  }
  if (i.seriesUpgrading) return { status: 'blocked', message: SERIES_UPGRADE_MESSAGE };
  if (i.paused) return { status: 'maintenance', message: PAUSED_MESSAGE };
  const parts: Status[] = [];
  const iface = interfaceMessage(i.interfaces);
  if (iface) parts.push(iface);
  for (const p of i.problems) parts.push({ status: p.severity, message: p.message });
  if (parts.length) {
    return {
      status: parts.map((p) => p.status).reduce(worse, 'active'),
      message: parts.map((p) => p.message).join(', '),
    };
  }
  if (i.servicesDown.length) {
    return { status: 'blocked', message: `Services not running that should be: ${i.servicesDown.join(', ')}` };
  }
  return { status: 'active', message: 'Unit is ready' };
}

export function pickStatus(i: StatusInputs): Status {
  const s = core(i);
  return i.prefix ? { ...s, message: `${i.prefix}${s.message}` } : s;
}
