// What the Jamf family consoles show once a credential is made, read without relying on wording:
// the panel is found by a value only it shows (an endpoint URL), and its other values are read in
// the order the console lays them out (ID first, secret second); a matching label, in the page's
// language or not, only overrides that order. Shared by the three recognisers (content script).
import { isShown, labelsOf, valueOf } from '../recognition';

/** A value an admin could copy: printable, no spaces, not a URL, not a mask ("••••", "****"). */
export const isValue = (value: string) => /^[\x21-\x7e]{6,512}$/.test(value) && !/^https?:/i.test(value) && !/^(.)\1+$/.test(value);

/** Copyable values on show: fields, and elements with no child elements. */
export const shownValues = (root: ParentNode): Element[] =>
  [...root.querySelectorAll('input,textarea,code,output,pre,dd')].filter(
    (el) => (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || !el.children.length) && valueOf(el) && isShown(el),
  );

/** Shown values under `root` that pass `test` and whose label (squashed by the kit: "Client ID" → "clientid") matches. */
export const labelledValues = (root: ParentNode, label: RegExp, test: (value: string) => boolean): Element[] =>
  shownValues(root).filter((el) => test(valueOf(el)) && labelsOf(el).some((text) => label.test(text)));

/** The ID and secret in the panel that shows a value matching `anchor`, or null. */
export function credentialNear(doc: Document, anchor: RegExp, idLabel: RegExp, secretLabel: RegExp) {
  const url = shownValues(doc.body).find((el) => anchor.test(valueOf(el)));
  const values = (el: Element) => shownValues(el).filter((v) => isValue(valueOf(v)));
  let panel = url?.parentElement;
  for (let depth = 0; panel && depth < 8 && values(panel).length < 2; depth++) panel = panel.parentElement;
  if (!url || !panel) return null;
  const [first, second] = values(panel);
  const id = labelledValues(panel, idLabel, isValue)[0] ?? first;
  const secret = labelledValues(panel, secretLabel, isValue)[0] ?? second;
  return id && secret && id !== secret ? { panel, url, id, secret } : null;
}
