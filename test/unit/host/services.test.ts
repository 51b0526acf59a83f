import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serviceControl, serviceRunning } from '../../../src/host/services.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

let bin: FakeBin;
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fsroot-'));
  process.env.CHARM_FS_ROOT = root;
  bin = new FakeBin().add('systemctl').add('service').add('update-rc.d');
});
afterEach(() => {
  bin.dispose();
  delete process.env.CHARM_FS_ROOT;
});

describe('on a host booted with systemd', () => {
  beforeEach(() => mkdirSync(join(root, 'run/systemd/system'), { recursive: true }));

  it('uses systemctl for every action', async () => {
    for (const action of ['start', 'stop', 'restart', 'reload', 'enable', 'disable', 'mask', 'unmask'] as const) {
      await serviceControl(action, 'glance-api');
    }
    expect(bin.argvs()).toEqual(
      ['start', 'stop', 'restart', 'reload', 'enable', 'disable', 'mask', 'unmask'].map((a) => ['systemctl', a, 'glance-api']),
    );
  });

  it('asks systemctl is-active whether a service runs', async () => {
    bin.script('systemctl', '[ "$3" = haproxy ]');
    expect(await serviceRunning('haproxy')).toBe(true);
    expect(await serviceRunning('glance-api')).toBe(false);
    expect(bin.argvs()[0]).toEqual(['systemctl', 'is-active', '--quiet', 'haproxy']);
  });
});

describe('on a host without systemd', () => {
  it('uses service for start/stop/restart/reload and update-rc.d for the boot-time actions', async () => {
    for (const action of ['start', 'stop', 'restart', 'reload', 'enable', 'disable', 'mask', 'unmask'] as const) {
      await serviceControl(action, 'haproxy');
    }
    expect(bin.argvs()).toEqual([
      ['service', 'haproxy', 'start'],
      ['service', 'haproxy', 'stop'],
      ['service', 'haproxy', 'restart'],
      ['service', 'haproxy', 'reload'],
      ['update-rc.d', 'haproxy', 'enable'],
      ['update-rc.d', 'haproxy', 'disable'],
      ['update-rc.d', 'haproxy', 'disable'],
      ['update-rc.d', 'haproxy', 'enable'],
    ]);
  });

  it('reads the init script status exit code', async () => {
    bin.script('service', '[ "$1" = memcached ] || { echo " * glance-api is not running"; exit 3; }');
    expect(await serviceRunning('memcached')).toBe(true);
    expect(await serviceRunning('glance-api')).toBe(false);
    expect(bin.argvs()).toEqual([
      ['service', 'memcached', 'status'],
      ['service', 'glance-api', 'status'],
    ]);
  });

  it('fails with the init script last line', async () => {
    bin.add('service', { stdout: 'Starting Glance API: glance-api failed!', exit: 1 });
    await expect(serviceControl('start', 'glance-api')).rejects.toThrow(
      'service glance-api failed (exit 1): Starting Glance API: glance-api failed!',
    );
  });
});
