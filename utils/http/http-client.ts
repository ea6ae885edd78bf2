// The one fetch helper every vendor test uses: a hard 25 s budget per request (the MV3 worker is
// killed at 30 s), a capped body read (a slow drip cannot hang us), timings, and error
// classification that never quotes a response body back (it could echo a secret). Redirects are
// never followed: every vendor call carries a secret (a form with client_secret or an assertion,
// x-api-key, a bearer token), and a browser re-sends the body of a 307 and custom headers to
// wherever the server points.
import { KeyholdError } from '../errors';
import { t } from '../i18n/translate';

export const REQUEST_TIMEOUT_MS = 25_000;
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** A JSON body, sent as application/json (Jamf Protect's token call and GraphQL). */
  json?: unknown;
  timeoutMs?: number;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  text: string;
  ms: number;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  isHtml: boolean;
}

export type HttpClient = (url: string, request?: HttpRequest) => Promise<HttpResponse>;

/** `server` names what the admin configured ("Jamf Pro"), for the redirect message. */
export function createHttpClient(
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  now = () => performance.now(),
  server = t('bg.http.server'),
): HttpClient {
  return async (url, request = {}) => {
    const started = now();
    const timeoutMs = request.timeoutMs ?? REQUEST_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const host = safeHost(url);
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    let body: string | undefined;
    if (request.form) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(request.form).toString();
    } else if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    let responded = false;
    try {
      const response = await fetchImpl(url, {
        method: request.method ?? (body ? 'POST' : 'GET'),
        headers,
        body,
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
      });
      responded = true;
      if (response.type === 'opaqueredirect' || (response.status > 299 && response.status < 400 && response.headers.has('location'))) {
        void response.body?.cancel().catch(() => undefined);
        const target = await redirectTarget(url, response, fetchImpl, controller.signal);
        throw new KeyholdError(
          'UNEXPECTED_RESPONSE',
          target ? t('bg.http.redirectTo', [host, target, server]) : t('bg.http.redirect', [host]),
        );
      }
      const text = await readCapped(response, controller.signal);
      const contentType = response.headers.get('content-type') ?? '';
      return {
        url,
        status: response.status,
        headers: response.headers,
        text,
        ms: Math.round(now() - started),
        json: parseJson(text),
        isHtml: /text\/html/i.test(contentType) || /^\s*<(!doctype|html)/i.test(text),
      };
    } catch (error) {
      if (error instanceof KeyholdError) throw error;
      if (controller.signal.aborted) {
        throw new KeyholdError(
          'TIMEOUT',
          responded
            ? t('bg.http.slow', seconds(timeoutMs), [host, seconds(timeoutMs)])
            : t('bg.http.silent', seconds(timeoutMs), [host, seconds(timeoutMs)]),
        );
      }
      throw new KeyholdError(
        'NETWORK_ERROR',
        t('bg.http.unreachable', [host]),
      );
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Where a redirect pointed, as the address to use: the new origin plus whatever path precedes the
 * part both URLs end with (the API call itself). A browser hides the Location of a manual redirect
 * (an opaque response), so it is learnt from a bare GET that follows: no body, no header of the
 * request, no cookies, so no secret. Undefined when even that cannot tell (the other host refused).
 */
async function redirectTarget(url: string, response: Response, fetchImpl: typeof fetch, signal: AbortSignal): Promise<string | undefined> {
  let location = response.headers.get('location');
  if (!location) {
    try {
      const probe = await fetchImpl(url, { credentials: 'omit', cache: 'no-store', redirect: 'follow', signal });
      void probe.body?.cancel().catch(() => undefined);
      if (probe.redirected) location = probe.url;
    } catch {
      // Unknown, then.
    }
  }
  if (!location) return undefined;
  const from = new URL(url).pathname.split('/');
  const to = new URL(location, url);
  const path = to.pathname.split('/');
  while (path.length > 1 && from.length > 1 && path.at(-1) === from.at(-1)) {
    path.pop();
    from.pop();
  }
  return to.origin + path.join('/');
}

async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        throw new KeyholdError('UNEXPECTED_RESPONSE', t('bg.http.tooLarge', [safeHost(response.url)]));
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return t('bg.http.theServer');
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), capped at an hour. */
export function parseRetryAfter(value: string | null, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 3600);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, Math.ceil((date - nowMs) / 1000)), 3600);
}

/**
 * The default reading of a failed response, for vendors to refine. Never includes the body.
 * `what` names the call in plain words ("the token request").
 */
export function classifyFailure(response: HttpResponse, what: string): KeyholdError {
  const host = safeHost(response.url);
  const status = response.status;
  if (status === 429) {
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    return new KeyholdError(
      'RATE_LIMITED',
      retryAfter !== undefined ? t('bg.http.rateLimitedFor', [host, retryAfter]) : t('bg.http.rateLimited', [host]),
      { retryAfter },
    );
  }
  if (status === 401) return new KeyholdError('INVALID_CREDENTIALS', t('bg.http.rejected', [host, what]));
  if (status === 403) return new KeyholdError('PERMISSION_DENIED', t('bg.http.refused', [host, what]));
  if (status >= 500) return new KeyholdError('UNEXPECTED_RESPONSE', t('bg.http.serverError', [host, what, status]));
  if (response.isHtml) return new KeyholdError('UNEXPECTED_RESPONSE', t('bg.http.webPageStatus', [host, what, status]));
  return new KeyholdError('UNEXPECTED_RESPONSE', t('bg.http.unexpected', [host, what, status]));
}

/** Expect JSON; a 2xx with HTML or garbage is an unexpected response, said plainly. */
export function requireJson(response: HttpResponse, what: string): unknown {
  if (response.json === undefined) {
    throw new KeyholdError(
      'UNEXPECTED_RESPONSE',
      response.isHtml
        ? t('bg.http.webPage', [safeHost(response.url), what])
        : t('bg.http.unreadable', [safeHost(response.url), what]),
    );
  }
  return response.json;
}

function seconds(ms: number): number {
  return Math.max(1, Math.round(ms / 1000));
}
