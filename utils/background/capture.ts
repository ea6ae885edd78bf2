// A capture handed in by the content script: seal at once (works while the vault is locked), update
// in place when it is a new secret for a credential already stored (rotation), then test with the
// values just received before dropping them, so one click gives a verdict.
import type { Runtime } from 'webextension-polyfill';
import { KeyholdError } from '../errors';
import { readPolicy } from '../policy/policy';
import type { PayloadOf, ReplyDataMap } from '../protocol';
import { detectConsole, getCredentialType, vendorModules } from '../vendors/registry';
import { validateValues } from '../vendors/validate-values';
import { addRecord, findByIdentity, identityHash, openRecordWith, updateRecord } from './credential-store';
import type { CredentialRecord } from '../vault/storage-schema';
import { recordTestResult } from './lifecycle';
import { selectedTemplate } from './console-tabs';
import { senderPageUrl } from './sender';
import { isEnabledSite } from './sites';
import { savePrefill } from './capture-prefill';
import { safeHost } from '../http/http-client';
import { runCredentialTest } from './test-runner';
import { requirePrivateKey, requireVaultMeta } from './vault-service';

/** Does the sender's page belong to the console of the vendor it claims? */
export async function assertCaptureOrigin(vendor: PayloadOf<'capture.submit'>['vendor'], sender: Runtime.MessageSender): Promise<URL> {
  const type = getCredentialType(vendor);
  const url = senderPageUrl(sender);
  const refuse = () => new KeyholdError('FORBIDDEN_SENDER', `This page is not a ${type.name} console, so it cannot hand in that credential.`);
  if (!url || url.protocol !== 'https:') throw refuse();
  const fixed = detectConsole(url);
  if (fixed) {
    if (fixed.console.id !== type.consoleId) throw refuse();
    return url;
  }
  const vendor_ = vendorModules.find((module) => module.console.id === type.consoleId);
  if (vendor_?.selfHosted && (await isEnabledSite(url)) && vendor_.console.detect(url, { selfHosted: true })) return url;
  throw refuse();
}

export async function handleCapture(
  payload: PayloadOf<'capture.submit'>,
  sender: Runtime.MessageSender,
): Promise<ReplyDataMap['capture.submit']> {
  const pageUrl = await assertCaptureOrigin(payload.vendor, sender);
  if ((await readPolicy()).hiddenVendors?.includes(getCredentialType(payload.vendor).consoleId)) {
    throw new KeyholdError('FORBIDDEN_SENDER', 'Your organisation turned Keyhold off for this console.');
  }
  await requireVaultMeta();
  const values = validateValues(getCredentialType(payload.vendor), payload.values, { allowMissing: true });
  await refuseOtherTenant(payload.vendor, values, pageUrl, sender.tab?.id);
  const source = { url: `${pageUrl.origin}${pageUrl.pathname}` };
  const identity = await identityHash(payload.vendor, values);
  const existing = await findByIdentity(payload.vendor, identity);
  let id: string;
  const type = getCredentialType(payload.vendor);
  // The template picked in the guide decides which privileges the test probes; it must be one of this type's.
  const picked = payload.template ?? (await selectedTemplate(type.consoleId));
  let template: string | undefined = picked && type.templates.some((t) => t.id === picked) ? picked : undefined;
  let rotated = false;
  if (existing) {
    rotated = await isRotation(existing, values, type.secretFields);
    await updateRecord(existing.id, values, { rotation: rotated, expiresAt: payload.expiresAt, source });
    id = existing.id;
    template ??= existing.template;
  } else {
    id = (await addRecord({ vendor: payload.vendor, values, template, expiresAt: payload.expiresAt, source })).id;
  }
  const started = performance.now();
  const test = await runCredentialTest(payload.vendor, values, { template });
  await recordTestResult(id, test, Math.round(performance.now() - started));
  return { id, updated: Boolean(existing), rotated, test };
}

/**
 * A new secret for a stored credential is a rotation (the old one is kept for roll-back); the same
 * secret captured again is not. Locked, the old values cannot be read, so a secret is assumed new.
 */
async function isRotation(existing: CredentialRecord, values: Record<string, string>, secretFields: string[]): Promise<boolean> {
  const handed = secretFields.filter((field) => field in values);
  if (!handed.length) return false;
  let privateJwk;
  try {
    privateJwk = await requirePrivateKey();
  } catch {
    return true;
  }
  try {
    const stored = await openRecordWith(existing, privateJwk);
    return handed.some((field) => stored[field] !== values[field]);
  } catch {
    return true;
  }
}

/**
 * A value read from the page that belongs to another tenant (#19 item 12) is not saved: the side
 * panel asks the admin, with the page tenant's own value prefilled.
 */
async function refuseOtherTenant(vendor: PayloadOf<'capture.submit'>['vendor'], values: Record<string, string>, page: URL, tabId?: number) {
  const foreign = getCredentialType(vendor).fromOtherTenant?.(values, page);
  if (!foreign) return;
  const shown = safeHost(values[foreign.field] ?? '');
  const { [foreign.field]: _dropped, ...kept } = values;
  await savePrefill({
    tabId,
    vendor,
    values: foreign.own ? { ...kept, [foreign.field]: foreign.own } : kept,
    ask: [foreign.field],
    note: `The page showed ${shown}, which is not ${page.hostname}’s. Check the address, then save.`,
  });
  throw new KeyholdError(
    'INCOMPLETE_CREDENTIAL',
    `The address on this page (${shown}) is not this tenant’s (${page.hostname}), so nothing was saved. Open Keyhold’s side panel to check it and save.`,
  );
}
