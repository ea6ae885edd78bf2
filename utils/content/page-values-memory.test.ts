// @vitest-environment happy-dom
// What the fallback's in-page half remembers between views: non-secret values only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageValues } from '../capture/page-values-message';
import type { VendorConsole } from '../vendors/types';
import { startPageValues } from './page-values';

const shown: { values: Record<string, string> }[] = [];
const shownConsole = {
  detect: () => ({ tenant: 'acme' }),
  recognise: () => shown.map(({ values }) => ({ type: 'jamf-pro', anchor: document.body, values })),
} as unknown as VendorConsole;

describe('remembered values', () => {
  let controller: AbortController;
  let listener: ((message: unknown, sender: unknown, reply: (answer: PageValues) => void) => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    shown.length = 0;
    controller = new AbortController();
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => void (listener = l as never));
  });
  afterEach(() => controller.abort());
  const ask = () => {
    let answer: PageValues | undefined;
    listener?.({ type: 'keyhold.pageValues' }, {}, (reply) => (answer = reply));
    return answer!;
  };

  it('keeps the client ID shown before (at a copy), never the secret, once the page moved on', () => {
    startPageValues(window, [shownConsole], controller.signal);
    shown.push({ values: { baseUrl: 'https://acme.jamfcloud.com', clientId: 'client-1', clientSecret: 'the-secret' } });
    document.dispatchEvent(new Event('copy'));
    shown.length = 0; // the dialog closed
    expect(ask().recognised).toEqual([{ type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: 'client-1' } }]);
    expect(JSON.stringify(ask())).not.toContain('the-secret');
  });

  it('answers what the page shows now, secret included, for the background to join', () => {
    startPageValues(window, [shownConsole], controller.signal);
    shown.push({ values: { clientId: 'client-2', clientSecret: 'shown-now' } });
    expect(ask().recognised).toEqual([{ type: 'jamf-pro', values: { clientId: 'client-2', clientSecret: 'shown-now' } }]);
  });
});
