/**
 * The remote side of shared-db (interface mysql-shared), acting on the real MariaDB as the
 * percona-cluster / mysql-router charms do: for every unit that asked (`database`, `username`,
 * `hostname`), create the database and user@each-host with a generated password, then answer
 * `db_host`, `password` and `allowed_units`. The password is kept per user in the local state,
 * so a re-run hands out the same one (and resets MariaDB to it).
 */
import { z } from 'zod';
import type { Databag } from '../../src/snapshot.js';
import { grantStatements, runSql } from '../mysql-client.js';
import { secret } from '../state.js';

const Request = z.object({ database: z.string().min(1), username: z.string().min(1), hostname: z.string().min(1) });
type Request = z.infer<typeof Request>;

/** `hostname` is one address, or a JSON list of them (glance with prefer-ipv6). */
export function requestedHosts(hostname: string): string[] {
  if (!hostname.startsWith('[')) return [hostname];
  return z.array(z.string()).parse(JSON.parse(hostname));
}

/** This machine's own connections arrive as localhost (socket) or 127.0.0.1 (TCP to db_host). */
const LOCAL_HOSTS = ['localhost', '127.0.0.1'];

export const DB_HOST = '127.0.0.1';

/**
 * The reply to the requests of our units (unit name → databag); undefined while no unit has asked
 * completely. Units that asked for the same database and user share one password, as in MySQL.
 */
export async function mysqlReply(requests: Readonly<Record<string, Databag>>): Promise<Databag | undefined> {
  const asked = Object.entries(requests).flatMap(([unit, bag]) => {
    const r = Request.safeParse(bag);
    return r.success ? [{ unit, ...r.data }] : [];
  });
  const first = asked[0];
  if (!first) return undefined;
  const same = (r: Request) => r.database === first.database && r.username === first.username;
  const granted = asked.filter(same);
  const hosts = [...new Set([...granted.flatMap((r) => requestedHosts(r.hostname)), ...LOCAL_HOSTS])];
  const password = await secret(`mysql:${first.username}`);
  await runSql(grantStatements(first.database, first.username, hosts, password));
  return { db_host: DB_HOST, password, allowed_units: granted.map((r) => r.unit).sort().join(' ') };
}
