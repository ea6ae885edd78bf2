import type { CredentialSummary } from '@/utils/protocol';
import { CredentialBadges } from './credential-badges';
import { tenantOf } from './credential-list-model';

/** One compact row: label, status and expiry badges, then vendor and tenant. */
export function CredentialRow({ credential }: { credential: CredentialSummary }) {
  const tenant = tenantOf(credential);
  return (
    <>
      <span className="row-title">
        <strong className="row-label">{credential.label}</strong>
        <CredentialBadges credential={credential} />
      </span>
      <span className="small muted row-meta">{tenant ? `${credential.vendorName} · ${tenant}` : credential.vendorName}</span>
    </>
  );
}
