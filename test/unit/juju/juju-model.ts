/**
 * A small Juju unit agent for the read-phase tests: hook tools on PATH that answer from a model the
 * way Juju 3.x does (reference/juju-runtime.md §2.2), with what the simulator does not reproduce:
 * goal-state leaves the peer relation out, and `-r` with a relation the agent does not know exits 2.
 * Each call is logged as one line in one write, since the read phase runs tools side by side.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface JujuModel {
  config?: Record<string, unknown>;
  /** Unit state as committed (the charm's memory lives under "glance"). */
  state?: Record<string, string>;
  leader?: boolean;
  /** goal-state's relations: endpoint → remote applications and their units. */
  goal: Record<string, string[]>;
  /** Relations the unit agent knows: id → remote units and their databags. */
  relations: Record<string, Record<string, Record<string, string>>>;
  /** A tool that fails every call with this error (exit 1), as when the agent is unreachable. */
  failing?: { tool: string; error: string };
}

const shQuote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`;

/** A sh `case "$*"` over argv strings (a trailing * matches any rest); anything else fails as Juju would. */
function answers(cases: Array<[string, string]>, otherwise: string): string {
  const arms = cases.map(([argv, body]) => `  ${argv.endsWith('*') ? `${shQuote(argv.slice(0, -1))}*` : shQuote(argv)}) ${body} ;;`);
  return ['case "$*" in', ...arms, `  *) ${otherwise} ;;`, 'esac'].join('\n');
}

const print = (value: unknown) => `printf '%s' ${shQuote(JSON.stringify(value))}`;
const NOT_FOUND = "echo 'ERROR relation not found' >&2; exit 2";
const endpointOf = (id: string) => id.slice(0, id.lastIndexOf(':'));

export class FakeJuju {
  private readonly dir = mkdtempSync(join(tmpdir(), 'fake-juju-'));
  private readonly log = join(this.dir, '.calls');
  private readonly savedPath = process.env.PATH;

  constructor(model: JujuModel) {
    writeFileSync(this.log, '');
    process.env.PATH = `${this.dir}:/usr/bin:/bin`;
    const scripts = toolScripts(model);
    if (model.failing) scripts[model.failing.tool] = `echo ${shQuote(`ERROR ${model.failing.error}`)} >&2; exit 1`;
    for (const [tool, body] of Object.entries(scripts)) {
      const path = join(this.dir, tool);
      writeFileSync(path, `#!/bin/sh\nprintf '%s\\n' "\${0##*/} $*" >> ${shQuote(this.log)}\n${body}\n`);
      chmodSync(path, 0o755);
    }
  }

  /** Each call as "tool args", --format=json left out, sorted (calls run side by side). */
  calls(): string[] {
    const lines = readFileSync(this.log, 'utf8').split('\n').filter(Boolean);
    return lines.map((line) => line.replace(' --format=json', '')).sort();
  }

  dispose(): void {
    process.env.PATH = this.savedPath;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function toolScripts(model: JujuModel): Record<string, string> {
  const ids = Object.keys(model.relations);
  const endpoints = [...new Set(ids.map(endpointOf))];
  const goalRelations = Object.fromEntries(
    Object.entries(model.goal).map(([endpoint, names]) => [endpoint, Object.fromEntries(names.map((n) => [n, { status: 'joined' }]))]),
  );
  return {
    'config-get': print(model.config ?? {}),
    'state-get': print(model.state ?? {}),
    'is-leader': print(model.leader ?? true),
    'leader-get': "printf '{}'",
    'goal-state': print({ units: { 'glance/0': { status: 'active' } }, relations: goalRelations }),
    'network-get': print({ 'bind-addresses': [{ 'interface-name': 'ens3', addresses: [{ value: '10.0.0.50', cidr: '10.0.0.0/24' }] }], 'ingress-addresses': ['10.0.0.50'] }),
    'relation-ids': answers(
      endpoints.map((e) => [`--format=json ${e}`, print(ids.filter((id) => endpointOf(id) === e))]),
      "printf '[]'",
    ),
    'relation-list': answers(
      ids.map((id) => [`--format=json -r ${id}`, print(Object.keys(model.relations[id] ?? {}))]),
      NOT_FOUND,
    ),
    'relation-get': answers(
      ids.flatMap((id): Array<[string, string]> => [
        ...Object.entries(model.relations[id] ?? {}).map(([unit, bag]): [string, string] => [`--format=json -r ${id} - ${unit}`, print(bag)]),
        // Our own unit's databag (read while unit memory does not say what it published): Juju's keys only.
        [`--format=json -r ${id} - glance/0`, print({ 'private-address': '10.0.0.50' })],
        // Application databags: empty in these models.
        [`--format=json -r ${id} --app - *`, "printf '{}'"],
      ]),
      NOT_FOUND,
    ),
  };
}

/** The unit state of a deployed unit (database initialised) that has published on these relation ids. */
export const publishedOn = (...ids: string[]): Record<string, string> => ({
  glance: JSON.stringify({ dbInitialised: true, published: Object.fromEntries(ids.map((id) => [id, {}])) }),
});
