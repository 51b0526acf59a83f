/** Fake commands that describe the machine: getent, ip, systemd-detect-virt. */
import type { IpLink } from '../state.js';
import { type FakeCommand, operands } from './types.js';

/** Every account the host knows maps to the simulator's own uid/gid, so the charm's chown works. */
export const getent: FakeCommand = ({ ctx, args }) => {
  const [db, ...keys] = operands(args);
  const id = (name: string) => (name === 'root' ? 0 : db === 'group' ? ctx.gid : ctx.uid);
  const line = (name: string) =>
    db === 'group'
      ? `${name}:x:${id(name)}:\n`
      : `${name}:x:${id(name)}:${name === 'root' ? 0 : ctx.gid}::/var/lib/${name}:/usr/sbin/nologin\n`;
  if (db !== 'passwd' && db !== 'group') return { stderr: `Unknown database: ${db ?? ''}\n`, exitCode: 1 };
  if (keys.length === 0) return { stdout: ctx.host.accounts.map(line).join('') };
  const known = keys.filter((k) => ctx.host.accounts.includes(k));
  // getent exits 2 when a key is not found.
  return { stdout: known.map(line).join(''), exitCode: known.length === keys.length ? 0 : 2 };
};

function textLink(link: IpLink): string {
  const head = `${link.ifindex}: ${link.ifname}: <${link.flags.join(',')}> mtu ${link.mtu} state ${link.operstate}\n`;
  const addrs = link.addr_info.map((a) => `    ${a.family} ${a.local}/${a.prefixlen} scope ${a.scope} ${link.ifname}\n`);
  return head + addrs.join('');
}

export const ip: FakeCommand = ({ ctx, args }) => {
  const json = args.some((a) => a === '-j' || a === '-json' || a === '--json');
  const family = args.includes('-4') ? 'inet' : args.includes('-6') ? 'inet6' : undefined;
  const [object = 'addr', ...rest] = operands(args);
  const devIndex = rest.indexOf('dev');
  const dev = devIndex !== -1 ? rest[devIndex + 1] : rest.find((r) => r !== 'show' && r !== 'list');
  if (!['a', 'addr', 'address', 'l', 'link'].includes(object)) return { stdout: json ? '[]\n' : '' };
  const withAddresses = object.startsWith('a');
  const links = ctx.host.interfaces
    .filter((l) => dev === undefined || l.ifname === dev)
    .map((l) => ({
      ...l,
      addr_info: withAddresses ? l.addr_info.filter((a) => family === undefined || a.family === family) : [],
    }));
  if (dev !== undefined && links.length === 0) return { stderr: `Device "${dev}" does not exist.\n`, exitCode: 1 };
  return { stdout: json ? `${JSON.stringify(links)}\n` : links.map(textLink).join('') };
};

export const systemdDetectVirt: FakeCommand = ({ ctx, args }) => {
  const container = args.includes('-c') || args.includes('--container');
  const vm = args.includes('-v') || args.includes('--vm');
  const answer = container ? ctx.host.container : vm ? ctx.host.virt : ctx.host.container !== 'none' ? ctx.host.container : ctx.host.virt;
  const quiet = args.includes('-q') || args.includes('--quiet');
  return { stdout: quiet ? '' : `${answer}\n`, exitCode: answer === 'none' ? 1 : 0 };
};
