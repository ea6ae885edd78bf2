import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { OptionsApp } from './options-app';
import { localizeDocument } from '@/components/format';
import { t } from '@/utils/i18n/translate';

localizeDocument(t('page.title.options'));
createRoot(document.getElementById('root')!).render(<OptionsApp />);
