/** A labelled passphrase box; the vault's own passphrases ask for at least 12 characters. */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  required = false,
  minLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password' | 'off';
  required?: boolean;
  minLength?: number;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        required={required}
        minLength={minLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
