/**
 * Flag parsing the way Juju's tools do it (gnuflag with interspersed flags): flags may come
 * before or after positional arguments, `--` ends them, `--name=value` and `--name value` both
 * work, booleans take an optional `=value`, and an unknown flag is a usage error (exit 2).
 */
import { usageError } from './errors.js';

export interface FlagSpec {
  /** Boolean flags, by canonical name. */
  bools?: readonly string[];
  /** Flags that take a value, by canonical name. */
  values?: readonly string[];
  /** Other spellings: `{ relation: 'r', a: 'all' }`. */
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  flags: Map<string, string | boolean>;
  args: string[];
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function parseBool(spelled: string, value: string): boolean {
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw usageError(`invalid value ${JSON.stringify(value)} for flag ${spelled}: parse error`);
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const bools = new Set(spec.bools ?? []);
  const values = new Set(spec.values ?? []);
  const flags = new Map<string, string | boolean>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.push(arg);
      continue;
    }
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const spelledName = eq === -1 ? body : body.slice(0, eq);
    const name = spec.aliases?.[spelledName] ?? spelledName;
    const spelled = `${arg.startsWith('--') ? '--' : '-'}${spelledName}`;
    if (bools.has(name)) {
      flags.set(name, eq === -1 ? true : parseBool(spelled, body.slice(eq + 1)));
    } else if (values.has(name)) {
      if (eq !== -1) flags.set(name, body.slice(eq + 1));
      else if (i + 1 < argv.length) flags.set(name, argv[++i] as string);
      else throw usageError(`flag needs an argument: ${spelled}`);
    } else {
      throw usageError(`flag provided but not defined: ${spelled}`);
    }
  }
  return { flags, args };
}

export const flagString = (p: ParsedArgs, name: string): string | undefined => {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

export const flagBool = (p: ParsedArgs, name: string): boolean => p.flags.get(name) === true;
