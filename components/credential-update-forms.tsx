// Small forms that complete or correct a stored credential, each with its own state: a missing
// field (Apple's key file), a replacement key file, a choice a test asked for (a JumpCloud org).
import { useState } from 'react';
import { sendMessage, type CredentialSummary, type TestReport } from '@/utils/protocol';
import type { CredentialDescription, FieldSpec } from '@/utils/vendors/types';
import { FieldInput } from './field-input';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';

interface Props {
  credential: CredentialSummary;
  type?: CredentialDescription;
  unlocked: boolean;
  /** A test run after saving (when the vault is open), shown at once as the verdict. */
  onTested: (report: TestReport) => void;
  onChange: () => void;
}

/** Save values into the credential and, when the vault is open, test it again. */
function useSaveAndRetest({ credential, unlocked, onTested, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function save(values: Record<string, string>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await sendMessage('credentials.update', { id: credential.id, values });
      onChange();
      if (unlocked) onTested(await sendMessage('credentials.test', { id: credential.id }));
      return true;
    } catch (caught) {
      setError(errorText(caught));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, save };
}

function OneField({
  field,
  idPrefix,
  action,
  props,
  after,
}: {
  field: FieldSpec;
  idPrefix: string;
  action: string;
  props: Props;
  after?: () => void;
}) {
  const [value, setValue] = useState('');
  const { busy, error, save } = useSaveAndRetest(props);
  return (
    <div>
      <FieldInput idPrefix={idPrefix} field={field} value={value} onChange={setValue} />
      <button
        disabled={!value || busy}
        onClick={() => void save({ [field.name]: value }).then((saved) => saved && (setValue(''), after?.()))}
      >
        {action}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Fields the credential still lacks, each with its own "Add …" button. */
export function MissingFields(props: Props) {
  const { credential, type } = props;
  const missing = type?.fields.filter((field) => credential.missing?.includes(field.name)) ?? [];
  return (
    <>
      {missing.map((field) => (
        <OneField
          key={field.name}
          field={field}
          idPrefix={`missing-${credential.id}`}
          action={t('page.update.add', [field.label])}
          props={props}
        />
      ))}
    </>
  );
}

/** A key file already given can be replaced (a wrong file, or a new key after a rotation). */
export function ReplaceKeyFile(props: Props) {
  const { credential, type, unlocked } = props;
  const [open, setOpen] = useState(false);
  const replaceable =
    type?.fields.filter(
      (field) => field.input === 'file' && !credential.missing?.includes(field.name) && credential.fields.includes(field.name),
    ) ?? [];
  if (!replaceable.length || !unlocked || credential.corrupted) return null;
  return (
    <div>
      <button className="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? t('page.update.keepFile') : t('page.update.replace', [replaceable[0].label])}
      </button>
      {open &&
        replaceable.map((field) => (
          <OneField
            key={field.name}
            field={field}
            idPrefix={`replace-${credential.id}`}
            action={t('page.update.useFileAndTest')}
            props={props}
            after={() => setOpen(false)}
          />
        ))}
    </div>
  );
}

interface Choice {
  field: string;
  label: string;
  options: { value: string; label: string }[];
}

/** A vendor's test may ask the admin to pick a value (a JumpCloud organization) and retest. */
export function choiceOf(report: TestReport | undefined): Choice | undefined {
  const choice = report?.details?.choice as Choice | undefined;
  return choice && Array.isArray(choice.options) && choice.options.length ? choice : undefined;
}

export function TestChoice({ report, ...props }: Props & { report: TestReport | undefined }) {
  const choice = choiceOf(report);
  const [value, setValue] = useState('');
  const { busy, error, save } = useSaveAndRetest(props);
  if (!choice) return null;
  const id = `choice-${props.credential.id}`;
  return (
    <div className="card">
      <label htmlFor={id}>{choice.label}</label>
      <select id={id} value={value} onChange={(e) => setValue(e.target.value)}>
        <option value="">{t('page.common.choose')}</option>
        {choice.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button disabled={!value || busy || !props.unlocked} onClick={() => void save({ [choice.field]: value })}>
        {t('page.update.useAndTestAgain')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
