import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromThisExtension } from './use-keyhold-data';

describe('changed signal sender check', () => {
  const id = fakeBrowser.runtime.id;
  const origin = fakeBrowser.runtime.getURL('/');
  it('accepts this extension’s background and pages', () => {
    expect(fromThisExtension({ id, url: `${origin}background.js` })).toBe(true);
    expect(fromThisExtension({ id })).toBe(true);
  });
  it('refuses content scripts, other extensions and other origins', () => {
    expect(fromThisExtension({ id, url: 'https://acme.jamfcloud.com/', tab: { id: 3 } })).toBe(false);
    expect(fromThisExtension({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBe(false);
    expect(fromThisExtension({ id, url: 'https://evil.example/' })).toBe(false);
  });
});
