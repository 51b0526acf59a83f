import type { HostChange, ToolContext } from '../protocol.js';

/** One fake command run: the unit's view of its machine, argv without the command name. */
export interface FakeRun {
  ctx: ToolContext;
  args: readonly string[];
}

export interface FakeOutcome {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  changes?: HostChange[];
}

export type FakeCommand = (run: FakeRun) => FakeOutcome;

/** Splits argv into options and operands; `withValue` options consume the next argument. */
export function operands(args: readonly string[], withValue: readonly string[] = []): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') out.push(a);
    else if (withValue.includes(a)) i++;
  }
  return out;
}

/** The value of `-f X`, `-fX`, `-f=X`, `--long X` or `--long=X`, whichever spelling is used. */
export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    for (const n of names) {
      if (a === n) return args[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length) return a.slice(n.length);
    }
  }
  return undefined;
}
