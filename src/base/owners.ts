/** Who owns a file the charm writes, and the owners its files share. */

export interface FileOwner {
  user: string;
  group: string;
  mode: number;
}

/** Holds passwords or keys: glance's services read it through their group, nobody else. */
export const GLANCE_SECRET: FileOwner = { user: 'root', group: 'glance', mode: 0o640 };
/** A directory of such files (/etc/glance, policy.d): glance's group may enter, nobody else. */
export const GLANCE_SECRET_DIR: FileOwner = { user: 'root', group: 'glance', mode: 0o750 };
/** Holds a secret only root reads (haproxy reads its config as root before dropping privileges). */
export const ROOT_SECRET: FileOwner = { user: 'root', group: 'root', mode: 0o640 };
export const PUBLIC: FileOwner = { user: 'root', group: 'root', mode: 0o644 };
