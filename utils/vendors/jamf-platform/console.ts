// Jamf Account in the page: a new Platform API integration's client ID and secret (shown once),
// with the region from the token URL the panel shows (https://<region>.api.jamfcloud.com/auth/token)
// and the environment or tenant UUID when the panel names it. Language-free first: the token URL
// places the panel and names the region, the two other values are the client ID then the secret;
// labels are one signal. What the page does not show is asked in the side panel. DOM-only.
import type { Recognition, VendorConsole } from '../types';
import { isShown, labelledValues, valueOf } from '../jamf-pro/dom';
import { jamfPlatformDetector, regionOfUrl } from './detect';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isValue = (value: string) =>
  /^[\x21-\x7e]{8,512}$/.test(value) && !/^https?:/i.test(value) && !UUID.test(value) && !/^(.)\1+$/.test(value);
const isId = (value: string) => /^[\x21-\x7e]{1,512}$/.test(value) && !/^https?:/i.test(value);

function shownValues(root: Element): Element[] {
  return [...root.querySelectorAll('input,textarea,code,output,pre,[data-value]')].filter(
    (el) => isShown(el) && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.children.length === 0) && valueOf(el) !== '',
  );
}

/** The panel that shows the new credential: the container of a gateway URL that also holds values. */
function credentialPanel(doc: Document): { panel: Element; region: string | null } | null {
  const url = shownValues(doc.body).find((el) => regionOfUrl(valueOf(el)));
  if (!url) return null;
  let node: Element | null = url.parentElement;
  for (let depth = 0; node && depth < 8; depth++, node = node.parentElement) {
    if (shownValues(node).filter((el) => isValue(valueOf(el))).length >= 2) return { panel: node, region: regionOfUrl(valueOf(url)) };
  }
  return null;
}

export function recognise(url: URL, doc: Document): Recognition[] {
  if (!jamfPlatformDetector.detect(url) || !doc.body) return [];
  const found = credentialPanel(doc);
  const scope = found?.panel ?? doc.body;
  let secret = labelledValues(scope, /^client secret:?$/i, isValue)[0];
  let clientId = labelledValues(scope, /^client id:?$/i, isId)[0];
  if (found && (!secret || !clientId)) {
    const values = shownValues(found.panel).filter((el) => isValue(valueOf(el)));
    if (values.length === 2) [clientId, secret] = [clientId ?? values[0], secret ?? values[1]];
  }
  if (!secret || !clientId || secret === clientId) return [];
  const values: Record<string, string> = { clientId: valueOf(clientId), clientSecret: valueOf(secret) };
  if (found?.region) values.region = found.region;
  const environment = labelledValues(scope, /environment(?: id)?:?$/i, (value) => UUID.test(value))[0];
  const tenant = labelledValues(scope, /tenant(?: id)?:?$/i, (value) => UUID.test(value))[0];
  if (environment && !tenant) values.environmentId = valueOf(environment).toLowerCase();
  if (tenant && !environment) values.tenantId = valueOf(tenant).toLowerCase();
  return [{ type: 'jamf-platform', anchor: secret, values }];
}

export const jamfPlatformConsole: VendorConsole = {
  ...jamfPlatformDetector,
  currentStep(url, doc) {
    if (recognise(url, doc).length) return 'capture';
    if (/integrations?\/(?:new|create)/i.test(url.pathname)) return 'create';
    return /integrations?/i.test(url.pathname) ? 'integrations' : 'open-integrations';
  },
  recognise,
};
