/**
 * JSON text exactly as Python's `json.dumps(value, sort_keys=True)` writes it, because the remote
 * charms and the reference's recorded relation data use that form: keys sorted at every level,
 * everything outside printable ASCII (U+007F included) escaped as \uXXXX (ensure_ascii). The Ceph
 * broker request travels as that text and its `request-id` is the SHA-1 of the ops in that form,
 * so ceph-mon sees byte-identical requests. `spaced` is Python's default ", " / ": " (the broker
 * request, the certificates relation's cert_requests); `compact` is `separators=(',', ':')`
 * (hacluster's json_* keys). Python keeps ints and floats apart (`5` vs `5.0`); a PyFloat marks a
 * value Python held as a float.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type PyValue = null | boolean | number | string | PyFloat | readonly PyValue[] | { readonly [key: string]: PyValue };

export type JsonStyle = 'compact' | 'spaced';

const SEPARATORS: Record<JsonStyle, { item: string; key: string }> = {
  compact: { item: ',', key: ':' },
  spaced: { item: ', ', key: ': ' },
};

/** Python's float repr: shortest round-trip digits, always a '.' or an exponent, exponents of two digits or more. */
function floatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a JSON number: ${x}`);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent = '0'] = x.toExponential().split('e');
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const text = String(x);
  return text.includes('.') ? text : `${text}.0`;
}

/** Python escapes every non-ASCII character (ensure_ascii); JSON.stringify leaves them as they are. */
const asciiString = (s: string): string =>
  JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function pythonJson(value: PyValue, style: JsonStyle = 'spaced'): string {
  const sep = SEPARATORS[style];
  const write = (v: PyValue): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`${v} is not an int: wrap Python floats in PyFloat`);
      return String(v);
    }
    if (typeof v === 'string') return asciiString(v);
    if (v instanceof PyFloat) return floatRepr(v.value);
    if (Array.isArray(v)) return `[${v.map(write).join(sep.item)}]`;
    const record = v as { readonly [key: string]: PyValue };
    // Python sorts str keys by code point; for the BMP that is plain UTF-16 code unit order.
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${asciiString(k)}${sep.key}${write(record[k] as PyValue)}`).join(sep.item)}}`;
  };
  return write(value);
}
