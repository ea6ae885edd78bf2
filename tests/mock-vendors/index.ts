// All vendor mocks behind one server. Tests reach each vendor's controls through the returned object.
import { startMockServer, type MockServer } from './server';
import { createJamfMock } from './jamf-pro';
import { createJumpcloudMock } from './jumpcloud';
import { createAppleMock } from './apple';
import { createIruMock } from './iru';
import { createProtectMock } from './jamf-protect';
import { createSchoolMock } from './jamf-school';
import { createPlatformMock } from './jamf-platform';

export function createVendorMocks() {
  const jamf = createJamfMock();
  const jumpcloud = createJumpcloudMock();
  const apple = createAppleMock();
  const iru = createIruMock();
  const protect = createProtectMock();
  const school = createSchoolMock();
  const platform = createPlatformMock();
  // The three Jamf family mocks first: the Jamf Pro mock answers every other *.jamfcloud.com.
  return { jamf, jumpcloud, apple, iru, protect, school, platform, all: [protect, school, platform, jamf, jumpcloud, apple, iru] };
}

export type VendorMocks = ReturnType<typeof createVendorMocks>;

export async function startVendorMocks(options: { port?: number; host?: string } = {}): Promise<VendorMocks & { server: MockServer }> {
  const mocks = createVendorMocks();
  const server = await startMockServer(mocks.all, options);
  return { ...mocks, server };
}
