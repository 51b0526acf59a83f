/**
 * security-checklist: gathers the facts (the /etc/glance directory, glance's config files, the
 * release) and reports each check through action-set; any failure fails the action with the
 * reference's `One or more tests failed`.
 */

import { stat } from 'node:fs/promises';
import { gidOf, uidOf } from '../host/accounts.js';
import { readFiles } from '../host/files.js';
import { rooted } from '../host/paths.js';
import { GLANCE_CONFIG_DIR } from '../steps/config-dir.js';
import { type ChecklistFacts, type DirFacts, securityChecklist } from './checklist.js';
import type { ActionHandler } from './index.js';

export const CHECKS_FAILED = 'One or more tests failed';

async function dirFacts(path: string): Promise<DirFacts | null> {
  try {
    const s = await stat(rooted(path));
    return s.isDirectory() ? { uid: s.uid, gid: s.gid, mode: s.mode } : null;
  } catch {
    return null;
  }
}

/** An account that does not exist (glance not installed yet) matches nothing. */
const idOrNull = (lookup: Promise<number>): Promise<number | null> => lookup.catch(() => null);

export const securityChecklistAction: ActionHandler = async (ctx) => {
  const { d } = await ctx.read();
  const path = (name: string) => `${GLANCE_CONFIG_DIR}/${name}`;
  const names = ['glance-api.conf', 'glance-registry.conf', 'policy.json'];
  const [configDir, glanceUser, glanceGroup, files] = await Promise.all([
    dirFacts(GLANCE_CONFIG_DIR),
    idOrNull(uidOf('glance')),
    idOrNull(gidOf('glance')),
    readFiles(names.map(path)),
  ]);
  const facts: ChecklistFacts = {
    release: d.release,
    configDir,
    ids: { root: 0, glanceUser, glanceGroup },
    apiConf: files[path('glance-api.conf')] ?? null,
    registryConf: files[path('glance-registry.conf')] ?? null,
    policyJson: files[path('policy.json')] ?? null,
  };
  const results = securityChecklist(facts);
  const failed = Object.values(results).some((r) => r !== 'PASS');
  await ctx.apply({
    effects: [{ kind: 'action-set', data: results }, ...(failed ? [{ kind: 'action-fail' as const, message: CHECKS_FAILED }] : [])],
  });
};
