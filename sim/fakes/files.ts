/**
 * Fake commands that change files: ceph-authtool writes the keyring it is asked for (at the
 * path given, which the charm already roots under CHARM_FS_ROOT); a2ensite/a2dissite link and
 * unlink sites under the unit's fs root as the real scripts do under /etc/apache2.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type FakeCommand, operands, optionValue } from './types.js';

/** Ceph keys are 16 random bytes behind a 12-byte header, base64: 40 characters. */
const newKey = (): string => Buffer.concat([Buffer.from([1, 0]), randomBytes(26)]).toString('base64');

function withSection(keyring: string, name: string, key: string): string {
  const sections = keyring.split(/^(?=\[)/m).filter((s) => s.trim() !== '' && !s.startsWith(`[${name}]`));
  return [...sections, `[${name}]\n\tkey = ${key}\n`].join('');
}

export const cephAuthtool: FakeCommand = ({ args }) => {
  const [keyring] = operands(args, ['-n', '--name', '-a', '--add-key', '--cap', '--import-keyring', '--mode']);
  if (keyring === undefined) return { stderr: 'ceph-authtool: must specify filename\n', exitCode: 1 };
  const create = args.includes('-C') || args.includes('--create-keyring');
  if (!create && !existsSync(keyring)) {
    return { stderr: `ceph-authtool: can't open ${keyring}: (2) No such file or directory\n`, exitCode: 1 };
  }
  const name = optionValue(args, ['--name', '-n']);
  const key = optionValue(args, ['--add-key', '-a']) ?? (args.includes('--gen-key') || args.includes('-g') ? newKey() : undefined);
  const current = create || !existsSync(keyring) ? '' : readFileSync(keyring, 'utf8');
  mkdirSync(dirname(keyring), { recursive: true });
  writeFileSync(keyring, name && key ? withSection(current, name, key) : current);
  return { stdout: create ? `creating ${keyring}\n` : '' };
};

const isLink = (path: string): boolean => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

export const a2ensite: FakeCommand = ({ ctx, args }) => {
  const out: string[] = [];
  for (const site of operands(args).map((s) => s.replace(/\.conf$/, ''))) {
    const available = join(ctx.fsRoot, 'etc/apache2/sites-available', `${site}.conf`);
    const enabled = join(ctx.fsRoot, 'etc/apache2/sites-enabled', `${site}.conf`);
    if (!existsSync(available)) return { stdout: out.join(''), stderr: `ERROR: Site ${site} does not exist!\n`, exitCode: 1 };
    if (isLink(enabled)) {
      out.push(`Site ${site} already enabled\n`);
      continue;
    }
    mkdirSync(dirname(enabled), { recursive: true });
    symlinkSync(`../sites-available/${site}.conf`, enabled);
    out.push(`Enabling site ${site}.\nTo activate the new configuration, you need to run:\n  systemctl reload apache2\n`);
  }
  return { stdout: out.join('') };
};

export const a2dissite: FakeCommand = ({ ctx, args }) => {
  const out: string[] = [];
  for (const site of operands(args).map((s) => s.replace(/\.conf$/, ''))) {
    const enabled = join(ctx.fsRoot, 'etc/apache2/sites-enabled', `${site}.conf`);
    if (!isLink(enabled)) {
      out.push(`Site ${site} already disabled\n`);
      continue;
    }
    rmSync(enabled);
    out.push(`Site ${site} disabled.\nTo activate the new configuration, you need to run:\n  systemctl reload apache2\n`);
  }
  return { stdout: out.join('') };
};
