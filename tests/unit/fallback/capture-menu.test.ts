// The "Save to Keyhold" fallback's wiring with WXT's fake browser: the menu item's patterns (console
// hosts + enabled, granted self-hosted origins, kept in step), clicks and shortcuts reaching the
// handler by their own ids only, and the handler saving or asking the side panel.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CAPTURE_MENU_ID, startCaptureMenu, syncCaptureMenu } from '../../../utils/background/capture-menu';
import { startCaptureCommands } from '../../../utils/background/capture-commands';
import { takePrefill } from '../../../utils/background/capture-prefill';
import { listSummaries } from '../../../utils/background/credential-store';
import { createVault } from '../../../utils/background/vault-service';
import { consoleHostPermissions } from '../../../utils/vendors/hosts';
import { PAGE_VALUES_REQUEST, type PageValues } from '../../../utils/capture/page-values-message';

const CLIENT = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'Xy7_kP2-qR9sT4uV6wZ8aB1cD3eF5gH7jK9mN2pQ4rS6tU8vW0yZ2bC4dE6fG8h0';
const TAB = {
  id: 9,
  windowId: 2,
  index: 0,
  highlighted: true,
  active: true,
  pinned: false,
  incognito: false,
  url: 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-integrations/3',
};

function event<A extends unknown[]>() {
  const listeners: ((...args: A) => unknown)[] = [];
  return {
    addListener: (l: (...args: A) => unknown) => void listeners.push(l),
    trigger: (...args: A) => Promise.all(listeners.map((l) => l(...args))),
    listeners,
  };
}

let menus: { create: ReturnType<typeof vi.fn>; remove: ReturnType<typeof vi.fn>; onClicked: ReturnType<typeof event> };
let commands: { onCommand: ReturnType<typeof event> };
let granted: string[];
let pageAnswer: PageValues | undefined;
let panelOpened: unknown[];
const sent: unknown[] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  granted = [];
  pageAnswer = undefined;
  panelOpened = [];
  sent.length = 0;
  menus = { create: vi.fn((_props: unknown, done?: () => void) => done?.()), remove: vi.fn(async () => undefined), onClicked: event() };
  commands = { onCommand: event() };
  Object.assign(fakeBrowser, {
    contextMenus: menus,
    commands,
    sidePanel: { open: vi.fn(async (options: unknown) => void panelOpened.push(options)) },
    notifications: { create: vi.fn(async () => 'id') },
  });
  // The built manifest's content scripts run on exactly these hosts (tests/unit/content-scripts.test.ts).
  fakeBrowser.runtime.getManifest = () => ({
    manifest_version: 3,
    name: 'Keyhold',
    version: '0',
    content_scripts: [{ matches: consoleHostPermissions }],
  });
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o))),
    onAdded: event(),
    onRemoved: event(),
  });
  Object.assign(fakeBrowser.tabs, {
    sendMessage: vi.fn(async (tabId: number, message: { type: string }) => {
      sent.push([tabId, message]);
      if (message.type !== PAGE_VALUES_REQUEST) throw new Error('unexpected');
      if (!pageAnswer) throw new Error('Could not establish connection. Receiving end does not exist.');
      return pageAnswer;
    }),
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined as never);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
  await createVault('a long enough passphrase');
});
afterEach(() => vi.unstubAllGlobals());

/** The handler runs after the event returns: wait for the saved and tested credential. */
const settled = () =>
  vi.waitFor(
    async () => {
      const list = await listSummaries();
      if (!list[0]?.lastTest) throw new Error('not saved yet');
      return list;
    },
    { timeout: 5000 },
  );
/** Wait for the prefill the handler leaves for the side panel, then take it. */
const prefill = async (tabId?: number) => {
  await vi.waitFor(async () => expect((await fakeBrowser.storage.session.get('capturePrefill')).capturePrefill).toBeDefined());
  return takePrefill(tabId);
};
/** Let a handler that should do nothing have its chance to. */
const idle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('the menu item', () => {
  it('shows on the console hosts and on enabled self-hosted origins that are still granted', async () => {
    await fakeBrowser.storage.local.set({ sites: ['https://jamf.example.org:8443', 'https://revoked.example.org'] });
    granted = ['https://jamf.example.org/*'];
    await syncCaptureMenu();
    expect(menus.remove).toHaveBeenCalledWith(CAPTURE_MENU_ID);
    expect(menus.create).toHaveBeenCalledWith(
      {
        id: CAPTURE_MENU_ID,
        title: 'Save to Keyhold',
        contexts: ['selection', 'editable'],
        documentUrlPatterns: [...consoleHostPermissions, 'https://jamf.example.org/*'],
      },
      expect.any(Function),
    );
  });

  it('follows sites being added and removed', async () => {
    startCaptureMenu(Promise.resolve());
    granted = ['https://jamf.example.org/*'];
    await fakeBrowser.storage.local.set({ sites: ['https://jamf.example.org:8443'] });
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledTimes(1));
    expect(menus.create.mock.lastCall?.[0].documentUrlPatterns).toContain('https://jamf.example.org/*');
    granted = [];
    await (fakeBrowser.permissions.onRemoved as unknown as ReturnType<typeof event>).trigger({ origins: ['https://jamf.example.org/*'] });
    await vi.waitFor(() => expect(menus.create).toHaveBeenCalledTimes(2));
    expect(menus.create.mock.lastCall?.[0].documentUrlPatterns).toEqual(consoleHostPermissions);
  });
});

describe('a click on "Save to Keyhold"', () => {
  it('ignores other menu items (the fill feature’s)', async () => {
    startCaptureMenu(Promise.resolve());
    await menus.onClicked.trigger({ menuItemId: 'keyhold-fill', selectionText: SECRET, frameId: 0 }, TAB);
    await idle();
    expect(sent).toEqual([]);
    expect(panelOpened).toEqual([]);
  });

  it('joins the selected secret with the client ID the page showed and saves it through the capture path', async () => {
    startCaptureMenu(Promise.resolve());
    pageAnswer = { selection: SECRET, recognised: [{ type: 'jamf-pro', values: { clientId: CLIENT } }] };
    await menus.onClicked.trigger({ menuItemId: CAPTURE_MENU_ID, selectionText: SECRET, frameId: 0 }, TAB);
    expect(panelOpened).toEqual([{ windowId: 2 }]);
    const [saved] = await settled();
    expect(sent).toEqual([[9, { type: PAGE_VALUES_REQUEST }]]);
    expect(saved).toMatchObject({ vendor: 'jamf-pro', source: { url: new URL(TAB.url).origin + new URL(TAB.url).pathname } });
    expect(saved.label).toContain(CLIENT.slice(0, 8));
    expect(saved.lastTest?.ok).toBe(false); // the test ran (fetch is down here): the verdict is stored as for the button
    expect(await takePrefill(9)).toBeNull();
  });

  it('asks the side panel for the client ID when the page showed none, with the server URL known', async () => {
    startCaptureMenu(Promise.resolve());
    await menus.onClicked.trigger({ menuItemId: CAPTURE_MENU_ID, selectionText: SECRET, frameId: 0 }, TAB); // no content script answers
    expect(await prefill(9)).toMatchObject({
      vendor: 'jamf-pro',
      values: { baseUrl: 'https://acme.jamfcloud.com', clientSecret: SECRET },
      ask: ['clientId'],
    });
    expect(await listSummaries()).toEqual([]);
  });

  it('reads a right-clicked field when nothing is selected', async () => {
    startCaptureMenu(Promise.resolve());
    pageAnswer = { selection: '', field: 'jca_0123456789abcdefghijABCDEFGHIJ012345', recognised: [] };
    await menus.onClicked.trigger({ menuItemId: CAPTURE_MENU_ID, frameId: 3 }, { ...TAB, url: 'https://console.eu.jumpcloud.com/#/home' });
    const [saved] = await settled();
    expect((fakeBrowser.tabs.sendMessage as ReturnType<typeof vi.fn>).mock.lastCall?.[2]).toEqual({ frameId: 3 });
    expect(saved).toMatchObject({ vendor: 'jumpcloud-api-key' });
    expect(saved.label).toMatch(/EU/);
  });

  it('refuses a page that is not a console', async () => {
    startCaptureMenu(Promise.resolve());
    await menus.onClicked.trigger(
      { menuItemId: CAPTURE_MENU_ID, selectionText: CLIENT, frameId: 0 },
      { ...TAB, url: 'https://example.com/' },
    );
    await vi.waitFor(() =>
      expect(fakeBrowser.notifications.create).toHaveBeenCalledWith(
        'keyhold-save-selection',
        expect.objectContaining({ title: 'Keyhold did not save the selection' }),
      ),
    );
    expect(await listSummaries()).toEqual([]);
    expect(await takePrefill()).toBeNull();
  });
});

describe('shortcuts', () => {
  it('"save-selection" asks the page for the selection; "open-side-panel" only opens the panel; others are left alone', async () => {
    startCaptureCommands();
    pageAnswer = { selection: CLIENT, recognised: [] };
    await commands.onCommand.trigger('save-selection', { ...TAB, url: 'https://acme.kandji.io/my-company/access' });
    // A token, with the tenant's API URL from the console host: complete, saved.
    expect((await settled())[0]).toMatchObject({ vendor: 'iru', label: 'Iru API token (acme.api.kandji.io)' });
    expect(await takePrefill(9)).toBeNull();
    sent.length = 0;
    await commands.onCommand.trigger('open-side-panel', TAB);
    await idle();
    expect(sent).toEqual([]);
    expect(panelOpened).toHaveLength(2);
    await commands.onCommand.trigger('fill-page', TAB);
    expect(panelOpened).toHaveLength(2);
  });
});
