// The content script's context, in place of WXT's ContentScriptContext (the content-script build
// resolves `wxt/utils/content-script-context` here, see wxt.config.ts): the in-page script uses
// only `onInvalidated`, and WXT's class adds timers, a location watcher and a logger (about 1 KB
// gzip of the 12 KB budget). Kept: a newer copy of the script (the extension was reloaded or
// updated) announces itself on the document, and the older copy stops. Not kept: WXT's
// window.postMessage announcement, which only main-world scripts need (Keyhold has none).
import { browser } from 'wxt/browser';

export class ContentScriptContext {
  readonly #controller = new AbortController();

  constructor(name: string) {
    const type = `${browser.runtime?.id}:${name}:wxt:content-script-started`;
    const id = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: name, messageId: id } }));
    const onNewer = (event: Event) => {
      const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | null>).detail;
      if (event instanceof CustomEvent && detail?.contentScriptName === name && detail.messageId !== id) this.#controller.abort();
    };
    document.addEventListener(type, onNewer, { signal: this.#controller.signal });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get isValid(): boolean {
    if (browser.runtime?.id == null) this.#controller.abort();
    return !this.#controller.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    this.#controller.signal.addEventListener('abort', callback);
    return () => this.#controller.signal.removeEventListener('abort', callback);
  }
}
