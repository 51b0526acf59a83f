/** The charm's typed configuration: the option table and the parser. */
export { parseConfig } from './parse.js';
export { ConfigSchema, type GlanceConfig, OPTION_NAMES, OPTIONS, type OptionName } from './schema.js';
