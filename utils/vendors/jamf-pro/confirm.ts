// Is a self-hosted server really Jamf Pro? The background asks once the admin has granted the
// origin: Jamf's version endpoint refuses an unauthenticated call with Jamf's own error envelope,
// which a random web server does not imitate. No fetch in console.ts, so this lives apart.
import type { HttpClient } from '../../http/http-client';
import { isJamfEnvelope } from './api-test';

const CONFIRM_TIMEOUT_MS = 10_000;

/**
 * `base` is the server's base URL (origin plus context path, e.g. from detect()'s hints.baseUrl).
 * True only for a 401 carrying `{httpStatus: 401, errors: [...]}`; false for anything else,
 * including an unreachable server.
 */
export async function confirmJamfPro(base: string, http: HttpClient): Promise<boolean> {
  try {
    const response = await http(`${base.replace(/\/+$/, '')}/api/v1/jamf-pro-version`, { timeoutMs: CONFIRM_TIMEOUT_MS });
    return response.status === 401 && isJamfEnvelope(response.json) && response.json.httpStatus === 401;
  } catch {
    return false;
  }
}
