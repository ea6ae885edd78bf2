import { describe, expect, it } from 'vitest';
import type { CredentialSummary } from '@/utils/protocol';
import {
  applyFilters,
  firstRows,
  firstScreenRows,
  MIN_ROW_PX,
  groupCredentials,
  matchesQuery,
  noFilters,
  tenantOf,
} from './credential-list-model';

const NOW = Date.parse('2026-12-01T12:00:00Z');
let next = 0;
function credential(partial: Partial<CredentialSummary>): CredentialSummary {
  next++;
  return {
    id: `cred-${String(next).padStart(6, '0')}`,
    vendor: 'jamf-pro',
    vendorName: 'Jamf Pro API client',
    consoleId: 'jamf-pro',
    label: `Credential ${next}`,
    capturedAt: new Date(NOW - next * 1000).toISOString(),
    fields: [],
    ...partial,
  };
}
const works = { ok: true, message: 'Works', steps: [] };
const fails = { ok: false, code: 'AUTH_FAILED', message: 'No', steps: [] };

describe('credential list model', () => {
  it('finds the tenant from the capture page, else from a host in the label', () => {
    expect(tenantOf(credential({ source: { url: 'https://acme.jamfcloud.com/view/settings' } }))).toBe('acme.jamfcloud.com');
    expect(tenantOf(credential({ label: 'Jamf Pro · Beta.JamfCloud.com' }))).toBe('beta.jamfcloud.com');
    expect(tenantOf(credential({ label: 'Sync token' }))).toBe('');
  });

  it('searches label, tenant and vendor; every word must match', () => {
    const jamf = credential({ label: 'Inventory sync', source: { url: 'https://acme.jamfcloud.com/' } });
    expect(matchesQuery(jamf, 'acme inventory')).toBe(true);
    expect(matchesQuery(jamf, 'jamf')).toBe(true);
    expect(matchesQuery(jamf, 'acme jumpcloud')).toBe(false);
    expect(matchesQuery(jamf, '  ')).toBe(true);
  });

  it('searches the client ID, whole or in part, alone or with other words', () => {
    const jamf = credential({ label: 'Inventory sync', clientId: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e' });
    const other = credential({ label: 'Inventory sync', clientId: '11111111-2222-3333-4444-555555555555' });
    const none = credential({ label: 'Iru token', vendor: 'iru', vendorName: 'Iru API token', consoleId: 'iru' });
    expect(applyFilters([jamf, other, none], { ...noFilters, query: '0B9A7C4E-6D1F' }, NOW)).toEqual([jamf]);
    expect(applyFilters([jamf, other, none], { ...noFilters, query: 'inventory 5c6d7e' }, NOW)).toEqual([jamf]);
    expect(applyFilters([jamf, other, none], { ...noFilters, query: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e' }, NOW)).toEqual([jamf]);
    expect(matchesQuery(none, 'undefined')).toBe(false); // a missing client ID is not searchable text
  });

  it('never matches a secret: only clear fields are searched, whatever else a summary object carries', () => {
    const secret = 'Zx9_secret-value-ABCDEFGHIJKLMNOP';
    const leaky = { ...credential({ label: 'Prod', clientId: 'client-1' }), values: { clientSecret: secret } } as CredentialSummary;
    expect(matchesQuery(leaky, secret)).toBe(false);
    expect(matchesQuery(leaky, 'ABCDEFGHIJKLMNOP')).toBe(false);
    expect(matchesQuery(leaky, 'client-1')).toBe(true);
  });

  it('filters failing, expiring and by console', () => {
    const failing = credential({ lastTest: fails });
    const expiring = credential({ lastTest: works, expiresAt: new Date(NOW + 3 * 86_400_000).toISOString() });
    const fine = credential({ lastTest: works, vendor: 'iru', vendorName: 'Iru API token', consoleId: 'iru' });
    const list = [failing, expiring, fine];
    expect(applyFilters(list, { ...noFilters, failing: true }, NOW)).toEqual([failing]);
    expect(applyFilters(list, { ...noFilters, expiring: true }, NOW)).toEqual([expiring]);
    expect(applyFilters(list, { ...noFilters, console: 'iru' }, NOW)).toEqual([fine]);
    expect(applyFilters(list, noFilters, NOW)).toHaveLength(3);
  });

  it('groups by console and tenant, most urgent first, with the current console first', () => {
    const acmeFine = credential({ lastTest: works, source: { url: 'https://acme.jamfcloud.com/' } });
    const acmeUntested = credential({ source: { url: 'https://acme.jamfcloud.com/' } });
    const betaFailing = credential({ lastTest: fails, source: { url: 'https://beta.jamfcloud.com/' } });
    const iru = credential({ lastTest: fails, vendor: 'iru', vendorName: 'Iru API token', consoleId: 'iru', label: 'Iru acme.kandji.io' });
    const groups = groupCredentials([acmeFine, acmeUntested, betaFailing, iru], undefined, NOW);
    expect(groups.map((g) => g.key)).toEqual(['iru|acme.kandji.io', 'jamf-pro|beta.jamfcloud.com', 'jamf-pro|acme.jamfcloud.com']);
    expect(groups[2].credentials).toEqual([acmeUntested, acmeFine]);
    const onAcme = groupCredentials(
      [acmeFine, acmeUntested, betaFailing, iru],
      { consoleId: 'jamf-pro', tenant: 'acme.jamfcloud.com' },
      NOW,
    );
    expect(onAcme.map((g) => g.key)).toEqual(['jamf-pro|acme.jamfcloud.com', 'jamf-pro|beta.jamfcloud.com', 'iru|acme.kandji.io']);
  });
});

describe('the first screen of a long list', () => {
  const fleet = Array.from({ length: 200 }, (_, i) => credential({ source: { url: `https://t${i % 7}.jamfcloud.com/` } }));
  const groups = groupCredentials(fleet, undefined, NOW);

  it('keeps the first rows in list order, cutting the group they end in and dropping the rest', () => {
    const shown = firstRows(groups, firstScreenRows(800));
    const rows = shown.flatMap((group) => group.credentials);
    expect(rows).toEqual(groups.flatMap((group) => group.credentials).slice(0, firstScreenRows(800)));
    expect(shown.every((group) => group.credentials.length > 0)).toBe(true);
    expect(shown.length).toBeLessThan(groups.length);
  });

  it('leaves a short list whole', () => {
    const few = groupCredentials(fleet.slice(0, 12), undefined, NOW);
    expect(firstRows(few, firstScreenRows(800))).toEqual(few);
  });

  it('has more rows than the window shows, however tall it is', () => {
    for (const height of [600, 800, 1400]) expect(firstScreenRows(height) * MIN_ROW_PX).toBeGreaterThan(height);
  });
});
