import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const startFill = vi.fn(async () => ({ origin: 'https://app.example' }));
vi.mock('./fill-service', () => ({ startFill }));

const { listenForFillGestures, createFillMenu, FILL_MENU_ID, FILL_COMMAND } = await import('./fill-triggers');

type Listener = (...args: unknown[]) => void;
const listeners: { menu?: Listener; command?: Listener } = {};
const created: unknown[] = [];

beforeEach(() => {
  startFill.mockClear();
  created.length = 0;
  Object.assign(fakeBrowser, {
    contextMenus: {
      create: (options: unknown) => created.push(options),
      onClicked: { addListener: (fn: Listener) => (listeners.menu = fn) },
    },
    commands: { onCommand: { addListener: (fn: Listener) => (listeners.command = fn) } },
  });
  listenForFillGestures();
});

describe('fill gestures', () => {
  it('the context-menu item on an editable field starts a fill in that frame', () => {
    listeners.menu!({ menuItemId: FILL_MENU_ID, frameId: 3, frameUrl: 'https://app.example/frame' }, { id: 12 });
    expect(startFill).toHaveBeenCalledWith(12, 3, 'https://app.example/frame');
  });

  it('the fill-page command starts a fill in the tab’s top frame', () => {
    listeners.command!(FILL_COMMAND, { id: 5 });
    expect(startFill).toHaveBeenCalledWith(5);
  });

  it('other menu items and commands (another helper’s capture menu) do not fill', () => {
    listeners.menu!({ menuItemId: 'keyhold-capture' }, { id: 1 });
    listeners.command!('capture-secret', { id: 1 });
    listeners.menu!({ menuItemId: FILL_MENU_ID }, undefined);
    expect(startFill).not.toHaveBeenCalled();
  });

  it('the menu item is offered on editable fields of https pages (and local test pages) only', () => {
    createFillMenu();
    expect(created).toEqual([
      {
        id: FILL_MENU_ID,
        title: 'Fill with Keyhold',
        contexts: ['editable'],
        documentUrlPatterns: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
      },
    ]);
  });
});
