// Strict mock of Apple Business / Apple School Manager: token endpoint, API and fixture consoles.
//
// Fixture console pages (single-page app, hash routes; same shell on both hosts):
//   https://business.apple.com/#/main/devices                 device list (serial numbers)
//   https://business.apple.com/#/main/activity                DECOY: Client ID column + request UUIDs, no Key ID
//   https://business.apple.com/#/main/preferences             Preferences, with the "API" link (guide step open-api)
//   https://business.apple.com/#/main/preferences/apiaccounts API accounts list + "+" button (step create-account)
//     "+" (button "Add API Account")    → sheet "Create API Account": "API Account Label" input, Permissions
//                                         checkboxes (Business only), "Create" button (step create-account)
//     "Create"                          → sheet "Private API Key": "Generate Private Key" (step generate-key)
//     "Generate Private Key"            → the .pem downloads (<Label>_<YYYY-MM-DD>.pem, Apple's format)
//     row button "Manage"               → dialog "Manage API Account": "Loading…", then after pageDelayMs
//                                         (600 ms) API Account Name, Private Key, Key ID, Client ID, Created By,
//                                         Created Date (step capture-ids). "Revoke" → "Revoke Private Key?" → "Revoke".
//   https://school.apple.com/… the same routes for Apple School Manager (no permissions in the create sheet).
// The pages call /mock-console/* on their own origin (console-backend.ts), so every value shown is
// one the token endpoint and the API accept.
//
// API: POST https://account.apple.com/auth/oauth2/token and /auth/oauth2/v2/token (token.ts);
//      GET https://api-business.apple.com/v1/{mdmServers,orgDevices} and api-school (api.ts).
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { html, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { createAccount, generateKey, revokeKey, summary, type CreateOptions } from './accounts';
import { apiError, handleApi } from './api';
import { handleConsole } from './console-backend';
import { toPublicKey } from './keys';
import { applies, createState, type AppleKind, type AppleState, type Target } from './state';
import { TOKEN_PATHS, handleToken } from './token';

export { BUSINESS_PERMISSIONS, VIEW_DEVICES } from './state';
export type { AppleKind } from './state';

const API_HOSTS: Record<string, AppleKind> = { 'api-business.apple.com': 'business', 'api-school.apple.com': 'school' };
const CONSOLE_HOSTS: Record<string, AppleKind> = { 'business.apple.com': 'business', 'school.apple.com': 'school' };

export interface AddApiAccountOptions extends Partial<CreateOptions> {
  kind: AppleKind;
  keyId?: string;
}

export function createAppleMock() {
  let state: AppleState = createState();

  function find(clientId: string) {
    const account = state.accounts.find((candidate) => candidate.clientId === clientId);
    if (!account) throw new Error(`No Apple API account ${clientId}`);
    return account;
  }

  function handle(request: MockRequest): MockResponse | undefined {
    const answer = route(request);
    return answer && state.delayMs ? { ...answer, delayMs: state.delayMs } : answer;
  }

  function route(request: MockRequest): MockResponse | undefined {
    if (request.host === 'account.apple.com') {
      if (!TOKEN_PATHS.includes(request.path)) return html(notFoundPage, 404);
      return switched('token') ?? handleToken(request, state);
    }
    const apiKind = API_HOSTS[request.host];
    if (apiKind) return switched('api') ?? handleApi(request, state, apiKind);
    const consoleKind = CONSOLE_HOSTS[request.host];
    if (consoleKind) return handleConsole(request, state, consoleKind);
    return undefined;
  }

  /** The failure switches, in the order a real edge would apply them. */
  function switched(where: 'token' | 'api'): MockResponse | undefined {
    if (applies(state.rateLimit, where)) {
      const headers = { 'retry-after': state.rateLimit!.retryAfter };
      if (where === 'token') return { status: 429, headers: { 'content-type': 'application/json', ...headers }, body: { error: 'rate_limited' } };
      const limited = apiError(429, 'RATE_LIMIT_EXCEEDED', 'The request rate limit has been reached.', 'Wait before sending more requests.');
      return { ...limited, headers: { ...limited.headers, ...headers } };
    }
    if (applies(state.htmlError, where)) return html(errorPage, state.htmlError!.status);
    if (applies(state.failure, where)) {
      if (where === 'token') return { status: state.failure!.status, headers: { 'content-type': 'application/json' }, body: { error: 'server_error' } };
      return apiError(state.failure!.status, 'UNEXPECTED_ERROR', 'An unexpected error occurred.', 'Try again later.');
    }
    return undefined;
  }

  function addApiAccount(options: AddApiAccountOptions & { publicKey: string | JsonWebKey | KeyObject }): { clientId: string; keyId: string };
  function addApiAccount(options: AddApiAccountOptions): { clientId: string; keyId: string; privateKeyPem: string };
  function addApiAccount(options: AddApiAccountOptions & { publicKey?: string | JsonWebKey | KeyObject }) {
    const account = createAccount(state, { ...options, name: options.name ?? `${options.kind === 'school' ? 'School' : 'Business'} test ${state.accounts.length + 1}` });
    const privateKeyPem = generateKey(account, { keyId: options.keyId, publicKey: options.publicKey ? toPublicKey(options.publicKey) : undefined });
    return privateKeyPem ? { clientId: account.clientId, keyId: account.keyId!, privateKeyPem } : { clientId: account.clientId, keyId: account.keyId! };
  }

  const mock = {
    name: 'apple',
    hostPatterns: ['account.apple.com', 'api-business.apple.com', 'api-school.apple.com', 'business.apple.com', 'school.apple.com'],
    handle,
    reset() {
      state = createState();
    },

    // ---- Controls ----

    /** A new API account with a fresh P-256 key (or the given public key); the private key in Apple's own format. */
    addApiAccount,
    /** Revoke the account's key: token requests get invalid_client and its tokens stop working. */
    revoke(clientId: string) {
      revokeKey(find(clientId));
    },
    /** Replace an Apple Business account's permissions (Apple's names; see BUSINESS_PERMISSIONS). */
    setPermissions(clientId: string, permissions: string[]) {
      find(clientId).permissions = [...permissions];
    },
    /** The private key the mock generated for an account (also what the console's download held). */
    privateKeyPem(clientId: string): string {
      const pem = find(clientId).privateKeyPem;
      if (!pem) throw new Error(`No private key kept for ${clientId}`);
      return pem;
    },
    /** Accounts as the console shows them (no key material). Newest last. */
    accounts: () => state.accounts.map(summary),
    /** 429 with this Retry-After (seconds or an HTTP date) on token, API or all calls; null turns it off. */
    setRateLimit(retryAfter: string | number | null, on: Target = 'all') {
      state.rateLimit = retryAfter === null ? undefined : { retryAfter: String(retryAfter), on };
    },
    /** Answer with an HTML error page and this status (the way Apple's edge fails); false turns it off. */
    setHtmlError(status: number | false, on: Target = 'all') {
      state.htmlError = status === false ? undefined : { status, on };
    },
    /** Answer with this 5xx; false turns it off. */
    setFailure(status: number | false, on: Target = 'all') {
      state.failure = status === false ? undefined : { status, on };
    },
    /** Delay every token/API/console answer by this many ms. */
    setDelay(ms: number) {
      state.delayMs = ms;
    },
    /** Lifetime of issued access tokens in seconds (Apple: 3600). */
    setTokenLifetime(seconds: number) {
      state.tokenLifetime = seconds;
    },
    /** How long the Manage view shows "Loading…" before its details (default 600 ms). */
    setPageDelay(ms: number) {
      state.pageDelayMs = ms;
    },
    /** Why the last token request was refused ('signature', 'aud', 'jti replayed'…), undefined after a success. */
    lastTokenRejection: () => state.lastRejection,
    /** Number of live access tokens issued. */
    issuedTokens: () => state.tokens.size,
  } satisfies VendorMock & Record<string, unknown>;
  return mock;
}

export type AppleMock = ReturnType<typeof createAppleMock>;

const errorPage = '<!DOCTYPE html><html><head><title>Apple</title></head><body><h1>Something went wrong.</h1><p>Please try again later.</p></body></html>';
const notFoundPage = '<!DOCTYPE html><html><head><title>Apple Account</title></head><body><h1>This page is not available.</h1></body></html>';
