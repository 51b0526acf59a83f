// The charm's own time is wall time minus the time some hook tool or command was running: side by
// side children count once. And the one spawn helper behind both keeps the contract callers rely on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { childBusyMs, spawnProcess } from '../../../src/host/spawn.js';
import { recordStartup, type ToolStats, writeToolStats } from '../../../src/juju/tool-stats.js';
import { HookTools } from '../../../src/juju/tools.js';

const scratch = mkdtempSync(join(tmpdir(), 'process-time-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('time inside children', () => {
  it('counts children running side by side once', async () => {
    const before = childBusyMs();
    const started = performance.now();
    await Promise.all([spawnProcess(['sleep', '0.3']), spawnProcess(['sleep', '0.2']), spawnProcess(['sleep', '0.1'])]);
    const busy = childBusyMs() - before;
    expect(busy).toBeGreaterThanOrEqual(290);
    expect(busy).toBeLessThanOrEqual(performance.now() - started);
  });

  it('leaves the rest of the wall time to the charm in the stats line, with its start-up', async () => {
    recordStartup();
    await spawnProcess(['sleep', '0.2']);
    const file = join(scratch, 'stats.jsonl');
    writeToolStats('update-status', new HookTools(), { CHARM_TOOL_STATS: file });
    const line = JSON.parse(readFileSync(file, 'utf8')) as ToolStats;
    expect(line.ownMs).toBeLessThanOrEqual(line.wallMs - 200);
    expect(Math.abs(line.ownMs + childBusyMs() - line.wallMs)).toBeLessThanOrEqual(2);
    expect(line.startupMs).toBeGreaterThan(0);
    expect(line.startupMs).toBeLessThanOrEqual(line.wallMs);
  });
});

describe('spawnProcess', () => {
  it('decodes output as UTF-8 and drops one final newline, as callers compare it', async () => {
    const r = await spawnProcess(['printf', 'ünïcode\\n\\n']);
    expect(r).toMatchObject({ exitCode: 0, stdout: 'ünïcode\n', stderr: '' });
  });

  it('gives input on stdin; a process that exits without reading it is no error of ours', async () => {
    expect((await spawnProcess(['cat'], { input: 'secret\n' })).stdout).toBe('secret');
    const unread = await spawnProcess(['true'], { input: 'x'.repeat(4 * 1024 * 1024) });
    expect(unread.exitCode).toBe(0);
  });

  it('says why there is no exit code', async () => {
    // On a PATH the caller may search: a runner's own PATH can name dirs it may not read (root's,
    // under `su`), where the search ends in EACCES instead.
    const searchable = { PATH: '/usr/local/bin:/usr/bin:/bin' };
    expect(await spawnProcess(['no-such-command-here'], { env: searchable })).toMatchObject({ exitCode: null, reason: 'not found on PATH' });
    expect(await spawnProcess(['sh', '-c', 'kill -TERM $$'])).toMatchObject({ exitCode: null, reason: 'killed by SIGTERM' });
    expect(await spawnProcess(['echo', 'nul\0byte'])).toMatchObject({ exitCode: null, reason: 'did not start: ERR_INVALID_ARG_VALUE' });
  });

  it('adds env to the charm environment instead of replacing it', async () => {
    const r = await spawnProcess(['sh', '-c', 'echo "$PATH|$EXTRA"'], { env: { EXTRA: 'yes' } });
    expect(r.stdout).toBe(`${process.env.PATH}|yes`);
  });
});
