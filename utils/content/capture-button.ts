// The in-page "Save to Keyhold" button: an open shadow root beside the displayed secret, so the
// console's styles cannot break it and tests (and assistive tech) can reach it. It never changes
// the console's layout: the host sits in the DOM right after the value (so Tab reaches it next,
// and screen readers meet it there) but is absolutely positioned and 0×0, and the button floats
// just below the value. Being in the value's own scroll container, it follows scrolling with no
// listener; only size changes (the value's box, the window) move it, through one rAF.
// Minified by hand: every byte of this script ships into each console page.
import { t } from '../i18n/in-page';

const STYLE = `:host{all:initial;position:absolute;width:0;height:0;overflow:visible;z-index:2147483646}button{position:absolute;white-space:nowrap;box-shadow:0 1px 4px rgba(0,0,0,.25);font:600 13px/1.2 system-ui,sans-serif;padding:5px 10px;border-radius:6px;cursor:pointer;border:1px solid #1f5fbf;background:#1f5fbf;color:#fff}button:hover{background:#174a96}button:focus-visible{outline:3px solid #f0b400;outline-offset:2px}button[data-state=busy]{opacity:.8;cursor:progress}button[data-state=ok]{background:#1b7f3b;border-color:#1b7f3b}button[data-state=warn]{background:#fff4e5;color:#6b3d00;border-color:#b36b00}button[data-state=error]{background:#fdecea;color:#8c1d18;border-color:#b3261e}@media (prefers-color-scheme:dark){button{background:#8ab4f8;color:#0b1b33;border-color:#8ab4f8}button:hover{background:#aecbfa}button[data-state=ok]{background:#81c995;border-color:#81c995;color:#0b2612}button[data-state=warn]{background:#3d2a00;color:#fdd663;border-color:#fdd663}button[data-state=error]{background:#3b0d0b;color:#f6aea9;border-color:#f28b82}}`;

export type ButtonState = 'idle' | 'busy' | 'ok' | 'warn' | 'error';

export interface CaptureButton {
  host: HTMLElement;
  setState(state: ButtonState, text: string, detail?: string): void;
  /** Put the button beside `anchor` (host right after it) and keep it there; returns the undo. */
  attach(anchor: Element): () => void;
}

export function createCaptureButton(onClick: () => void): CaptureButton {
  const host = document.createElement('keyhold-capture');
  host.setAttribute('data-keyhold', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = t('page.cs.save');
  button.title = t('page.cs.saveTitle');
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation();
    // Only the admin's own click (or key press) saves: a script on the console page can reach this
    // open shadow root, but its synthetic clicks are not trusted.
    if (!event.isTrusted) return;
    if (button.dataset.state !== 'busy') onClick();
  });
  button.setAttribute('aria-live', 'polite');
  root.append(style, button);
  return {
    host,
    attach(anchor) {
      anchor.insertAdjacentElement('afterend', host);
      const win = host.ownerDocument.defaultView ?? window;
      let frame = 0;
      const place = () => {
        frame = 0;
        const value = anchor.getBoundingClientRect();
        const origin = host.getBoundingClientRect();
        button.style.left = `${Math.round(value.left - origin.left)}px`;
        button.style.top = `${Math.round(value.bottom - origin.top + 4)}px`;
      };
      const soon = () => (frame ||= win.requestAnimationFrame(place));
      place();
      const Resize = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
      const sizes = Resize && new Resize(soon);
      sizes?.observe(anchor);
      if (anchor.parentElement) sizes?.observe(anchor.parentElement);
      win.addEventListener('resize', soon);
      return () => {
        sizes?.disconnect();
        win.removeEventListener('resize', soon);
        if (frame) win.cancelAnimationFrame(frame);
        host.remove();
      };
    },
    setState(state, text, detail) {
      button.dataset.state = state;
      button.textContent = text;
      button.title = detail ?? text;
      button.setAttribute('aria-busy', String(state === 'busy'));
    },
  };
}
