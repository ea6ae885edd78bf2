// All vendor mocks behind one server. Tests reach each vendor's controls through the returned object.
import { startMockServer, type MockServer } from './server';
import { createJamfMock } from './jamf-pro';
import { createJumpcloudMock } from './jumpcloud';
import { createAppleMock } from './apple';
import { createIruMock } from './iru';
import { createCollectorMock } from './collector';

export function createVendorMocks() {
  const jamf = createJamfMock();
  const jumpcloud = createJumpcloudMock();
  const apple = createAppleMock();
  const iru = createIruMock();
  return { jamf, jumpcloud, apple, iru, all: [jamf, jumpcloud, apple, iru] };
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
