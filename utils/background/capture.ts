// A capture handed in by the content script: seal at once (works while the vault is locked), update
// in place when it is a new secret for a credential already stored (rotation), then test with the
// values just received before dropping them, so one click gives a verdict.
import type { Runtime } from 'webextension-polyfill';
import { KeyholdError } from '../errors';
import { readPolicy } from '../policy/policy';
import type { PayloadOf, ReplyDataMap } from '../protocol';
import { detectConsole, getCredentialType, vendorModules } from '../vendors/registry';
import { validateValues } from '../vendors/validate-values';
import type { CredentialType } from '../vendors/types';
import { refreshAttention, saveOutcome } from './after-write';
import { addRecord, findIdByIdentity, identityHash, mergeIntoRecord } from './credential-store';
import { selectedTemplate } from './console-tabs';
import { senderPageUrl } from './sender';
import { isEnabledSite } from './sites';
import { savePrefill } from './capture-prefill';
import { safeHost } from '../http/http-client';
import { runCredentialTest } from './test-runner';
import { reportFailure } from './report-failure';
import { t } from '../i18n/translate';

/** Does the sender's page belong to the console of the vendor it claims? */
export async function assertCaptureOrigin(
  vendor: PayloadOf<'capture.submit'>['vendor'],
  sender: Runtime.MessageSender,
  type: CredentialType<any> = getCredentialType(vendor),
): Promise<URL> {
  const url = senderPageUrl(sender);
  const refuse = () => new KeyholdError('FORBIDDEN_SENDER', t('bg.capture.notConsole', [type.name]));
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

/**
 * The capture path, in one direction: check the sender and the policy, parse the values once, find
 * the credential through the identity index, write the sealed record once, then hand the written
 * record to the test, the audit entry and the badge.
 */
export async function handleCapture(
  payload: PayloadOf<'capture.submit'>,
  sender: Runtime.MessageSender,
): Promise<ReplyDataMap['capture.submit']> {
  const type = getCredentialType(payload.vendor);
  const pageUrl = await assertCaptureOrigin(payload.vendor, sender, type);
  if ((await readPolicy()).hiddenVendors?.includes(type.consoleId)) {
    throw new KeyholdError('FORBIDDEN_SENDER', t('bg.selection.turnedOff'));
  }
  const values = validateValues(type, payload.values, { allowMissing: true });
  await refuseOtherTenant(type, values, pageUrl, sender.tab?.id);
  const source = { url: `${pageUrl.origin}${pageUrl.pathname}` };
  const identity = await identityHash(payload.vendor, values, type);
  // The template picked in the guide decides which privileges the test probes; it must be one of this type's.
  const picked = payload.template ?? (await selectedTemplate(type.consoleId));
  let template = picked && type.templates.some((t) => t.id === picked) ? picked : undefined;
  const prepared = { type, identity };
  const existingId = await findIdByIdentity(identity);
  const updated = existingId
    ? await mergeIntoRecord(existingId, values, { rotation: 'auto', expiresAt: payload.expiresAt, source, identity }, new Date(), prepared)
    : undefined;
  const record =
    updated?.record ??
    (await addRecord({ vendor: payload.vendor, values, template, expiresAt: payload.expiresAt, source }, new Date(), prepared));
  const rotated = updated?.rotated ?? false;
  template ??= record.template;

  const started = performance.now();
  const test = await runCredentialTest(payload.vendor, values, { template, type, validated: true });
  const event = rotated ? 'rotated' : updated?.record ? 'updated' : 'captured';
  // The capture is stored: failing to store its verdict must not turn "Saved" into an error.
  await saveOutcome(record, type, test, Math.round(performance.now() - started), {
    event,
    label: record.label,
    vendor: record.vendor,
    detail: test.ok ? 'works' : test.code,
  }).catch(reportFailure('storing the test result of a capture'));
  await refreshAttention(record);
  return { id: record.id, updated: Boolean(updated?.record), rotated, test };
}

/**
 * A value read from the page that belongs to another tenant (#19 item 12) is not saved: the side
 * panel asks the admin, with the page tenant's own value prefilled.
 */
async function refuseOtherTenant(type: CredentialType<any>, values: Record<string, string>, page: URL, tabId?: number) {
  const vendor = type.id;
  const foreign = type.fromOtherTenant?.(values, page);
  if (!foreign) return;
  const shown = safeHost(values[foreign.field] ?? '');
  const { [foreign.field]: _dropped, ...kept } = values;
  await savePrefill({
    tabId,
    vendor,
    values: foreign.own ? { ...kept, [foreign.field]: foreign.own } : kept,
    ask: [foreign.field],
    note: t('bg.capture.otherTenantNote', [shown, page.hostname]),
  });
  throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('bg.capture.otherTenant', [shown, page.hostname]));
}
