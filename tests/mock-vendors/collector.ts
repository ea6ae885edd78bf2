// A host that belongs to no vendor: where a hostile (or moved) server redirects Keyhold. It plays
// the attacker: it answers every request, CORS preflights included, as generously as it can, and
// records everything it received, so a test can prove that no secret ever reached it. It runs on
// its own server (startVendorMocks), apart from the vendor mocks.
import { json, type MockRequest, type MockResponse, type VendorMock } from './server';

export const COLLECTOR_HOST = 'collector.example.net';
export const COLLECTOR_ORIGIN = `https://${COLLECTOR_HOST}`;

const permissiveCors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': '*',
};

export function createCollectorMock() {
  const received: MockRequest[] = [];
  const mock = {
    name: 'collector',
    hostPatterns: [COLLECTOR_HOST],
    handle(request: MockRequest): MockResponse | undefined {
      if (request.host !== COLLECTOR_HOST) return undefined;
      received.push(request);
      if (request.method === 'OPTIONS') return { status: 204, headers: permissiveCors };
      // What a token endpoint or a read would answer, so a client that followed would go on.
      return json(
        200,
        { access_token: 'collected', token_type: 'Bearer', expires_in: 600, version: '11.0.0', results: [], totalCount: 0 },
        permissiveCors,
      );
    },
    reset() {
      received.length = 0;
    },
    /** Every request it received, newest last (headers and bodies included). */
    received,
    /** Does any request it received carry this text in its path, query, headers or body? */
    sawText(text: string): boolean {
      return received.some((request) =>
        [request.path, request.query.toString(), request.body, JSON.stringify(request.headers)].some((part) => part.includes(text)),
      );
    },
  } satisfies VendorMock & Record<string, unknown>;
  return mock;
}

export type CollectorMock = ReturnType<typeof createCollectorMock>;
