/** What the simulator reports about the hooks it ran, for assertions and the benchmark. */
import type { ActionValue } from './protocol.js';
import type { Status } from './state.js';

export interface ToolCall {
  unit: string;
  /** Hook or action name. */
  hook: string;
  tool: string;
  argv: string[];
  exitCode: number;
  startMs: number;
  endMs: number;
}

export interface CommandRecord {
  unit: string;
  hook: string;
  /** argv[0] is the command name. */
  argv: string[];
  stdin?: string;
  exitCode: number;
  startMs: number;
  endMs: number;
}

export interface ActionOutcome {
  /** Juju's task status: failed when action-fail was called or the process exited non-zero. */
  status: 'completed' | 'failed';
  message: string;
  /** Everything action-set recorded (values are strings, dotted keys nested). */
  results: Record<string, ActionValue>;
  logs: string[];
}

export interface HookResult {
  unit: string;
  kind: 'hook' | 'action';
  /** Hook name ("config-changed") or action name ("pause"). */
  hook: string;
  relationId?: number;
  remoteUnit?: string;
  departingUnit?: string;
  /** Process exit code (128 + n when killed by signal n). */
  exitCode: number;
  stdout: string;
  stderr: string;
  toolCalls: ToolCall[];
  commands: CommandRecord[];
  /** Bytes of the largest unit-state value the hook's state-set calls wrote (0: none). */
  stateValueBytes: number;
  /** The unit's workload status after the hook. */
  status: Status;
  durationMs: number;
  action?: ActionOutcome;
}
