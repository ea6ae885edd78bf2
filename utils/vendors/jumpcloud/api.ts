// The JumpCloud calls both credential types share: the read probes on the console API, the
// multi-tenant organization dance, and the reading of failures. Messages are Keyhold's words;
// only fixed, known codes from a response are ever named in them.
import { KeyholdError } from '../../errors';
import { classifyFailure, requireJson, safeHost, type HttpResponse } from '../../http/http-client';
import type { TestRecorder } from '../test-recorder';
import { untrustedText } from '../../untrusted-text';
import type { TestContext } from '../types';
import { t } from '../../i18n/translate';
import { consoleOrigin, oauthOrigin, regionName, type Region } from './regions';

export type Holder = 'api-key' | 'service-account';

export interface ReadTarget {
  region: Region;
  /** x-api-key or Authorization: Bearer. */
  auth: Record<string, string>;
  orgId?: string;
  holder: Holder;
}

export interface ReadResult {
  users: number;
  groups: boolean;
}

export interface Organization {
  id: string;
  name: string;
}

/** How many organizations one test lists for the picker (JumpCloud's page size limit). */
export const ORGANIZATION_PAGE = 100;

const ok = (response: HttpResponse) => response.status >= 200 && response.status < 300;

/** The `message` of a JumpCloud error body, for matching only (never shown). */
function errorMessage(response: HttpResponse): string {
  const body = response.json as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : '';
}

/** List one user (the cheap test), then one device group (a second permission row). */
export async function readProbes(target: ReadTarget, ctx: TestContext, recorder: TestRecorder): Promise<ReadResult> {
  const base = consoleOrigin(target.region);
  const headers = target.orgId ? { ...target.auth, 'x-org-id': target.orgId } : target.auth;

  const users = await recorder.step(t('vendor.step.listUsers'), () => ctx.http(`${base}/api/systemusers?limit=1&skip=0`, { headers }));
  if (!ok(users)) throw await usersFailure(users, target, ctx, recorder);
  const list = requireJson(users, t('vendor.request.userList')) as { totalCount?: unknown; results?: unknown };
  if (typeof list !== 'object' || list === null || typeof list.totalCount !== 'number' || !Array.isArray(list.results)) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jumpcloud.error.usersUnreadable', [safeHost(users.url)]));
  }
  recorder.permission('Read users', true);

  const groups = await recorder.step(t('vendor.step.listGroups'), () => ctx.http(`${base}/api/v2/systemgroups?limit=1`, { headers }));
  let groupsGranted = false;
  if (ok(groups)) {
    if (!Array.isArray(requireJson(groups, t('vendor.request.deviceGroupList')))) {
      throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jumpcloud.error.groupsUnreadable', [safeHost(groups.url)]));
    }
    groupsGranted = true;
  } else if (groups.status !== 401 && groups.status !== 403) {
    throw classifyFailure(groups, t('vendor.request.deviceGroupList'));
  }
  // A refused second probe is a permission the role lacks, not a failed test.
  recorder.permission('Read device groups', groupsGranted);
  return { users: list.totalCount, groups: groupsGranted };
}

/**
 * What JumpCloud's answer says about the organization (x-org-id), by status first, so it holds
 * whatever the wording: the API reference lists 400 "Malformed ID.", 400 "x-org-id and
 * Organization path ID do not match.", 401 "ID not included for multi-tenant admin" and 404
 * "Organization ID Not Found." (shared/specs/jumpcloud, "Multi-Tenant Organization API Headers").
 * Keyhold's probes have no other parameter a 400 or 404 could be about.
 */
export type OrganizationProblem = 'missing' | 'malformed' | 'not-found' | 'unreachable';

function organizationProblem(response: HttpResponse, target: ReadTarget): OrganizationProblem | undefined {
  if (!target.orgId) {
    return response.status === 401 && /no organization selected|id not included/i.test(errorMessage(response)) ? 'missing' : undefined;
  }
  if (response.status === 404 && !response.isHtml) return 'not-found';
  if (response.status === 400) return /do not match/i.test(errorMessage(response)) ? 'not-found' : 'malformed';
  return response.status === 401 ? 'unreachable' : undefined;
}

async function usersFailure(response: HttpResponse, target: ReadTarget, ctx: TestContext, recorder: TestRecorder): Promise<KeyholdError> {
  const host = safeHost(response.url);
  const key = target.holder === 'api-key';
  const problem = organizationProblem(response, target);
  if (problem) recorder.details.organizationProblem = problem;
  if (problem === 'missing') {
    const orgs = await listOrganizations(target, ctx, recorder);
    return new KeyholdError(
      'ORGANIZATION_REQUIRED',
      orgs?.length
        ? t(key ? 'vendor.jumpcloud.error.orgPickKey' : 'vendor.jumpcloud.error.orgPickSa', [String(orgs.length)])
        : t(key ? 'vendor.jumpcloud.error.orgEnterKey' : 'vendor.jumpcloud.error.orgEnterSa'),
    );
  }
  if (problem === 'malformed' || problem === 'not-found') {
    const orgs = await listOrganizations(target, ctx, recorder);
    const orgId = target.orgId ?? '';
    const status = String(response.status);
    const count = String(orgs?.length ?? 0);
    const message =
      problem === 'malformed'
        ? orgs?.length
          ? t(key ? 'vendor.jumpcloud.error.malformedPickKey' : 'vendor.jumpcloud.error.malformedPickSa', [orgId, count])
          : t('vendor.jumpcloud.error.malformedCheck', [orgId])
        : orgs?.length
          ? t(key ? 'vendor.jumpcloud.error.notFoundPickKey' : 'vendor.jumpcloud.error.notFoundPickSa', [orgId, status, count])
          : t('vendor.jumpcloud.error.notFoundCheck', [orgId, status]);
    return new KeyholdError('ORGANIZATION_REQUIRED', message);
  }
  if (problem === 'unreachable') {
    // With an organization set, a 401 can mean "valid key, wrong organization": listing the
    // organizations without one tells the two apart and gives the admin the right choices.
    const orgs = await listOrganizations(target, ctx, recorder);
    if (orgs && !orgs.some((org) => org.id === target.orgId)) {
      return new KeyholdError(
        'ORGANIZATION_REQUIRED',
        t(key ? 'vendor.jumpcloud.error.unreachableKey' : 'vendor.jumpcloud.error.unreachableSa', [
          target.orgId ?? '',
          String(orgs.length),
        ]),
      );
    }
    delete recorder.details.organizationProblem;
  }
  if (response.status === 401) return rejected(target, host);
  if (response.status === 403) {
    return new KeyholdError(
      'PERMISSION_DENIED',
      t(key ? 'vendor.jumpcloud.error.usersForbiddenKey' : 'vendor.jumpcloud.error.usersForbiddenSa', [host]),
    );
  }
  return classifyFailure(response, t('vendor.request.userList'));
}

/** GET /api/organizations without x-org-id; fills details.organizations. Null when it fails. */
async function listOrganizations(target: ReadTarget, ctx: TestContext, recorder: TestRecorder): Promise<Organization[] | null> {
  let response: HttpResponse;
  try {
    response = await recorder.step(t('vendor.step.listOrganizations'), () =>
      ctx.http(`${consoleOrigin(target.region)}/api/organizations?limit=${ORGANIZATION_PAGE}&skip=0`, { headers: target.auth }),
    );
  } catch {
    return null;
  }
  const body = ok(response) ? (response.json as { totalCount?: unknown; results?: unknown } | undefined) : undefined;
  if (!body || !Array.isArray(body.results)) return null;
  const orgs = body.results
    .filter((org): org is { _id: string; displayName?: unknown } => typeof org?._id === 'string' && /^[0-9a-f]{24}$/i.test(org._id))
    .map((org) => ({ id: org._id.toLowerCase(), name: untrustedText(org.displayName) || org._id }));
  recorder.details.organizations = orgs;
  // The side panel offers `choice` generically: pick one, store it as orgId, test again.
  recorder.details.choice = { field: 'orgId', label: 'Organization', options: orgs.map((org) => ({ value: org.id, label: org.name })) };
  if (typeof body.totalCount === 'number' && body.totalCount > orgs.length) recorder.details.organizationsTotal = body.totalCount;
  return orgs;
}

/**
 * A 401 for a key or token JumpCloud does not know. A key from another region gets the same 401,
 * so the message names the region tried. Keyhold does not try the other regions to find out:
 * that would send the secret to hosts the admin did not choose, for a fact the admin can check.
 */
function rejected(target: ReadTarget, host: string): KeyholdError {
  const region = regionName(target.region);
  if (target.holder === 'api-key') {
    return new KeyholdError('INVALID_CREDENTIALS', t('vendor.jumpcloud.error.keyRejected', [host, region]));
  }
  return new KeyholdError('INVALID_CREDENTIALS', t('vendor.jumpcloud.error.tokenRefused', [host]));
}

/** Reading a failed token request (RFC 6749 error codes). */
export function tokenFailure(response: HttpResponse, region: Region): KeyholdError {
  const host = safeHost(response.url);
  if (response.status === 429 || response.status >= 500) return classifyFailure(response, t('vendor.request.token'));
  if (response.isHtml) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jumpcloud.error.tokenWebPage', [host, String(response.status)]));
  }
  const code = (response.json as { error?: unknown } | undefined)?.error;
  if (code === 'invalid_client' || code === 'unauthorized_client' || (response.status === 401 && code === undefined)) {
    return new KeyholdError('INVALID_CREDENTIALS', t('vendor.jumpcloud.error.saRejected', [host, regionName(region)]));
  }
  if (code === 'invalid_scope') {
    return new KeyholdError('PERMISSION_DENIED', t('vendor.jumpcloud.error.invalidScope', [host]));
  }
  if (code === 'invalid_request' || code === 'unsupported_grant_type' || code === 'invalid_grant') {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jumpcloud.error.badRequest', [host, String(code)]));
  }
  return classifyFailure(response, t('vendor.request.token'));
}

/** The token request's Basic credentials: RFC 6749 §2.3.1 form-encodes each part first. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return btoa(`${encode(clientId)}:${encode(clientSecret)}`);
}

export const tokenUrl = (region: Region) => `${oauthOrigin(region)}/oauth2/token`;

/** "listed users (12 in total) and device groups" / "…; its role cannot list device groups". */
/** "JumpCloud US" or "JumpCloud US (organization …)", in the admin's language. */
export function readPlace(region: string, orgId: string | undefined): string {
  return orgId ? t('vendor.jumpcloud.verdict.placeOrg', [region, orgId]) : t('vendor.jumpcloud.verdict.place', [region]);
}
