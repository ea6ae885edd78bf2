import { useMemo, useState, type FormEvent } from 'react';
import { sendMessage } from '@/utils/protocol';
import { credentialTypes } from '@/utils/vendors/descriptions';
import type { CredentialDescription } from '@/utils/vendors/types';
import { errorText } from './use-async';
import { FieldInput } from './field-input';

/** Add a credential by pasting its values, for when the page cannot be read. */
export function AddCredentialForm({ initialVendor, onAdded, hiddenConsoles = [] }: { initialVendor?: string; onAdded: (id: string) => void; hiddenConsoles?: string[] }) {
  // Consoles the organisation hid through policy are not offered.
  const offered = useMemo(() => credentialTypes.filter((t) => !hiddenConsoles.includes(t.consoleId)), [hiddenConsoles]);
  const [vendor, setVendor] = useState(initialVendor ?? offered[0]?.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const type = useMemo(() => offered.find((t) => t.id === vendor) as CredentialDescription | undefined, [vendor, offered]);

  function change(name: string, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    // A pasted value whose format names its vendor preselects that vendor.
    const named = offered.find((t) => t.recognisesPasted?.(value.trim()));
    if (named && named.id !== vendor && !Object.values(values).some(Boolean)) {
      setVendor(named.id);
      const field = named.fields.find((f) => f.secret) ?? named.fields[0];
      setValues({ [field?.name ?? name]: value });
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!type) return;
    setError(undefined);
    setBusy(true);
    try {
      const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const { id } = await sendMessage('credentials.add', { vendor: type.id, values: clean, ...(label.trim() ? { label: label.trim() } : {}) });
      setValues({});
      setLabel('');
      onAdded(id);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="stack card" aria-label="Add a credential by hand">
      <div>
        <label htmlFor="add-vendor">Vendor</label>
        <select id="add-vendor" value={vendor} onChange={(e) => { setVendor(e.target.value as typeof vendor); setValues({}); }}>
          {offered.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {type?.fields.map((field) => (
        <FieldInput key={`${type.id}-${field.name}`} idPrefix="add" field={field} value={values[field.name] ?? ''} onChange={(value) => change(field.name, value)} />
      ))}
      <div>
        <label htmlFor="add-label">Label (optional)</label>
        <input id="add-label" value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save to vault'}
      </button>
    </form>
  );
}
