// Shared shapes of the destination fill: what the scanner reads from one form control, what the
// background hands the page about each stored credential (metadata only, never a value), and the
// plan that says which value goes where, in which shape.
import type { CredentialTypeId } from '../protocol';

/** What an integration form can ask for. */
export type FieldKind =
  'server' | 'clientId' | 'clientSecret' | 'apiKey' | 'keyId' | 'privateKey' | 'region' | 'orgId' | 'networkId' | 'expiry';

/** How a value is written into one field (see shape.ts). */
export type Shape =
  | 'as-is'
  | 'url'
  | 'url-slash'
  | 'url-api'
  | 'host'
  | 'host-slash'
  | 'subdomain'
  | 'region-code'
  | 'region-upper'
  | 'region-option'
  | 'pem'
  | 'pem-escaped'
  | 'pem-file'
  | 'date-iso'
  | 'date-mdy'
  | 'date-dmy'
  | 'date-dmy-dot'
  | 'date-ymd-slash'
  | 'datetime-local'
  | 'month';

/** One form control as the scanner reads it: plain text, no element (tests build these by hand). */
export interface FieldInfo {
  tag: 'input' | 'textarea' | 'select';
  /** input type, lower case ('' for textarea/select). */
  type: string;
  name: string;
  id: string;
  /** <label>, aria-label, aria-labelledby, or the nearest text before the control. */
  label: string;
  placeholder: string;
  autocomplete: string;
  /** aria-describedby, title and help text next to the control. */
  help: string;
  pattern: string;
  /** Text right before / after the control inside its row ("https://", ".jamfcloud.com"). */
  prefix?: string;
  suffix?: string;
  options?: { value: string; text: string }[];
  accept?: string;
  hasValue: boolean;
}

/** A stored credential as the fill panel sees it: never a value. */
export interface FillCandidate {
  id: string;
  label: string;
  vendor: CredentialTypeId;
  vendorName: string;
  /** Names of the values the credential holds. */
  fields: string[];
  capturedAt: string;
  expiresAt?: string;
  rotatedAt?: string;
  /** Last test: works or not, and when. */
  ok?: boolean;
  testedAt?: string;
  /** When Keyhold last filled it on this page's origin. */
  filledHere?: string;
  /** How many other destinations it was filled on. */
  filledElsewhere?: number;
}

/** What the background hands the injected script when the admin asks for a fill. */
export interface FillStart {
  ticket?: string;
  origin: string;
  candidates: FillCandidate[];
  locked?: boolean;
}

export interface PlannedField {
  index: number;
  kind: FieldKind;
  /** Value name in the credential ('baseUrl'…), or '@expiresAt' for the credential's expiry date. */
  source: string;
  shape: Shape;
  /** The destination's profile fixed the shape (no fallback to others). */
  forced?: boolean;
  label: string;
  secret: boolean;
  hasValue: boolean;
}

// Jamf Protect calls its secret a password.
export const secretSources = new Set(['clientSecret', 'apiKey', 'token', 'privateKey', 'password']);
