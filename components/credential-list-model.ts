// What the credential list shows, as plain functions: tenant, search, filters, grouping by console
// and tenant, urgency order, and the console tab's credentials first. Only clear metadata is used:
// pages never hold a secret to search.
import type { ConsoleId, CredentialSummary } from '@/utils/protocol';
import { consoleDetectors, detectConsoleByUrl } from '@/utils/vendors/detector-registry';
import { sortByUrgency, urgency } from './credential-order';
import { t } from '@/utils/i18n/translate';

const DAY = 86_400_000;

export interface ListFilters {
  query: string;
  failing: boolean;
  expiring: boolean;
  /** '' for every console. */
  console: ConsoleId | '';
}

export const noFilters: ListFilters = { query: '', failing: false, expiring: false, console: '' };

export interface CredentialGroup {
  key: string;
  consoleId?: ConsoleId;
  consoleName: string;
  tenant: string;
  credentials: CredentialSummary[];
}

export function consoleNameOf(consoleId: ConsoleId | undefined): string {
  return consoleDetectors.find((item) => item.id === consoleId)?.name ?? t('page.list.other');
}

/** The tenant a credential belongs to: its console's tenant of the page it was captured on, else a host in its label. */
export function tenantOf(credential: CredentialSummary): string {
  if (credential.source?.url) {
    try {
      const url = new URL(credential.source.url);
      return detectConsoleByUrl(url)?.match.tenant ?? url.host;
    } catch {
      // A stored source that is not a URL names no tenant: fall through to the label.
    }
  }
  return credential.label.match(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}\b/i)?.[0]?.toLowerCase() ?? '';
}

export function isFailing(credential: CredentialSummary): boolean {
  return Boolean(
    credential.corrupted || (credential.lastTest && !credential.lastTest.ok && credential.lastTest.code !== 'INCOMPLETE_CREDENTIAL'),
  );
}

export function isExpiring(credential: CredentialSummary, now = Date.now()): boolean {
  return Boolean(credential.expiresAt && Date.parse(credential.expiresAt) - now < 14 * DAY);
}

/** Label, tenant, vendor and console names, client ID (never a secret: summaries hold none); every word must appear. */
export function matchesQuery(credential: CredentialSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const haystack = [credential.label, tenantOf(credential), credential.vendorName, consoleNameOf(credential.consoleId), credential.clientId]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function applyFilters(list: CredentialSummary[], filters: ListFilters, now = Date.now()): CredentialSummary[] {
  return list.filter(
    (credential) =>
      matchesQuery(credential, filters.query) &&
      (!filters.failing || isFailing(credential)) &&
      (!filters.expiring || isExpiring(credential, now)) &&
      (!filters.console || credential.consoleId === filters.console),
  );
}

/**
 * Groups by console and tenant, most urgent group first (by its most urgent credential), each
 * sorted by urgency. The console (and tenant) of the tab the admin is on comes first.
 */
export function groupCredentials(
  list: CredentialSummary[],
  current?: { consoleId: ConsoleId; tenant?: string },
  now = Date.now(),
): CredentialGroup[] {
  const groups = new Map<string, CredentialGroup>();
  for (const credential of sortByUrgency(list, now)) {
    const tenant = credential.corrupted ? '' : tenantOf(credential);
    const consoleId = credential.corrupted ? undefined : credential.consoleId;
    const key = `${consoleId ?? 'other'}|${tenant}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        consoleId,
        consoleName: credential.corrupted ? t('page.list.damaged') : consoleNameOf(consoleId),
        tenant,
        credentials: [],
      };
      groups.set(key, group);
    }
    group.credentials.push(credential);
  }
  const rank = (group: CredentialGroup) => {
    if (current && group.consoleId === current.consoleId) return current.tenant && group.tenant === current.tenant ? 0 : 1;
    return 2;
  };
  return [...groups.values()].sort(
    (a, b) => rank(a) - rank(b) || urgency(a.credentials[0], now) - urgency(b.credentials[0], now) || a.key.localeCompare(b.key),
  );
}

/** The consoles present in a list, for the console filter. */
export function consolesIn(list: CredentialSummary[]): { id: ConsoleId; name: string }[] {
  const ids = [...new Set(list.map((credential) => credential.consoleId).filter((id): id is ConsoleId => Boolean(id)))];
  return ids.map((id) => ({ id, name: consoleNameOf(id) })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The least a row can measure: its label line (13 px × 1.45), its status line (an 11 px badge, 20 px)
 * and 7 px of padding make about 46 CSS px at keyhold.css's fixed sizes; zoom and the admin's font
 * settings do not make CSS pixels smaller.
 */
export const MIN_ROW_PX = 40;

/**
 * Rows in a list's first render: enough to fill a window `height` CSS px tall even if every row
 * were as short as a row can be. The rest follow in the next task, so a long list costs its first
 * screen before it is seen; search, filters and the keyboard work over every credential.
 */
export function firstScreenRows(height = globalThis.innerHeight || 800): number {
  return Math.ceil(height / MIN_ROW_PX) + 1;
}

/** The groups cut to their first `rows` credentials in order; groups left empty are dropped. */
export function firstRows(groups: CredentialGroup[], rows: number): CredentialGroup[] {
  const shown: CredentialGroup[] = [];
  for (const group of groups) {
    if (rows <= 0) break;
    shown.push(group.credentials.length <= rows ? group : { ...group, credentials: group.credentials.slice(0, rows) });
    rows -= group.credentials.length;
  }
  return shown;
}
