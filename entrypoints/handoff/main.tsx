import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { HandoffApp } from './handoff-app';
import { localizeDocument } from '@/components/format';
import { t } from '@/utils/i18n/translate';

localizeDocument(t('page.title.handoff'));
createRoot(document.getElementById('root')!).render(<HandoffApp />);
