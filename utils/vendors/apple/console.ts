// Apple Business (business.apple.com) and Apple School Manager (school.apple.com): the DOM-only
// half, bundled into the content script. The private key is a downloaded file, so the page only
// ever shows the Client ID and the Key ID (in the API account's Manage view). A recognition needs
// both, each found beside its own label; the button is anchored on the Client ID value.
import type { Recognition, VendorConsole } from '../types';
import { appleDetector, serviceOf } from './detect';
import { CLIENT_ID_PATTERN, KEY_ID_PATTERN } from './ids';
import { closeness, controlBeside, dialogOf, labelled, named, SCORE, score, values, valueOf } from '../recognition';

const isClientId = (value: string) => CLIENT_ID_PATTERN.test(value);
const isKeyId = (value: string) => KEY_ID_PATTERN.test(value);

/** The API accounts page: "#/main/preferences/apiaccounts" (older), "…/api…" (current). */
const onApiPage = (url: URL) => /api/i.test(url.hash);

function recognise(url: URL, doc: Document): Recognition[] {
  if (!serviceOf(url) || !doc.body) return [];
  const route = onApiPage(url);
  // A Client ID labelled so in any language, or one the page's structure vouches for (its
  // dialog or Edit view, a copy button beside it): BUSINESSAPI./SCHOOLAPI. is a strong format.
  const clients = values(doc.body, isClientId).filter((el) => labelled(el, 'clientId') || score(el, isClientId, 2, 'clientId', route) >= SCORE);
  if (!clients.length) return [];
  const uuids = values(doc.body, isKeyId);
  const keys = uuids.filter((el) => labelled(el, 'keyId'));
  const recognitions: Recognition[] = [];
  for (const anchor of clients) {
    // The Key ID that shares the closest container with this Client ID (same modal, row or panel);
    // unlabelled, only the one UUID of the Client ID's own dialog with a copy button beside it.
    const dialog = dialogOf(anchor);
    const inDialog = dialog ? uuids.filter((el) => dialog.contains(el)) : [];
    const candidates = keys.length ? keys : inDialog.length === 1 && controlBeside(inDialog[0]) ? inDialog : [];
    const best = candidates.sort((a, b) => closeness(b, anchor) - closeness(a, anchor))[0];
    if (best) recognitions.push({ type: 'apple-business', anchor, values: { clientId: valueOf(anchor), keyId: valueOf(best) } });
  }
  return recognitions;
}

function currentStep(url: URL, doc: Document): string | null {
  if (!serviceOf(url) || !doc.body) return null;
  if (recognise(url, doc).length) return 'capture-ids';
  if (named(doc, /^generate (private key|(&|and) download)$/i).length) return 'generate-key';
  // Older sheet: "Create API Account" + "API Account Label"; current flow (Apple Business, 2026):
  // "Add API Account" → name and role → Next.
  const sheets = named(doc.body, /^(create|add) api account$/i, '*').some((element) => /^H\d$/.test(element.tagName) || dialogOf(element));
  if (sheets || named(doc.body, /^api account label$/i, '*').length) return 'create-account';
  const route = url.hash.replace(/^#\/?/, '').toLowerCase();
  // Accounts listed with their Edit (current) or Manage (older) action: the IDs are one click away.
  if (onApiPage(url) && named(doc, /^(edit|manage)$/i).length) return 'capture-ids';
  if (route.includes('apiaccounts') || /(^|\/)api$/.test(route)) return 'create-account';
  if (/(^|\/)(signin|sign-in|login)\b/.test(route) || /signin|login/i.test(url.pathname)) return null;
  return 'open-api';
}

export const appleConsole: VendorConsole = {
  ...appleDetector,
  currentStep,
  recognise,
};
