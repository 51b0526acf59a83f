/**
 * A known bad situation, reported as a workload status instead of a hook error.
 * Problems come from config parsing, relation readiness and validators; `pickStatus` turns the
 * list into the one status Juju shows.
 */
export type Severity = 'blocked' | 'waiting' | 'maintenance';

export interface Problem {
  severity: Severity;
  /** What raised it: a config option name, a relation group, or a validator name. */
  source: string;
  message: string;
}

export const blocked = (source: string, message: string): Problem => ({ severity: 'blocked', source, message });
export const waiting = (source: string, message: string): Problem => ({ severity: 'waiting', source, message });
