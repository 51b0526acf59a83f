/**
 * The fixture charm (fixtures/charm/charm.mjs) run in this process (SimOptions.inProcess): the
 * same records for the event and each planned step, the same `{{NAME}}` expansion and the same
 * exit codes. For the sequence driver's tests, which are about which hooks Juju runs, in what
 * order, with what environment and what the tools answer: the process boundary itself (the
 * environment a process gets, the shims, their transport and formats, the fake commands) is
 * tested by env, transport, tools-output, tools-errors, fakes and commit, on the charm as a
 * process. A step's tool or fake command is answered by the call handlers, as the in-process
 * runner answers the charm's; anything else runs as a process, from the charm dir.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InProcessCharm } from '../../../sim/run-in-process.js';
import type { Plan } from './fixture.js';

interface StepOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** spawnSync's outcome, without blocking the event loop the simulator answers the step on. */
function runStep(cmd: string, args: string[], input: string | undefined, env: NodeJS.ProcessEnv, cwd: string): Promise<StepOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) child.stdin?.end(input);
  });
}

export const FIXTURE_IN_PROCESS: InProcessCharm = {
  async runEvent(env, cwd) {
    const out = env.FIXTURE_OUT ?? join(env.CHARM_FS_ROOT ?? '/', 'fixture');
    mkdirSync(out, { recursive: true });
    const event = (env.JUJU_DISPATCH_PATH ?? '').split('/').slice(1).join('/');
    const unit = env.JUJU_UNIT_NAME ?? '';
    const record = (file: string, value: unknown) => appendFileSync(join(out, file), `${JSON.stringify(value)}\n`);

    record('events.jsonl', { unit, event, env: { ...env } });

    const planFile = join(out, 'plan.json');
    const plan = (existsSync(planFile) ? JSON.parse(readFileSync(planFile, 'utf8')) : {}) as Plan;
    const steps = plan[`${unit} ${event}`] ?? plan[event] ?? plan['*'] ?? [];
    const expand = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_, name: string) => env[name] ?? '');

    for (const step of steps) {
      if ('exit' in step) return step.exit;
      const [cmd = '', ...args] = step.run.map(expand);
      const r = await runStep(cmd, args, step.input === undefined ? undefined : expand(step.input), env, cwd);
      record('calls.jsonl', { unit, event, argv: [cmd, ...args], code: r.code, stdout: r.stdout, stderr: r.stderr });
    }
    return 0;
  },
};
