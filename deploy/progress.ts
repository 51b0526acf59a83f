/**
 * Progress lines for the real-service machinery. Long steps (apt, db_sync, keystone bootstrap)
 * are silent for tens of seconds, so a step prints a heartbeat while it runs: an operator watching
 * `npm run deploy:local` or CI logs can tell "slow" from "stuck".
 */
export type Say = (line: string) => void;

const HEARTBEAT_MS = 15_000;

export const stdoutSay: Say = (line) => process.stdout.write(`${line}\n`);

const started = Date.now();
const clock = (): string => `+${Math.round((Date.now() - started) / 1000)}s`;

/** Run one named step, printing its start, a heartbeat while it runs, and its duration. */
export async function step<T>(say: Say, label: string, body: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  say(`=== [${clock()}] ${label}`);
  const timer = setInterval(() => say(`    ... ${label}: still running (${Math.round((Date.now() - t0) / 1000)}s)`), HEARTBEAT_MS);
  try {
    const result = await body();
    say(`    ${label}: done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return result;
  } finally {
    clearInterval(timer);
  }
}
