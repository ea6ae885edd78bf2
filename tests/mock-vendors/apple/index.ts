// STUB: replaced by the apple vendor work.
import type { VendorMock } from '../server';

export function createAppleMock() {
  const mock: VendorMock = { name: 'apple', hostPatterns: [], handle: () => undefined, reset: () => undefined };
  return mock;
}
