/**
 * The bash script the charm runs for every hook tool and fake command: linked under each name,
 * it sends the call server (call-server.ts) the name it was called by, its hook dir, its argv and
 * its stdin (call-wire.ts), then evals the answer. Bash builtins only, no other program started:
 * a call costs a bash start and a local TCP round trip instead of a Node start.
 */
import { CALL_HOST, type CallKind } from './call-wire.js';

/** Where each kind finds its hook dir: tools through Juju's env, fakes next to themselves. */
const HOOK_DIR: Record<CallKind, string> = {
  tool: '"$JUJU_AGENT_SOCKET_ADDRESS"',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${var%pattern}.
  fake: '"${self%/*}/../hook"',
};

const WHAT: Record<CallKind, string> = { tool: 'hook tool', fake: 'host command' };

export function shimScript(kind: CallKind, port: number, token: string): string {
  return `#!/bin/bash
# A simulated ${WHAT[kind]}, answered by the simulator at ${CALL_HOST}:${port} (sim/call-shim.ts).
LC_ALL=C
self=$0
[[ $self == /* ]] || self=$PWD/$self
name=\${self##*/}
if ! { exec 3<>/dev/tcp/${CALL_HOST}/${port}; } 2>/dev/null; then
  printf 'ERROR %s: cannot reach the simulated Juju at ${CALL_HOST}:${port} (simulator disposed?)\\n' "$name" >&2
  exit 1
fi
# Given input (a pipe, socket or file) is read to its end, in NUL-delimited parts as bash must.
# apt-get or systemctl never read stdin, so a charm could leave a pipe open and silent: one
# silent for a second counts as ended.
stdin=()
if [[ -p /dev/stdin || -S /dev/stdin || -f /dev/stdin ]]; then
  part=
  while :; do
    IFS= read -r -d '' -t 1 chunk
    rc=$?
    part+=$chunk
    if ((rc == 0)); then stdin+=("$part"); part=; continue; fi
    if ((rc > 128 && \${#chunk} > 0)); then continue; fi
    stdin+=("$part")
    break
  done
fi
printf '%s\\0' ${token} ${kind} "$name" ${HOOK_DIR[kind]} "\${JUJU_CONTEXT_ID-}" $# "$@" \${#stdin[@]} "\${stdin[@]}" >&3
if ! { IFS= read -r -d '' length && IFS= read -r -N "$length" reply; } <&3; then
  printf 'ERROR %s: the simulated Juju closed the call without answering\\n' "$name" >&2
  exit 1
fi
eval "$reply"
`;
}
