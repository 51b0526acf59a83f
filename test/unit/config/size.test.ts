import { describe, expect, it } from 'vitest';
import { parseSize } from '../../../src/config/size.js';

describe('image-size-cap sizes', () => {
  it.each([
    ['1TB', 1024 ** 4],
    ['1T', 1024 ** 4],
    ['500G', 500 * 1024 ** 3],
    ['500 gb', 500 * 1024 ** 3],
    ['10k', 10 * 1024],
    ['3MB', 3 * 1024 ** 2],
    ['2PB', 2 * 1024 ** 5],
    ['1073741824', 1073741824],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toEqual({ ok: true, value: bytes });
  });

  it.each([
    ['12XB', '"12XB" is not a size like 500G or 1TB'],
    ['1.5G', '"1.5G" is not a size like 500G or 1TB'],
    ['G', '"G" is not a size like 500G or 1TB'],
    ['-1G', '"-1G" is not a size like 500G or 1TB'],
    ['0', '"0" must be greater than 0 bytes'],
    ['9PB', '"9PB" is too large (at most 8PB)'],
  ])('%s is refused', (text, message) => {
    expect(parseSize(text)).toEqual({ ok: false, message });
  });
});
