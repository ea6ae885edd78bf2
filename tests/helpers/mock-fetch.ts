// A fetch for Node-side tests that sends every vendor hostname to the local mock server, the way
// Chromium's --host-resolver-rules does in the end-to-end tests (TLS with SNI, self-signed cert).
import tls from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { startVendorMocks } from '../mock-vendors';
import { createHttpClient } from '../../utils/http/http-client';

export function fetchVia(port: number): typeof fetch {
  const dispatcher = new Agent({
    connect: (options, callback) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port,
        servername: String(options.servername ?? options.hostname),
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
      socket.once('secureConnect', () => callback(null, socket));
      socket.once('error', (error) => callback(error, null));
      return socket;
    },
  });
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input as string, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch;
}

/** Start all vendor mocks and an HttpClient wired to them. Call `close()` in afterAll. */
export async function startMocksWithClient() {
  const mocks = await startVendorMocks();
  const http = createHttpClient(fetchVia(mocks.server.port));
  return { ...mocks, http, close: () => mocks.server.close() };
}
