// A few words for the button after a capture; the side panel has the full report. The words live in
// locales/<lang>.yml under page.cs, named by the error code, so this script ships no text of its own.
import { t, type InPageKey } from '../i18n/in-page';

type Key = InPageKey;
const VERDICTS =
  'INVALID_CREDENTIALS PERMISSION_DENIED ORGANIZATION_REQUIRED RATE_LIMITED NETWORK_ERROR TIMEOUT UNEXPECTED_RESPONSE HOST_PERMISSION_REQUIRED INCOMPLETE_CREDENTIAL';
const CAPTURE_ERRORS = 'VAULT_MISSING INVALID_INPUT FORBIDDEN_SENDER';

const known = (list: string, code: string | undefined) => code && list.split(' ').includes(code);

export function shortVerdict(code: string | undefined): string {
  return t((known(VERDICTS, code) ? `page.cs.${code}` : 'page.cs.failed') as Key);
}

export function captureErrorWords(code: string): string {
  if (code === 'INCOMPLETE_CREDENTIAL') return t('page.cs.finish');
  return t((known(CAPTURE_ERRORS, code) ? `page.cs.${code}` : 'page.cs.notSaved') as Key);
}
