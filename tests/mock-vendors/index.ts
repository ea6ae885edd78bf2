// All vendor mocks behind one server. Tests reach each vendor's controls through the returned object.
import { startMockServer, type MockServer } from './server';
import { createJamfMock } from './jamf-pro';
import { createJumpcloudMock } from './jumpcloud';
import { createAppleMock } from './apple';
import { createIruMock } from './iru';
import { createDestinationsMock } from '../mock-destinations';

export function createVendorMocks() {
  const jamf = createJamfMock();
  const jumpcloud = createJumpcloudMock();
  const apple = createAppleMock();
  const iru = createIruMock();
  const destinations = createDestinationsMock();
  return { jamf, jumpcloud, apple, iru, destinations, all: [jamf, jumpcloud, apple, iru, destinations] };
}

export type VendorMocks = ReturnType<typeof createVendorMocks>;

export async function startVendorMocks(options: { port?: number; host?: string } = {}): Promise<VendorMocks & { server: MockServer }> {
  const mocks = createVendorMocks();
  const server = await startMockServer(mocks.all, options);
  return { ...mocks, server };
}
