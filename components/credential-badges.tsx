import type { Ref } from 'react';
import type { CredentialSummary } from '@/utils/protocol';
import { expiryText } from './credential-order';
import { t } from '@/utils/i18n/translate';

export function CredentialBadges({ credential }: { credential: CredentialSummary }) {
  const expiry = credential.expiresAt ? expiryText(credential.expiresAt) : undefined;
  return (
    <span className="row small">
      {credential.corrupted ? <span className="badge bad">{t('page.badge.damaged')}</span> : null}
      {credential.missing?.length ? (
        <span className="badge warn">{t('page.badge.incomplete', [(credential.missingLabels ?? credential.missing).join(', ')])}</span>
      ) : null}
      {credential.lastTest && credential.lastTest.code !== 'INCOMPLETE_CREDENTIAL' ? (
        <span className={`badge ${credential.lastTest.ok ? 'ok' : 'bad'}`} title={credential.lastTest.message}>
          {credential.lastTest.ok ? t('page.badge.works') : t('page.badge.failing')}
        </span>
      ) : !credential.corrupted && !credential.missing?.length ? (
        <span className="badge muted">{t('page.badge.untested')}</span>
      ) : null}
      {expiry ? <span className={`badge ${expiry.tone}`}>{expiry.text}</span> : null}
    </span>
  );
}

/** A credential card's first line: its label as the heading (focused when the card opens), then its badges. */
export function CredentialHeading({ credential, headingRef }: { credential: CredentialSummary; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <div className="spread">
      <h3 ref={headingRef} tabIndex={-1} className="details-title">
        {credential.label}
      </h3>
      <CredentialBadges credential={credential} />
    </div>
  );
}
