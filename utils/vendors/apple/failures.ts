// What Apple's failures mean, in plain words. The OAuth error code (a fixed RFC 6749 word) is the
// only thing read from a body; nothing else from a response reaches a message.
import { KeyholdError } from '../../errors';
import { classifyFailure, parseRetryAfter, safeHost, type HttpResponse } from '../../http/http-client';
import { t } from '../../i18n/translate';
import { SERVICES, type AppleService } from './ids';

// Messages from locales/*.yml (vendor.apple.error), in the admin's language.
function rateLimited(response: HttpResponse, what: 'tokens' | 'api', nowMs: number): KeyholdError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), nowMs);
  const host = safeHost(response.url);
  const calls = what === 'tokens' ? t('vendor.apple.error.tokenRequests') : t('vendor.apple.error.apiCalls');
  const message =
    retryAfter === undefined
      ? t('vendor.apple.error.rateLimited', [host, calls])
      : t('vendor.apple.error.rateLimitedFor', [host, calls, String(retryAfter)]);
  return new KeyholdError('RATE_LIMITED', message, { retryAfter });
}

/** The read calls' names (English for the shared HTTP messages) in the admin's language. */
export const readName = (what: string) =>
  what === 'the MDM server list'
    ? t('vendor.apple.error.serverList')
    : what === 'the device list'
      ? t('vendor.apple.error.deviceList')
      : what;

function oauthError(response: HttpResponse): string | undefined {
  const error = (response.json as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' && /^[a-z_]{1,40}$/.test(error) ? error : undefined;
}

/** A token request that did not return 200. */
export function tokenFailure(response: HttpResponse, service: AppleService, nowMs: number): KeyholdError {
  const host = safeHost(response.url);
  if (response.status === 429) return rateLimited(response, 'tokens', nowMs);
  if (response.status >= 500) return classifyFailure(response, t('vendor.request.token'));
  if (response.isHtml) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.apple.error.webPageToken', [host, String(response.status)]));
  }
  const error = oauthError(response);
  if (error === 'invalid_client') {
    return new KeyholdError('INVALID_CREDENTIALS', t('vendor.apple.error.invalidClient', [SERVICES[service].console]));
  }
  if (error === 'invalid_scope') {
    // A credential problem, not a server one: this Client ID cannot get this kind of token.
    const other = SERVICES[service === 'business' ? 'school' : 'business'];
    return new KeyholdError(
      'INVALID_CREDENTIALS',
      t('vendor.apple.error.invalidScope', [SERVICES[service].scope, other.name, other.console, SERVICES[service].name]),
    );
  }
  if (error) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.apple.error.refusedToken', [host, error, String(response.status)]));
  }
  return classifyFailure(response, t('vendor.request.token'));
}

/** A read call that failed for a reason other than a missing permission. */
export function apiFailure(response: HttpResponse, what: string, nowMs: number): KeyholdError {
  const host = safeHost(response.url);
  if (response.status === 429) return rateLimited(response, 'api', nowMs);
  if (response.status >= 500) return classifyFailure(response, readName(what));
  if (response.isHtml) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.apple.error.webPageApi', [host, readName(what), String(response.status)]));
  }
  if (response.status === 401) {
    return new KeyholdError('INVALID_CREDENTIALS', t('vendor.apple.error.tokenRevoked', [host]));
  }
  return classifyFailure(response, readName(what));
}
