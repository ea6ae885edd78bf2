import { describe, expect, it } from 'vitest';
import type { HttpResponse } from '../../http/http-client';
import { apiFailure, tokenFailure } from './failures';

const NOW = Date.UTC(2025, 9, 1, 12, 0, 0);

function response(url: string, status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  const contentType = headers['content-type'] ?? (body.startsWith('<') ? 'text/html' : 'application/json');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { url, status, headers: new Headers({ 'content-type': contentType, ...headers }), text: body, ms: 5, json, isHtml: /html/.test(contentType) };
}

const token = (status: number, body: string, headers?: Record<string, string>) =>
  response('https://account.apple.com/auth/oauth2/token', status, body, headers);
const api = (status: number, body: string, headers?: Record<string, string>) =>
  response('https://api-business.apple.com/v1/mdmServers?limit=1', status, body, headers);

describe('tokenFailure', () => {
  const table: [string, HttpResponse, 'business' | 'school', string, RegExp, number?][] = [
    ['invalid_client', token(400, '{"error":"invalid_client"}'), 'business', 'INVALID_CREDENTIALS', /does not belong to this Client ID \/ Key ID, or it was revoked.*business\.apple\.com/],
    ['invalid_client with 401', token(401, '{"error":"invalid_client","error_description":"x"}'), 'school', 'INVALID_CREDENTIALS', /school\.apple\.com/],
    ['invalid_scope (Business id)', token(400, '{"error":"invalid_scope"}'), 'business', 'INVALID_CREDENTIALS', /scope business\.api .*Apple School Manager \(school\.apple\.com\), not Apple Business/],
    ['invalid_scope (School id)', token(400, '{"error":"invalid_scope"}'), 'school', 'INVALID_CREDENTIALS', /scope school\.api .*Apple Business \(business\.apple\.com\), not Apple School Manager/],
    ['another OAuth error', token(400, '{"error":"unsupported_grant_type"}'), 'business', 'UNEXPECTED_RESPONSE', /unsupported_grant_type, HTTP 400/],
    ['an error code that is not an OAuth word', token(400, '{"error":"<script>"}'), 'business', 'UNEXPECTED_RESPONSE', /unexpected answer .*HTTP 400/],
    ['429 with seconds', token(429, '{}', { 'retry-after': '30' }), 'business', 'RATE_LIMITED', /try again in 30 s/, 30],
    ['429 with an HTTP date', token(429, '{}', { 'retry-after': new Date(NOW + 120_000).toUTCString() }), 'business', 'RATE_LIMITED', /try again in 120 s/, 120],
    ['429 without Retry-After', token(429, ''), 'business', 'RATE_LIMITED', /try again in a few minutes/],
    ['HTML error page', token(401, '<!DOCTYPE html><html><body>Sorry</body></html>'), 'business', 'UNEXPECTED_RESPONSE', /web page instead of an OAuth answer \(HTTP 401\)/],
    ['a bare html page on a 400', token(400, '<html><body>x</body></html>'), 'business', 'UNEXPECTED_RESPONSE', /web page/],
    ['server error', token(502, '{"error":"server_error"}'), 'business', 'UNEXPECTED_RESPONSE', /server error .*HTTP 502/],
    ['empty 400', token(400, ''), 'business', 'UNEXPECTED_RESPONSE', /unexpected answer/],
  ];
  it.each(table)('%s', (_, failed, service, code, message, retryAfter) => {
    const error = tokenFailure(failed, service, NOW);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.retryAfter).toBe(retryAfter);
    expect(error.message).not.toMatch(/error_description|<script>|Sorry/);
  });
});

describe('apiFailure', () => {
  const table: [string, HttpResponse, string, RegExp, number?][] = [
    ['401 ErrorResponse', api(401, '{"errors":[{"status":"401","code":"NOT_AUTHORIZED","title":"t","detail":"d"}]}'), 'INVALID_CREDENTIALS', /refused the access token .*HTTP 401/],
    ['429 with seconds', api(429, '{"errors":[]}', { 'retry-after': '5' }), 'RATE_LIMITED', /api-business\.apple\.com is rate-limiting API calls; try again in 5 s/, 5],
    ['HTML error page', api(403, '<!DOCTYPE html><title>x</title>'), 'UNEXPECTED_RESPONSE', /web page instead of API data \(HTTP 403\)/],
    ['server error', api(500, '{"errors":[]}'), 'UNEXPECTED_RESPONSE', /server error/],
    ['404', api(404, '{"errors":[]}'), 'UNEXPECTED_RESPONSE', /unexpected answer to the MDM server list \(HTTP 404\)/],
  ];
  it.each(table)('%s', (_, failed, code, message, retryAfter) => {
    const error = apiFailure(failed, 'the MDM server list', NOW);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.retryAfter).toBe(retryAfter);
  });
});
