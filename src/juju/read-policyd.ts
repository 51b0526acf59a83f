/**
 * Read phase for policy overrides: the files now in /etc/glance/policy.d and, with
 * use-policyd-override, the entries of the resource zip that can be policy files. A resource that
 * is missing or not a zip is recorded as an error; the planner judges what was read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { readFiles } from '../host/files.js';
import { rooted } from '../host/paths.js';
import { isPolicyEntry, POLICY_DIR, POLICYD_RESOURCE } from '../policyd/files.js';
import type { PolicyOverrides } from '../snapshot.js';
import type { HookTools } from './tools.js';

async function currentOverrides(): Promise<Record<string, string>> {
  let names: string[];
  try {
    names = (await readdir(rooted(POLICY_DIR))).sort();
  } catch {
    return {};
  }
  const files = await readFiles(names.map((n) => `${POLICY_DIR}/${n}`));
  return Object.fromEntries(names.flatMap((n) => (files[`${POLICY_DIR}/${n}`] ? [[n, files[`${POLICY_DIR}/${n}`] as string]] : [])));
}

async function resourceEntries(tools: HookTools): Promise<NonNullable<PolicyOverrides['resource']>> {
  const path = await tools.resourceGet(POLICYD_RESOURCE);
  if (!path) return { error: `the ${POLICYD_RESOURCE} resource is not attached` };
  let zip: Record<string, Uint8Array>;
  try {
    zip = unzipSync(new Uint8Array(await readFile(path)), { filter: (f) => isPolicyEntry(f.name) });
  } catch (e) {
    return { error: `the ${POLICYD_RESOURCE} resource is not a zip file (${(e as Error).message})` };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(zip)) {
    try {
      entries[name] = decoder.decode(bytes);
    } catch {
      return { error: `${name} in the ${POLICYD_RESOURCE} resource is not UTF-8 text` };
    }
  }
  return { entries };
}

export async function readPolicyOverrides(tools: HookTools, enabled: boolean): Promise<PolicyOverrides> {
  const overrides: PolicyOverrides = { current: await currentOverrides() };
  if (!enabled) return overrides;
  overrides.resource = await resourceEntries(tools);
  return overrides;
}
