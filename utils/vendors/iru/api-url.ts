// Iru Endpoint (formerly Kandji) hosts. A tenant has a web console on <sub>.kandji.io,
// <sub>.eu.kandji.io or, once migrated, <sub>.iru.com / <sub>.eu.iru.com (EU), and an API host
// that puts ".api." after the tenant name. Pure string functions: the content script and the background both use them.

import { t } from '../../i18n/translate';

export type IruDomain = 'kandji.io' | 'eu.kandji.io' | 'iru.com' | 'eu.iru.com';

export interface IruTenant {
  sub: string;
  domain: IruDomain;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = '(kandji\\.io|eu\\.kandji\\.io|iru\\.com|eu\\.iru\\.com)';
const CONSOLE_HOST = new RegExp(`^(${LABEL})\\.${DOMAIN}$`);
const API_HOST = new RegExp(`^(${LABEL})\\.api\\.${DOMAIN}$`);

/** First labels of the vendors' own sites (marketing, docs, status, API roots), never a tenant. */
const RESERVED = new Set([
  'www',
  'api',
  'eu',
  'us',
  'app',
  'auth',
  'login',
  'id',
  'sso',
  'support',
  'docs',
  'api-docs',
  'status',
  'blog',
  'updates',
  'community',
  'help',
  'cdn',
  'static',
  'assets',
  'mail',
  'trust',
  'developer',
  'developers',
]);

function tenantOf(pattern: RegExp, host: string): IruTenant | null {
  const match = pattern.exec(host.toLowerCase());
  if (!match || RESERVED.has(match[1])) return null;
  return { sub: match[1], domain: match[2] as IruDomain };
}

/** The tenant of a web-console host (acme.kandji.io), or null (API hosts included). */
export function consoleTenant(host: string): IruTenant | null {
  return tenantOf(CONSOLE_HOST, host);
}

/** The tenant of an API host (acme.api.kandji.io), or null. */
export function apiTenant(host: string): IruTenant | null {
  return tenantOf(API_HOST, host);
}

/** The API URL that belongs to a console host: acme.eu.kandji.io → https://acme.api.eu.kandji.io. */
export function deriveApiUrl(consoleHost: string): string | null {
  const tenant = consoleTenant(consoleHost);
  return tenant ? `https://${tenant.sub}.api.${tenant.domain}` : null;
}

/** EU or US: the two domains of one region are the same tenant before and after the move to iru.com. */
export function regionOf(domain: IruDomain): 'EU' | 'US' {
  return domain.startsWith('eu.') ? 'EU' : 'US';
}

/**
 * Does this API URL belong to the tenant of this console host? Same tenant name and region; a
 * tenant moved to iru.com may still show its kandji.io API host (Iru's own docs do).
 */
export function apiUrlOfTenant(consoleHost: string, apiUrl: string): boolean {
  const page = consoleTenant(consoleHost);
  const normalised = normaliseApiUrl(apiUrl);
  const api = normalised ? apiTenant(new URL(normalised).hostname) : null;
  return !!page && !!api && page.sub === api.sub && regionOf(page.domain) === regionOf(api.domain);
}

/**
 * The API URL in its one stored form, `https://<sub>.api[.eu].kandji.io` or
 * `https://<sub>.api[.eu].iru.com`, from what an admin pastes or a page shows: with or without scheme,
 * trailing slash or the `/api/v1` suffix. Null when it is not an Iru API host.
 */
export function normaliseApiUrl(input: string): string | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '');
  const slash = text.indexOf('/');
  const authority = slash < 0 ? text : text.slice(0, slash);
  const rest = slash < 0 ? '' : text.slice(slash);
  if (!/^(\/api(\/v1)?)?\/?$/.test(rest)) return null;
  const host = authority.replace(/:443$/, '').replace(/\.$/, '');
  return apiTenant(host) ? `https://${host}` : null;
}

/** Why a pasted API URL was refused, in plain words (never echoing the input). */
export function explainApiUrl(input: string): string {
  const host = input
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .split(/[/?#]/)[0]
    .replace(/:443$/, '');
  if (consoleTenant(host)) {
    return t('vendor.iruValue.consoleAddress');
  }
  return t('vendor.iruValue.apiUrl');
}
