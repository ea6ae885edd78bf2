import { useEffect, useState } from 'react';
import type { Guide } from '@/utils/vendors/types';
import { t } from '@/utils/i18n/translate';

/** The step-by-step guide; the current step follows the admin's page. */
export function GuideView({
  guides,
  currentStep,
  onTemplate,
}: {
  guides: Guide[];
  currentStep: string | null;
  onTemplate?: (guide: Guide, template: string) => void;
}) {
  const [guideId, setGuideId] = useState(() => (guides.find((g) => g.recommended) ?? guides[0])?.id);
  const guide = guides.find((g) => g.id === guideId) ?? guides[0];
  const [templateId, setTemplateId] = useState(guide?.templates[0]?.id);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    // Follow the page: switch to the guide whose step the page is on.
    if (currentStep && guide && !guide.steps.some((step) => step.id === currentStep)) {
      const other = guides.find((g) => g.steps.some((step) => step.id === currentStep));
      if (other) setGuideId(other.id);
    }
  }, [currentStep, guide, guides]);

  useEffect(() => {
    if (guide && !guide.templates.some((t) => t.id === templateId)) setTemplateId(guide.templates[0]?.id);
  }, [guide, templateId]);

  useEffect(() => {
    if (guide && templateId) onTemplate?.(guide, templateId);
  }, [guide, templateId, onTemplate]);

  if (!guide) return <p className="muted">{t('page.guide.none')}</p>;
  const template = guide.templates.find((t) => t.id === templateId) ?? guide.templates[0];
  const currentIndex = guide.steps.findIndex((step) => step.id === currentStep);

  async function copyPrivileges() {
    if (!template) return;
    await navigator.clipboard.writeText(template.privileges.join('\n'));
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  return (
    <section aria-label={t('page.guide.label')} className="stack">
      {guides.length > 1 && (
        <fieldset className="card">
          <legend>{t('page.guide.whatToCreate')}</legend>
          {guides.map((g) => (
            <label key={g.id} className="row" style={{ fontWeight: 400 }}>
              <input type="radio" name="guide" style={{ width: 'auto' }} checked={g.id === guide.id} onChange={() => setGuideId(g.id)} />
              {g.name}
              {g.recommended ? <span className="badge ok">{t('page.guide.recommended')}</span> : null}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted small">{guide.summary}</p>
      {guide.templates.length > 0 && (
        <div className="card">
          <label htmlFor="template">{t('page.guide.template')}</label>
          <select id="template" value={template?.id} onChange={(e) => setTemplateId(e.target.value)}>
            {guide.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {template && (
            <>
              <p className="small">{template.description}</p>
              {template.privileges.length ? (
                <>
                  <ul className="small" aria-label={t('page.guide.privileges')}>
                    {template.privileges.map((privilege) => (
                      <li key={privilege}>{privilege}</li>
                    ))}
                  </ul>
                  <button className="secondary" onClick={() => void copyPrivileges()}>
                    {copied ? t('page.guide.copied') : t('page.guide.copyPrivileges')}
                  </button>
                </>
              ) : null}
            </>
          )}
        </div>
      )}
      <ol className="steps" aria-label={t('page.guide.steps')}>
        {guide.steps.map((step, index) => {
          const current = index === currentIndex;
          const done = currentIndex > -1 && index < currentIndex;
          return (
            <li key={step.id} aria-current={current ? 'step' : undefined} className={done ? 'done' : undefined} data-step={step.id}>
              <strong>
                {done ? '✓ ' : ''}
                {index + 1}. {step.title}
              </strong>
              {done ? <span className="visually-hidden"> {t('page.guide.done')}</span> : null}
              {step.body.map((line, i) => (
                <p key={i} className="small">
                  {line}
                </p>
              ))}
              {step.warning && <p className="small warn">⚠ {step.warning}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
