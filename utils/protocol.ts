// The one door to the background. Every request is a member of one union keyed by `type` (zod-formats.ts);
// replies are { ok: true, data } or { ok: false, error }. Pages and content scripts send only
// through `sendMessage` below; the background parses every payload before acting.
import { z } from 'zod/mini';
import { useKeyholdMessages } from './zod-messages';
import { byType, int, isoDateTime } from './zod-formats';
import { browser } from 'wxt/browser';
import type { ErrorInfo } from './errors';
import { KeyholdError } from './errors';
import { consoleIds, credentialTypeIds, type ConsoleId, type CredentialTypeId } from './vendors/vendor-ids';
import { CONTROL_CHAR, labelControlMessage, notReservedName } from './untrusted-text';
import { t } from './i18n/translate';

/** The shortest vault passphrase the background accepts (the pages' passphrase boxes ask the same). */
export const PASSPHRASE_MIN_LENGTH = 12;

// The ids live in the one vendor list (import-free); re-exported here for every caller.
export { consoleIds, credentialTypeIds, type ConsoleId, type CredentialTypeId } from './vendors/vendor-ids';

// The schema is built on first use: content scripts import only `sendRaw`, and a lazily built
// schema lets the bundler leave zod out of the in-page script entirely.
function buildRequestSchema() {
  // Not `z` from ./zod: its top-level setup would keep zod in the content script.
  useKeyholdMessages();
  const credentialTypeId = z.enum(credentialTypeIds);
  const consoleId = z.enum(consoleIds);

  const id = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
  const passphrase = z.string().check(z.minLength(PASSPHRASE_MIN_LENGTH), z.maxLength(1024));
  const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.refine((text) => !CONTROL_CHAR.test(text), { error: labelControlMessage }));
  /** Raw values; each vendor's own schema checks them in the background. PEM keys are the longest. */
  const values = z
    .record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/), z.refine(notReservedName)), z.string().check(z.maxLength(20_000)))
    .check(z.refine((v) => Object.keys(v).length <= 12, { error: () => t('bg.shape.tooManyFields') }));
  const isoDate = isoDateTime();
  const origin = z.string().check(z.maxLength(300), z.regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i));
  const templateId = z.string().check(z.regex(/^[a-z0-9-]{1,60}$/));

  /** The recipient's P-256 public key: a JWK, or pasted text (JWK JSON or a PEM public key). */
  const recipientJwk = z.union([z.string().check(z.minLength(20), z.maxLength(5000)), z.record(z.string().check(z.maxLength(10), z.refine(notReservedName)), z.string().check(z.maxLength(200)))]);
  const empty = z.optional(z.strictObject({}));

  return byType([
    z.strictObject({ type: z.literal('vault.status'), payload: empty }),
    z.strictObject({ type: z.literal('vault.create'), payload: z.strictObject({ passphrase }) }),
    z.strictObject({ type: z.literal('vault.unlock'), payload: z.strictObject({ passphrase }) }),
    z.strictObject({ type: z.literal('vault.lock'), payload: empty }),
    z.strictObject({
      type: z.literal('vault.changePassphrase'),
      payload: z.strictObject({ current: passphrase, next: passphrase }),
    }),
    z.strictObject({ type: z.literal('vault.delete'), payload: z.strictObject({ confirm: z.literal('DELETE') }) }),
    z.strictObject({ type: z.literal('vault.unconfirmed'), payload: empty }),
    z.strictObject({
      type: z.literal('vault.confirm'),
      payload: z.strictObject({ decisions: z.array(z.strictObject({ id, keep: z.boolean() })).check(z.minLength(1), z.maxLength(500)) }),
    }),
    z.strictObject({ type: z.literal('credentials.list'), payload: empty }),
    z.strictObject({
      type: z.literal('credentials.add'),
      payload: z.strictObject({
        vendor: credentialTypeId,
        label: z.optional(label),
        values,
        template: z.optional(templateId),
        expiresAt: z.optional(isoDate),
      }),
    }),
    z.strictObject({ type: z.literal('credentials.update'), payload: z.strictObject({ id, values }) }),
    z.strictObject({
      type: z.literal('credentials.updateMeta'),
      payload: z.strictObject({
        id,
        label: z.optional(label),
        expiresAt: z.optional(z.nullable(isoDate)),
        template: z.optional(templateId),
      }),
    }),
    z.strictObject({ type: z.literal('credentials.reveal'), payload: z.strictObject({ id }) }),
    z.strictObject({ type: z.literal('credentials.test'), payload: z.strictObject({ id }) }),
    z.strictObject({ type: z.literal('credentials.remove'), payload: z.strictObject({ id }) }),
    z.strictObject({ type: z.literal('credentials.rollback'), payload: z.strictObject({ id }) }),
    z.strictObject({
      type: z.literal('credentials.testAll'),
      payload: z.optional(z.strictObject({ ids: z.optional(z.array(id).check(z.maxLength(500))) })),
    }),
    z.strictObject({ type: z.literal('credentials.testAllStatus'), payload: empty }),
    z.strictObject({
      type: z.literal('credentials.export'),
      payload: z
        .strictObject({
          ids: z.array(id).check(z.minLength(1), z.maxLength(500)),
          recipientJwk: z.optional(recipientJwk),
          passphrase: z.optional(passphrase),
        })
        .check(z.refine((p) => Boolean(p.recipientJwk) !== Boolean(p.passphrase), { error: () => t('bg.shape.keyOrPassphrase') })),
    }),
    z.strictObject({
      type: z.literal('credentials.import'),
      payload: z.strictObject({ jwe: z.string().check(z.minLength(20), z.maxLength(2_000_000)), passphrase: z.optional(passphrase) }),
    }),
    z.strictObject({
      type: z.literal('credentials.copyAs'),
      payload: z.strictObject({ id, format: z.enum(['env', 'json', 'curl']) }),
    }),
    z.strictObject({ type: z.literal('clipboard.scheduleClear'), payload: empty }),
    z.strictObject({
      type: z.literal('credentials.createAssertion'),
      payload: z.strictObject({ id, days: z.number().check(int(), z.gte(1), z.lte(180)) }),
    }),
    z.strictObject({ type: z.literal('vault.handoffKey'), payload: empty }),
    z.strictObject({
      type: z.literal('vault.exportReadable'),
      payload: z
        .strictObject({
          vaultPassphrase: z.optional(passphrase),
          recipientJwk: z.optional(recipientJwk),
          passphrase: z.optional(passphrase),
        })
        .check(z.refine((p) => Boolean(p.recipientJwk) !== Boolean(p.passphrase), { error: () => t('bg.shape.keyOrPassphrase') })),
    }),
    // `limit`: only the newest entries (a page shows a screenful; the CSV export asks for all).
    z.strictObject({ type: z.literal('audit.list'), payload: z.optional(z.strictObject({ limit: z.optional(z.number().check(int(), z.gte(1))) })) }),
    z.strictObject({ type: z.literal('guide.selectTemplate'), payload: z.strictObject({ consoleId, template: templateId }) }),
    z.strictObject({ type: z.literal('settings.get'), payload: empty }),
    z.strictObject({
      type: z.literal('settings.update'),
      payload: z.strictObject({
        autoLockMinutes: z.optional(z.number().check(int(), z.gte(1), z.lte(1440))),
        healthCheckHours: z.optional(z.number().check(int(), z.gte(0), z.lte(168))),
      }),
    }),
    z.strictObject({ type: z.literal('sites.list'), payload: empty }),
    z.strictObject({
      type: z.literal('sites.enable'),
      payload: z.strictObject({
        origin,
        pageUrl: z.optional(z.string().check(z.maxLength(2000))),
        tabId: z.optional(z.number().check(int(), z.gte(0))),
      }),
    }),
    z.strictObject({ type: z.literal('sites.remove'), payload: z.strictObject({ origin }) }),
    z.strictObject({
      type: z.literal('capture.prefill'),
      payload: z.optional(z.strictObject({ tabId: z.optional(z.number().check(int())) })),
    }),
    z.strictObject({
      type: z.literal('console.state'),
      payload: z.optional(z.strictObject({ tabId: z.optional(z.number().check(int())) })),
    }),
    // Destination fill (docs/protocol.md): a page asks to start it on a tab (the admin's gesture);
    // the injected fill script then asks for the values of the chosen fields, once, with its ticket.
    z.strictObject({
      type: z.literal('fill.start'),
      payload: z.strictObject({ tabId: z.number().check(int(), z.gte(0)), frameId: z.optional(z.number().check(int(), z.gte(0))) }),
    }),
    z.strictObject({
      type: z.literal('fill.values'),
      payload: z.strictObject({
        ticket: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
        id,
        fields: z.array(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/))).check(z.minLength(1), z.maxLength(12)),
      }),
    }),
    // Content scripts: the only two requests they may send.
    z.strictObject({
      type: z.literal('capture.submit'),
      payload: z.strictObject({ vendor: credentialTypeId, values, expiresAt: z.optional(isoDate), template: z.optional(templateId) }),
    }),
    z.strictObject({
      type: z.literal('console.observed'),
      payload: z.strictObject({
        consoleId,
        tenant: z.string().check(z.maxLength(300)),
        step: z.nullable(z.string().check(z.maxLength(60))),
        found: z.array(credentialTypeId).check(z.maxLength(10)),
      }),
    }),
  ]);
}

let builtSchema: ReturnType<typeof buildRequestSchema> | undefined;
export function requestSchema(): ReturnType<typeof buildRequestSchema> {
  return (builtSchema ??= buildRequestSchema());
}

export type Request = z.infer<ReturnType<typeof buildRequestSchema>['def']['options'][number]>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
export type PayloadOf<T extends RequestType> = RequestOf<T>['payload'];

/** Requests a content script may send; everything else needs an extension page. */
export const contentScriptRequests = new Set<RequestType>(['capture.submit', 'console.observed', 'fill.values']);

// ---- Reply data ----

export type VaultState = 'new' | 'locked' | 'unlocked';

/** A change the vault has not confirmed: made while it was locked, or outside Keyhold. Never a value. */
export interface UnconfirmedChange {
  id: string;
  label: string;
  vendorName: string;
  /** new: stored while locked; update: new values captured while locked; altered: changed outside Keyhold. */
  kind: 'new' | 'update' | 'altered';
  at: string;
  /** The page it was captured on. */
  source?: string;
  fields: string[];
  /** It replaces a secret the credential holds (a rotation). */
  secret: boolean;
}

export interface TestStep {
  name: string;
  ok: boolean;
  status?: number;
  ms: number;
}
export interface PermissionResult {
  name: string;
  granted: boolean;
}
export interface TestReport {
  ok: boolean;
  code?: string;
  message: string;
  steps: TestStep[];
  permissions?: PermissionResult[];
  tokenExpiresIn?: number;
  /** Non-secret facts worth showing: server version, organisation choices, retry hints. */
  details?: Record<string, unknown>;
  testedAt?: string;
}

export interface TestHistoryEntry {
  at: string;
  ok: boolean;
  code?: string;
  ms: number;
}

export interface CredentialSummary {
  id: string;
  /** 'unknown' only for a damaged record whose vendor cannot be read. */
  vendor: CredentialTypeId;
  /** Display name of the credential type ("Jamf Pro API client"). */
  vendorName: string;
  consoleId?: ConsoleId;
  label: string;
  /** The non-secret ID admins know it by (client ID; a JumpCloud key's organization ID), for search. */
  clientId?: string;
  capturedAt: string;
  updatedAt?: string;
  fields: string[];
  source?: { url: string };
  expiresAt?: string;
  template?: string;
  lastTest?: TestReport;
  /** Fields the credential still lacks (an Apple credential without its private key). */
  missing?: string[];
  /** The same, as the admin reads them ("Private key (.pem file)"). */
  missingLabels?: string[];
  corrupted?: boolean;
  rotatedAt?: string;
  /** The previous values can be restored until then. */
  rollbackUntil?: string;
  history?: TestHistoryEntry[];
  /** Destinations Keyhold filled it on (origin and date, newest first; never a value). */
  usedBy?: UsedByEntry[];
}

export interface UsedByEntry {
  origin: string;
  at: string;
  fields?: string[];
}

export interface ConsoleTabState {
  tabId: number;
  consoleId: ConsoleId;
  consoleName: string;
  tenant: string;
  url: string;
  step: string | null;
  found: CredentialTypeId[];
  /** What the console's URL tells (server URL, region, API URL), for prefilling forms. */
  hints?: Record<string, string>;
  seenAt: number;
}

export interface TestAllProgress {
  total: number;
  done: number;
  ok: number;
  failed: number;
  running: boolean;
  startedAt: string;
  finishedAt?: string;
}

export interface AuditEntryView {
  at: string;
  event: string;
  label?: string;
  vendor?: string;
  detail?: string;
}

export interface Settings {
  autoLockMinutes: number;
  healthCheckHours: number;
  /** Settings the organisation's policy constrains; absent when there is no policy. */
  managed?: ManagedSetting[];
  /** The organisation's policy as Keyhold applies it (utils/policy); absent when there is none. */
  policy?: ManagedPolicy;
}

export type ManagedSetting = 'autoLockMinutes' | 'healthCheckHours';

/** Enterprise policy from the browser's managed storage; see public/managed-schema.json. */
export interface ManagedPolicy {
  autoLockMinutesMin?: number;
  autoLockMinutesMax?: number;
  healthCheckHours?: number;
  exportAllowed?: boolean;
  /** RFC 7638 SHA-256 thumbprints of the only keys exports may be sealed to. */
  exportRecipientKeys?: string[];
  /** Self-hosted Jamf Pro origins enabled without asking (once the browser grants their host permission). */
  selfHostedJamfOrigins?: string[];
  /** Consoles the pages should not offer. */
  hiddenVendors?: ConsoleId[];
}

/** A credential a rescue export could not recover, and why (never a value). */
export interface UnreadableCredential {
  id: string;
  label: string;
  reason: string;
}

/** What the "Save to Keyhold" fallback knew when a part was missing; the side panel asks for `ask`. */
export interface CapturePrefill {
  tabId?: number;
  vendor: CredentialTypeId;
  values: Record<string, string>;
  /** Fields the admin still has to give or confirm. */
  ask: string[];
  /** Why the panel asks, in plain words. */
  note: string;
  at: number;
}

export interface ReplyDataMap {
  /** `damaged`: the vault's key record fails its checks; see `vault.exportReadable`. */
  'vault.status': { state: VaultState; retryAfter?: number; damaged?: true };
  'vault.create': { state: 'unlocked' };
  'vault.unlock': { state: 'unlocked' };
  'vault.lock': { state: 'locked' };
  'vault.changePassphrase': { state: 'unlocked' };
  'vault.delete': { state: 'new'; /** Credentials deleted with it. */ removed: number };
  'vault.unconfirmed': UnconfirmedChange[];
  'vault.confirm': { kept: number; discarded: number };
  'credentials.list': CredentialSummary[];
  'credentials.add': { id: string };
  'credentials.update': { id: string };
  'credentials.updateMeta': { id: string };
  'credentials.reveal': { values: Record<string, string> };
  'credentials.test': TestReport;
  'credentials.remove': Record<string, never>;
  'credentials.rollback': { id: string };
  'credentials.testAll': TestAllProgress;
  'credentials.testAllStatus': TestAllProgress | null;
  'credentials.export': { jwe: string; count: number; mode: 'recipient' | 'passphrase'; fingerprint?: string };
  'credentials.import': { ids: string[] };
  'credentials.copyAs': { text: string };
  'clipboard.scheduleClear': { clearsAt: string };
  'credentials.createAssertion': { assertion: string; expiresAt: string };
  'vault.handoffKey': { jwk: Record<string, string>; pem: string; fingerprint: string };
  /** No `jwe` when nothing could be recovered. */
  'vault.exportReadable': {
    jwe?: string;
    count: number;
    mode: 'recipient' | 'passphrase';
    fingerprint?: string;
    unreadable: UnreadableCredential[];
  };
  'audit.list': AuditEntryView[];
  'guide.selectTemplate': Record<string, never>;
  'settings.get': Settings;
  'settings.update': Settings;
  'sites.list': { origins: string[] };
  'sites.enable': { origin: string; console: ConsoleId | null };
  'sites.remove': Record<string, never>;
  'console.state': ConsoleTabState | null;
  'capture.prefill': CapturePrefill | null;
  'capture.submit': { id: string; updated: boolean; rotated: boolean; test: TestReport };
  'console.observed': Record<string, never>;
  'fill.start': { origin: string; locked?: true };
  'fill.values': { values: Record<string, string> };
}

export type Reply<T extends RequestType> = { ok: true; data: ReplyDataMap[T] } | { ok: false; error: ErrorInfo };

type PayloadArgs<T extends RequestType> = undefined extends PayloadOf<T> ? [payload?: PayloadOf<T>] : [payload: PayloadOf<T>];

/** Send one typed request to the background and unwrap the reply (throws KeyholdError on failure). */
export async function sendMessage<T extends RequestType>(type: T, ...args: PayloadArgs<T>): Promise<ReplyDataMap[T]> {
  return replyData(sendRaw(type, args[0] as never));
}

/** A reply's data, or its error thrown as a KeyholdError (also for the pages' early requests, components/early-answers.ts). */
export async function replyData<T extends RequestType>(pending: Promise<Reply<T>>): Promise<ReplyDataMap[T]> {
  const reply = await pending;
  if (reply.ok) return reply.data as ReplyDataMap[T];
  throw new KeyholdError(reply.error.code, reply.error.message, { retryAfter: reply.error.retryAfter });
}

/** The same, returning the reply envelope instead of throwing. */
export async function sendRaw<T extends RequestType>(type: T, payload?: PayloadOf<T>): Promise<Reply<T>> {
  return checkedReply(await browser.runtime.sendMessage({ type, payload }));
}

/** What the background answered, or INTERNAL_ERROR when nothing that looks like a reply came back. */
export function checkedReply<T extends RequestType>(reply: unknown): Reply<T> {
  if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
    // The browsers' own getMessage, not t(): the in-page script sends through here and keeps the i18n module out.
    return { ok: false, error: { code: 'INTERNAL_ERROR', message: (browser.i18n.getMessage as (name: string) => string)('bg_error_noAnswer') } };
  }
  return reply as Reply<T>;
}

// ---- The "changed" signal (background → extension pages) ----

/** What changed after a write; the signal carries no data, so pages ask again for what they show. */
export const changedAreas = ['vault', 'credentials', 'audit', 'settings', 'sites', 'console', 'prefill'] as const;
export type ChangedArea = (typeof changedAreas)[number];
export const CHANGED_SIGNAL = 'keyhold.changed';
export interface ChangedSignal {
  type: typeof CHANGED_SIGNAL;
  areas: ChangedArea[];
}

/** A well-formed signal, whoever sent it: pages also check that the sender is this extension. */
export function isChangedSignal(message: unknown): message is ChangedSignal {
  const candidate = message as Partial<ChangedSignal> | null;
  return (
    candidate?.type === CHANGED_SIGNAL &&
    Array.isArray(candidate.areas) &&
    candidate.areas.every((area) => (changedAreas as readonly string[]).includes(area))
  );
}
