/** open-port, close-port (buffered until the hook exits 0) and opened-ports (committed ports only). */
import { flagString, parseArgs } from './args.js';
import { checkEmpty, usageError } from './errors.js';
import { output, withOutput } from './output.js';
import type { ToolHandler } from './types.js';

/** "9292" → "9292/tcp"; "8000-8999/UDP" → "8000-8999/udp"; "icmp". */
export function normalisePort(spec: string): string {
  const lower = spec.toLowerCase();
  if (lower === 'icmp') return lower;
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/.exec(lower);
  const from = Number(m?.[1]);
  const to = m?.[2] === undefined ? from : Number(m[2]);
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;
  if (!m || !valid(from) || !valid(to) || to < from) {
    throw usageError(`expected <port>[/<protocol>] or <from>-<to>[/<protocol>] or icmp, got ${JSON.stringify(spec)}`);
  }
  return `${from === to ? from : `${from}-${to}`}/${m[3] ?? 'tcp'}`;
}

function portCommand(k: 'open-port' | 'close-port'): ToolHandler {
  return ({ argv }) => {
    const p = parseArgs(argv, { values: ['endpoints', 'format'] });
    const [spec, ...rest] = p.args;
    if (spec === undefined) throw usageError('no port or range specified');
    const port = normalisePort(spec);
    checkEmpty(rest);
    const stderr = flagString(p, 'format') !== undefined ? `--format flag deprecated for command "${k}"` : undefined;
    return { stderr, entries: [{ k, port }] };
  };
}

export const openPort = portCommand('open-port');
export const closePort = portCommand('close-port');

export const openedPorts: ToolHandler = ({ ctx, argv }) => {
  const p = parseArgs(argv, withOutput({ bools: ['endpoints'] }));
  checkEmpty(p.args);
  const ports = p.flags.get('endpoints') === true ? ctx.openedPorts.map((port) => `${port} (*)`) : ctx.openedPorts;
  return { stdout: output(p, ports) };
};
