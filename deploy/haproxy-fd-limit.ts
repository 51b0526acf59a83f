/**
 * haproxy needs two file descriptors per connection: the charm's `maxconn 20000` makes it raise
 * its open-files limit to about 40031 at start, and it refuses to start when the hard limit is
 * lower ("Cannot raise FD limit"). Juju machines have high limits; containers and sandboxes may
 * not (this one has 20000, and root cannot raise it). On such hosts the init script gets
 * haproxy's own `-n <limit>` option, which takes precedence over `maxconn` and exists for exactly
 * this. /etc/init.d/haproxy is a conffile an administrator may edit; /etc/default/haproxy would
 * be the usual place, but the charm owns that file.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import type { Say } from './progress.js';

const INIT_SCRIPT = '/etc/init.d/haproxy';
const MARK = '# glance-charm-local: hard open-files limit';
const ANCHOR = '. /lib/lsb/init-functions\n';
/** Descriptors haproxy keeps besides two per connection (listeners, logs, checks). */
const SPARE_FDS = 64;
const CHARM_MAXCONN = 20_000;

async function hardFdLimit(): Promise<number> {
  const out = (await execa('sh', ['-c', 'ulimit -Hn'])).stdout.trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
}

/** The init script with the cap line for `hard` (or without one when none is needed). */
export function withConnectionCap(script: string, hard: number): string {
  const clean = script.split('\n').filter((l) => !l.includes(MARK)).join('\n');
  const cap = Math.floor((hard - SPARE_FDS) / 2);
  if (cap >= CHARM_MAXCONN || !clean.includes(ANCHOR)) return clean;
  return clean.replace(ANCHOR, `${ANCHOR}EXTRAOPTS="$EXTRAOPTS -n ${cap}"  ${MARK} ${hard} is too low for maxconn ${CHARM_MAXCONN}\n`);
}

export async function fitHaproxyToFdLimit(say: Say): Promise<void> {
  const script = await readFile(INIT_SCRIPT, 'utf8').catch(() => null);
  if (script === null) return;
  const hard = await hardFdLimit();
  const fitted = withConnectionCap(script, hard);
  if (fitted === script) return;
  await writeFile(INIT_SCRIPT, fitted);
  say(fitted.includes(MARK) ? `    ${INIT_SCRIPT}: hard open-files limit ${hard} is below haproxy's need for maxconn ${CHARM_MAXCONN}; added -n ${Math.floor((hard - SPARE_FDS) / 2)}` : `    ${INIT_SCRIPT}: connection cap removed`);
}
