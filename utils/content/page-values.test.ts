// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { credentialTypes } from '../vendors/registry';
import { PAGE_VALUES_REQUEST, type PageValues } from '../capture/page-values-message';
import { SECRET_FIELD_NAMES, startPageValues } from './page-values';
import { vendorConsoles } from '../vendors/console-registry';

describe('page values for the fallback', () => {
  let controller: AbortController;
  let listener: ((message: unknown, sender: unknown, reply: (answer: PageValues) => void) => void) | undefined;
  beforeEach(() => {
    fakeBrowser.reset();
    controller = new AbortController();
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => void (listener = l as never));
    history.replaceState(null, '', '/');
  });
  afterEach(() => controller.abort());

  const ask = () => {
    let answer: PageValues | undefined;
    listener?.({ type: PAGE_VALUES_REQUEST }, {}, (reply) => (answer = reply));
    return answer;
  };

  it('knows every secret field of every credential type', () => {
    expect([...SECRET_FIELD_NAMES].sort()).toEqual([...new Set(credentialTypes.flatMap((t) => t.secretFields))].sort());
  });

  it('answers with the selection and the right-clicked field, and nothing for other messages', () => {
    document.body.innerHTML = '<p id="p">abc-123-selected</p><input id="f" value="  jca_0123456789abcdefghijABCDEFGHIJ012345 ">';
    startPageValues(window, vendorConsoles, controller.signal);
    const input = document.getElementById('f')!;
    input.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true }));
    expect(ask()).toEqual({ selection: '', field: 'jca_0123456789abcdefghijABCDEFGHIJ012345', recognised: [] });
    let other: unknown = 'untouched';
    listener?.({ type: 'something-else' }, {}, (reply) => (other = reply));
    expect(other).toBe('untouched');
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    expect(ask()?.selection).toBe('abc-123-selected');
  });
});
