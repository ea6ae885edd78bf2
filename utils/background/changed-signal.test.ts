import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isChangedSignal } from '../protocol';
import { areaOfKey, noteStorageChanges } from './changed-signal';
import { local, session } from './storage-area';

const sent = vi.fn();

beforeEach(() => {
  fakeBrowser.reset();
  sent.mockReset();
  fakeBrowser.runtime.sendMessage = sent.mockImplementation(async () => undefined) as never;
  // As start-background.ts wires it.
  fakeBrowser.storage.onChanged.addListener(noteStorageChanges as never);
});

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('changed signal', () => {
  it('maps storage keys to the areas pages show', () => {
    expect(areaOfKey('cred:abc12345')).toBe('credentials');
    expect(areaOfKey('audit:3')).toBe('audit');
    expect(areaOfKey('auditPages')).toBe('audit');
    expect(areaOfKey('vault')).toBe('vault');
    expect(areaOfKey('vaultSession')).toBe('vault');
    expect(areaOfKey('settings')).toBe('settings');
    expect(areaOfKey('sites')).toBe('sites');
    expect(areaOfKey('consoleTabs')).toBe('console');
    // A capture waiting for the side panel: signalled like any write, no message of its own.
    expect(areaOfKey('capturePrefill')).toBe('prefill');
    expect(areaOfKey('unlockGuard')).toBeUndefined();
    expect(areaOfKey('schemaVersion')).toBeUndefined();
    expect(areaOfKey('toString')).toBeUndefined();
  });

  it('sends one data-free signal per turn after writes, naming every area written', async () => {
    await local.set({ 'cred:abc12345': { secret: 'sealed' } });
    await local.set({ audit: [] });
    await session.remove('vaultSession');
    expect(sent).not.toHaveBeenCalled();
    await nextTurn();
    expect(sent).toHaveBeenCalledTimes(1);
    const signal = sent.mock.calls[0][0];
    expect(isChangedSignal(signal)).toBe(true);
    expect(new Set(signal.areas)).toEqual(new Set(['credentials', 'audit', 'vault']));
    expect(JSON.stringify(signal)).not.toContain('sealed');
  });

  it('signals a new vault session and a lock, not an activity ping', async () => {
    await session.set({ vaultSession: { privateJwk: {}, unlockedAt: 1, lastActivityAt: 1 } });
    await nextTurn();
    expect(sent).toHaveBeenCalledTimes(1);
    await session.set({ vaultSession: { privateJwk: {}, unlockedAt: 1, lastActivityAt: 2 } });
    await nextTurn();
    expect(sent).toHaveBeenCalledTimes(1);
    await session.remove('vaultSession');
    await nextTurn();
    expect(sent).toHaveBeenCalledTimes(2);
    expect(sent.mock.calls[1][0].areas).toEqual(['vault']);
  });

  it('sends nothing for keys no page shows, and survives no page listening', async () => {
    await local.set({ schemaVersion: 3 });
    await nextTurn();
    expect(sent).not.toHaveBeenCalled();
    sent.mockImplementation(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await local.set({ settings: {} });
    await nextTurn();
    expect(sent).toHaveBeenCalledTimes(1);
  });

  it('ignores managed storage (policy): none of its keys names an area', async () => {
    noteStorageChanges({ autoLockMinutesMax: { newValue: 60 }, hiddenVendors: { newValue: ['iru'] } });
    await nextTurn();
    expect(sent).not.toHaveBeenCalled();
  });

  it('recognises only well-formed signals', () => {
    expect(isChangedSignal({ type: 'keyhold.changed', areas: ['vault'] })).toBe(true);
    expect(isChangedSignal({ type: 'keyhold.changed', areas: ['secrets'] })).toBe(false);
    expect(isChangedSignal({ type: 'vault.status' })).toBe(false);
    expect(isChangedSignal(null)).toBe(false);
  });
});
