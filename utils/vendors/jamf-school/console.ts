// Jamf School in the page: the API key on Organization → Settings → API, and the Network ID
// wherever the page shows it (a "Network ID" value, or the number in an MDM server URL
// "…network=<id>…" on Devices → Enroll Device(s)). Language-free first: the key is found by its
// shape inside the key's dialog or the API page; a label is one signal. DOM-only.
import type { Recognition, VendorConsole } from '../types';
import { dialogs, isShown, labelledValues, valueOf } from '../jamf-pro/dom';
import { jamfSchoolDetector } from './detect';

/** One public sample is 32 characters of A–Z and 0–9; 24–64 letters and digits are accepted. */
const KEY = /^[A-Za-z0-9]{24,64}$/;
/** A 40-hex UDID or a hash is not a key. */
const isKey = (value: string) => KEY.test(value) && !/^[0-9a-f]{40}$/i.test(value) && !/^(.)\1+$/.test(value);
const isNetworkId = (value: string) => /^\d{4,12}$/.test(value);

function shownValues(root: Element): Element[] {
  return [...root.querySelectorAll('input,textarea,code,output,pre,span,td,dd,div')].filter(
    (el) => (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.children.length === 0) && isShown(el) && valueOf(el) !== '',
  );
}

function findKey(url: URL, doc: Document): Element | null {
  const labelled = labelledValues(doc.body, /^(?:api )?key:?$|^api token:?$/i, isKey)[0];
  if (labelled) return labelled;
  // One key-shaped value in an open dialog, or on the API settings page itself.
  for (const dialog of dialogs(doc.body)) {
    const keys = shownValues(dialog).filter((el) => isKey(valueOf(el)));
    if (keys.length === 1) return keys[0];
  }
  if (!/\/api(?:\/|$)|settings/i.test(url.pathname)) return null;
  const keys = shownValues(doc.body).filter((el) => isKey(valueOf(el)));
  return keys.length === 1 ? keys[0] : null;
}

function findNetworkId(doc: Document): string | undefined {
  const labelled = labelledValues(doc.body, /^network ?id:?$/i, isNetworkId)[0];
  if (labelled) return valueOf(labelled);
  const inUrl =
    /[?&]network=(\d{4,12})\b/.exec(doc.body.textContent ?? '') ??
    /[?&]network=(\d{4,12})\b/.exec([...doc.querySelectorAll('input')].map((input) => input.value).join(' '));
  return inUrl?.[1];
}

export function recognise(url: URL, doc: Document): Recognition[] {
  if (!jamfSchoolDetector.detect(url, { doc }) || !doc.body) return [];
  const key = findKey(url, doc);
  if (!key) return [];
  const values: Record<string, string> = { baseUrl: url.origin.toLowerCase(), apiKey: valueOf(key) };
  const networkId = findNetworkId(doc);
  if (networkId) values.networkId = networkId;
  return [{ type: 'jamf-school', anchor: key, values }];
}

export const jamfSchoolConsole: VendorConsole = {
  ...jamfSchoolDetector,
  currentStep(url, doc) {
    if (recognise(url, doc).length) return 'capture';
    if (/enroll/i.test(url.pathname)) return 'network-id';
    if (/settings/i.test(url.pathname)) return /api/i.test(url.pathname + url.hash) ? 'add-key' : 'open-api';
    return null;
  },
  recognise,
};
