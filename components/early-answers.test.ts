import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { earlyAnswers, whenAnswered, type EarlyAnswers } from './early-answers';

const scope = globalThis as { __keyholdEarly?: { vault: Promise<unknown>; credentials: Promise<unknown> } };
const summary = {
  id: 'a',
  vendor: 'jamf-pro',
  vendorName: 'Jamf Pro API client',
  label: 'A',
  capturedAt: '2026-01-01T00:00:00.000Z',
  fields: [],
};

afterEach(() => {
  delete scope.__keyholdEarly;
  fakeBrowser.reset();
  vi.useRealTimers();
});

describe('the answers a page renders first', () => {
  it('takes the replies to the requests the page sent before its modules loaded, asking nothing again', async () => {
    const asked = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(asked);
    scope.__keyholdEarly = {
      vault: Promise.resolve({ ok: true, data: { state: 'locked' } }),
      credentials: Promise.resolve({ ok: true, data: [summary] }),
    };
    const early = earlyAnswers();
    expect(await early.vault).toEqual({ state: 'locked' });
    expect(await early.credentials).toEqual([summary]);
    expect(asked).not.toHaveBeenCalled();
  });

  it('reads an error reply, or no reply, as sendMessage does', async () => {
    scope.__keyholdEarly = {
      vault: Promise.resolve(undefined),
      credentials: Promise.resolve({ ok: false, error: { code: 'STORAGE_ERROR', message: 'Storage failed.' } }),
    };
    const early = earlyAnswers();
    await expect(early.vault).rejects.toMatchObject({ code: 'INTERNAL_ERROR' });
    await expect(early.credentials).rejects.toMatchObject({ code: 'STORAGE_ERROR', message: 'Storage failed.' });
  });

  it('asks now when the early requests were not sent', async () => {
    fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
      Promise.resolve(
        (message as { type: string }).type === 'vault.status' ? { ok: true, data: { state: 'new' } } : { ok: true, data: [] },
      ),
    );
    const early = earlyAnswers();
    expect(await early.vault).toEqual({ state: 'new' });
    expect(await early.credentials).toEqual([]);
  });

  it('renders with both answers once they are in', async () => {
    const answered = await whenAnswered({
      vault: Promise.resolve({ state: 'unlocked' }),
      credentials: Promise.resolve([summary]),
    } as EarlyAnswers);
    expect(answered.first).toEqual({ vault: { state: 'unlocked' }, credentials: [summary] });
  });

  it('does not wait past its limit for a slow answer, nor at all after a failure', async () => {
    vi.useFakeTimers();
    const slow = { vault: Promise.resolve({ state: 'locked' }), credentials: new Promise(() => undefined) } as EarlyAnswers;
    let answered: EarlyAnswers | undefined;
    void whenAnswered(slow, 50).then((result) => (answered = result));
    await vi.advanceTimersByTimeAsync(49);
    expect(answered).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answered?.first).toEqual({ vault: { state: 'locked' } });

    const failed = { vault: Promise.reject(new Error('no')), credentials: new Promise(() => undefined) } as EarlyAnswers;
    failed.vault.catch(() => undefined);
    let after: EarlyAnswers | undefined;
    void whenAnswered(failed, 50).then((result) => (after = result));
    await vi.advanceTimersByTimeAsync(0);
    expect(after?.first).toEqual({});
  });
});
