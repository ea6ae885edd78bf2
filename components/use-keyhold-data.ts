// Pages listen instead of polling: the background sends a data-free "changed" signal naming the
// areas it wrote (utils/background/changed-signal.ts); each hook here asks again for what it shows
// when its area changes, and whenever the page regains focus (a signal missed while the worker
// restarted, a lock the page slept through).
import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { isChangedSignal, type ChangedArea } from '@/utils/protocol';
import { useAsync } from './use-async';

type Listener = (areas: ChangedArea[] | 'focus') => void;
const listeners = new Set<Listener>();
let attached = false;

/** Only this extension's own background or pages may tell a page that something changed. */
export function fromThisExtension(sender: { id?: string; url?: string; tab?: unknown }): boolean {
  return (
    sender.id === browser.runtime.id && !sender.tab && (sender.url === undefined || sender.url.startsWith(browser.runtime.getURL('/')))
  );
}

function attach() {
  if (attached) return;
  attached = true;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Requests other pages send to the background arrive here too: leave them unanswered.
    if (isChangedSignal(message) && fromThisExtension(sender)) for (const listener of listeners) listener(message.areas);
    return undefined;
  });
  const onFocus = () => {
    for (const listener of listeners) listener('focus');
  };
  window.addEventListener('focus', onFocus);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') onFocus();
  });
}

/** Call `onChange` when any of `areas` changes, and when the page regains focus. */
export function useChanged(areas: readonly ChangedArea[], onChange: (why: ChangedArea[] | 'focus') => void): void {
  const latest = useRef({ areas, onChange });
  latest.current = { areas, onChange };
  useEffect(() => {
    attach();
    const listener: Listener = (why) => {
      const { areas: wanted, onChange: run } = latest.current;
      if (why === 'focus' || why.some((area) => wanted.includes(area))) run(why);
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}

/** Data from the background, asked again when one of its areas changes or the page regains focus. */
export function useKeyholdData<T>(load: () => Promise<T>, areas: readonly ChangedArea[], deps: unknown[] = [], initial?: T) {
  const result = useAsync(load, deps, initial);
  useChanged(areas, () => void result.reload());
  return result;
}

/** The first load takes an answer requested before React started; reloads ask again. */
export function firstThen<T>(early: Promise<T> | undefined, load: () => Promise<T>): () => Promise<T> {
  let pending = early;
  return () => {
    const answer = pending ?? load();
    pending = undefined;
    return answer;
  };
}
