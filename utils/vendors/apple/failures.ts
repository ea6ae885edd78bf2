// What Apple's failures mean, in plain words. The OAuth error code (a fixed RFC 6749 word) is the
// only thing read from a body; nothing else from a response reaches a message.
import { KeyholdError } from '../../errors';
import { classifyFailure, parseRetryAfter, safeHost, type HttpResponse } from '../../http/http-client';
import { SERVICES, type AppleService } from './ids';

function rateLimited(response: HttpResponse, what: string, nowMs: number): KeyholdError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  const wait = retryAfter === undefined ? 'try again in a few minutes' : `try again in ${retryAfter} s`;
  return new KeyholdError('RATE_LIMITED', `${safeHost(response.url)} is rate-limiting ${what}; ${wait}.`, { retryAfter });
}

function oauthError(response: HttpResponse): string | undefined {
  const error = (response.json as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? error : undefined;
}

/** A token request that did not return 200. */
export function tokenFailure(response: HttpResponse, service: AppleService, nowMs: number): KeyholdError {
  const host = safeHost(response.url);
  if (response.status === 429) return rateLimited(response, 'token requests', nowMs);
  if (response.status >= 500) return classifyFailure(response, 'the token request');
  if (response.isHtml) {
    return new KeyholdError(
      'UNEXPECTED_RESPONSE',
      `${host} answered the token request with a web page instead of an OAuth answer (HTTP ${response.status}); Apple's sign-in service or a proxy in between is not passing API calls through.`,
    );
  }
  const error = oauthError(response);
  if (error === 'invalid_client') {
    return new KeyholdError(
      'INVALID_CREDENTIALS',
      `Apple refused the API account: the private key does not belong to this Client ID / Key ID, or it was revoked. Check that the .pem is the one downloaded for this account; if the key was revoked, generate a new one in ${SERVICES[service].console}.`,
    );
  }
  if (error === 'invalid_scope') {
    // A credential problem, not a server one: this Client ID cannot get this kind of token.
    const other = SERVICES[service === 'business' ? 'school' : 'business'];
    return new KeyholdError(
      'INVALID_CREDENTIALS',
      `Apple refused the scope ${SERVICES[service].scope} for this Client ID: the API account seems to belong to ${other.name} (${other.console}), not ${SERVICES[service].name}. Check the Client ID was copied whole from the console that made the account.`,
    );
  }
  if (error) {
    return new KeyholdError('UNEXPECTED_RESPONSE', `${host} refused the token request (${error}, HTTP ${response.status}); Keyhold's request may be out of date with Apple's.`);
  }
  return classifyFailure(response, 'the token request');
}

/** A read call that failed for a reason other than a missing permission. */
export function apiFailure(response: HttpResponse, what: string, nowMs: number): KeyholdError {
  const host = safeHost(response.url);
  if (response.status === 429) return rateLimited(response, 'API calls', nowMs);
  if (response.status >= 500) return classifyFailure(response, what);
  if (response.isHtml) {
    return new KeyholdError('UNEXPECTED_RESPONSE', `${host} answered ${what} with a web page instead of API data (HTTP ${response.status}).`);
  }
  if (response.status === 401) {
    return new KeyholdError(
      'INVALID_CREDENTIALS',
      `${host} refused the access token Apple had just issued (HTTP 401): the key may have been revoked a moment ago. Try again; if it persists, generate a new key.`,
    );
  }
  return classifyFailure(response, what);
}
