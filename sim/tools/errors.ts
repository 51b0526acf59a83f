/**
 * A hook tool failure as Juju reports it: `ERROR <message>` on stderr and exit 2 for bad flags
 * or arguments (including an unknown `-r` relation, checked while parsing), 1 for failures
 * while running (juju/cmd `Main`; reference/juju-runtime.md §2.1).
 */
export class ToolError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string): ToolError => new ToolError(2, message);
export const runError = (message: string): ToolError => new ToolError(1, message);

/** juju/cmd's CheckEmpty: Go prints the leftover args with %q. */
export function checkEmpty(args: readonly string[]): void {
  if (args.length > 0) throw usageError(`unrecognized args: [${args.map((a) => JSON.stringify(a)).join(' ')}]`);
}
