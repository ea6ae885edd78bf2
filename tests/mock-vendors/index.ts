// All vendor mocks behind one server. Tests reach each vendor's controls through the returned object.
import { startMockServer, type MockServer, type VendorMock } from './server';
import { createJamfMock } from './jamf-pro';
import { createJumpcloudMock } from './jumpcloud';
import { createAppleMock } from './apple';
import { createIruMock } from './iru';
import { createProtectMock } from './jamf-protect';
import { createSchoolMock } from './jamf-school';
import { createPlatformMock } from './jamf-platform';
import { createDestinationsMock } from '../mock-destinations';

/** One factory per console's mock; adding a console adds one line (a unit test checks every console's hosts are served). */
export const vendorMockFactories = {
  // The Jamf family first: the Jamf Pro mock answers every other *.jamfcloud.com (first handler wins).
  jamfProtect: createProtectMock,
  jamfSchool: createSchoolMock,
  jamfPlatform: createPlatformMock,
  jamf: createJamfMock,
  jumpcloud: createJumpcloudMock,
  apple: createAppleMock,
  iru: createIruMock,
};

type Mocks = { [K in keyof typeof vendorMockFactories]: ReturnType<(typeof vendorMockFactories)[K]> };
import { createCollectorMock } from './collector';

export function createVendorMocks() {
  const mocks = Object.fromEntries(Object.entries(vendorMockFactories).map(([name, create]) => [name, create()])) as Mocks;
  // Destination forms (the fill) are served beside the vendors but are no console.
  const destinations = createDestinationsMock();
  return { ...mocks, destinations, all: [...(Object.values(mocks) as VendorMock[]), destinations] };
}

export type VendorMocks = ReturnType<typeof createVendorMocks>;

/**
 * The vendor mocks on one server, and the collector (a host no vendor owns, where redirect tests
 * send Keyhold) on a second one; `server.hostResolverRules` maps both, `server.close` closes both.
 * `all` holds the vendor mocks only: reset the collector on its own.
 */
export async function startVendorMocks(
  options: { port?: number; host?: string } = {},
): Promise<VendorMocks & { collector: ReturnType<typeof createCollectorMock>; server: MockServer }> {
  const mocks = createVendorMocks();
  const collector = createCollectorMock();
  const server = await startMockServer(mocks.all, options);
  const collectorServer = await startMockServer([collector], { host: options.host });
  return {
    ...mocks,
    collector,
    server: {
      ...server,
      hostResolverRules: `${server.hostResolverRules}, ${collectorServer.hostResolverRules}`,
      close: async () => {
        await Promise.all([server.close(), collectorServer.close()]);
      },
    },
  };
}
