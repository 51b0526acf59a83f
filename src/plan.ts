/**
 * The Plan: what one hook does, as plain data. The pure core produces it; src/effects/apply.ts
 * carries it out in the order the planner gives (src/reconcile/index.ts fixes it) and nothing else.
 */
import type { FileOwner } from './base/owners.js';
import type { Databag, UnitMemory } from './snapshot.js';

export type { FileOwner };

export type WorkloadStatus = 'active' | 'blocked' | 'waiting' | 'maintenance';

export type Effect =
  /** Immediate status while a long step runs (install, upgrade). */
  | { kind: 'progress'; message: string }
  /** A line in juju-log for what the status line has no room for. */
  | { kind: 'log'; level: 'WARNING'; message: string }
  | { kind: 'apt-update' }
  | { kind: 'apt-install'; packages: readonly string[] }
  | { kind: 'apt-purge'; packages: readonly string[] }
  | { kind: 'write-file'; path: string; content: string; owner: FileOwner }
  | { kind: 'delete-file'; path: string }
  | { kind: 'mkdir'; path: string; owner: FileOwner }
  /**
   * A host command by name on PATH (argv[0]); `input` is fed on stdin; secrets never go in argv.
   * `hostPaths`: indexes of argv entries that are host paths, handed over under $CHARM_FS_ROOT.
   * `env`: added to the charm's environment for this command only (the charm's proxy for a download).
   */
  | {
      kind: 'command';
      argv: readonly string[];
      input?: string;
      retries?: number;
      hostPaths?: readonly number[];
      env?: Readonly<Record<string, string>>;
    }
  | { kind: 'service'; action: 'start' | 'stop' | 'restart' | 'reload' | 'enable' | 'disable' | 'mask' | 'unmask'; service: string }
  /** Only the keys that changed: '' deletes a key (Juju semantics). */
  | { kind: 'relation-set'; relationId: string; app: boolean; data: Databag }
  /**
   * The whole databag `unit` wants on a relation, Juju's own keys aside: apply() sends what
   * differs from what Juju holds there.
   */
  | { kind: 'publish'; relationId: string; unit: string; data: Databag }
  | { kind: 'open-port'; port: number }
  | { kind: 'memory'; memory: UnitMemory }
  | { kind: 'status'; status: WorkloadStatus; message: string }
  | { kind: 'app-version'; version: string }
  | { kind: 'action-set'; data: Record<string, string> }
  | { kind: 'action-fail'; message: string }
  /** Fail the hook (exit non-zero) with this one-line message, after everything else ran. */
  | { kind: 'fail'; message: string };

export type EffectKind = Effect['kind'];

export interface Plan {
  effects: Effect[];
}
