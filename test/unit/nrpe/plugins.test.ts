/**
 * The check plugins the charm ships (files/), run as NRPE runs them, with stand-ins for curl,
 * systemctl and service on PATH: what the Nagios operator sees (first line, exit code).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const FILES = new URL('../../../files', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nrpe-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A bin dir whose commands print `out` and exit `code`. */
function fakes(name: string, commands: Record<string, { out?: string; code?: number }>): string {
  const bin = join(dir, name);
  spawnSync('mkdir', ['-p', bin]);
  for (const [cmd, { out = '', code = 0 }] of Object.entries(commands)) {
    const data = join(bin, `${cmd}.out`);
    writeFileSync(data, out);
    writeFileSync(join(bin, cmd), `#!/bin/sh\ncat '${data}'\nexit ${code}\n`);
    chmodSync(join(bin, cmd), 0o755);
  }
  return bin;
}

function runPlugin(plugin: string, args: string[], bin: string): { line: string; code: number | null } {
  const r = spawnSync('sh', [join(FILES, plugin), ...args], {
    encoding: 'utf8',
    env: { PATH: `${bin}:/usr/bin:/bin` },
  });
  return { line: r.stdout.split('\n')[0] ?? '', code: r.status };
}

const HEADER = '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight\n';
const row = (px: string, sv: string, qcur: number, qmax: number, status: string) =>
  `${px},${sv},${qcur},${qmax},0,0,,0,0,0,,0,,0,0,0,0,${status},1\n`;
const conf = join(dir, 'stats.curlrc');
writeFileSync(conf, 'url = "http://127.0.0.1:8888/;csv"\nuser = "admin:pw"\n');

describe('check_service.sh', () => {
  it('OK when the service runs, CRITICAL when it does not, UNKNOWN without a name', () => {
    const up = fakes('up', { systemctl: { out: 'active\n' }, service: { code: 0 } });
    const down = fakes('down', { systemctl: { out: 'inactive\n', code: 3 }, service: { code: 3 } });
    expect(runPlugin('check_service.sh', ['glance-api'], up)).toEqual({ line: expect.stringMatching(/^OK: glance-api is/), code: 0 });
    expect(runPlugin('check_service.sh', ['glance-api'], down)).toEqual({ line: expect.stringMatching(/^CRITICAL: glance-api is/), code: 2 });
    expect(runPlugin('check_service.sh', [], up).code).toBe(3);
  });
});

describe('check_haproxy.sh', () => {
  it('OK when every server is UP', () => {
    const bin = fakes('all-up', {
      curl: { out: HEADER + row('glance_api_10.0.0.5', 'FRONTEND', 0, 0, 'OPEN') + row('glance_api_10.0.0.5', 'glance-0', 0, 0, 'UP') + row('glance_api_10.0.0.5', 'BACKEND', 0, 0, 'UP') },
    });
    expect(runPlugin('check_haproxy.sh', [conf], bin)).toEqual({ line: 'OK: all haproxy servers are UP', code: 0 });
  });
  it('CRITICAL naming each server that is not UP', () => {
    const bin = fakes('one-down', {
      curl: { out: HEADER + row('glance_api_10.0.0.5', 'glance-0', 0, 0, 'UP') + row('glance_api_10.0.0.5', 'glance-1', 0, 0, 'DOWN') + row('stats', 'BACKEND', 0, 0, 'UP') },
    });
    expect(runPlugin('check_haproxy.sh', [conf], bin)).toEqual({ line: 'CRITICAL: glance_api_10.0.0.5/glance-1 is DOWN', code: 2 });
  });
  it('CRITICAL when the statistics cannot be fetched, UNKNOWN without readable credentials', () => {
    const bin = fakes('refused', { curl: { out: 'curl: (7) Failed to connect', code: 7 } });
    expect(runPlugin('check_haproxy.sh', [conf], bin)).toEqual({ line: expect.stringMatching(/^CRITICAL: haproxy statistics unavailable/), code: 2 });
    expect(runPlugin('check_haproxy.sh', [join(dir, 'missing.curlrc')], bin).code).toBe(3);
  });
});

describe('check_haproxy_queue_depth.sh', () => {
  it('OK with empty queues, CRITICAL when a backend queues now or ever queued more than 100', () => {
    const calm = fakes('calm', { curl: { out: HEADER + row('glance_api_10.0.0.5', 'BACKEND', 0, 3, 'UP') } });
    expect(runPlugin('check_haproxy_queue_depth.sh', [conf], calm)).toEqual({ line: 'OK: all haproxy queue depths looking good', code: 0 });
    const queued = fakes('queued', { curl: { out: HEADER + row('glance_api_10.0.0.5', 'BACKEND', 4, 4, 'UP') } });
    expect(runPlugin('check_haproxy_queue_depth.sh', [conf], queued)).toEqual({
      line: 'CRITICAL: queue depth for glance_api_10.0.0.5 current 4 max 4',
      code: 2,
    });
    const burst = fakes('burst', { curl: { out: HEADER + row('glance_api_10.0.0.5', 'BACKEND', 0, 250, 'UP') } });
    expect(runPlugin('check_haproxy_queue_depth.sh', [conf], burst).code).toBe(2);
  });
});
