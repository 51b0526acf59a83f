/**
 * What an injected value would leave in the files a hook writes: a NUL or carriage return (a
 * line break for configparser's universal newlines, or the end of a C string), a line that starts
 * with MARKER (a value broke out of its line: a new key, section or directive), or, in a file
 * that must hold PEM blocks, a line that is not PEM.
 */
import type { Plan } from '../../../src/plan.js';
import { RABBIT_CA_FILE } from '../../../src/relations/amqp.js';
import { CA_DIR, CERT_DIR } from '../../../src/tls/paths.js';
import { MARKER } from '../../fixtures/seed.js';

const PEM_LINE = /^(-----(BEGIN|END) [A-Z0-9 ]+-----|[A-Za-z0-9+/=]+)$/;

const isPemFile = (path: string): boolean =>
  path.startsWith(`${CERT_DIR}/`) || path.startsWith(`${CA_DIR}/`) || path.startsWith('/etc/glance/db-client.') || path === RABBIT_CA_FILE;

/** What is wrong with one file's content, one line per finding (empty: nothing). */
export function fileFindings(path: string, content: string): string[] {
  const out: string[] = [];
  if (content.includes('\0')) out.push(`${path}: contains NUL`);
  if (content.includes('\r')) out.push(`${path}: contains a carriage return`);
  content.split('\n').forEach((line, i) => {
    const start = line.trimStart();
    if (start.startsWith(MARKER) || start.startsWith(`[${MARKER}`)) out.push(`${path}:${i + 1}: a value started its own line: ${JSON.stringify(line)}`);
    if (isPemFile(path) && line.trim() !== '' && !PEM_LINE.test(line.trim())) out.push(`${path}:${i + 1}: not PEM: ${JSON.stringify(line.slice(0, 60))}`);
  });
  return out;
}

/** Findings over every file that exists. */
export function filesFindings(files: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(files).flatMap(([path, content]) => (content === null ? [] : fileFindings(path, content)));
}

/** Published relation data must not carry a line break either: remote charms write it into their files. */
export function dataFindings(bags: Readonly<Record<string, Readonly<Record<string, string>>>>): string[] {
  return Object.entries(bags).flatMap(([id, bag]) =>
    Object.entries(bag)
      .filter(([, v]) => /[\r\n\0]/.test(v) && v.includes(MARKER))
      .map(([k, v]) => `${id} ${k}: ${JSON.stringify(v.slice(0, 60))}`),
  );
}

/** Paths that are not plain absolute paths (`..`, `.`, empty segments) could leave their directory. */
export function pathFindings(paths: readonly string[]): string[] {
  const bad = (p: string): boolean => !p.startsWith('/') || p.split('/').slice(1).some((seg) => ['', '.', '..'].includes(seg) || /[\0\r\n]/.test(seg));
  return paths.filter(bad).map((p) => `path leaves its directory: ${JSON.stringify(p)}`);
}

/** A number token in exponent form (1e+300): a huge config number rendered the way JavaScript prints it. */
const EXPONENT = /(?<![\w+/.:-])-?\d+(\.\d+)?[eE][+-]?\d+(?![\w+/])/;

/** Lines of non-PEM files with a number in exponent form: no service reads that as the number it wanted. */
export function numberFindings(files: Readonly<Record<string, string | null>>): string[] {
  return Object.entries(files).flatMap(([path, content]) =>
    content === null || isPemFile(path)
      ? []
      : content
          .split('\n')
          .filter((line) => EXPONENT.test(line))
          .map((line) => `${path}: a number in exponent form: ${JSON.stringify(line.slice(0, 60))}`),
  );
}

/** Programs that would hand their arguments to a shell. */
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'env', 'xargs', 'su', 'sudo', 'eval']);

/**
 * Commands are argv arrays run by name, never a shell: argv[0] is a bare program name and not a
 * shell. NRPE runs its `command[...]` lines through /bin/sh, so those may hold nothing but paths
 * and plain words.
 */
export function commandFindings(plan: Plan, files: Readonly<Record<string, string | null>>): string[] {
  const commands = plan.effects.flatMap((e) => (e.kind === 'command' ? [e.argv] : []));
  const bad = commands
    .filter(([program = '']) => !/^[a-z0-9][a-z0-9.+_-]*$/.test(program) || SHELLS.has(program))
    .map((argv) => `not a program by name: ${JSON.stringify(argv)}`);
  const nrpeLines = Object.entries(files).flatMap(([path, content]) =>
    (content ?? '')
      .split('\n')
      .filter((line) => line.startsWith('command[') && !/^command\[[\w.-]+\]=[\w./ -]+$/.test(line))
      .map((line) => `${path}: NRPE command line beyond paths and words: ${JSON.stringify(line)}`),
  );
  return [...bad, ...nrpeLines];
}
