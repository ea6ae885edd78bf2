import type { CredentialSummary } from '@/utils/protocol';
import { t } from '@/utils/i18n/translate';

const DAY = 86_400_000;

/** Most urgent first: damaged, failing, expiring soonest, untested, then newest. */
export function urgency(credential: CredentialSummary, now = Date.now()): number {
  if (credential.corrupted) return 0;
  if (credential.lastTest && !credential.lastTest.ok) return 1;
  if (credential.expiresAt) {
    const left = Date.parse(credential.expiresAt) - now;
    if (left < 14 * DAY) return 2 + Math.max(0, left) / (14 * DAY);
  }
  if (credential.missing?.length) return 3.5;
  if (!credential.lastTest) return 4;
  return 5;
}

export function sortByUrgency(list: CredentialSummary[], now = Date.now()): CredentialSummary[] {
  return [...list].sort((a, b) => urgency(a, now) - urgency(b, now) || b.capturedAt.localeCompare(a.capturedAt));
}

export function expiryText(expiresAt: string, now = Date.now()): { text: string; tone: 'ok' | 'warn' | 'bad' } {
  const days = Math.floor((Date.parse(expiresAt) - now) / DAY);
  if (days < 0) return { text: t('page.badge.expired'), tone: 'bad' };
  if (days === 0) return { text: t('page.badge.expiresToday'), tone: 'bad' };
  return { text: t('page.badge.expiresIn', days), tone: days < 14 ? 'warn' : 'ok' };
}
