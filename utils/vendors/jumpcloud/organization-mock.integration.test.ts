// The strict JumpCloud mock answering a missing or wrong x-org-id as the API reference documents
// (organizationAnswers('documented')), against the real test(): each answer is named in the verdict.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { DOCUMENTED_ORGANIZATION_ANSWERS } from '../../../tests/mock-vendors/jumpcloud';
import type { TestContext } from '../types';
import { jumpcloudApiKey } from './api-key';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let ctx: TestContext;
beforeAll(async () => {
  env = await startMocksWithClient();
  ctx = { http: env.http, now: () => Date.now() };
});
afterAll(() => env.close());
beforeEach(() => {
  env.jumpcloud.reset();
  env.jumpcloud.organizationAnswers('documented');
});

describe('documented organization answers', () => {
  it('the mock answers as documented', async () => {
    const { key } = env.jumpcloud.addApiKey({ multiTenant: true, orgs: 2 });
    const get = (orgId?: string) =>
      env.http('https://console.jumpcloud.com/api/systemusers?limit=1&skip=0', {
        headers: { 'x-api-key': key, ...(orgId ? { 'x-org-id': orgId } : {}) },
      });
    expect([(await get()).status, (await get()).json]).toEqual([401, DOCUMENTED_ORGANIZATION_ANSWERS.missing]);
    expect([(await get('ffffffffffffffffffffffff')).status, (await get('ffffffffffffffffffffffff')).json]).toEqual([
      404,
      DOCUMENTED_ORGANIZATION_ANSWERS.notFound,
    ]);
    expect([(await get('xyz')).status, (await get('xyz')).json]).toEqual([400, DOCUMENTED_ORGANIZATION_ANSWERS.malformed]);
  });

  it('no organization: "missing", with the organizations to pick from', async () => {
    const { key, orgs } = env.jumpcloud.addApiKey({ multiTenant: true, orgs: 3 });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED', details: { organizationProblem: 'missing' } });
    expect(report.details?.organizations).toHaveLength(orgs.length);
  });

  it('an organization JumpCloud does not know: "not-found" (404), then works with one it lists', async () => {
    const { key, orgs } = env.jumpcloud.addApiKey({ multiTenant: true, orgs: 2 });
    const report = await jumpcloudApiKey.test({ apiKey: key, region: 'us', orgId: 'ffffffffffffffffffffffff' }, ctx);
    expect(report).toMatchObject({ ok: false, code: 'ORGANIZATION_REQUIRED', details: { organizationProblem: 'not-found' } });
    expect(report.message).toMatch(/has no organization ffffffffffffffffffffffff \(HTTP 404, organization not found\)\. Pick one of the 2/);
    expect((await jumpcloudApiKey.test({ apiKey: key, region: 'us', orgId: orgs[0].id }, ctx)).ok).toBe(true);
  });
});
