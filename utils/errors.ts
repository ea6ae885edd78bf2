// Typed errors: every failure that crosses the message door carries one of these codes and a
// plain-word message. Messages are written by Keyhold, never copied from a response body, so no
// secret or token can ride along.
import { t } from './i18n/translate';

export const errorCodes = [
  'INVALID_INPUT',
  'VAULT_LOCKED',
  'VAULT_EXISTS',
  'VAULT_MISSING',
  'VAULT_DAMAGED',
  'WRONG_PASSPHRASE',
  'TOO_MANY_ATTEMPTS',
  'NOT_FOUND',
  'CORRUPTED_RECORD',
  'FORBIDDEN_SENDER',
  'INVALID_CREDENTIALS',
  'PERMISSION_DENIED',
  'RATE_LIMITED',
  'NETWORK_ERROR',
  'TIMEOUT',
  'UNEXPECTED_RESPONSE',
  'HOST_PERMISSION_REQUIRED',
  'INCOMPLETE_CREDENTIAL',
  'ORGANIZATION_REQUIRED',
  'STORAGE_ERROR',
  'EXPORT_NOT_ALLOWED',
  'UNCONFIRMED_CHANGE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before trying again (rate limits, passphrase back-off). */
  retryAfter?: number;
}

export class KeyholdError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  constructor(code: ErrorCode, message: string, options?: { retryAfter?: number; cause?: unknown }) {
    super(message);
    this.name = 'KeyholdError';
    this.code = code;
    this.retryAfter = options?.retryAfter;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
  toInfo(): ErrorInfo {
    return this.retryAfter === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfter: this.retryAfter };
  }
}

/** Turn anything thrown into a safe ErrorInfo: unknown errors never leak their text. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof KeyholdError) return error.toInfo();
  if (isQuotaError(error)) {
    return { code: 'STORAGE_ERROR', message: t('bg.error.quota') };
  }
  return { code: 'INTERNAL_ERROR', message: t('bg.error.internal') };
}

function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}
