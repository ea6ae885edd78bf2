// @vitest-environment happy-dom
// The Jamf Account recogniser: the client ID and secret in the panel that shows the token URL,
// the region from that URL, the environment or tenant ID where the panel names it.
import { beforeEach, describe, expect, it } from 'vitest';
import { jamfPlatformConsole } from './console';

const PAGE = new URL('https://account.jamf.com/integrations/new');
const ENV = '6e1c9d8f-3a2b-4d4c-8f9e-8b7c6d5e4f30';
const panel = (labels: [string, string, string], scope = '') => `<div role="dialog">
<div><span>${labels[0]}</span><input readonly value="plt-client-1"></div>
<div><span>${labels[1]}</span><input readonly value="sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY"></div>
<div><span>${labels[2]}</span><code>https://eu.api.jamfcloud.com/auth/token</code></div>${scope}</div>`;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Jamf Account recogniser', () => {
  it('reads client ID, secret, region and the environment ID', () => {
    document.body.innerHTML = panel(
      ['Client ID', 'Client Secret', 'Token URL'],
      `<div><span>Environment ID</span><code>${ENV.toUpperCase()}</code></div>`,
    );
    const [found] = jamfPlatformConsole.recognise(PAGE, document);
    expect(found.values).toEqual({
      clientId: 'plt-client-1',
      clientSecret: 'sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY',
      region: 'eu',
      environmentId: ENV,
    });
    expect(jamfPlatformConsole.currentStep(PAGE, document)).toBe('capture');
  });

  it('works without English labels (layout and token URL), leaving the scope ID to the side panel', () => {
    document.body.innerHTML = panel(['ID del cliente', 'Secreto', 'URL']);
    expect(jamfPlatformConsole.recognise(PAGE, document)[0].values).toEqual({
      clientId: 'plt-client-1',
      clientSecret: 'sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY',
      region: 'eu',
    });
  });

  it('a gateway URL without a path (an "API URL" row) places the panel and gives the region', () => {
    document.body.innerHTML = `<div role="dialog"><div><span>Client ID</span><input readonly value="plt-client-1"></div>
      <div><span>Client Secret</span><input readonly value="sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY"></div>
      <div><span>API URL</span><code>https://apac.api.jamfcloud.com</code></div></div>`;
    expect(jamfPlatformConsole.recognise(PAGE, document)[0].values).toEqual({
      clientId: 'plt-client-1',
      clientSecret: 'sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY',
      region: 'apac',
    });
  });

  it('without a token URL, takes the labelled values and leaves the region to the side panel', () => {
    document.body.innerHTML = `<div role="dialog"><div><span>Client ID</span><input readonly value="plt-client-1"></div>
      <div><span>Client Secret</span><input readonly value="sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY"></div></div>`;
    expect(jamfPlatformConsole.recognise(PAGE, document)[0].values).toEqual({
      clientId: 'plt-client-1',
      clientSecret: 'sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY',
    });
  });

  it('finds nothing on the integrations list or off account.jamf.com', () => {
    document.body.innerHTML = '<table><tr><td>Inventory sync</td><td>EU</td></tr></table>';
    expect(jamfPlatformConsole.recognise(new URL('https://account.jamf.com/integrations'), document)).toEqual([]);
    document.body.innerHTML = panel(['Client ID', 'Client Secret', 'Token URL']);
    expect(jamfPlatformConsole.recognise(new URL('https://eu.api.jamfcloud.com/'), document)).toEqual([]);
  });
});
