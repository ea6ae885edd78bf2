// The one interface every console implements. A vendor is split in two so the in-page script
// stays small: `VendorConsole` is DOM-only (no zod, no jose, no fetch) and runs in content scripts
// and pages (its URL-only part, `ConsoleDetector`, is all the background bundles); `CredentialType` holds the values schema and the real test and runs in the
// background. Vendor modules receive plain values, never the vault.
import type { z } from '../zod';
import type { ConsoleId, CredentialTypeId, PermissionResult, TestReport, TestStep } from '../protocol';
import type { HttpClient } from '../http/http-client';

export type { ConsoleId, CredentialTypeId };

export interface ConsoleMatch {
  consoleId: ConsoleId;
  /** What the admin recognises: "acme.jamfcloud.com", "console.eu.jumpcloud.com". */
  tenant: string;
  /** JumpCloud region, Jamf base URL, Iru API URL… whatever the URL alone tells. */
  hints?: Record<string, string>;
}

export interface Recognition {
  type: CredentialTypeId;
  /** The element the "Save to Keyhold" button is placed beside (the secret's own element). */
  anchor: Element;
  /** Values read from the page; may be partial (Apple's private key is a file, not text). */
  values: Record<string, string>;
  /** ISO date when the page shows an expiry or lifetime. */
  expiresAt?: string;
}

/**
 * The URL half of a console: what the background needs (capture origin checks, self-hosted
 * confirmation, console names). No DOM work, so the background does not bundle the recognisers.
 */
export interface ConsoleDetector {
  id: ConsoleId;
  name: string;
  /**
   * Does this URL belong to this console? `selfHosted` is true when the page is on an origin the
   * admin enabled at runtime (self-hosted Jamf Pro), where the host alone proves nothing.
   */
  detect(url: URL, options?: { selfHosted?: boolean; doc?: Document }): ConsoleMatch | null;
}

/** The whole console for the content script: the detector plus the DOM recognisers. */
export interface VendorConsole extends ConsoleDetector {
  /** The guide step the page is on, from URL and DOM; null when none applies. */
  currentStep(url: URL, doc: Document): string | null;
  /** Credentials displayed on the page right now. Must not fire on a page that merely shows a UUID. */
  recognise(url: URL, doc: Document): Recognition[];
}

export interface FieldSpec {
  name: string;
  label: string;
  secret: boolean;
  /**
   * The non-secret ID admins know the credential by (a client ID): kept in clear metadata so the
   * list can search it. At most one field per type, never a secret one (tests/unit/registries.test.ts).
   */
  publicId?: true;
  /** How the add-by-hand form asks for it. */
  input?: 'text' | 'textarea' | 'file' | 'select';
  options?: { value: string; label: string }[];
  optional?: boolean;
  placeholder?: string;
}

export interface GuideTemplate {
  id: string;
  name: string;
  description: string;
  /** Privileges / permissions / roles to grant, in the console's own names. */
  privileges: string[];
}

export interface GuideStep {
  id: string;
  title: string;
  /** Keyhold's own words; short paragraphs or bullet lines. */
  body: string[];
  /** A warning shown with the step (for example "this revokes the previous key"). */
  warning?: string;
  /** The step is the capture moment (the button appears on the page). */
  capture?: boolean;
}

export interface Guide {
  id: string;
  name: string;
  credentialType: CredentialTypeId;
  recommended?: boolean;
  summary: string;
  /** Where the admin starts, relative to the console origin (for "Open this page"). */
  startPath?: string;
  templates: GuideTemplate[];
  steps: GuideStep[];
}

export interface TestContext {
  http: HttpClient;
  /** Template chosen for the credential (decides which privilege probes run). */
  template?: string;
  /** Clock, injectable for tests. */
  now: () => number;
}

/**
 * What pages know of a credential type: data only, no schema and no test, so the pages never
 * bundle zod schemas, jose, the key parser or the vendors' test code. Each vendor keeps it in
 * `description.ts`; pages reach it through `descriptions.ts`, the background through the type.
 */
export interface CredentialDescription {
  id: CredentialTypeId;
  consoleId: ConsoleId;
  name: string;
  fields: FieldSpec[];
  /** Does a pasted value name this vendor by its format (jca_…, BUSINESSAPI.…)? */
  recognisesPasted?(text: string): boolean;
  /** Privilege templates for this type (the first is the default). */
  templates: GuideTemplate[];
  /** Where and how to rotate the secret in the console, in Keyhold's words. */
  rotation?: { startPath?: string; steps: string[] };
  /** What the background can make of it, so pages offer only what works (a unit test keeps these true). */
  offers?: { curl?: boolean; assertion?: boolean };
}

/**
 * The part of a description the background needs (ids, field names, labels and secret flags,
 * templates). Rotation steps, placeholders, select options and paste recognisers are page text:
 * each vendor's `description.ts` adds them to its core for pages only, so the worker stays small.
 */
export type CredentialCore = Pick<CredentialDescription, 'id' | 'consoleId' | 'name' | 'fields'> & { templates: TemplateCore[] };

/** A template as the background sees it: its description is page text. */
export type TemplateCore = Omit<GuideTemplate, 'description'>;

/** The background's credential type: its description's core plus the values schema and the real test. */
export interface CredentialType<V extends Record<string, string | undefined> = Record<string, string>> extends CredentialCore {
  /** Strict schema for complete values. */
  values: z.ZodMiniType<V>;
  /** Names of fields that are secret (scrubbed from any text Keyhold produces). */
  secretFields: (keyof V & string)[];
  defaultLabel(values: V): string;
  /**
   * A non-secret identity (client ID + server, key ID…) kept in clear metadata so a new secret
   * for the same client updates it in place (rotation) even while the vault is locked.
   */
  identity(values: V): string;
  /** Origins the test calls, checked for host permission before any request. */
  origins(values: V): string[];
  /**
   * For a capture read from a console page: a value that belongs to another tenant than the page's
   * (an Iru API URL of another tenant), with the page tenant's own value when it is known.
   */
  fromOtherTenant?(values: V, page: URL): { field: keyof V & string; own?: string } | null;
  /** Fields still missing for a usable credential (Apple without its key); empty when complete. */
  missing?(values: Partial<V>): string[];
  /** The real token exchange and read calls. Throws KeyholdError or returns a report. */
  test(values: V, ctx: TestContext): Promise<TestReport>;
  /**
   * Tests sharing this key never run at the same time ("Test all"): one Jamf Pro server, one Iru
   * tenant whose hourly request budget every token shares.
   */
  exclusiveKey?(values: V): string;
  /** A ready command for the vendor's token call (or first read), for "Copy as curl". */
  curl?(values: V): string;
  /** A long-lived signed assertion for tools that want one instead of the key (Apple). */
  createAssertion?(values: V, options: { days: number; now?: number }): Promise<{ assertion: string; expiresAt: string }>;
}

export interface VendorModule {
  /** The console's detector (URL only); its DOM half lives in console.ts for the content script. */
  console: ConsoleDetector;
  credentialTypes: CredentialType<any>[];
  /**
   * Consoles that can live on any host (self-hosted Jamf Pro): confirm from the background that
   * an origin the admin enabled really is this console, without credentials.
   */
  selfHosted?: { confirm(pageUrl: string, http: HttpClient): Promise<boolean> };
}

export type { PermissionResult, TestReport, TestStep };
