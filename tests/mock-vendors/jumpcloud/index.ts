// STUB: replaced by the jumpcloud vendor work.
import type { VendorMock } from '../server';

export function createJumpcloudMock() {
  const mock: VendorMock = { name: 'jumpcloud', hostPatterns: [], handle: () => undefined, reset: () => undefined };
  return mock;
}
