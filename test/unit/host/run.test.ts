import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommandError, commandTotals, runCommand, tryCommand } from '../../../src/host/run.js';
import { FakeBin } from '../../fixtures/fake-bin.js';

let bin: FakeBin;
beforeEach(() => {
  bin = new FakeBin(['DEBIAN_FRONTEND']);
});
afterEach(() => bin.dispose());

describe('runCommand', () => {
  it('runs the command found by name on PATH, with argv passed literally (no shell)', async () => {
    bin.add('glance-manage', { stdout: 'ok\n' });
    const r = await runCommand(['glance-manage', '--config-file', '/etc/glance/a b.conf', '$(reboot)', 'db_sync']);
    expect(r.stdout).toBe('ok');
    expect(bin.argvs()).toEqual([['glance-manage', '--config-file', '/etc/glance/a b.conf', '$(reboot)', 'db_sync']]);
  });

  it('feeds input on stdin and adds env to the charm environment', async () => {
    bin.add('ceph-authtool');
    await runCommand(['ceph-authtool', '--import-keyring', '-'], { input: 'key = AQD==', env: { DEBIAN_FRONTEND: 'noninteractive' } });
    expect(bin.calls()).toEqual([
      { argv: ['ceph-authtool', '--import-keyring', '-'], stdin: 'key = AQD==', env: { DEBIAN_FRONTEND: 'noninteractive' } },
    ]);
  });

  it('retries a failing command and succeeds when a later attempt does', async () => {
    const counter = join(mkdtempSync(join(tmpdir(), 'count-')), 'n');
    bin.script('glance-manage', `n=$(cat ${counter} 2>/dev/null || echo 0); echo $((n+1)) > ${counter}; [ "$n" -ge 2 ]`);
    await runCommand(['glance-manage', 'db_sync'], { retries: 3, backoffMs: 1 });
    expect(bin.argvs()).toHaveLength(3);
  });

  it('fails with one line naming the command, exit code and last words, never the input', async () => {
    bin.add('glance-manage', { stderr: 'Traceback...\nsqlalchemy.exc.OperationalError: (1045, "Access denied")', exit: 1 });
    const error = await runCommand(['glance-manage', '--debug', 'db_sync'], { input: 'password=hunter2', retries: 1, backoffMs: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toBe(
      'glance-manage db_sync failed (exit 1): sqlalchemy.exc.OperationalError: (1045, "Access denied")',
    );
    expect(JSON.stringify({ ...(error as object), stack: (error as Error).stack })).not.toContain('hunter2');
    expect(bin.argvs()).toHaveLength(2);
  });

  it('quotes stdout when stderr is empty (init scripts report there)', async () => {
    bin.add('service', { stdout: 'Starting glance-api: failed!\n', exit: 1 });
    await expect(runCommand(['service', 'glance-api', 'start'])).rejects.toThrow(
      'service glance-api failed (exit 1): Starting glance-api: failed!',
    );
  });

  it('says when the command is not on PATH, without retrying', async () => {
    await expect(runCommand(['a2ensite', 'openstack_https_frontend'], { retries: 5, backoffMs: 10_000 })).rejects.toThrow(
      'a2ensite openstack_https_frontend failed (not found on PATH)',
    );
  });
});

describe('tryCommand', () => {
  it('reports the exit code instead of throwing, and counts every command run', async () => {
    bin.add('systemctl', { exit: 3 });
    const before = commandTotals().commands;
    expect((await tryCommand(['systemctl', 'is-active', 'glance-api'])).exitCode).toBe(3);
    expect((await tryCommand(['nosuch'])).exitCode).toBeNull();
    expect(commandTotals().commands).toBe(before + 2);
  });
});
