// @vitest-environment happy-dom
// The School recogniser: the key by its shape in the key dialog (a label is one signal), the
// Network ID from its value or from an MDM server URL "network=<id>".
import { beforeEach, describe, expect, it } from 'vitest';
import { jamfSchoolConsole } from './console';

const API = new URL('https://acmeschool.jamfcloud.com/organisation/settings/api');
const KEY = 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3';

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('Jamf School recogniser', () => {
  it('finds the key in the dialog and the Network ID on the page', () => {
    document.body.innerHTML = `<dl><dt>Network ID</dt><dd>48213759</dd></dl>
      <dialog open><h2>Clé API</h2><input readonly value="${KEY}"></dialog>`;
    const [found] = jamfSchoolConsole.recognise(API, document);
    expect(found.values).toEqual({ baseUrl: 'https://acmeschool.jamfcloud.com', apiKey: KEY, networkId: '48213759' });
    expect(jamfSchoolConsole.currentStep(API, document)).toBe('capture');
  });

  it('reads the Network ID from an MDM server URL, and leaves it out when the page has none', () => {
    document.body.innerHTML = `<code>https://acmeschool.jamfcloud.com/mdm/enroll?network=48213759&amp;type=ios</code><label>API key <input readonly value="${KEY}"></label>`;
    expect(jamfSchoolConsole.recognise(API, document)[0].values.networkId).toBe('48213759');
    document.body.innerHTML = `<label>API key <input readonly value="${KEY}"></label>`;
    expect(jamfSchoolConsole.recognise(API, document)[0].values).toEqual({ baseUrl: 'https://acmeschool.jamfcloud.com', apiKey: KEY });
  });

  it('does not take a UDID, a serial number or a key on a Jamf Pro page', () => {
    document.body.innerHTML = '<table><tr><td>00008030001A2D3C0E88802E00008030001A2D3C</td><td>DMPXK2ABCD12</td></tr></table>';
    expect(jamfSchoolConsole.recognise(new URL('https://acmeschool.jamfcloud.com/devices'), document)).toEqual([]);
    document.body.innerHTML = `<label>API key <input readonly value="${KEY}"></label>`;
    expect(jamfSchoolConsole.recognise(new URL('https://acme.jamfcloud.com/view/settings'), document)).toEqual([]);
  });
});
