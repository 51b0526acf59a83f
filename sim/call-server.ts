/**
 * The server the hook tool and fake command shims call (call-shim.ts): one per process, on
 * 127.0.0.1 at a random port, shared by every live simulator and closed when the last one is
 * disposed. Each simulator bakes its own token into its shims; a call with a token no longer
 * registered (a shim run after dispose(), or a port reused by a later server) is refused.
 *
 * A call is also refused unless it comes from the hook now running in its hook dir (by
 * JUJU_CONTEXT_ID), as Juju refuses a call from a finished hook context: a shim left running by a
 * killed hook must not land in the journal of the hook that retries it.
 *
 * A call is answered in one go on the event loop once its request has arrived, so calls made
 * concurrently by one hook are journalled one after the other, whole. The charm process waits on
 * this server now: nothing in the simulator may block the event loop while a hook runs.
 */
import { randomUUID } from 'node:crypto';
import { type Server, type Socket, createServer } from 'node:net';
import { resolve } from 'node:path';
import { CALL_HOST, type CallReply, type CallRequest, encodeReply, parseRequest } from './call-wire.js';
import { handleFakeCommand } from './fakes/call.js';
import { handleToolCall } from './tools/call.js';
import { nowMs } from './tools/io.js';

/** A simulator's registration: the port to bake into its shims and the token naming it. */
export interface CallEndpoint {
  token: string;
  port: Promise<number>;
  /** From now until the returned function is called, calls from `hookDir` must carry `contextId`. */
  enterHook(hookDir: string, contextId: string): () => void;
  close(): void;
}

interface Shared {
  server: Server;
  port: Promise<number>;
  tokens: Set<string>;
  /** Hook dir → the context id of the hook running there. */
  running: Map<string, string>;
}

let shared: Shared | undefined;

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const failed = (text: string): CallReply => ({ stdout: '', stderr: `ERROR ${text}\n`, exitCode: 1 });

async function answer(request: CallRequest, shared: Shared, startMs: number): Promise<CallReply> {
  if (!shared.tokens.has(request.token)) return failed(`${request.name}: the simulator that set up this hook was disposed`);
  if (request.dir && shared.running.get(resolve(request.dir)) !== request.context) {
    return failed(`${request.name}: hook context "${request.context}" is not running (it ended or was killed)`);
  }
  if (request.kind === 'tool') {
    return handleToolCall({ tool: request.name, argv: request.argv, hookDir: request.dir, stdin: request.stdin ?? '', startMs });
  }
  return handleFakeCommand({ name: request.name, args: request.argv, hookDir: resolve(request.dir), stdin: request.stdin, startMs });
}

function serve(socket: Socket, shared: Shared): void {
  const startMs = nowMs();
  socket.unref();
  // The shim may be killed with its hook at any moment: a reset or a cut request is not ours to report.
  socket.on('error', () => socket.destroy());
  const chunks: Buffer[] = [];
  const reply = (replying: Promise<CallReply>): void => {
    socket.off('data', onData);
    replying.then((r) => socket.end(encodeReply(r)));
  };
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    let request: CallRequest | undefined;
    try {
      request = parseRequest(Buffer.concat(chunks));
    } catch (e) {
      reply(Promise.resolve(failed(`bad call request: ${message(e)}`)));
      return;
    }
    if (!request) return;
    const { name } = request;
    reply(answer(request, shared, startMs).catch((e: unknown) => failed(`${name}: ${message(e)}`)));
  };
  socket.on('data', onData);
}

function start(): Shared {
  const tokens = new Set<string>();
  const running = new Map<string, string>();
  // Connections arrive only once listening, after `self` below exists.
  const server = createServer((socket) => serve(socket, self));
  const port = new Promise<number>((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, CALL_HOST, () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error(`call server: unexpected address ${String(address)}`));
      else resolvePort(address.port);
    });
  });
  // Never what keeps a test process alive: a running hook holds it through its child process.
  server.unref();
  const self: Shared = { server, port, tokens, running };
  return self;
}

/** Registers a simulator with the process's call server, starting it if none runs. */
export function openCallEndpoint(): CallEndpoint {
  shared ??= start();
  const current = shared;
  const token = randomUUID();
  current.tokens.add(token);
  return {
    token,
    port: current.port,
    enterHook: (hookDir, contextId) => {
      const dir = resolve(hookDir);
      current.running.set(dir, contextId);
      return () => {
        if (current.running.get(dir) === contextId) current.running.delete(dir);
      };
    },
    close: () => {
      current.tokens.delete(token);
      if (current.tokens.size > 0 || shared !== current) return;
      shared = undefined;
      current.server.close();
    },
  };
}
