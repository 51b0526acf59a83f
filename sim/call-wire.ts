/**
 * What a hook tool or fake command shim (call-shim.ts) and the simulator's call server
 * (call-server.ts) say to each other over one TCP connection. Bash cannot half-close a
 * /dev/tcp socket, so the request says how long it is: NUL-terminated fields
 *
 *   token  kind  name  dir  context  argc  arg…  nparts  part…
 *
 * where stdin, when the shim was given one, is the parts joined by NUL (bash reads it in
 * NUL-delimited pieces) and nparts is 0 otherwise. The reply is `<length>\0` then that many
 * bytes of bash code the shim evals: `printf` of stdout, the same to stderr, `exit N`. The
 * length lets bash read it with `read -N` in blocks (a delimited read takes a syscall per byte)
 * and tells a cut reply apart. The printf formats are pure ASCII, every other byte written as
 * \xHH, so any output (NUL included) comes out byte for byte.
 */
import { z } from 'zod';

export const CALL_HOST = '127.0.0.1';

export const CallKind = z.enum(['tool', 'fake']);
export type CallKind = z.infer<typeof CallKind>;

export const CallRequest = z.object({
  /** Which simulator wrote the shim; a disposed one's token is refused. */
  token: z.string(),
  kind: CallKind,
  /** The name the shim was called by (a tool or command name). */
  name: z.string(),
  /** Tools: $JUJU_AGENT_SOCKET_ADDRESS (empty outside a hook); fakes: `<unit>/fakes/../hook`. */
  dir: z.string(),
  /** $JUJU_CONTEXT_ID of the hook that ran the shim (fakes inherit it from the charm too). */
  context: z.string(),
  argv: z.array(z.string()),
  /** Absent when stdin was not a pipe, socket or file. */
  stdin: z.string().optional(),
});
export type CallRequest = z.infer<typeof CallRequest>;

export interface CallReply {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const count = (field: string | undefined): number => {
  const n = Number(field);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`bad count "${field}" in a call request`);
  return n;
};

/** The request once all of it has arrived; undefined while it is incomplete. */
export function parseRequest(received: Buffer): CallRequest | undefined {
  // A NUL byte never occurs inside a UTF-8 sequence, so decoding first and splitting after keeps
  // every field (invalid bytes become U+FFFD, as Node decodes a process's argv).
  const fields = received.toString('utf8').split('\0').slice(0, -1);
  const HEADER = 6;
  if (fields.length < HEADER) return undefined;
  const argc = count(fields[HEADER - 1]);
  if (fields.length < HEADER + argc + 1) return undefined;
  const nparts = count(fields[HEADER + argc]);
  const stdinAt = HEADER + argc + 1;
  if (fields.length < stdinAt + nparts) return undefined;
  const [token, kind, name, dir, context] = fields;
  return CallRequest.parse({
    token,
    kind,
    name,
    dir,
    context,
    argv: fields.slice(HEADER, HEADER + argc),
    ...(nparts > 0 ? { stdin: fields.slice(stdinAt, stdinAt + nparts).join('\0') } : {}),
  });
}

const PRINTABLE_FIRST = 0x20;
const PRINTABLE_LAST = 0x7e;
const RAW_EXCEPT = new Set(["'", '\\', '%'].map((c) => c.charCodeAt(0)));

/** A printf format (inside single quotes) that prints exactly these bytes. */
function printfFormat(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    if (byte >= PRINTABLE_FIRST && byte <= PRINTABLE_LAST && !RAW_EXCEPT.has(byte)) out += String.fromCharCode(byte);
    else if (byte === 0x0a) out += '\\n';
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function encodeReply(reply: CallReply): string {
  const lines: string[] = [];
  if (reply.stdout) lines.push(`printf '${printfFormat(reply.stdout)}'`);
  if (reply.stderr) lines.push(`printf '${printfFormat(reply.stderr)}' >&2`);
  lines.push(`exit ${reply.exitCode}`);
  const code = `${lines.join('\n')}\n`;
  return `${code.length}\0${code}`;
}
