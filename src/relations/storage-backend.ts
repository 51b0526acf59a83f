/**
 * storage-backend (interface glance-backend, container-scoped subordinates). A subordinate may
 * turn the cinder store on (`cinder-backend`) and inject sections into glance-api.conf
 * (`subordinate_configuration`, reference SubordinateConfigContext for service glance-api).
 */
import { z } from 'zod';
import type { IniPair, IniSection } from '../base/ini.js';
import type { Databag } from '../snapshot.js';
import { absent, incomplete, type RelationHandler, ready } from './types.js';

export interface StorageBackend {
  /** The cinder store is wanted. */
  cinder: boolean;
  /** Non-DEFAULT sections for glance-api.conf, in the order the subordinates gave them. */
  sections: IniSection[];
}

const CONFIG_FILE = '/etc/glance/glance-api.conf';
const SERVICE = 'glance-api';

/**
 * `cinder-backend` is relation data, so a string: the reference tested it with `is False`, so
 * "False" still turned cinder on (Q6). Here it means what it says.
 */
const FLAG: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false, '': false };

// Values become INI lines: nothing may break out of its line or its section header.
const Name = z.string().regex(/^[^\][\r\n\0=]+$/);
const Value = z
  .union([z.string(), z.number(), z.boolean()])
  .transform((v) => (typeof v === 'boolean' ? (v ? 'True' : 'False') : String(v)))
  .refine((v) => !/[\r\n\0]/.test(v));
const Pair = z.tuple([Name, Value]);
const SubordinateConfig = z.record(
  z.string(),
  z.record(z.string(), z.object({ sections: z.record(Name, z.array(Pair)).optional() }).passthrough()),
);

type Parsed<T> = { ok: true; value: T } | { ok: false };

function flag(text: string | undefined): Parsed<boolean> {
  const value = FLAG[(text ?? '').trim().toLowerCase()];
  return value === undefined ? { ok: false } : { ok: true, value };
}

/** The glance-api.conf sections one subordinate asks for (DEFAULT is never injected). */
function sections(text: string | undefined): Parsed<[string, IniPair[]][]> {
  if (!text) return { ok: true, value: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const r = SubordinateConfig.safeParse(json);
  if (!r.success) return { ok: false };
  const wanted = r.data[SERVICE]?.[CONFIG_FILE]?.sections ?? {};
  return { ok: true, value: Object.entries(wanted).filter(([name]) => name !== 'DEFAULT') };
}

/** Sections named by several subordinates are merged, as the reference extended their lists. */
function merge(all: readonly [string, IniPair[]][]): IniSection[] {
  const byName = new Map<string, IniPair[]>();
  for (const [name, options] of all) byName.set(name, [...(byName.get(name) ?? []), ...options]);
  return [...byName].map(([name, options]) => ({ name, options }));
}

const answered = (bag: Databag): boolean => 'cinder-backend' in bag || 'subordinate_configuration' in bag;

export const storageBackend: RelationHandler<StorageBackend> = {
  endpoint: 'storage-backend',
  reads: 'units',
  read(rels) {
    if (rels.length === 0) return absent;
    const bags = rels.flatMap((r) => Object.values(r.units)).filter(answered);
    if (bags.length === 0) return incomplete(['cinder-backend', 'subordinate_configuration']);
    let cinder = false;
    const found: [string, IniPair[]][] = [];
    for (const bag of bags) {
      const f = flag(bag['cinder-backend']);
      const s = sections(bag.subordinate_configuration);
      if (!f.ok) return incomplete(['cinder-backend (true or false)']);
      if (!s.ok) return incomplete(['subordinate_configuration (JSON)']);
      cinder ||= f.value;
      found.push(...s.value);
    }
    return ready({ cinder, sections: merge(found) });
  },
};
