// STUB: replaced by the jamf-pro vendor work.
import type { VendorMock } from '../server';

export function createJamfMock() {
  const mock: VendorMock = { name: 'jamf-pro', hostPatterns: [], handle: () => undefined, reset: () => undefined };
  return mock;
}
