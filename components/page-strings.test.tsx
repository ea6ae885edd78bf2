// @vitest-environment happy-dom
// Every word a page shows comes from locales/<lang>.yml (docs/i18n.md). The pages are rendered in
// their main states with a getMessage that wraps each message in invisible markers; then every
// text node and every aria-label, title, placeholder and alt must be made of marked messages, of
// data the background sent (marked as user data in the fixtures below), of product names, or of
// digits, punctuation and symbols only. A hard-coded English word anywhere fails the test.
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from '../tests/unit/support/locale-messages';
import type { CredentialSummary, RequestType } from '@/utils/protocol';
import { consoleFacts, consoleIds } from '@/utils/vendors/vendor-ids';

// ── Markers ──
const OPEN = '\u2062';
const CLOSE = '\u2063';
/** Data from the background (labels, tenants, messages it composed): U+2066…U+2069, a bidi isolate. */
const USER_OPEN = '\u2066';
const USER_CLOSE = '\u2069';
const u = (text: string) => `${USER_OPEN}${text}${USER_CLOSE}`;

const englishGetMessage = getMessageFrom(await chromeMessages('en'));
/** Each plural form is marked on its own: t() splits the message on " | " after getMessage. */
const markedGetMessage = (name: string, substitutions?: string | string[]) => {
  const message = englishGetMessage(name, substitutions);
  if (name.startsWith('@@') || message === '') return message;
  return message
    .split(' | ')
    .map((form) => `${OPEN}${form}${CLOSE}`)
    .join(' | ');
};
const originalGetMessage = fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getMessage = markedGetMessage as typeof fakeBrowser.i18n.getMessage;

/** Console and product names stay as they are in every language (docs/i18n.md). */
const PRODUCT_NAMES = new Set<string>(Object.values(consoleFacts).map((facts) => facts.name));

/**
 * The consoles' own identifiers, quoted as the console shows them and never translated: the
 * privilege and permission names an admin picks in the console's role form (Jamf Pro's "Read
 * Computers", Jamf Platform's "devices:read"), read from every template the descriptions hold.
 */
async function consoleIdentifiers(): Promise<Set<string>> {
  const { credentialTypes, guidesFor } = await import('@/utils/vendors/descriptions');
  const templates = [...credentialTypes.flatMap((type) => type.templates ?? []), ...consoleIds.flatMap((id) => guidesFor(id).flatMap((guide) => guide.templates ?? []))];
  return new Set(templates.flatMap((template) => template.privileges));
}


function stringsIn(value: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (typeof value === 'string') found.add(value.trim());
  else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const item of Object.values(value)) stringsIn(item, found, seen);
  }
  return found;
}

let identifiers = new Set<string>();

/** What is left of a text once marked messages and marked user data are taken out. */
function unmarked(text: string): string {
  let rest = text;
  for (let previous = ''; previous !== rest;) {
    previous = rest;
    rest = rest.replace(/\u2062[^\u2062\u2063]*\u2063/g, '').replace(/\u2066[^\u2066\u2069]*\u2069/g, '');
  }
  return rest.trim();
}

const harmless = (text: string) => /^[\s\p{N}\p{P}\p{S}]*$/u.test(text);
/** An example address (a placeholder such as https://yourcompany.jamfcloud.com) is data in every language. */
const exampleAddress = (text: string) => /^https:\/\/[\w.-]+(\/\S*)?$/.test(text);

/** The texts in `text` that no locale file holds; '' when it is all covered. */
export function unlocalized(text: string, allowed: ReadonlySet<string> = new Set()): string | undefined {
  const rest = unmarked(text);
  if (harmless(rest) || exampleAddress(rest) || PRODUCT_NAMES.has(rest) || allowed.has(rest)) return undefined;
  return rest;
}

const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEXTAREA', 'TIME']);
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt'];

/** Every shown text under `root` (shadow roots included) that is not from the locale files. */
function findUnlocalized(root: Node, where: string, found: string[]): string[] {
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (parent && SKIPPED.has(parent.tagName)) return;
      const bad = unlocalized(node.textContent ?? '', identifiers);
      if (bad) found.push(`${where}: text “${bad}”`);
      return;
    }
    if (node instanceof Element) {
      // <time> holds a date Intl formatted in the UI language: its attributes are still checked.
      const formatted = node.tagName === 'TIME';
      if (SKIPPED.has(node.tagName) && !formatted) return;
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        const bad = value === null ? undefined : unlocalized(value, identifiers);
        if (bad) found.push(`${where}: ${name} “${bad}”`);
      }
      if (formatted) return;
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return found;
}

// ── The background, answered from fixtures ──
const DAY = 86_400_000;
const now = Date.now();
const iso = (days: number) => new Date(now + days * DAY).toISOString();

const credentials = [
  {
    id: 'c1',
    vendor: 'jamf-pro',
    vendorName: u('Jamf Pro API client'),
    consoleId: 'jamf-pro',
    label: u('Build server'),
    capturedAt: iso(-30),
    fields: ['clientId', 'clientSecret', 'serverUrl'],
    source: { url: 'https://acme.jamfcloud.com/view/settings/api-roles' },
    expiresAt: iso(5),
    rotatedAt: iso(-2),
    rollbackUntil: iso(3),
    usedBy: [
      { origin: u('https://ci.example.com'), at: iso(-5) },
      { origin: u('https://mdm.example.org'), at: iso(-1) },
    ],
    lastTest: {
      ok: false,
      code: u('PERMISSION_DENIED'),
      message: u('The token lacks Read Computers.'),
      steps: [
        { name: u('POST /api/oauth/token'), ok: true, status: 200, ms: 120 },
        { name: u('GET /api/v1/computers-inventory'), ok: false, status: 403, ms: 80 },
        { name: u('GET /api/v1/jamf-pro-version'), ok: true, ms: 30 },
        { name: u('GET /api/v1/ping'), ok: false, ms: 30 },
      ],
      permissions: [
        { name: u('Read Computers'), granted: false },
        { name: u('Read Mobile Devices'), granted: true },
      ],
      tokenExpiresIn: 1800,
      testedAt: iso(-1),
    },
  },
  {
    id: 'c2',
    vendor: 'apple-business',
    vendorName: u('Apple Business / School Manager API account'),
    consoleId: 'apple',
    label: u('Inventory sync'),
    capturedAt: iso(-3),
    fields: ['clientId', 'keyId'],
    missing: ['privateKey'],
    missingLabels: [u('Private key (.pem file)')],
  },
  {
    id: 'c3',
    vendor: 'jumpcloud-service-account',
    vendorName: u('JumpCloud service account'),
    consoleId: 'jumpcloud',
    label: u('Directory sync'),
    capturedAt: iso(-10),
    fields: ['clientId', 'clientSecret'],
    expiresAt: iso(-1),
    lastTest: {
      ok: false,
      code: u('ORGANIZATION_REQUIRED'),
      message: u('Pick the organization.'),
      steps: [],
      details: { choice: { field: 'orgId', label: u('Organization'), options: [{ value: 'o1', label: u('Acme') }] } },
    },
  },
  { id: 'c4', vendor: 'unknown', vendorName: u('Unknown'), label: u('Broken record'), capturedAt: iso(-50), fields: [], corrupted: true },
  {
    id: 'c5',
    vendor: 'apple-business',
    vendorName: u('Apple Business / School Manager API account'),
    consoleId: 'apple',
    label: u('Asset reporting'),
    capturedAt: iso(-8),
    fields: ['clientId', 'keyId', 'privateKey'],
    expiresAt: iso(0.5),
    lastTest: {
      ok: true,
      message: u('Works: 12 devices.'),
      steps: [{ name: u('token'), ok: true, status: 200, ms: 99 }],
      tokenExpiresIn: 7200,
    },
  },
  {
    id: 'c6',
    vendor: 'iru',
    vendorName: u('Iru API token'),
    consoleId: 'iru',
    label: u('Reporting'),
    capturedAt: iso(-8),
    fields: ['token', 'apiUrl'],
    expiresAt: iso(1),
    lastTest: { ok: true, message: u('Works.'), steps: [], tokenExpiresIn: 45 },
  },
] as unknown as CredentialSummary[];

type Answers = Partial<Record<RequestType, unknown>>;
let answers: Answers = {};
const baseAnswers = (): Answers => ({
  'vault.status': { state: 'unlocked' },
  'credentials.list': credentials,
  'settings.get': { autoLockMinutes: 15, healthCheckHours: 0 },
  'console.state': null,
  'capture.prefill': null,
  'vault.unconfirmed': [],
  'sites.list': { origins: [] },
  'audit.list': [],
  'credentials.testAllStatus': null,
});
const requests: string[] = [];
fakeBrowser.runtime.sendMessage = (async (message: { type: RequestType }) => {
  requests.push(message.type);
  if (!(message.type in answers)) return { ok: false, error: { code: 'INTERNAL_ERROR', message: u('No fixture.') } };
  return { ok: true, data: answers[message.type] };
}) as typeof fakeBrowser.runtime.sendMessage;

// ── Rendering ──
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const confirms: string[] = [];
window.confirm = (text?: string) => {
  confirms.push(String(text));
  return false;
};

let root: Root | undefined;
let container: HTMLElement;

async function settle(until?: () => boolean) {
  for (let i = 0; i < 500; i++) {
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    if (!until || until()) return;
  }
  throw new Error(`Never reached the expected state; the page shows: ${container.textContent?.slice(0, 300)}`);
}

async function render(element: ReactElement, until?: () => boolean) {
  await act(async () => root?.unmount());
  container?.remove();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(element));
  await settle(until);
}

const byText = (selector: string, text: RegExp) =>
  [...container.querySelectorAll<HTMLElement>(selector)].find((element) => text.test(unmarkedText(element.textContent ?? '')));
const unmarkedText = (text: string) => text.replace(/[\u2062\u2063\u2066\u2069]/g, '');
async function click(element: HTMLElement | undefined | null, until?: () => boolean) {
  if (!element) throw new Error('Nothing to click');
  await act(async () => element.click());
  await settle(until);
}

/** React listens for the submit event itself; happy-dom's requestSubmit would first check required fields. */
async function submit(form: Element | null, until?: () => boolean) {
  if (!form) throw new Error('No form to submit');
  await act(async () => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await settle(until);
}

const problems: string[] = [];
const check = (where: string) => findUnlocalized(container, where, problems);

beforeAll(async () => {
  identifiers = await consoleIdentifiers();
});
afterAll(async () => {
  await act(async () => root?.unmount());
  fakeBrowser.i18n.getMessage = originalGetMessage;
});

describe('the check itself', () => {
  it('passes marked messages, user data, product names, digits and punctuation', () => {
    expect(unlocalized(markedGetMessage('page_common_loading'))).toBeUndefined();
    expect(unlocalized(`${u('acme')} · 12 (3) ✓`)).toBeUndefined();
    expect(unlocalized('Jamf Pro')).toBeUndefined();
  });
  it('fails an English word that no locale file holds', () => {
    expect(unlocalized('Loading…')).toBe('Loading…');
    expect(unlocalized(`${markedGetMessage('page_common_loading')} (done)`)).toBe('(done)');
  });
});

describe('every string the pages render is in the locale files', () => {
  it('popup: new vault, locked, unlocked with credentials and a glance', async () => {
    const { PopupApp } = await import('@/entrypoints/popup/popup-app');
    answers = { ...baseAnswers(), 'vault.status': { state: 'new' }, 'credentials.list': [] };
    await render(createElement(PopupApp), () => Boolean(container.querySelector('form')));
    check('popup, new vault');
    answers = { ...baseAnswers(), 'vault.status': { state: 'locked', retryAfter: 30 }, 'credentials.list': [] };
    await render(createElement(PopupApp), () => Boolean(container.querySelector('[role=status]')));
    check('popup, locked');
    answers = baseAnswers();
    await render(createElement(PopupApp), () => Boolean(container.querySelector('[data-credential-row]')));
    check('popup, credentials');
    await click(container.querySelector<HTMLElement>('[data-credential-row="c1"]'), () => Boolean(container.querySelector('article')));
    check('popup, glance');
    await click(byText('button.filter', /^Failing/));
    check('popup, filtered');
  });

  it('side panel: a console tab with its guide, each credential’s details, Test all, the add form', async () => {
    const { SidePanelApp } = await import('@/entrypoints/sidepanel/side-panel-app');
    answers = {
      ...baseAnswers(),
      'console.state': {
        tabId: 1,
        consoleId: 'jamf-pro',
        consoleName: u('Jamf Pro'),
        tenant: 'acme.jamfcloud.com',
        url: 'https://acme.jamfcloud.com/view/settings/api-roles',
        step: null,
        found: [],
        hints: {},
        seenAt: now,
      },
      'vault.unconfirmed': [
        {
          id: 'n1',
          label: u('New one'),
          vendorName: u('Jamf Pro API client'),
          kind: 'new',
          at: iso(-1),
          source: u('acme.jamfcloud.com'),
          fields: [],
          secret: false,
        },
        { id: 'n2', label: u('Build server'), vendorName: u('Jamf Pro API client'), kind: 'update', at: iso(-1), fields: [], secret: true },
        {
          id: 'n3',
          label: u('Build server'),
          vendorName: u('Jamf Pro API client'),
          kind: 'update',
          at: iso(-1),
          source: u('x.example'),
          fields: [u('clientId')],
          secret: false,
        },
        {
          id: 'n4',
          label: u('Build server'),
          vendorName: u('Jamf Pro API client'),
          kind: 'altered',
          at: iso(-1),
          fields: [],
          secret: false,
        },
      ],
      'credentials.testAll': { total: 6, done: 6, ok: 2, failed: 3, running: false, startedAt: iso(0) },
      'credentials.createAssertion': { assertion: u('eyJhbGciOiJFUzI1NiJ9…'), expiresAt: iso(180) },
      'credentials.updateMeta': {},
      'vault.confirm': { kept: 4, discarded: 0 },
    };
    await render(createElement(SidePanelApp), () =>
      Boolean(container.querySelector('[data-step]') && container.querySelector('article[data-credential="c1"]')),
    );
    check('side panel, guide and details of a failing credential');
    await click(byText('summary', /Permissions/));
    await click(container.querySelector<HTMLElement>('article[data-credential] .danger'));
    expect(confirms.length).toBe(1);
    for (const text of confirms) if (unlocalized(text)) problems.push(`confirm “${unlocalized(text)}”`);
    // The Apple credential with its key file last: it offers rotation steps, a replacement file and a client assertion.
    for (const id of ['c2', 'c3', 'c4', 'c6', 'c5']) {
      await click(container.querySelector<HTMLElement>(`[data-credential-row="${id}"]`), () =>
        Boolean(container.querySelector(`article[data-credential="${id}"]`)),
      );
      check(`side panel, details of ${id}`);
    }
    await click(byText('button', /^Rotate this secret$/));
    await click(byText('button', /^Replace /));
    await click(byText('button', /^Create client assertion$/), () => Boolean(container.querySelector('textarea')));
    await submit(container.querySelector('article form'), () => Boolean(container.querySelector('article form [role=status]')));
    await click(byText('button', /^Keep all$/), () => Boolean(byText('[role=status]', /kept/)));
    check('side panel, rotation steps, key file replacement, a client assertion, an expiry and kept changes');
    await click(byText('button', /^Test all$/), () => Boolean(container.querySelector('[data-testid=test-all-progress]')));
    await click(byText('button', /^Add a credential by hand$/), () => Boolean(container.querySelector('#add-vendor')));
    check('side panel, Test all done and the add form');
  });

  it('side panel with no console tab and no credentials', async () => {
    const { SidePanelApp } = await import('@/entrypoints/sidepanel/side-panel-app');
    answers = { ...baseAnswers(), 'credentials.list': [], 'vault.status': { state: 'locked' } };
    await render(createElement(SidePanelApp), () => Boolean(container.querySelector('form')));
    check('side panel, empty');
  });

  it('options: a policy, managed settings, sites, the audit log and a damaged vault', async () => {
    const { OptionsApp } = await import('@/entrypoints/options/options-app');
    answers = {
      ...baseAnswers(),
      'vault.status': { state: 'locked', damaged: true },
      'settings.get': {
        autoLockMinutes: 15,
        healthCheckHours: 48,
        managed: ['autoLockMinutes', 'healthCheckHours'],
        policy: {
          autoLockMinutesMin: 5,
          autoLockMinutesMax: 60,
          exportRecipientKeys: ['k1', 'k2'],
          hiddenVendors: ['iru'],
          selfHostedJamfOrigins: [u('https://jamf.example.com')],
        },
      },
      'sites.list': { origins: [u('https://jamf.internal.example')] },
      'audit.list': [{ at: iso(-1), event: u('capture'), label: u('Build server'), detail: u('from acme.jamfcloud.com') }],
    };
    await render(createElement(OptionsApp), () => Boolean(container.querySelector('#rescue-title') && container.querySelector('tbody tr')));
    check('options');
    answers['vault.exportReadable'] = {
      count: 1,
      unreadable: [{ id: 'c4', label: u('Broken record'), reason: u('The sealed data does not open.') }],
      jwe: u('eyJ…'),
    };
    await submit(container.querySelector('form[aria-label]'), () => Boolean(container.querySelector('#rescue-title ~ [role=status]')));
    check('options, a rescue export');
  });

  it('hand-off: export, an encrypted result, import and my key', async () => {
    const { HandoffApp } = await import('@/entrypoints/handoff/handoff-app');
    answers = {
      ...baseAnswers(),
      'vault.handoffKey': { jwk: {}, pem: u('-----BEGIN PUBLIC KEY-----'), fingerprint: u('AB:CD') },
      'credentials.export': { jwe: u('eyJ…'), count: 2, fingerprint: u('AB:CD') },
    };
    await render(createElement(HandoffApp), () =>
      Boolean(container.querySelector('#my-key-title') && container.querySelector('input[type=checkbox]')),
    );
    check('hand-off');
    await click(container.querySelector<HTMLInputElement>('input[type=checkbox]'));
    check('hand-off, one selected');
    await act(async () => container.querySelector('form')!.requestSubmit());
    await settle(() => Boolean(container.querySelector('.ok')));
    check('hand-off, exported');
  });

  it('the in-page button and its verdict words', async () => {
    const { createCaptureButton } = await import('@/utils/content/capture-button');
    const { captureErrorWords, shortVerdict } = await import('@/utils/content/verdict-words');
    const { errorCodes } = await import('@/utils/errors');
    const button = createCaptureButton(() => undefined);
    findUnlocalized(button.host, 'in-page button', problems);
    // Every code Keyhold has, and one it does not know (a newer background's).
    const codes = [...errorCodes, 'SOMETHING_ELSE'];
    for (const code of codes) {
      for (const words of [shortVerdict(code), captureErrorWords(code)]) {
        if (!words || unlocalized(words)) problems.push(`in-page words for ${code}: “${words}”`);
      }
    }
  });

  it('found nothing outside the locale files', () => {
    expect(problems).toEqual([]);
  });
});
