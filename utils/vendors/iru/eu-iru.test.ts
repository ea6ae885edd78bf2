// @vitest-environment happy-dom
// Iru EU tenants on iru.com (issue #15): console <tenant>.eu.iru.com, API <tenant>.api.eu.iru.com,
// in detection, capture (the API URL read from the page), the values schema and the host lists.
import { describe, expect, it } from 'vitest';
import { consoleExcludeMatches, consoleHostPermissions } from '../hosts';
import { validateValues } from '../validate-values';
import { iruApiToken } from './api-token';
import { iruConsole } from './console';
import { createTenant } from '../../../tests/mock-vendors/iru/state';
import { tokensPage } from '../../../tests/mock-vendors/iru/pages';

const TOKEN = '6f1c2b7e-93a4-4d0b-8e55-0a1b2c3d4e5f';

/** Chrome's match-pattern rule for a host wildcard: "*.x" matches x and any subdomain of it. */
function hostMatches(pattern: string, host: string): boolean {
  const patternHost = new URL(pattern.replace('*.', 'wildcard.')).hostname.replace(/^wildcard\./, '');
  return host === patternHost || host.endsWith(`.${patternHost}`);
}

describe('Iru EU on iru.com', () => {
  it('detects the console with its EU API URL and region', () => {
    expect(iruConsole.detect(new URL('https://acme.eu.iru.com/access/api-tokens'))).toEqual({
      consoleId: 'iru',
      tenant: 'acme.eu.iru.com',
      hints: { subdomain: 'acme', apiUrl: 'https://acme.api.eu.iru.com', region: 'EU' },
    });
    expect(iruConsole.detect(new URL('https://acme.api.eu.iru.com/api/v1/devices'))).toBeNull();
    expect(iruConsole.detect(new URL('https://eu.iru.com/'))).toBeNull();
  });

  it('accepts the EU API URL in the values schema (the add-by-hand form)', () => {
    expect(validateValues(iruApiToken, { apiUrl: 'acme.api.eu.iru.com', token: TOKEN })).toEqual({
      apiUrl: 'https://acme.api.eu.iru.com',
      token: TOKEN,
    });
    expect(iruApiToken.origins({ apiUrl: 'https://acme.api.eu.iru.com', token: TOKEN })).toEqual(['https://acme.api.eu.iru.com']);
    expect(iruApiToken.recognisesPasted!('https://acme.api.eu.iru.com/api/v1')).toBe(true);
  });

  it('runs the content script on the EU console but not on the EU API host, and has host permission for both', () => {
    const runs = (host: string) =>
      consoleHostPermissions.some((p) => hostMatches(p, host)) && !consoleExcludeMatches.some((p) => hostMatches(p, host));
    expect(runs('acme.eu.iru.com')).toBe(true);
    expect(runs('acme.api.eu.iru.com')).toBe(false);
    expect(consoleHostPermissions.some((p) => hostMatches(p, 'acme.api.eu.iru.com'))).toBe(true);
  });

  it('captures the token with the API URL the EU page states', () => {
    const tenant = createTenant('acme', 'eu.iru.com');
    const doc = new DOMParser().parseFromString(tokensPage(tenant, [], 'input'), 'text/html');
    expect(doc.body.textContent).toContain('acme.api.eu.iru.com');
    const template = doc.getElementById('tpl-token-input') as HTMLTemplateElement;
    const dialog = template.content.firstElementChild!.cloneNode(true) as Element;
    (dialog.querySelector('[data-slot="token"]') as HTMLInputElement).value = TOKEN;
    doc.getElementById('modal-root')!.replaceChildren(dialog);
    const [found] = iruConsole.recognise(new URL('https://acme.eu.iru.com/access/api-tokens'), doc);
    expect(found.values).toMatchObject({ apiUrl: 'https://acme.api.eu.iru.com', token: TOKEN });
  });
});
