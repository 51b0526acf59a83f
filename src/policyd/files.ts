/**
 * Where policy overrides come from and go: the resource, the hooks that read it, the directory
 * glance-api reads them from, and which zip entries count as policy files. Shared by the reader
 * (juju/read-policyd.ts) and the planner (plan.ts).
 */
export const POLICY_DIR = '/etc/glance/policy.d';
export const POLICYD_RESOURCE = 'policyd-override';
export const POLICYD_HOOKS: ReadonlySet<string> = new Set(['install', 'config-changed', 'upgrade-charm']);

export const VALID_EXTENSIONS = ['.yaml', '.yml', '.j2', '.tmpl', '.tpl'];

/** `a/b/rules.YAML` → { name: 'rules', ext: '.yaml' } */
export function nameAndExtension(entry: string): { name: string; ext: string } {
  const base = entry.slice(entry.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? { name: base, ext: '' } : { name: base.slice(0, dot), ext: base.slice(dot).toLowerCase() };
}

/** Zip entries that count as policy files (directories in the zip are flattened). */
export const isPolicyEntry = (entry: string): boolean => !entry.endsWith('/') && VALID_EXTENSIONS.includes(nameAndExtension(entry).ext);
