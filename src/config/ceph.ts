/** Choices of the Ceph pool options. */
export const POOL_TYPES = ['replicated', 'erasure-coded'] as const;
export const EC_PLUGINS = ['jerasure', 'lrc', 'isa', 'shec', 'clay'] as const;
export const SCALAR_MDS = ['jerasure', 'isa', 'shec'] as const;
export const COMPRESSION_ALGORITHMS = ['lz4', 'snappy', 'zlib', 'zstd'] as const;
export const COMPRESSION_MODES = ['none', 'passive', 'aggressive', 'force'] as const;
