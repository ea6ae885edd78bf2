// The credential list of the popup and the side panel: search, filters, rows grouped by console
// and tenant, most urgent first. Keyboard: one tab stop (a listbox); arrow keys, Home and End move,
// Enter or Space opens the active credential, Escape closes it (from the list or its details).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ConsoleId, CredentialSummary } from '@/utils/protocol';
import {
  applyFilters,
  consolesIn,
  firstRows,
  firstScreenRows,
  groupCredentials,
  isExpiring,
  isFailing,
  noFilters,
  type CredentialGroup,
  type ListFilters,
} from './credential-list-model';
import { CredentialRow } from './credential-row';
import { t } from '@/utils/i18n/translate';

export interface CredentialListProps {
  credentials: CredentialSummary[];
  /** The console tab the admin is on: its credentials come first. */
  current?: { consoleId: ConsoleId; tenant?: string };
  /** The credential open when the list first has it (the one just captured, the only one). */
  initialOpenId?: string;
  /** The opened credential's details; focus moves to `focusRef` when it opens. */
  renderDetails: (credential: CredentialSummary, focusRef: (element: HTMLElement | null) => void) => ReactNode;
}

const groupName = (group: CredentialGroup) => (group.tenant ? t('page.list.group', [group.consoleName, group.tenant]) : group.consoleName);

export function CredentialList({ credentials, current, initialOpenId, renderDetails }: CredentialListProps) {
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [openId, setOpenId] = useState<string | undefined>(initialOpenId);
  const [activeId, setActiveId] = useState<string>();
  const listRef = useRef<HTMLUListElement>(null);
  const detailsFocus = useRef<HTMLElement | null>(null);
  const focusDetails = useRef(false);
  const prefix = useId();

  // Open the suggested credential once it is known (a late first answer, a capture on this tab).
  const suggested = useRef(initialOpenId);
  useEffect(() => {
    if (initialOpenId && initialOpenId !== suggested.current) {
      suggested.current = initialOpenId;
      setOpenId(initialOpenId);
    }
  }, [initialOpenId]);

  const groups = useMemo(() => groupCredentials(applyFilters(credentials, filters), current), [credentials, filters, current]);
  const visible = useMemo(() => groups.flatMap((group) => group.credentials), [groups]);
  // The first screen first; every row from the next task on (or at once, for the keyboard).
  const [allRows, setAllRows] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAllRows(true));
    return () => clearTimeout(timer);
  }, []);
  const shownGroups = useMemo(() => (allRows ? groups : firstRows(groups, firstScreenRows())), [groups, allRows]);
  const opened = credentials.find((credential) => credential.id === openId);
  const active = visible.find((credential) => credential.id === activeId) ?? visible[0];
  const consoles = useMemo(() => consolesIn(credentials), [credentials]);
  const failing = credentials.filter((credential) => isFailing(credential)).length;
  const expiring = credentials.filter((credential) => isExpiring(credential)).length;
  const optionId = (id: string) => `${prefix}-option-${id}`;

  useEffect(() => {
    if (!opened) focusDetails.current = false;
    else if (focusDetails.current && detailsFocus.current) {
      detailsFocus.current.focus();
      focusDetails.current = false;
    }
  }, [opened]);

  function open(id: string) {
    setActiveId(id);
    focusDetails.current = true;
    setOpenId(id);
  }

  function close() {
    if (!openId) return;
    setActiveId(openId);
    setOpenId(undefined);
    listRef.current?.focus();
  }

  function onListKey(event: KeyboardEvent) {
    setAllRows(true);
    if (!visible.length) return;
    const index = Math.max(
      0,
      visible.findIndex((credential) => credential.id === active?.id),
    );
    const moveTo = (next: number) => {
      event.preventDefault();
      const target = visible[Math.min(visible.length - 1, Math.max(0, next))];
      setActiveId(target.id);
      document.getElementById(optionId(target.id))?.scrollIntoView({ block: 'nearest' });
    };
    if (event.key === 'ArrowDown') moveTo(index + 1);
    else if (event.key === 'ArrowUp') moveTo(index - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(visible.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      open(active.id);
    } else if (event.key === 'Escape' && openId) {
      event.preventDefault();
      close();
    }
  }

  const set = (change: Partial<ListFilters>) => setFilters((previous) => ({ ...previous, ...change }));
  const filtered = visible.length !== credentials.length;

  return (
    <div className="stack credential-list">
      {credentials.length > 1 && (
        <div className="list-tools">
          <label htmlFor={`${prefix}-search`} className="visually-hidden">
            {t('page.list.search')}
          </label>
          <input
            id={`${prefix}-search`}
            type="search"
            placeholder={t('page.list.searchPlaceholder')}
            value={filters.query}
            onChange={(event) => set({ query: event.target.value })}
          />
          <div className="row" role="group" aria-label={t('page.list.filters')}>
            <button className="secondary filter" aria-pressed={filters.failing} onClick={() => set({ failing: !filters.failing })}>
              {t('page.list.failing', [String(failing)])}
            </button>
            <button className="secondary filter" aria-pressed={filters.expiring} onClick={() => set({ expiring: !filters.expiring })}>
              {t('page.list.expiring', [String(expiring)])}
            </button>
            {consoles.length > 1 && (
              <>
                <label htmlFor={`${prefix}-console`} className="visually-hidden">
                  {t('page.list.console')}
                </label>
                <select
                  id={`${prefix}-console`}
                  className="filter-select"
                  value={filters.console}
                  onChange={(event) => set({ console: event.target.value as ConsoleId | '' })}
                >
                  <option value="">{t('page.list.allConsoles')}</option>
                  {consoles.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </>
            )}
          </div>
          {filtered && (
            <p className="small muted" data-testid="list-count">
              {t('page.list.showing', [String(visible.length), String(credentials.length)])}
            </p>
          )}
        </div>
      )}
      {opened && (
        <div
          className="opened"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !(event.target as HTMLElement).closest('input, select, textarea')) {
              event.preventDefault();
              close();
            }
          }}
        >
          {renderDetails(opened, (element) => {
            detailsFocus.current = element;
            // Details may load on demand: their heading can mount after the effect above ran.
            if (element && focusDetails.current) {
              element.focus();
              focusDetails.current = false;
            }
          })}
          <button className="secondary close-details" onClick={close}>
            {t('page.list.closeDetails')}
          </button>
        </div>
      )}
      {visible.length === 0 ? (
        <p className="muted">{t('page.list.noMatch')}</p>
      ) : (
        <ul
          ref={listRef}
          role="listbox"
          tabIndex={0}
          aria-label={t('page.common.credentials')}
          aria-activedescendant={active ? optionId(active.id) : undefined}
          className="listbox"
          data-testid="credential-list"
          onKeyDown={onListKey}
        >
          {shownGroups.map((group) => (
            <li key={group.key} role="group" aria-label={groupName(group)}>
              <div className="group-head small muted" aria-hidden="true">
                {groupName(group)}
              </div>
              <ul role="none" className="plain">
                {group.credentials.map((credential) => (
                  <li
                    key={credential.id}
                    id={optionId(credential.id)}
                    role="option"
                    aria-selected={credential.id === active?.id}
                    data-open={credential.id === openId ? 'true' : undefined}
                    data-credential-row={credential.id}
                    className="option"
                    onClick={() => (credential.id === openId ? close() : open(credential.id))}
                  >
                    <CredentialRow credential={credential} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
