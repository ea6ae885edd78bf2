// A DOM for React in this file only (happy-dom; the node environment keeps the shared i18n set-up).
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialSummary } from '@/utils/protocol';
import { firstScreenRows } from './credential-list-model';

const dom = new Window({ url: 'chrome-extension://keyhold-id/popup.html' });
for (const name of [
  'window',
  'document',
  'navigator',
  'Node',
  'HTMLElement',
  'HTMLInputElement',
  'Event',
  'KeyboardEvent',
  'MutationObserver',
])
  Object.defineProperty(globalThis, name, {
    value: name === 'window' ? dom : (dom as unknown as Record<string, unknown>)[name],
    configurable: true,
  });
const { act } = await import('react');
const { createRoot } = await import('react-dom/client');
const { CredentialList } = await import('./credential-list');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const fleet: CredentialSummary[] = Array.from({ length: 200 }, (_, i) => ({
  id: `cred-${String(i).padStart(6, '0')}`,
  vendor: 'jamf-pro',
  vendorName: 'Jamf Pro API client',
  consoleId: 'jamf-pro',
  label: `Tenant ${String(i).padStart(3, '0')}`,
  capturedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  source: { url: `https://t${String(i).padStart(3, '0')}.jamfcloud.com/` },
  fields: [],
}));

const rows = () => document.querySelectorAll('[data-testid="credential-list"] [role="option"]');
let unmount: (() => void) | undefined;
afterEach(() => {
  act(() => unmount?.());
  document.body.innerHTML = '';
});

function mount(list: CredentialSummary[]) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  unmount = () => root.unmount();
  act(() =>
    root.render(<CredentialList credentials={list} renderDetails={(credential) => <p data-testid="details">{credential.label}</p>} />),
  );
}

const nextTask = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('a long credential list', () => {
  it('renders its first screen first, then every row', async () => {
    mount(fleet);
    expect(rows()).toHaveLength(firstScreenRows(window.innerHeight));
    expect(rows().length).toBeLessThan(200);
    await nextTask();
    expect(rows()).toHaveLength(200);
  });

  it('searches and moves by keyboard over every credential, not only the rows drawn first', async () => {
    mount(fleet);
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, 'Tenant 199');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect([...rows()].map((row) => row.textContent)).toEqual([expect.stringContaining('Tenant 199')]);
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(search, '');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const list = document.querySelector<HTMLElement>('[role="listbox"]')!;
    act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    expect(rows()).toHaveLength(200);
    act(() => void list.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    const last = rows()[rows().length - 1];
    expect(last.getAttribute('aria-selected')).toBe('true');
    expect(document.querySelector('[data-testid="details"]')?.textContent).toBe(last.querySelector('.row-label')?.textContent);
  });
});
