import { memo } from 'react';
import type { CredentialSummary } from '@/utils/protocol';
import { CredentialBadges } from './credential-badges';

/** One compact row: the label, then vendor with status and expiry (the tenant heads its group). */
export const CredentialRow = memo(function CredentialRow({ credential }: { credential: CredentialSummary }) {
  return (
    <>
      <span className="row-label">{credential.label}</span>
      <span className="row-sub">
        <span className="small muted">{credential.vendorName}</span>
        <CredentialBadges credential={credential} />
      </span>
    </>
  );
});
