/**
 * JSON written the way Python's `json.dumps(value, sort_keys=True)` writes it, because the
 * remote charms (hacluster, vault) and the reference's recorded relation data use that form:
 * keys sorted at every level and non-ASCII escaped as \uXXXX (ensure_ascii). `compact` is
 * `separators=(',', ':')` (hacluster's json_* keys); `spaced` is Python's default ", " / ": "
 * (the certificates relation's cert_requests).
 */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type JsonStyle = 'compact' | 'spaced';

const SEPARATORS: Record<JsonStyle, { item: string; key: string }> = {
  compact: { item: ',', key: ':' },
  spaced: { item: ', ', key: ': ' },
};

const quote = (s: string): string =>
  JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

// Python sorts str keys by code point; for the BMP that is plain UTF-16 code unit order.
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function pythonJson(value: JsonValue, style: JsonStyle): string {
  const sep = SEPARATORS[style];
  const write = (v: JsonValue): string => {
    if (typeof v === 'string') return quote(v);
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    if (Array.isArray(v)) return `[${(v as readonly JsonValue[]).map(write).join(sep.item)}]`;
    const obj = v as { readonly [key: string]: JsonValue };
    const keys = Object.keys(obj).sort(byCodeUnit);
    return `{${keys.map((k) => `${quote(k)}${sep.key}${write(obj[k] as JsonValue)}`).join(sep.item)}}`;
  };
  return write(value);
}
