/**
 * MariaDB as root through the `mysql` client (unix-socket auth as the OS root user).
 * Statements go on stdin so that passwords never appear in argv (`ps` shows argv to everyone).
 */
import { execa } from 'execa';

/** A string literal for SQL: backslashes and quotes escaped. */
export const sqlString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** An identifier (database name) for SQL. */
export const sqlIdent = (s: string): string => `\`${s.replace(/`/g, '``')}\``;

/** Run statements; returns the rows, tab-separated columns. */
export async function runSql(sql: string): Promise<string[][]> {
  const r = await execa('mysql', ['-uroot', '--batch', '--skip-column-names'], { input: sql, reject: false });
  if (r.exitCode !== 0) throw new Error(`mysql failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

/** Create `user`@each host with `password` (resetting it if the user exists) and grant it `database`. */
export function grantStatements(database: string, user: string, hosts: readonly string[], password: string): string {
  const lines = [`CREATE DATABASE IF NOT EXISTS ${sqlIdent(database)};`];
  for (const host of hosts) {
    const account = `${sqlString(user)}@${sqlString(host)}`;
    lines.push(
      `CREATE USER IF NOT EXISTS ${account} IDENTIFIED BY ${sqlString(password)};`,
      `ALTER USER ${account} IDENTIFIED BY ${sqlString(password)};`,
      `GRANT ALL PRIVILEGES ON ${sqlIdent(database)}.* TO ${account};`,
    );
  }
  lines.push('FLUSH PRIVILEGES;');
  return `${lines.join('\n')}\n`;
}
