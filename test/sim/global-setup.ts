// Once per test run: unzip the packed charm (`npm test` packs it first) where every simulator
// runs it from, so no test races another to unpack it.
import { unpackUnitCharm } from '../../sim/unit-charm.js';

export default async function setup(): Promise<void> {
  await unpackUnitCharm();
}
