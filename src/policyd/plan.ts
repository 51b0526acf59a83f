/**
 * Policy overrides (charmhelpers policyd, reference §10): with `use-policyd-override` the
 * `policyd-override` resource, a zip of YAML files, is checked and its files written into
 * /etc/glance/policy.d, and glance-api restarts when they change. A bad zip is never applied:
 * the directory is emptied and the status says `PO (broken): `. Turning the option off empties
 * the directory. Only install, config-changed and upgrade-charm (which Juju runs when a new
 * resource revision is attached) read the resource; the outcome is kept in unit memory for
 * the status prefix of every other hook.
 */
import { parse, stringify } from 'yaml';
import { type FileOwner, GLANCE_SECRET, GLANCE_SECRET_DIR } from '../base/owners.js';
import type { Effect } from '../plan.js';
import type { PolicyOverrides, UnitMemory } from '../snapshot.js';
import { isPolicyEntry, nameAndExtension, POLICY_DIR, VALID_EXTENSIONS } from './files.js';

/**
 * Rules an override must never replace: they define who is an administrator at all. (charmhelpers
 * meant to refuse these too, but appended the tuple as one list item, so it never matched.)
 */
const PROTECTED_RULES = ['admin_required', 'cloud_admin'];

/** glance-api reads the overrides through its group; nobody else needs them. */
const POLICY_FILE: FileOwner = GLANCE_SECRET;
const POLICY_DIR_OWNER: FileOwner = GLANCE_SECRET_DIR;

export type PolicydState = NonNullable<UnitMemory['policyd']>;

export type OverridesVerdict = { ok: true; files: Record<string, string> } | { ok: false; reason: string };

function policyDocument(entry: string, text: string): { ok: true; content: string } | { ok: false; reason: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { ok: false, reason: `${entry}: not YAML (${(e as Error).message.split('\n')[0]})` };
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, reason: `${entry}: not a mapping of policy rules` };
  const rules = doc as Record<string, unknown>;
  const protectedHit = Object.keys(rules).filter((k) => PROTECTED_RULES.includes(k));
  if (protectedHit.length) return { ok: false, reason: `${entry}: overrides protected rules ${protectedHit.join(', ')}` };
  const notText = Object.keys(rules).filter((k) => typeof rules[k] !== 'string');
  if (notText.length) return { ok: false, reason: `${entry}: rules ${notText.join(', ')} are not strings` };
  return { ok: true, content: stringify(rules) };
}

/** Checks the resource's entries as charmhelpers does and gives the files to write, or why not. */
export function checkOverrides(entries: Record<string, string>): OverridesVerdict {
  const policyEntries = Object.keys(entries).filter(isPolicyEntry).sort();
  if (policyEntries.length === 0) return { ok: false, reason: `no policy files (${VALID_EXTENSIONS.join(', ')}) in the zip` };
  const byName = new Map<string, string[]>();
  for (const entry of policyEntries) byName.set(nameAndExtension(entry).name, [...(byName.get(nameAndExtension(entry).name) ?? []), entry]);
  const duplicates = [...byName].filter(([, list]) => list.length > 1).map(([name]) => name);
  if (duplicates.length) return { ok: false, reason: `${duplicates.join(', ')} appear more than once in the zip` };
  const files: Record<string, string> = {};
  for (const entry of policyEntries) {
    const doc = policyDocument(entry, entries[entry] ?? '');
    if (!doc.ok) return doc;
    files[`${nameAndExtension(entry).name}.yaml`] = doc.content;
  }
  return { ok: true, files };
}

export interface PolicydPlan {
  effects: Effect[];
  /** The overrides changed: glance-api must restart to read them. */
  restart: boolean;
  state: PolicydState | undefined;
}

/** The verdict on the resource as read (undefined: overrides are off or were not read). */
export function resourceVerdict(overrides: PolicyOverrides): OverridesVerdict | undefined {
  const resource = overrides.resource;
  if (!resource) return undefined;
  return 'error' in resource ? { ok: false, reason: resource.error } : checkOverrides(resource.entries);
}

/** Why the resource as read is refused, for the log (the status line has no room for it). */
export function refusal(overrides: PolicyOverrides | undefined): string | undefined {
  const verdict = overrides && resourceVerdict(overrides);
  return verdict && !verdict.ok ? `policy overrides refused: ${verdict.reason}` : undefined;
}

/** What this hook does with the overrides; undefined when it does not look at them. */
export function planPolicyd(overrides: PolicyOverrides | undefined, enabled: boolean): PolicydPlan | undefined {
  if (!overrides) return undefined;
  const verdict = enabled ? (resourceVerdict(overrides) ?? { ok: false, reason: 'the policyd-override resource was not read' }) : undefined;
  const wanted = verdict?.ok ? verdict.files : {};
  const effects: Effect[] = [];
  for (const name of Object.keys(overrides.current).sort()) {
    if (!(name in wanted)) effects.push({ kind: 'delete-file', path: `${POLICY_DIR}/${name}` });
  }
  const writes = Object.entries(wanted).filter(([name, content]) => overrides.current[name] !== content);
  if (writes.length) effects.push({ kind: 'mkdir', path: POLICY_DIR, owner: POLICY_DIR_OWNER });
  for (const [name, content] of writes) effects.push({ kind: 'write-file', path: `${POLICY_DIR}/${name}`, content, owner: POLICY_FILE });
  return {
    effects,
    restart: effects.length > 0,
    state: verdict === undefined ? undefined : verdict.ok ? 'applied' : 'broken',
  };
}

/** The status prefix of the reference: `PO: ` when the overrides are in use, `PO (broken): ` when refused. */
export function policydPrefix(enabled: boolean, state: PolicydState | undefined): string {
  if (!enabled) return '';
  return state === 'applied' ? 'PO: ' : 'PO (broken): ';
}
