/**
 * JSON text exactly as Python's `json.dumps(value, sort_keys=True)` writes it. The Ceph broker
 * request travels as that text and its `request-id` is the SHA-1 of the ops in that form, so
 * ceph-mon (and every glance unit the reference charm ran) sees byte-identical requests.
 * Python keeps ints and floats apart (`5` vs `5.0`); a PyFloat marks a value Python held as a float.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type PyValue = null | boolean | number | string | PyFloat | readonly PyValue[] | { readonly [key: string]: PyValue };

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

export function pythonJson(value: PyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`${value} is not an int: wrap Python floats in PyFloat`);
    return String(value);
  }
  if (typeof value === 'string') return asciiString(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  const record = value as { readonly [key: string]: PyValue };
  const keys = Object.keys(record).sort();
  return `{${keys.map((k) => `${asciiString(k)}: ${pythonJson(record[k] as PyValue)}`).join(', ')}}`;
}
