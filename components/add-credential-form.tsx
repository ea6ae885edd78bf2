import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { sendMessage, type CapturePrefill, type ConsoleId } from '@/utils/protocol';
import { parseBlock } from '@/utils/capture/paste-block';
import { credentialTypes } from '@/utils/vendors/descriptions';
import type { CredentialDescription } from '@/utils/vendors/types';
import { errorText } from './use-async';
import { FieldInput } from './field-input';
import { t } from '@/utils/i18n/translate';

/** The console the panel follows: its id and what its URL tells (server URL, region, API URL). */
export interface ConsoleContext {
  consoleId: ConsoleId;
  hints: Record<string, string>;
}

/**
 * Add a credential by pasting its values, for when the page cannot be read: one paste of the whole
 * block the console showed fills every field it recognises, or field by field. A prefill from the
 * "Save to Keyhold" fallback arrives with what is known; only the missing part is asked.
 */
export function AddCredentialForm({
  initialVendor,
  onAdded,
  hiddenConsoles = [],
  context,
  prefill,
}: {
  initialVendor?: string;
  onAdded: (id: string) => void;
  hiddenConsoles?: string[];
  context?: ConsoleContext;
  prefill?: CapturePrefill | null;
}) {
  // Consoles the organisation hid through policy are not offered.
  const offered = useMemo(() => credentialTypes.filter((t) => !hiddenConsoles.includes(t.consoleId)), [hiddenConsoles]);
  const [vendor, setVendor] = useState(prefill?.vendor ?? initialVendor ?? offered[0]?.id);
  const [values, setValues] = useState<Record<string, string>>(() => prefill?.values ?? contextValues(offered, initialVendor, context));
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();
  const [pasteNote, setPasteNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<CapturePrefill | null>(prefill ?? null);
  const firstAsked = useRef<HTMLDivElement>(null);
  const type = useMemo(() => offered.find((t) => t.id === vendor) as CredentialDescription | undefined, [vendor, offered]);

  useEffect(() => {
    if (!prefill) return;
    setAsked(prefill);
    setVendor(prefill.vendor);
    setValues(prefill.values);
  }, [prefill]);
  useEffect(() => {
    if (asked) firstAsked.current?.querySelector<HTMLElement>('input,textarea,select')?.focus();
  }, [asked]);
  // The console's context can arrive after the form opened: fill it in while nothing was typed.
  const contextKey = context ? JSON.stringify([context.consoleId, context.hints]) : '';
  useEffect(() => {
    if (!asked && contextKey)
      setValues((current) => (Object.values(current).some(Boolean) ? current : contextValues(offered, vendor, context)));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the context's content, not its identity
  }, [contextKey]);

  function change(name: string, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    // A pasted value whose format names its vendor preselects that vendor.
    const named = offered.find((t) => t.recognisesPasted?.(value.trim()));
    if (named && named.id !== vendor && !Object.values(values).some(Boolean)) {
      setVendor(named.id);
      // Into the field its format names (a gateway URL is the Platform region), else the secret.
      const placed = parseBlock(value, [named])?.values;
      const field = named.fields.find((f) => f.secret) ?? named.fields[0];
      setValues(placed && Object.keys(placed).length ? placed : { [field?.name ?? name]: value });
    }
  }

  function pasteBlock(text: string) {
    const parsed = parseBlock(text, offered, context && offered.some((t) => t.consoleId === context.consoleId) ? context : {});
    if (!parsed) return setPasteNote(t('page.add.nothingRecognised'));
    const parsedType = offered.find((t) => t.id === parsed.type)!;
    setVendor(parsed.type);
    setValues(parsed.values);
    const labels = (names: string[]) => names.map((n) => parsedType.fields.find((f) => f.name === n)?.label ?? n).join(', ');
    const filled = t('page.add.filled', [parsedType.name, labels(Object.keys(parsed.values))]);
    setPasteNote(parsed.missing.length ? `${filled} ${t('page.add.stillNeeded', [labels(parsed.missing)])}` : filled);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!type) return;
    setError(undefined);
    setBusy(true);
    try {
      const clean = Object.fromEntries(
        Object.entries(values)
          .filter(([, v]) => v.trim() !== '')
          .map(([k, v]) => [k, v.trim()]),
      );
      const { id } = await sendMessage('credentials.add', {
        vendor: type.id,
        values: clean,
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      // Finishing a capture the page started: test at once, as the in-page button does.
      if (asked) await sendMessage('credentials.test', { id }).catch(() => undefined);
      setValues({});
      setLabel('');
      setAsked(null);
      onAdded(id);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const askedHere = asked && asked.vendor === vendor ? asked.ask : [];
  return (
    <form onSubmit={submit} className="stack card" aria-label={t('page.panel.addCredential')}>
      {asked && (
        <p role="status" className="small">
          {asked.note}
        </p>
      )}
      <div>
        <label htmlFor="add-paste">{t('page.add.pasteBlock')}</label>
        <textarea
          id="add-paste"
          rows={3}
          spellCheck={false}
          placeholder={t('page.add.pastePlaceholder')}
          onChange={(e) => e.target.value.trim() && pasteBlock(e.target.value)}
        />
        {pasteNote && (
          <p className="small" role="status">
            {pasteNote}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="add-vendor">{t('page.add.vendor')}</label>
        <select
          id="add-vendor"
          value={vendor}
          onChange={(e) => {
            setVendor(e.target.value as typeof vendor);
            setValues(contextValues(offered, e.target.value, context));
          }}
        >
          {offered.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {type?.fields.map((field) => (
        <div
          key={`${type.id}-${field.name}`}
          ref={field.name === askedHere[0] ? firstAsked : undefined}
          data-asked={askedHere.includes(field.name) || undefined}
        >
          <FieldInput idPrefix="add" field={field} value={values[field.name] ?? ''} onChange={(value) => change(field.name, value)} />
          {askedHere.includes(field.name) && <p className="small">{t('page.add.neededToSave')}</p>}
        </div>
      ))}
      <div>
        <label htmlFor="add-label">{t('page.add.label')}</label>
        <input id="add-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('page.add.saving') : t('page.add.save')}
      </button>
    </form>
  );
}

/** The console's context (server URL, region, API URL) for the fields of this type. */
function contextValues(offered: CredentialDescription[], vendor: string | undefined, context?: ConsoleContext): Record<string, string> {
  const type = offered.find((t) => t.id === vendor);
  if (!type || !context || type.consoleId !== context.consoleId) return {};
  return Object.fromEntries(type.fields.filter((f) => context.hints[f.name]).map((f) => [f.name, context.hints[f.name]]));
}
