/**
 * Fake executables for the shell tests: a temp dir that becomes the whole PATH, holding POSIX sh
 * scripts that record how they were called (argv, stdin, chosen env vars) and then act as told.
 * Because PATH holds nothing else, a test also proves the code found its commands by name.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Call {
  argv: string[];
  stdin: string;
  /** Values of the variables named in FakeBin's `recordEnv`. */
  env: Record<string, string>;
}

export interface Behaviour {
  stdout?: string;
  stderr?: string;
  exit?: number;
}

// Separators that never occur in test data: argv items, the stdin field, records.
const ARG = '\x1f';
const FIELD = '\x1d';
const RECORD = '\x1e';

const shQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

export class FakeBin {
  readonly dir = mkdtempSync(join(tmpdir(), 'fake-bin-'));
  private readonly log = join(this.dir, '.calls');
  private readonly savedPath = process.env.PATH;

  constructor(private readonly recordEnv: readonly string[] = []) {
    writeFileSync(this.log, '');
    // The recorder reads stdin with cat; everything else it needs is built into sh.
    symlinkSync('/bin/cat', join(this.dir, 'cat'));
    process.env.PATH = this.dir;
  }

  /** A command that answers every call the same way. */
  add(name: string, behaviour: Behaviour = {}): this {
    const lines = [
      behaviour.stdout === undefined ? '' : `printf '%s' ${shQuote(behaviour.stdout)}`,
      behaviour.stderr === undefined ? '' : `printf '%s\\n' ${shQuote(behaviour.stderr)} >&2`,
      `exit ${behaviour.exit ?? 0}`,
    ];
    return this.script(name, lines.filter(Boolean).join('\n'));
  }

  /** A command whose behaviour is a sh fragment, run after the call is recorded. */
  script(name: string, body: string): this {
    const envFields = this.recordEnv.map((v) => `printf '${ARG}%s=%s' ${v} "$${v}"`).join('\n');
    const recorder = [
      '#!/bin/sh',
      'stdin=$(cat)',
      '{',
      `  printf '%s' "\${0##*/}"`,
      `  for a in "$@"; do printf '${ARG}%s' "$a"; done`,
      `  printf '${FIELD}%s${FIELD}' "$stdin"`,
      `  ${envFields || ':'}`,
      `  printf '${RECORD}'`,
      `} >> ${shQuote(this.log)}`,
      body,
      '',
    ].join('\n');
    const path = join(this.dir, name);
    writeFileSync(path, recorder);
    chmodSync(path, 0o755);
    return this;
  }

  calls(): Call[] {
    return readFileSync(this.log, 'utf8')
      .split(RECORD)
      .filter(Boolean)
      .map((record) => {
        const [argv = '', stdin = '', env = ''] = record.split(FIELD);
        const vars = env.split(ARG).filter(Boolean);
        return {
          argv: argv.split(ARG),
          stdin,
          env: Object.fromEntries(vars.map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)])),
        };
      });
  }

  /** Just the argv of each call, in order. */
  argvs(): string[][] {
    return this.calls().map((c) => c.argv);
  }

  clear(): void {
    writeFileSync(this.log, '');
  }

  dispose(): void {
    process.env.PATH = this.savedPath;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
