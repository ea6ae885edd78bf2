import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { earlyAnswers, whenAnswered } from '@/components/early-answers';
import { SidePanelApp } from './side-panel-app';
import { localizeDocument } from '@/components/format';
import { t } from '@/utils/i18n/translate';

// Ask the background before React starts, so the answers are (nearly) there for the first render.
const early = earlyAnswers();
localizeDocument(t('page.title.panel'));
void whenAnswered(early).then((answered) => createRoot(document.getElementById('root')!).render(<SidePanelApp early={answered} />));
