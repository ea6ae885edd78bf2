import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMocksWithClient } from '../helpers/mock-fetch';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(() => env.close());

it('routes a vendor hostname to the mock server and answers 404 for unknown paths', async () => {
  const response = await env.http('https://nowhere.example.test/unknown');
  expect(response.status).toBe(404);
  expect(env.server.requests.at(-1)?.host).toBe('nowhere.example.test');
});
