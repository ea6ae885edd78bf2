// STUB: replaced by the iru vendor work.
import type { VendorMock } from '../server';

export function createIruMock() {
  const mock: VendorMock = { name: 'iru', hostPatterns: [], handle: () => undefined, reset: () => undefined };
  return mock;
}
