/**
 * Service control without systemd: PID 1 here is not systemd, so services run through
 * `service` and their SysV init scripts, exactly as the charm itself does on such a host.
 */
import { execa } from 'execa';

export async function isRunning(service: string): Promise<boolean> {
  const r = await execa('service', [service, 'status'], { reject: false });
  return r.exitCode === 0;
}

async function control(service: string, action: 'start' | 'stop'): Promise<void> {
  const r = await execa('service', [service, action], { reject: false, all: true });
  if (r.exitCode !== 0) {
    const tail = (r.all ?? '').trim().split('\n').slice(-3).join(' | ');
    throw new Error(`service ${service} ${action} failed (exit ${r.exitCode}): ${tail}`);
  }
}

export const startService = (service: string): Promise<void> => control(service, 'start');
export const stopService = (service: string): Promise<void> => control(service, 'stop');

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until `probe` resolves true; throws naming `what` after `timeoutMs`. */
export async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
}

/** True once anything answers HTTP at `url` (any status: the server is up). */
export async function answersHttp(url: string): Promise<boolean> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await r.body?.cancel();
    return true;
  } catch {
    return false;
  }
}
