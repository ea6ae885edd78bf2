import { useState, type DragEvent } from 'react';
import type { FieldSpec } from '@/utils/vendors/types';
import { t } from '@/utils/i18n/translate';

const MAX_FILE_BYTES = 16_384;

/** One credential field: text, secret, multi-line, select, or a key file (picker and drop). */
export function FieldInput({
  field,
  value,
  onChange,
  idPrefix,
}: {
  field: FieldSpec;
  value: string;
  onChange: (value: string) => void;
  idPrefix: string;
}) {
  const id = `${idPrefix}-${field.name}`;
  const [fileNote, setFileNote] = useState<string>();

  async function readFile(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setFileNote(t('page.field.tooLarge', [file.name]));
    onChange(await file.text());
    setFileNote(t('page.field.loaded', [file.name]));
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    void readFile(event.dataTransfer.files[0]);
  }

  const label = field.optional ? t('page.field.optional', [field.label]) : field.label;
  if (field.input === 'file') {
    return (
      <div onDragOver={(e) => e.preventDefault()} onDrop={onDrop} className="card" data-dropzone={field.name}>
        <label htmlFor={id}>{label}</label>
        <input id={id} type="file" accept=".pem,.p8,.key,.txt" onChange={(e) => void readFile(e.target.files?.[0])} />
        <p className="small muted">{t('page.field.dropHint')}</p>
        {fileNote && (
          <p className="small" role="status">
            {fileNote}
          </p>
        )}
      </div>
    );
  }
  if (field.input === 'select' && field.options) {
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('page.common.choose')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (field.input === 'textarea') {
    return (
      <div>
        <label htmlFor={id}>{label}</label>
        <textarea id={id} value={value} placeholder={field.placeholder} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={field.secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={field.placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
