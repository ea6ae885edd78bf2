// "Report this page": a redacted snapshot of a console page for a bug report, so a page where
// Keyhold showed no button can become a regression test (tests/fixtures/field-reports/).
//
// `snapshotPage` is injected on demand into the console tab with browser.scripting.executeScript
// (from the side panel, after the admin's click); it is NOT part of the content script. It must
// therefore be self-contained: no imports, no module-level helpers (the browser serialises the
// function's source). It keeps what recognition needs (structure, tag names, roles, aria and data
// attributes, classes, labels made of plain words, where values sit and their shape) and replaces
// everything that could identify anyone or anything:
//
// - every value that could be a secret, an id, an e-mail, a name or a host (any text with a digit,
//   an @, a dot or underscore inside, a long run without spaces, text in table cells, definition
//   values, list items, headers, menus and navigation) by a fake of the same shape and length:
//   digits stay digits, hex stays hex, letters stay letters of the same case; "-", "_", ".", "@",
//   ":" and "/" stay; known prefixes (jca_, sa_, BUSINESSAPI., SCHOOLAPI.) and vendor domain
//   labels (jamfcloud, jumpcloud, apple, kandji, iru, api, eu, console…) stay. The same value
//   always gets the same fake within one snapshot, so a Client ID shown twice still matches;
// - form state: an input's current value is replaced by a fake of its shape (kept as the value
//   attribute, so recognisers still see a value there); checked/selected states are kept;
// - nothing from cookies, storage, scripts, comments, frames, links (href/src) or the query
//   string; the URL keeps only its path and hash, with ids in them faked too.

export interface PageSnapshot {
  /** Origin (host faked), path and hash; never the query string. */
  url: string;
  title: string;
  lang: string;
  /** The redacted document as HTML. */
  html: string;
  /** How many values were replaced by fakes. */
  replaced: number;
}

export function snapshotPage(doc: Document = document, href: string = location.href): PageSnapshot {
  const fakes = new Map<string, string>();
  let replaced = 0;
  const KEEP_PREFIX = /^(jca_|sa_|BUSINESSAPI\.|SCHOOLAPI\.)/;
  const KEEP_LABELS = /^(www|api|eu|in|console|business|school|apple|jamfcloud|jumpcloud|kandji|iru|com|io|org|net|https?)$/i;
  const random = (n: number) => {
    const buffer = new Uint32Array(1);
    crypto.getRandomValues(buffer);
    return buffer[0] % n;
  };
  const pick = (set: string) => set[random(set.length)];

  /** A fake of the same shape: character classes kept, separators and known prefixes kept. */
  function fake(value: string): string {
    const known = fakes.get(value);
    if (known !== undefined) return known;
    const prefix = KEEP_PREFIX.exec(value)?.[0] ?? '';
    const hex = /^[0-9a-f-]+$/i.test(value.slice(prefix.length)) && /\d/.test(value);
    let out = prefix;
    // Host-like parts keep the vendor's own domain labels.
    const parts = value.slice(prefix.length).split(/([.@:/_-])/);
    for (const part of parts) {
      if (/^[.@:/_-]$/.test(part) || KEEP_LABELS.test(part)) {
        out += part;
        continue;
      }
      for (const ch of part) {
        if (/\d/.test(ch)) out += pick('0123456789');
        else if (hex && /[a-f]/.test(ch)) out += pick('abcdef');
        else if (hex && /[A-F]/.test(ch)) out += pick('ABCDEF');
        else if (/[a-z]/.test(ch)) out += pick('abcdefghijklmnopqrstuvwxyz');
        else if (/[A-Z]/.test(ch)) out += pick('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
        else if (/\p{L}/u.test(ch)) out += 'x';
        else out += ch;
      }
    }
    if (out !== value) replaced++;
    fakes.set(value, out);
    return out;
  }

  /** A plain label word: letters only (any script), short. Anything else may identify. */
  const plainWord = (word: string) => /^[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}]+)*$/u.test(word) && word.length < 24;
  /** Where names, e-mails and ids are shown as data rather than as labels. */
  const DATA =
    'td,dd,li,[role=cell],[role=gridcell],[role=option],header,[role=banner],nav,[role=menu],[role=navigation],address,code,pre,output,kbd,samp,input,textarea';

  function redactText(text: string, inData: boolean): string {
    // Punctuation and spaces stay; each word is kept only when it is a plain label word outside
    // data positions.
    return text.replace(/[^\s,;()[\]{}"“”«»!?…|]+/gu, (word) => {
      const bare = word.replace(/[:*.]+$/, '');
      if (!inData && plainWord(bare)) return word;
      return fake(bare) + word.slice(bare.length);
    });
  }

  const DROP = /^(SCRIPT|NOSCRIPT|IFRAME|FRAME|OBJECT|EMBED|TEMPLATE|LINK|META|BASE|CANVAS|VIDEO|AUDIO|IMG|PICTURE|SOURCE)$/;
  const KEEP_ATTR =
    /^(id|class|role|type|for|name|hidden|open|readonly|disabled|checked|selected|lang|dir|tabindex|colspan|rowspan|style|placeholder|title|alt|value|aria-[\w-]+|data-[\w-]+)$/;
  const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => ESCAPE[ch]);

  function attribute(el: Element, name: string, value: string, inData: boolean): string | null {
    if (!KEEP_ATTR.test(name)) return null;
    if (name === 'style') return value.replace(/url\([^)]*\)/gi, 'none');
    if (name === 'value') return null; // written from the live value below
    if (/^(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns)$/.test(name)) {
      // References between elements must keep matching: fake each id consistently.
      return value
        .split(/\s+/)
        .map((id) => (/\d|@|\./.test(id) || id.length >= 16 ? fake(id) : id))
        .join(' ');
    }
    if (name === 'class' || name === 'role' || name === 'type' || name === 'lang' || name === 'dir') return value;
    // aria-label, title, placeholder and alt name things (labels); data-* and the rest are data.
    return redactText(
      value,
      !/^(aria-label|title|placeholder|alt)$/.test(name) && (inData || name.startsWith('data-') || el.tagName === 'INPUT'),
    );
  }

  function serialise(node: Node, inData: boolean): string {
    if (node.nodeType === 3) return escape(redactText(node.nodeValue ?? '', inData));
    if (node.nodeType !== 1) return ''; // comments, processing instructions
    const el = node as Element;
    const tag = el.tagName;
    if (DROP.test(tag) || el.hasAttribute('data-keyhold')) return '';
    const name = tag.toLowerCase();
    const data = inData || el.matches(DATA);
    let attrs = '';
    for (const attr of [...el.attributes]) {
      const value = attribute(el, attr.name, attr.value, data);
      if (value !== null) attrs += ` ${attr.name}="${escape(value)}"`;
    }
    if (tag === 'INPUT' || tag === 'TEXTAREA') {
      const field = el as HTMLInputElement;
      const live = field.value ?? '';
      const kind = (field.type ?? '').toLowerCase();
      if (kind === 'checkbox' || kind === 'radio') {
        if (field.checked && !el.hasAttribute('checked')) attrs += ' checked';
      } else if (live) {
        const value = redactText(live, !/^(button|submit|reset)$/.test(kind));
        if (tag === 'INPUT') attrs += ` value="${escape(value)}"`;
        else return `<textarea${attrs}>${escape(value)}</textarea>`;
      }
      if (tag === 'INPUT') return `<input${attrs}>`;
      return `<textarea${attrs}></textarea>`;
    }
    if (tag === 'SVG' || name === 'svg') return `<svg${attrs}></svg>`; // icons: their shape is enough
    if (tag === 'STYLE') return `<style>${escape((el.textContent ?? '').replace(/url\([^)]*\)/gi, 'none'))}</style>`;
    if (/^(AREA|BR|COL|HR|WBR)$/.test(tag)) return `<${name}${attrs}>`;
    let inner = '';
    for (const child of el.childNodes) inner += serialise(child, data);
    return `<${name}${attrs}>${inner}</${name}>`;
  }

  const url = new URL(href);
  const host = url.hostname
    .split('.')
    .map((label) => (KEEP_LABELS.test(label) ? label : fake(label)))
    .join('.');
  const path = (p: string) =>
    p
      .split('/')
      .map((segment) => (/\d|@/.test(segment) || segment.length >= 24 ? fake(segment) : segment))
      .join('/');
  const hash = url.hash ? '#' + path(url.hash.slice(1).split('?')[0]) : '';
  const port = url.port ? `:${url.port}` : '';
  const html = serialise(doc.documentElement, false);
  return {
    url: `${url.protocol}//${host}${port}${path(url.pathname)}${hash}`,
    title: redactText(doc.title, false),
    lang: doc.documentElement.lang,
    html: `<!doctype html>\n${html}\n`,
    replaced,
  };
}
