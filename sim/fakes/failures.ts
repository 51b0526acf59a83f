/** Failure injection: the first rule for this command whose pattern matches argv and is not used up. */
import type { FailureRule, HostState } from '../state.js';

export function failureFor(host: HostState, argv: readonly string[]): FailureRule | undefined {
  const line = argv.join(' ');
  return host.failures.find(
    (f) => f.command === argv[0] && f.remaining !== 0 && (f.match === undefined || new RegExp(f.match).test(line)),
  );
}
