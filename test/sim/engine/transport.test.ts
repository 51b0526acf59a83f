/**
 * How the charm's calls reach the simulator: every hook tool and fake command is a bash shim that
 * sends its argv and stdin to the simulator's call server and replays the answer. Argv, stdin and
 * stdout pass byte for byte; stdin is recorded for fakes only when given; calls made at the same
 * time in one hook are all answered and journalled; a shim whose simulator is gone, or whose hook
 * has ended (one a killed hook left running), says so on one line and exits 1 at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallRecord, Fixture, HOOKS_TIMEOUT, call, run, runWithInput } from './fixture.js';

/** Quotes, shell syntax, printf directives, control bytes, newlines, non-ASCII and astral characters. */
const AWKWARD = [
  '',
  ' ',
  "it's \"quoted\" \\ back\\slash",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax that must reach the tool unexpanded.
  '$(touch /tmp/x) `id` ${HOME} *',
  '%s %d %% \\x41 \\n',
  'line one\nline two\n\n',
  '\t\x01\x1b[31m\x7f',
  'café – Ωμέγα – 日本語 – 🚀',
  '--flag=value',
  '-',
];
/** stdout may hold what argv cannot: NUL bytes. */
const AWKWARD_OUTPUT = `${AWKWARD.join('|')}\0after a NUL\0`;

const outcome = (r: CallRecord) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('argv, stdin and stdout through the shims', () => {
  let f: Fixture;
  let calls: CallRecord[];

  beforeAll(async () => {
    f = new Fixture();
    const unit = f.sim.createUnit();
    f.sim.state.config = { region: AWKWARD_OUTPUT, vip: 'x'.repeat(150_000) };
    f.plan({
      install: [
        run('update-alternatives', ...AWKWARD),
        run('juju-log', '--', ...AWKWARD),
        run('a2enmod', ...AWKWARD.filter((a) => !a.startsWith('-'))),
        run('config-get', 'region'),
        run('config-get', 'vip'),
        runWithInput(AWKWARD_OUTPUT.replaceAll('\0', ''), 'systemctl', 'daemon-reload'),
        run('bash', '-c', "printf 'a\\0b\\0' | update-alternatives --nul"),
        run('bash', '-c', 'update-alternatives --from-file < "$0"', join(f.out, 'plan.json')),
        run('bash', '-c', ': | update-alternatives --empty'),
        run('bash', '-c', 'update-alternatives --null < /dev/null'),
        run('getent', 'passwd', 'glance'),
        runWithInput('one: "1"\ntwo: |\n  multi\n  line\n', 'state-set', '--file', '-'),
        run('state-get', '--format=json'),
      ],
    });
    await f.sim.runHook(unit.name, 'install');
    calls = f.lastCalls('install');
  }, HOOKS_TIMEOUT);
  afterAll(() => f.dispose());

  it('argv reaches tools and commands exactly, whatever its bytes', () => {
    expect(f.sim.commands('update-alternatives')[0]?.argv).toEqual(['update-alternatives', ...AWKWARD]);
    expect(f.sim.history[0]?.toolCalls.find((c) => c.tool === 'juju-log')?.argv).toEqual(['--', ...AWKWARD]);
    expect(f.sim.logLines('glance/0')).toContain(AWKWARD.join(' '));
    const modules = AWKWARD.filter((a) => !a.startsWith('-'));
    expect(call(calls, 'a2enmod', ...modules).stdout).toBe(modules.map((m) => `Enabling module ${m}.\n`).join(''));
  });

  it('stdout comes back byte for byte, NUL bytes and 150 kB included', () => {
    expect(outcome(call(calls, 'config-get', 'region'))).toEqual({ code: 0, stdout: `${AWKWARD_OUTPUT}\n`, stderr: '' });
    expect(call(calls, 'config-get', 'vip').stdout).toBe(`${'x'.repeat(150_000)}\n`);
  });

  it('a fake records stdin when some is given (pipe, socket or file; NUL bytes kept), not when empty or /dev/null', () => {
    const stdinOf = (flag: string) => f.sim.commands('update-alternatives').find((c) => c.argv[1] === flag);
    expect(f.sim.commands('systemctl')[0]?.stdin).toBe(AWKWARD_OUTPUT.replaceAll('\0', ''));
    expect(stdinOf('--nul')?.stdin).toBe('a\0b\0');
    expect(stdinOf('--from-file')?.stdin).toMatch(/^\{"install":/);
    expect(stdinOf('--empty')).not.toHaveProperty('stdin');
    expect(stdinOf('--null')).not.toHaveProperty('stdin');
    expect(f.sim.commands('getent')[0]).not.toHaveProperty('stdin');
  });

  it('a tool reads stdin for --file -', () => {
    expect(JSON.parse(call(calls, 'state-get', '--format=json').stdout)).toEqual({ one: '1', two: 'multi\nline\n' });
  });
});

describe('calls made at the same time in one hook', () => {
  const N = 16;
  let f: Fixture;

  beforeAll(async () => {
    f = new Fixture();
    const unit = f.sim.createUnit();
    const all = `for i in $(seq ${N}); do juju-log "call $i" & state-set "k$i=v$i" & systemctl start "svc$i" & config-get region & done; wait`;
    f.plan({ install: [run('bash', '-c', all)] });
    await f.sim.runHook(unit.name, 'install');
  }, HOOKS_TIMEOUT);
  afterAll(() => f.dispose());

  it('are all answered, journalled and committed', () => {
    const ids = Array.from({ length: N }, (_, i) => i + 1);
    const [hook] = f.sim.history;
    expect(hook?.exitCode).toBe(0);
    expect(f.sim.toolCallCounts()).toEqual({ 'juju-log': N, 'state-set': N, 'config-get': N });
    expect(hook?.toolCalls.every((c) => c.exitCode === 0 && c.endMs >= c.startMs)).toBe(true);
    expect(f.sim.logLines('glance/0').sort()).toEqual(ids.map((i) => `call ${i}`).sort());
    expect(f.sim.unit('glance/0').state).toEqual(Object.fromEntries(ids.map((i) => [`k${i}`, `v${i}`])));
    expect(f.sim.commands('systemctl').map((c) => c.exitCode)).toEqual(ids.map(() => 0));
    expect(Object.keys(f.sim.unit('glance/0').host.services).sort()).toEqual(ids.map((i) => `svc${i}`).sort());
  });
});

const journalText = (hookDir: string): string => {
  const path = join(hookDir, 'journal.jsonl');
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
};

/** Runs a shim as the charm would, outside any hook; gives up (a hang) after 10 s. */
function runShim(path: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path, [], { env, stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000, killSignal: 'SIGKILL' });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, ms: performance.now() - started }));
  });
}

describe('a shim called when no hook of its simulator is running', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sim-transport-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A simulator on a dir that outlives it (its shims stay), after one hook. */
  async function usedThenDisposed(name: string): Promise<{ tool: string; fake: string; env: Record<string, string> }> {
    const f = new Fixture({ dir: join(dir, name) });
    const unit = f.sim.createUnit();
    await f.sim.runHook(unit.name, 'install');
    f.dispose();
    const unitDir = f.sim.unitDir(unit.name);
    return { tool: join(unitDir, 'tools', 'config-get'), fake: join(unitDir, 'fakes', 'systemctl'), env: { JUJU_AGENT_SOCKET_ADDRESS: join(unitDir, 'hook') } };
  }

  const expectOneLineRefusal = (r: { code: number | null; stderr: string; ms: number }, why: RegExp) => {
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toMatch(why);
    expect(r.ms).toBeLessThan(5_000);
  };

  it(
    'no simulator left in the process: the server is closed, the call fails at once',
    async () => {
      const gone = await usedThenDisposed('alone');
      expectOneLineRefusal(await runShim(gone.tool, gone.env), /^ERROR config-get: cannot reach the simulated Juju at 127\.0\.0\.1:\d+/);
      expectOneLineRefusal(await runShim(gone.fake, {}), /^ERROR systemctl: cannot reach the simulated Juju/);
    },
    HOOKS_TIMEOUT,
  );

  it(
    'another simulator still serving: the disposed one\'s token is refused, nothing is journalled',
    async () => {
      const other = new Fixture();
      try {
        const gone = await usedThenDisposed('beside-another');
        const journalBefore = journalText(gone.env.JUJU_AGENT_SOCKET_ADDRESS as string);
        expectOneLineRefusal(await runShim(gone.tool, gone.env), /^ERROR config-get: the simulator that set up this hook was disposed$/m);
        expectOneLineRefusal(await runShim(gone.fake, {}), /^ERROR systemctl: the simulator that set up this hook was disposed$/m);
        expect(journalText(gone.env.JUJU_AGENT_SOCKET_ADDRESS as string)).toBe(journalBefore);
      } finally {
        other.dispose();
      }
    },
    HOOKS_TIMEOUT,
  );

  it(
    'two simulators on one dir, one disposed: the other\'s hooks still reach it (shims are written per hook)',
    async () => {
      const shared = join(dir, 'shared');
      const first = new Fixture({ dir: shared });
      try {
        const unit = first.sim.createUnit();
        first.plan({ '*': [run('is-leader')] });
        await first.sim.runHook(unit.name, 'install');
        const second = new Fixture({ dir: shared });
        second.plan({ '*': [run('is-leader')] });
        await second.sim.runHook(unit.name, 'start');
        const secondCalls = second.calls();
        second.dispose();
        await first.sim.runHook(unit.name, 'update-status');
        const outcomes = [...first.calls(), ...secondCalls].map((c) => `${c.event} ${c.code} ${c.stderr}`);
        expect(outcomes).toEqual(['install 0 ', 'update-status 0 ', 'start 0 ']);
      } finally {
        first.dispose();
      }
    },
    HOOKS_TIMEOUT,
  );

  it(
    'a call from a hook that has ended (a shim a killed hook left behind) is refused and lands in no journal',
    async () => {
      const f = new Fixture();
      try {
        const unit = f.sim.createUnit();
        await f.sim.runHook(unit.name, 'install');
        const unitDir = f.sim.unitDir(unit.name);
        const hookDir = join(unitDir, 'hook');
        const journalBefore = journalText(hookDir);
        const env = { JUJU_AGENT_SOCKET_ADDRESS: hookDir, JUJU_CONTEXT_ID: 'glance-0-install-ended' };
        const why = /^ERROR (state-set|systemctl): hook context "glance-0-install-ended" is not running \(it ended or was killed\)$/m;
        expectOneLineRefusal(await runShim(join(unitDir, 'tools', 'state-set'), env), why);
        expectOneLineRefusal(await runShim(join(unitDir, 'fakes', 'systemctl'), env), why);
        expect(journalText(hookDir)).toBe(journalBefore);
      } finally {
        f.dispose();
      }
    },
    HOOKS_TIMEOUT,
  );

  it(
    'a tool run outside any hook says so, as Juju\'s does',
    async () => {
      const other = new Fixture();
      try {
        const unit = other.sim.createUnit();
        await other.sim.runHook(unit.name, 'install');
        const r = await runShim(join(other.sim.unitDir(unit.name), 'tools', 'is-leader'), {});
        expect(r).toMatchObject({ code: 1, stderr: 'ERROR JUJU_AGENT_SOCKET_ADDRESS not set: not running in a hook context\n' });
      } finally {
        other.dispose();
      }
    },
    HOOKS_TIMEOUT,
  );
});
