/**
 * The remote side of object-store (interface swift-proxy). The swift-proxy charm only announces
 * where its proxy is (`swift-url`) and glance reads nothing from it: the relation's presence
 * turns glance's swift store on, and glance finds Swift through the Keystone catalog with its
 * own service credentials (deploy/swift.ts registered the endpoints there).
 */
import type { RemoteBehaviour } from '../../sim/remote.js';
import { SWIFT_URL } from '../swift.js';
import { onEveryUnit } from './every-unit.js';

export const swiftProxy: RemoteBehaviour = {
  onChange: (view) => onEveryUnit(view, { 'swift-url': SWIFT_URL }),
};
