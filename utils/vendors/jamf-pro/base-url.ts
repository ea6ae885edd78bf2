// Jamf Pro base URLs: the https origin (a non-default port kept) plus an optional context path
// (self-hosted Tomcat installs often live under /jamf). No DOM, no dependencies: the content
// script, the values schema and the background read Jamf addresses the same way. The reasons come
// from locales/*.yml; the content script never normalises, so t() stays out of it (measured).
import { t } from '../../i18n/translate';

const CLOUD_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.jamfcloud\.com$/;

/** Legacy (pre-Angular) pages that Jamf Pro still serves at the context root. */
const LEGACY_PAGE =
  /^(?:index|dashboard|computers|mobileDevices|users|policies|patch|accounts|categories|sites|smartComputerGroups|staticComputerGroups|smartMobileDeviceGroups|staticMobileDeviceGroups|OSXConfigurationProfiles|iOSConfigurationProfiles|macApps|mobileDeviceApps|advancedComputerSearches|computerEnrollmentPrestage|legacySettings|logout)\.html$/;

/** A single-label Jamf Cloud instance host such as acme.jamfcloud.com. */
export function isJamfCloudHost(hostname: string): boolean {
  return CLOUD_HOST.test(hostname.toLowerCase());
}

/**
 * The context path in front of a Jamf Pro page or API path ('' at the server root), or null when
 * the path carries no Jamf marker: `/view/…` (the current UI), a legacy `*.html` page, or `/api…`.
 */
export function contextPathOf(pathname: string): string | null {
  const view = /^(.*?)\/view(?:\/|$)/.exec(pathname);
  if (view) return view[1];
  const api = /^(.*?)\/api(?:\/|$)/.exec(pathname);
  if (api) return api[1];
  const slash = pathname.lastIndexOf('/');
  if (LEGACY_PAGE.test(pathname.slice(slash + 1))) return pathname.slice(0, slash);
  return null;
}

/**
 * The base URL of the Jamf Pro server a page belongs to. Jamf Cloud lives at the origin; a
 * self-hosted page needs a marker in its path, else the document's `<base href>` (the Angular UI
 * sets it to the context root), else the server root itself.
 */
export function baseUrlOfPage(url: URL, doc?: Document): string | null {
  if (isJamfCloudHost(url.hostname)) return url.origin;
  let context = contextPathOf(url.pathname);
  if (context === null) {
    const href = doc?.querySelector('base[href]')?.getAttribute('href');
    const basePath = href ? safePath(href, url) : null;
    if (basePath !== null && (url.pathname + '/').startsWith(basePath + '/')) context = basePath;
    else if (url.pathname === '/') context = '';
  }
  return context === null ? null : url.origin + context;
}

function safePath(href: string, page: URL): string | null {
  try {
    const resolved = new URL(href, page);
    return resolved.origin === page.origin ? resolved.pathname.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

export type NormalisedBaseUrl = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Normalise what an admin typed or a page showed: https only, no credentials, query or fragment;
 * a console page or API URL is cut back to its base; trailing slashes go.
 */
export function normaliseBaseUrl(input: string): NormalisedBaseUrl {
  const text = input.trim();
  if (!text) return { ok: false, reason: t('vendor.baseUrl.enter') };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, reason: t('vendor.baseUrl.invalid') };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, reason: t('vendor.baseUrl.https') };
  }
  if (url.username || url.password) return { ok: false, reason: t('vendor.baseUrl.credentials') };
  if (url.search || url.hash || /[?#]/.test(text)) {
    return { ok: false, reason: t('vendor.baseUrl.queryOrHash') };
  }
  const path = url.pathname.replace(/\/+$/, '');
  const context = contextPathOf(path) ?? path;
  if (!/^(?:\/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)*$/.test(context) || /(?:^|\/)\.\.?(?:\/|$)/.test(context)) {
    return { ok: false, reason: t('vendor.baseUrl.contextPath') };
  }
  return { ok: true, value: `https://${url.host}${context}` };
}
