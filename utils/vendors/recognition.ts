// Shared recognition kit for every console's DOM half (bundled into the content script: no
// imports, kept small). A shown credential is recognised from signals that do not change with the
// console's language or markup, and decided by a score, never by a value's shape alone:
//
//   format   how distinctive the value is: a prefix (jca_, BUSINESSAPI.) 2, a UUID 1, a token 0
//   label    a label beside it names the field, in any language the console ships (WORDS) +2
//   dialog   it sits in an open dialog, where consoles show once-only values +1
//   control  a copy button or a show/hide toggle beside it (by name in any language, by icon,
//            by a clipboard attribute) +1
//   route    the URL is the console's credential page +1
//   few      its dialog holds one or two secret-shaped values, not a list +1
//   list     it is one of several such values in a table or list (inventories, user lists) −3
//
// A credential is taken at SCORE or more: a UUID or a token needs at least three signals beyond
// its shape, a prefixed key at least two.

export const SCORE = 4;

/**
 * Field names, squashed (lower case, no spaces or punctuation), in the languages the consoles
 * ship. Sources: Apple's localized user guides, "Create an API account" (support.apple.com
 * ja-jp/de-at/fr-ca/es-es …/guide/apple-school-manager/axm33189f66a) and Apple's Japanese
 * developer help ("キーID (kid)", developer.apple.com/jp/help/account/configure-app-capabilities/
 * create-a-sign-in-with-apple-private-key); Jamf Pro's localized documentation ("API ロールとクライアント",
 * learn.jamf.com ja-JP, cited by zenn.dev/howdy39/articles/52e592d8146dd4) for its client pages.
 * English is one entry among others. Unknown languages still work through the other signals.
 */
const WORDS = {
  clientId:
    'clientid|idclient|idduclient|identifiantclient|identifiantduclient|iddecliente|iddelcliente|identificadordecliente|clientkennung|クライアントid|客户端id|用戶端id|클라이언트id|idcliente|iddocliente',
  secret:
    'clientsecret|clientgeheimnis|geheimnis|clientschlüssel|secretclient|secretduclient|clésecrète|secretodecliente|secretodelcliente|secreto|clavesecreta|クライアントシークレット|シークレット|客户端密钥|客户端密码|用戶端密碼|클라이언트시크릿|segredodocliente|segretoclient',
  keyId: 'keyid|schlüsselid|iddeclé|iddelaclé|identifiantdeclé|iddeclave|iddelaclave|キーid|鍵id|密钥id|키id|iddachiave|iddachave',
  apiKey: 'apikey|cléapi|clédapi|apischlüssel|clavedeapi|claveapi|apiキー|api密钥|api키|chiaveapi',
  token: 'token|jeton|jetonapi|jetondapi|tokendeapi|トークン|令牌|토큰',
};
export type Field = keyof typeof WORDS;
const COPY_WORDS = 'copy|copier|copiar|copia|kopieren|をコピー|コピー|复制|複製|복사';
const COPY = new RegExp(`${COPY_WORDS}|kopier|clipboard`);
const REVEAL = /show|reveal|eye|visib|afficher|anzeigen|einblenden|mostrar|ver$|表示|显示|顯示|보기/;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Printable, no spaces, letters and digits, not a UUID, not a mask ("••••", "****"). */
export const isToken = (value: string) =>
  /^[\x21-\x7e]{16,256}$/.test(value) && /\d/.test(value) && /[a-z]/i.test(value) && !UUID.test(value) && !/[*•●]{3}/.test(value);

const DIALOGS = 'dialog,[role=dialog],[role=alertdialog],[aria-modal=true],.modal,.mat-mdc-dialog-container,.mat-dialog-container';
const LISTS = 'table,ul,ol,[role=grid],[role=table],[role=list],[role=listbox]';
const CONTROLS = 'button,[role=button],a[href],input[type=button]';
const CLIP = ['data-clipboard-text', 'data-copy', 'data-copy-text', 'data-clipboard'];
const SKIP = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|BUTTON|OPTION|KEYHOLD-CAPTURE)$/;

export const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** "Client-ID:" → "clientid", "クライアント ID" → "クライアントid". */
export const squash = (text: string | null | undefined) => (text ?? '').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

const anchored = new Map<Field, RegExp>();
/** Does a label (squashed) name `field`? "API Client Secret", "Your API key", "Client ID:" do. */
export function names(label: string, field: Field): boolean {
  let re = anchored.get(field);
  // "Copy Client ID" / "クライアントIDをコピー" on a copy button name the value it copies.
  const copy = `(?:${COPY_WORDS})?`;
  if (!re) anchored.set(field, (re = new RegExp(`^${copy}(?:api|my|your|new|the)?(?:${WORDS[field]})${copy}$`, 'u')));
  return re.test(label);
}
/** A title or sentence that mentions `field` ("API Client Secret created"). */
export const mentions = (text: string, field: Field) => new RegExp(WORDS[field], 'u').test(squash(text));

const isField = (el: Element) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';

/** What an element shows: an input's value, a clipboard attribute, else its text. */
export function valueOf(el: Element): string {
  if (isField(el)) return ((el as HTMLInputElement).value ?? '').trim();
  for (const name of CLIP) if (el.hasAttribute(name)) return (el.getAttribute(name) ?? '').trim();
  return norm(el.textContent);
}

/** Rendered: not hidden by attribute, closed dialog, template, or style. */
export function isShown(el: Element): boolean {
  if (el.closest('[hidden],[aria-hidden=true],template,dialog:not([open])')) return false;
  if (el.tagName === 'INPUT' && /^(hidden|checkbox|radio)$/i.test((el as HTMLInputElement).type)) return false;
  // Stylesheet rules too (a closed modal kept in the DOM by a class). Chrome 105+, Firefox 106+.
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return !check || check.call(el, { visibilityProperty: true });
}

export const dialogOf = (el: Element) => el.closest(DIALOGS);
export const dialogs = (root: ParentNode) => [...root.querySelectorAll(DIALOGS)].filter(isShown);

/** A dialog's title: aria-labelledby, aria-label or its first heading. */
export function dialogTitle(dialog: Element): string {
  const ids = dialog.getAttribute('aria-labelledby');
  return ids
    ? textOfIds(dialog.ownerDocument, ids)
    : norm(dialog.getAttribute('aria-label') || dialog.querySelector('h1,h2,h3,h4,[class*=title]')?.textContent);
}

const textOfIds = (doc: Document, ids: string) =>
  norm(
    ids
      .split(/\s+/)
      .map((id) => doc.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

/**
 * Elements under `root` whose whole value passes `test`: fields by value, clipboard buttons by
 * attribute, other elements by their own text (the deepest element holding it). Shown only.
 */
export function values(root: Element | Document, test: (value: string) => boolean): Element[] {
  const found = new Set<Element>();
  for (const el of root.querySelectorAll(`input,textarea,${CLIP.map((a) => `[${a}]`).join()}`)) if (test(valueOf(el))) found.add(el);
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue!.trim();
    let el = node.parentElement;
    if (text.length < 16 || !el || SKIP.test(el.tagName) || !test(text)) continue;
    // "<p>Key: <code>…</code></p>" is a sentence, not a value: the value must be the element's text.
    if (norm(el.textContent) !== text) continue;
    found.add(el);
  }
  return [...found].filter(isShown);
}

/** Label texts the page puts beside a value, squashed, nearest first. */
export function labelsOf(el: Element): string[] {
  const doc = el.ownerDocument;
  const out: string[] = [];
  const add = (text: string | null | undefined) => {
    const label = squash(text);
    if (label && label.length <= 40) out.push(label);
  };
  const ids = el.getAttribute('aria-labelledby');
  if (ids) add(textOfIds(doc, ids));
  for (const name of ['aria-label', 'placeholder', 'title', 'name', 'id']) add(el.getAttribute(name));
  // <label for> compared by property, not by selector: ids may hold any character.
  for (const label of doc.querySelectorAll('label'))
    if ((el.id && (label as HTMLLabelElement).htmlFor === el.id) || label.contains(el)) add(label.textContent);
  const cell = el.closest('td,dd');
  if (cell?.tagName === 'DD') {
    let dt = cell.previousElementSibling;
    while (dt && dt.tagName !== 'DT') dt = dt.previousElementSibling;
    add(dt?.textContent);
  } else if (cell) {
    const row = cell.parentElement!;
    add(row.querySelector('th')?.textContent);
    const header = cell.closest('table')?.querySelector('thead tr');
    if (header) add(header.children[[...row.children].indexOf(cell)]?.textContent);
  }
  // The nearest text before the value, climbing out of wrappers (label/value divs, rows).
  let node: Element | null = el;
  let text = '';
  for (let depth = 0; node && !text && depth < 3 && !node.matches(DIALOGS); depth++, node = node.parentElement) {
    for (let prev = node.previousSibling; prev && !text; prev = prev.previousSibling) {
      // Loose text counts only when it and the value are all there is ("<label>Token <input>"):
      // "<p>Client ID: <code>…</code> Secret: <code>…</code></p>" is a sentence.
      if (prev.nodeType !== 1) text = node.parentElement?.childElementCount === 1 ? norm(prev.nodeValue) : '';
      else if (!(prev as Element).matches(`${CONTROLS},svg,img,[role=img],[role=tooltip]`)) text = norm(prev.textContent);
      // A heading names a section or a dialog, not the value (dialog titles are a signal of their own).
      if (/^H\d$/.test((prev as Element).tagName)) return out;
    }
  }
  add(text);
  return out;
}

export const labelled = (el: Element, field: Field) => labelsOf(el).some((label) => names(label, field));

/** Copy buttons and visibility toggles beside a value (its row, up to its dialog), as names. */
export function controlsBeside(el: Element): string[] {
  const found: string[] = [];
  for (const name of CLIP) if (el.hasAttribute(name)) found.push(squash(el.getAttribute('aria-label')) || 'copy');
  let scope: Element | null = el;
  const room = valueOf(el).length + 120;
  // Only the value's own row: a wrapper holding much more text is a page section, not a row.
  for (let depth = 0; !found.length && depth < 4 && (scope = scope.parentElement) && norm(scope.textContent).length < room; depth++) {
    for (const control of scope.querySelectorAll(CONTROLS)) {
      if (control.contains(el)) continue;
      const label = squash([control.textContent, control.getAttribute('aria-label'), control.getAttribute('title')].join(' '));
      const name =
        label +
        squash(
          [
            control.id,
            control.getAttribute('class'),
            ...[...control.attributes].filter((a) => a.name.startsWith('data-')).map((a) => `${a.name} ${a.value}`),
          ].join(' '),
        );
      // An icon-only control (no words) beside the value counts too: it copies or reveals.
      if (COPY.test(name) || REVEAL.test(name) || !squash(control.textContent)) found.push(label);
    }
    if (scope.matches(DIALOGS)) break;
  }
  return found;
}

export const controlBeside = (el: Element) => controlsBeside(el).length > 0;

/** In a data table (with column headers) or a list whose rows hold values of the same shape. */
export function inList(el: Element, test: (value: string) => boolean): boolean {
  const list = el.closest(LISTS);
  return !!list && (list.tagName === 'TABLE' && !!list.querySelector('thead') ? true : values(list, test).length > 2);
}

/**
 * The score of one value element. `strength` is its format's (0 token, 1 UUID, 2 prefixed);
 * `field` the label words it may carry; `route` whether the URL is the credential page; `extra`
 * what the console adds (JumpCloud: the secret's Client ID labelled beside it).
 */
export function score(el: Element, test: (value: string) => boolean, strength: number, field: Field, route: boolean, extra = 0): number {
  const dialog = dialogOf(el);
  let total = strength + extra + (route ? 1 : 0);
  const controls = controlsBeside(el);
  // Named by a label, by its dialog's title, or by its copy button ("Copy token", "コピー" + field).
  if (labelled(el, field) || (dialog && mentions(dialogTitle(dialog), field)) || controls.some((name) => names(name, field))) total += 2;
  if (dialog) total += 1 + (values(dialog, (v) => test(v) || isToken(v)).length <= 2 ? 1 : 0);
  if (controls.length) total++;
  // The list check walks the whole table: only for a value that would otherwise be taken.
  return total >= SCORE && inList(el, test) ? total - 3 : total;
}

/** The deepest common container of two elements, as a depth (higher is closer). */
export function closeness(a: Element, b: Element): number {
  let node: Node | null = a;
  while (node && !node.contains(b)) node = node.parentNode;
  let depth = 0;
  for (; node; node = node.parentNode) depth++;
  return depth;
}

/**
 * Shown elements under `root` whose name matches `re`: controls by text, aria-label, title or
 * value; with `selector` '*', any element by its own text, aria-label or placeholder.
 */
export function named(root: ParentNode, re: RegExp, selector = `${CONTROLS},input[type=submit]`): Element[] {
  const leaf = selector === '*';
  return [...root.querySelectorAll(selector)].filter(
    (el) =>
      [
        el.getAttribute('aria-label'),
        el.getAttribute(leaf ? 'placeholder' : 'title'),
        leaf && el.childElementCount ? '' : el.textContent,
        leaf ? '' : (el as HTMLInputElement).value,
      ].some((name) => name && re.test(norm(name).replace(/\s*[:*]$/, ''))) && isShown(el),
  );
}
