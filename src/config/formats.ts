/** Image format lists and import properties, written as INI values in glance-api.conf. */
import { type Check, bad, ok, show, validates } from './check.js';
import { commaList, oneOf } from './text.js';

/** Disk and container formats Glance knows (root-tar is in the reference's default list). */
export const IMAGE_FORMATS = [
  'ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed',
  'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop', 'root-tar',
] as const;

/** Kept as the operator wrote it: the reference rendered the text unchanged. */
export const imageFormats: Check<string, string> = validates(commaList(oneOf(IMAGE_FORMATS)));

const property: Check<string, string> = (item) =>
  item.includes(':') ? ok(item) : bad(`${show(item)} is not a property:value pair (e.g. os_distro:ubuntu)`);

/** custom-import-properties: "os_distro:ubuntu,hw_disk_bus:scsi", rendered unchanged. */
export const importProperties: Check<string, string> = validates(commaList(property));
