import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { sendMessage } from '@/utils/protocol';
import { SidePanelApp } from './side-panel-app';
import { localizeDocument } from '@/components/format';
import { t } from '@/utils/i18n/translate';

// Ask the background before React starts, so the answers are (nearly) there for the first render.
const early = { vault: sendMessage('vault.status'), credentials: sendMessage('credentials.list') };
localizeDocument(t('page.title.panel'));
createRoot(document.getElementById('root')!).render(<SidePanelApp early={early} />);
