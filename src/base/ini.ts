/** INI content as the templates write it: sections of key/value lines, in order. */

/** A key/value line in an INI section, in order. */
export type IniPair = readonly [key: string, value: string];

export interface IniSection {
  name: string;
  options: readonly IniPair[];
}
