/**
 * A file the charm puts on the host: rendered from a template, or handed over by a relation
 * (a keyring, TLS material). Written only when its content or mode differs from the host's.
 */
import type { FileOwner } from './owners.js';

/**
 * How a file's reader parses it: `ini` (oslo.config, configparser, Paste, Ceph), `directives` (one
 * per line: haproxy, memcached, Apache, shell defaults), `yaml`. A rewrite that keeps the meaning
 * restarts nothing (render/meaning.ts).
 */
export type Syntax = 'ini' | 'directives' | 'yaml';

export interface RenderedFile {
  path: string;
  content: string;
  owner: FileOwner;
  /** Services to restart when this content means something else than the file on disk (render/restarts.ts). */
  services: readonly string[];
  /** How the file is read; absent: every byte counts (certificates, keys). */
  syntax?: Syntax;
}
