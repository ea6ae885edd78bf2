import { PASSPHRASE_MIN_LENGTH } from '@/utils/protocol';

/**
 * A labelled passphrase box. It asks for as many characters as the background accepts; a box for a
 * passphrase someone else chose (a received file's) passes `minLength={0}`.
 */
export function PassphraseField({
  id,
  label,
  value,
  onChange,
  autoComplete,
  required = false,
  minLength = PASSPHRASE_MIN_LENGTH,
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
