// api-business.apple.com / api-school.apple.com: the two list calls Keyhold makes, JSON:API
// bodies per Apple's MdmServersResponse / OrgDevicesResponse, errors per ErrorResponse (status
// as a string). Error codes follow Apple's API family style; the exact strings are unconfirmed.
import { randomUUID } from 'node:crypto';
import { bearer, json, type MockRequest, type MockResponse } from '../server';
import { INVENTORY_DATES, MDM_SERVERS, ORG_DEVICES, VIEW_DEVICES, type AppleKind, type AppleState } from './state';

const MAX_LIMIT = 1000;
const ALLOWED_PARAMS: Record<string, string[]> = {
  mdmServers: ['limit', 'cursor', 'fields[mdmServers]'],
  orgDevices: ['limit', 'cursor', 'fields[orgDevices]'],
};

export function apiError(status: number, code: string, title: string, detail: string, parameter?: string): MockResponse {
  const error: Record<string, unknown> = { id: randomUUID(), status: String(status), code, title, detail };
  if (parameter) error.source = { parameter };
  return json(status, { errors: [error] });
}

export function handleApi(request: MockRequest, state: AppleState, kind: AppleKind): MockResponse {
  const match = /^\/v1\/(mdmServers|orgDevices)$/.exec(request.path);
  if (!match) return apiError(404, 'NOT_FOUND', 'The specified resource does not exist.', `There is no resource at ${request.path}.`);
  const resource = match[1] as 'mdmServers' | 'orgDevices';
  if (request.method !== 'GET') {
    return apiError(405, 'METHOD_NOT_ALLOWED', 'The request method is not allowed.', `${request.method} is not allowed on /v1/${resource}.`);
  }

  const token = bearer(request);
  const issued = token ? state.tokens.get(token) : undefined;
  const account = issued && state.accounts.find((candidate) => candidate.id === issued.accountId);
  if (!issued || !account || issued.expiresAt <= Date.now() || issued.kind !== kind || account.keyId !== issued.keyId) {
    return apiError(401, 'NOT_AUTHORIZED', 'Authentication credentials are missing or invalid.', 'Provide a valid access token in the Authorization header.');
  }
  if (account.kind === 'business' && !account.permissions.includes(VIEW_DEVICES)) {
    return apiError(403, 'FORBIDDEN_ERROR', 'This request is forbidden for security reasons.', 'The API account does not have the permission this request needs.');
  }

  for (const name of request.query.keys()) {
    if (!ALLOWED_PARAMS[resource].includes(name)) {
      return apiError(400, 'PARAMETER_ERROR.ILLEGAL', 'A parameter is not allowed for this request.', `The parameter ${name} is not allowed.`, name);
    }
  }
  const limitText = request.query.get('limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!/^\d+$/.test(limitText ?? '100') || limit < 1 || limit > MAX_LIMIT) {
    return apiError(400, 'PARAMETER_ERROR.INVALID', 'A parameter has an invalid value.', `limit must be a whole number from 1 to ${MAX_LIMIT}.`, 'limit');
  }
  const cursorText = request.query.get('cursor');
  const offset = cursorText === null ? 0 : Number.parseInt(Buffer.from(cursorText, 'base64url').toString('utf8'), 10);
  if (!Number.isInteger(offset) || offset < 0) {
    return apiError(400, 'PARAMETER_ERROR.INVALID', 'A parameter has an invalid value.', 'The cursor is not valid.', 'cursor');
  }

  const base = `https://${request.host}/v1`;
  const all = resource === 'mdmServers' ? mdmServers(base) : orgDevices(base);
  const page = all.slice(offset, offset + limit);
  const self = `${base}/${resource}${queryString(request.query)}`;
  const nextOffset = offset + limit < all.length ? offset + limit : undefined;
  const nextCursor = nextOffset === undefined ? undefined : Buffer.from(String(nextOffset)).toString('base64url');
  const links: Record<string, string> = { self };
  if (nextCursor) links.next = `${base}/${resource}?limit=${limit}&cursor=${nextCursor}`;
  const paging: Record<string, unknown> = { total: all.length, limit };
  if (nextCursor) paging.nextCursor = nextCursor;
  return json(200, { data: page, links, meta: { paging } });
}

function queryString(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

function mdmServers(base: string) {
  return MDM_SERVERS.map((server) => ({
    type: 'mdmServers',
    id: server.id,
    attributes: {
      serverName: server.serverName,
      serverType: server.serverType,
      createdDateTime: INVENTORY_DATES.created,
      updatedDateTime: INVENTORY_DATES.updated,
    },
    relationships: {
      devices: { links: { self: `${base}/mdmServers/${server.id}/relationships/devices` } },
    },
  }));
}

function orgDevices(base: string) {
  // `server` only feeds the fixture console's device list.
  return ORG_DEVICES.map(({ server: _server, ...device }) => ({
    type: 'orgDevices',
    id: device.serialNumber,
    attributes: {
      ...device,
      addedToOrgDateTime: INVENTORY_DATES.created,
      orderDateTime: '2024-02-27T00:00:00.000Z',
      updatedDateTime: INVENTORY_DATES.updated,
    },
    relationships: {
      assignedServer: {
        links: {
          self: `${base}/orgDevices/${device.serialNumber}/relationships/assignedServer`,
          related: `${base}/orgDevices/${device.serialNumber}/assignedServer`,
        },
      },
    },
    links: { self: `${base}/orgDevices/${device.serialNumber}` },
  }));
}
