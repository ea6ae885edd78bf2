// Multi-tenant keys: JumpCloud's documented answers for a missing or wrong organization (API
// reference, "Multi-Tenant Organization API Headers": 400 Malformed ID, 400 x-org-id and
// Organization path ID do not match, 401 ID not included for multi-tenant admin, 404 Organization
// ID Not Found), recognised by status whatever the wording, and named in the verdict.
import { describe, expect, it } from 'vitest';
import type { HttpClient, HttpResponse } from '../../http/http-client';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

const KEY = 'jca_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78';
const ORG = '5f91c8695e980f0001c44611';
const WRONG = '64b7f0c2a1b2c3d4e5f60799';
const orgs = {
  status: 200,
  body: {
    totalCount: 2,
    results: [
      { _id: ORG, displayName: 'Acme' },
      { _id: 'aaaaaaaaaaaaaaaaaaaaaaaa', displayName: 'Globex' },
    ],
  },
};

function fake(routes: Record<string, { status: number; body?: unknown }>) {
  const calls: string[] = [];
  const http: HttpClient = async (url, request) => {
    calls.push(`${new URL(url).pathname} ${request?.headers?.['x-org-id'] ?? '-'}`);
    const canned = routes[new URL(url).pathname];
    if (!canned) throw new Error(`unexpected call to ${url}`);
    const text = canned.body === undefined ? '' : JSON.stringify(canned.body);
    return { url, status: canned.status, headers: new Headers(), text, ms: 1, json: canned.body, isHtml: false } satisfies HttpResponse;
  };
  return { calls, ctx: { http, now: () => Date.now() } };
}

describe('organization problems', () => {
  it.each([
    [
      'documented 401 for a missing ID',
      undefined,
      { status: 401, body: { message: 'ID not included for multi-tenant admin' } },
      'missing',
      /belongs to a multi-tenant admin.*Pick one of the 2/,
    ],
    [
      'older 401 for a missing ID',
      undefined,
      { status: 401, body: { message: 'Unauthorized: no organization selected' } },
      'missing',
      /belongs to a multi-tenant admin/,
    ],
    [
      'documented 400 Malformed ID',
      WRONG,
      { status: 400, body: { message: 'Malformed ID.' } },
      'malformed',
      /did not accept 64b7f0c2a1b2c3d4e5f60799 as an organization ID \(HTTP 400, malformed ID\)\. Pick one of the 2/,
    ],
    [
      'documented 400 path mismatch',
      WRONG,
      { status: 400, body: { message: 'x-org-id and Organization path ID do not match.' } },
      'not-found',
      /has no organization 64b7f0c2a1b2c3d4e5f60799/,
    ],
    [
      'documented 404 Organization ID Not Found',
      WRONG,
      { status: 404, body: { message: 'Organization ID Not Found.' } },
      'not-found',
      /has no organization 64b7f0c2a1b2c3d4e5f60799 \(HTTP 404, organization not found\)\. Pick one of the 2/,
    ],
    [
      'a 404 in another language',
      WRONG,
      { status: 404, body: { message: 'ID d’organisation introuvable.' } },
      'not-found',
      /organization not found/,
    ],
    ['a 404 without a body', WRONG, { status: 404 }, 'not-found', /organization not found/],
    ['a 400 without a body', WRONG, { status: 400 }, 'malformed', /malformed ID/],
    [
      'older 401 for an organization the key cannot reach',
      WRONG,
      { status: 401, body: { message: 'Unauthorized' } },
      'unreachable',
      /cannot reach organization 64b7f0c2a1b2c3d4e5f60799/,
    ],
  ] as const)('%s → %s', async (_name, orgId, answer, problem, message) => {
    const { ctx, calls } = fake({ '/api/systemusers': answer, '/api/organizations': orgs });
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'us', ...(orgId ? { orgId } : {}) }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED', details: { organizationProblem: problem } });
    expect(report.message).toMatch(message);
    expect(report.message).not.toMatch(/Malformed ID\.|Not Found\.|introuvable|not included/);
    expect(report.details?.choice).toMatchObject({ field: 'orgId' });
    expect(calls).toEqual([`/api/systemusers ${orgId ?? '-'}`, '/api/organizations -']);
  });

  it('says to check the ID when the organizations cannot be listed', async () => {
    const { ctx } = fake({
      '/api/systemusers': { status: 404, body: { message: 'Organization ID Not Found.' } },
      '/api/organizations': { status: 403 },
    });
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'eu', orgId: WRONG }, ctx);
    expect(report.message).toMatch(/Check the organization ID in the Multi-Tenant Portal/);
  });

  it('a 404 without an organization set is not an organization problem', async () => {
    const { ctx } = fake({ '/api/systemusers': { status: 404, body: { message: 'Not Found' } } });
    const report = await jumpcloudApiKey.test({ apiKey: KEY, region: 'us' }, ctx);
    expect(report.code).not.toBe('ORGANIZATION_REQUIRED');
    expect(report.details?.organizationProblem).toBeUndefined();
  });

  it('the service account path reads the same answers', async () => {
    const { ctx } = fake({
      '/oauth2/token': { status: 200, body: { access_token: 'tok', token_type: 'bearer', expires_in: 3600, scope: 'api' } },
      '/api/systemusers': { status: 404, body: { message: 'Organization ID Not Found.' } },
      '/api/organizations': orgs,
    });
    const report = await jumpcloudServiceAccount.test(
      { clientId: 'sa_0123456789abcdef01234567', clientSecret: 'Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb', region: 'us', orgId: WRONG },
      ctx,
    );
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED', details: { organizationProblem: 'not-found' } });
  });
});
