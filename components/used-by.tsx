import type { CredentialSummary } from '@/utils/protocol';

/** "Used by": the destinations Keyhold filled this credential on (origin and date, never a value). */
export function UsedBy({ credential }: { credential: CredentialSummary }) {
  if (!credential.usedBy?.length) return null;
  return (
    <section aria-label="Used by" className="small">
      <strong>Used by</strong>
      <ul className="plain" data-testid="used-by">
        {credential.usedBy.map((entry) => (
          <li key={entry.origin}>
            Filled on <span className="mono">{entry.origin}</span>, {new Date(entry.at).toLocaleString()}
          </li>
        ))}
      </ul>
    </section>
  );
}
