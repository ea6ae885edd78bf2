// One local HTTPS server that plays every vendor: fixture console pages and strict mock APIs,
// dispatched by the Host header. Chromium reaches it on the vendors' real hostnames through
// --host-resolver-rules, so production code needs no test switch. Used by the end-to-end tests,
// the benchmarks and `npm start`.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import selfsigned from 'selfsigned';

export interface MockRequest {
  method: string;
  /** Host without port, lower case. */
  host: string;
  /** Port the client asked for (from the Host header), or '' for the default. */
  port: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Parsed form body when Content-Type is application/x-www-form-urlencoded. */
  form?: URLSearchParams;
  receivedAt: number;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait before answering (latency, timeouts). */
  delayMs?: number;
  /** Send the body a few bytes at a time, this many ms apart (slow drip). */
  dripMs?: number;
  /** Drop the connection without answering (connection reset). */
  reset?: boolean;
}

export interface VendorMock {
  name: string;
  /** Hostname patterns for --host-resolver-rules, e.g. '*.jamfcloud.com'. */
  hostPatterns: string[];
  /** Answer the request, or return undefined when it is not for this vendor. */
  handle(request: MockRequest): MockResponse | undefined | Promise<MockResponse | undefined>;
  /** Back to the default state (between tests). */
  reset(): void;
}

export interface MockServer {
  port: number;
  /** Every request received, newest last (bodies included: tests only). */
  requests: MockRequest[];
  /** Chromium flag value mapping every vendor host to this server. */
  hostResolverRules: string;
  /** Peak of requests in flight at once, per host and under '*' for all hosts (concurrency checks). */
  peakInFlight: Map<string, number>;
  /**
   * Play a CORS/CSRF filter in front of the APIs (docs/security.md, "Origin header"): requests to
   * these hosts ('all': every host) that carry an Origin other than the host's own https origin get
   * 403. False (the default) lets every Origin through, as the vendors' APIs do as far as known.
   */
  refuseForeignOrigin(hosts: string[] | 'all' | false): void;
  close(): Promise<void>;
}

/** The answer of the Origin filter above (a typical WAF/CSRF refusal, not a vendor's body). */
export const FOREIGN_ORIGIN_REFUSED = { error: 'forbidden', message: 'Cross-origin request refused' };

export const jsonHeaders = { 'content-type': 'application/json;charset=UTF-8' };
export const htmlHeaders = { 'content-type': 'text/html;charset=UTF-8' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...jsonHeaders, ...headers }, body };
}

export function html(body: string, status = 200): MockResponse {
  return { status, headers: htmlHeaders, body };
}

/** Bearer token from the Authorization header, or undefined. */
export function bearer(request: MockRequest): string | undefined {
  const value = header(request, 'authorization');
  const match = value?.match(/^Bearer (.+)$/);
  return match?.[1];
}

export function header(request: MockRequest, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function isForm(request: MockRequest): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type') ?? '');
}

export async function startMockServer(mocks: VendorMock[], options: { port?: number; host?: string } = {}): Promise<MockServer> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'keyhold-mock' }], {
    keySize: 2048,
    days: 7,
    extensions: [
      {
        name: 'subjectAltName',
        altNames: mocks.flatMap((mock) => mock.hostPatterns).map((value) => ({ type: 2, value })),
      },
    ],
  } as never);
  const requests: MockRequest[] = [];
  const inFlight = new Map<string, number>();
  const peakInFlight = new Map<string, number>();
  let originFilter: string[] | 'all' | false = false;
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    void serve(req, res);
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const [hostName, port = ''] = (req.headers.host ?? '').toLowerCase().split(':');
    const url = new URL(req.url ?? '/', 'https://placeholder');
    const request: MockRequest = {
      method: req.method ?? 'GET',
      host: hostName,
      port,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      receivedAt: Date.now(),
    };
    if (/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) request.form = new URLSearchParams(body);
    requests.push(request);
    // Per host, and '*' for all hosts together (concurrency bounds are checked at the server).
    for (const key of [hostName, '*']) {
      const current = (inFlight.get(key) ?? 0) + 1;
      inFlight.set(key, current);
      peakInFlight.set(key, Math.max(peakInFlight.get(key) ?? 0, current));
    }
    try {
      let answer: MockResponse | undefined;
      const origin = header(request, 'origin');
      if (origin !== undefined && origin !== `https://${req.headers.host ?? ''}` && (originFilter === 'all' || (originFilter && originFilter.includes(hostName)))) {
        answer = json(403, FOREIGN_ORIGIN_REFUSED);
      }
      for (const mock of answer ? [] : mocks) {
        answer = await mock.handle(request);
        if (answer) break;
      }
      answer ??= json(404, { error: 'not_found', message: `No mock for ${request.method} ${hostName}${request.path}` });
      if (answer.delayMs) await sleep(answer.delayMs);
      if (answer.reset) {
        req.socket.destroy();
        return;
      }
      const payload = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'cache-control': 'no-store', ...answer.headers });
      if (answer.dripMs) {
        for (const piece of payload.match(/[\s\S]{1,4}/g) ?? []) {
          if (res.destroyed) return;
          res.write(piece);
          await sleep(answer.dripMs);
        }
        res.end();
      } else {
        res.end(payload);
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, jsonHeaders);
      res.end(JSON.stringify({ error: 'mock_failure', message: String(error) }));
    } finally {
      for (const key of [hostName, '*']) inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const hostResolverRules = mocks
    .flatMap((mock) => mock.hostPatterns)
    .map((pattern) => `MAP ${pattern} 127.0.0.1:${port}`)
    .join(', ');
  return {
    port,
    requests,
    hostResolverRules,
    peakInFlight,
    refuseForeignOrigin: (hosts) => void (originFilter = hosts),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
