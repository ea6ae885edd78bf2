// @vitest-environment happy-dom
// The Protect recogniser: the creation view's password and client ID, found by the endpoint URLs
// and the value layout (labels in any language), never on a page that merely lists clients.
import { beforeEach, describe, expect, it } from 'vitest';
import { jamfProtectConsole } from './console';

const URL_NEW = new URL('https://acme.protect.jamfcloud.com/administrative/api-clients/new');
const view = (idLabel: string, pwLabel: string) => `
<section><h2>API Client Configuration</h2>
<div><span>${idLabel}</span><input readonly value="Xk2mP9qR4tLw"></div>
<div><span>${pwLabel}</span><input readonly value="Pw-7hG2kQ9xN4mB8vC1zR5tY"><button>Copy</button></div></section>
<section><h2>Token and API Endpoints</h2><div><span>Token</span><code>https://acme.protect.jamfcloud.com/token</code></div>
<div><span>API</span><code>https://acme.protect.jamfcloud.com/graphql</code></div></section>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Jamf Protect recogniser', () => {
  it.each([
    ['English labels', 'Client ID', 'Password'],
    ['German labels', 'Client-ID', 'Passwort'],
    ['no labels', '', ''],
  ])('finds the client ID and password (%s)', (_name, idLabel, pwLabel) => {
    document.body.innerHTML = `<main>${view(idLabel, pwLabel)}</main>`;
    const [found] = jamfProtectConsole.recognise(URL_NEW, document);
    expect(found.values).toEqual({
      protectUrl: 'https://acme.protect.jamfcloud.com',
      clientId: 'Xk2mP9qR4tLw',
      password: 'Pw-7hG2kQ9xN4mB8vC1zR5tY',
    });
    expect((found.anchor as HTMLInputElement).value).toBe('Pw-7hG2kQ9xN4mB8vC1zR5tY');
    expect(jamfProtectConsole.currentStep(URL_NEW, document)).toBe('capture');
  });

  it('ignores the client list and pages of other hosts', () => {
    document.body.innerHTML = '<table><tr><td>SIEM</td><td><code>Xk2mP9qR4tLw</code></td></tr></table>';
    expect(jamfProtectConsole.recognise(new URL('https://acme.protect.jamfcloud.com/administrative/api-clients'), document)).toEqual([]);
    expect(jamfProtectConsole.currentStep(new URL('https://acme.protect.jamfcloud.com/administrative/api-clients'), document)).toBe(
      'api-clients',
    );
    document.body.innerHTML = view('Client ID', 'Password');
    expect(jamfProtectConsole.recognise(new URL('https://acme.jamfcloud.com/'), document)).toEqual([]);
  });
});
