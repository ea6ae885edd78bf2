import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { sendMessage } from '@/utils/protocol';
import { SidePanelApp } from './side-panel-app';

// Ask the background before React starts, so the answers are (nearly) there for the first render.
const early = { vault: sendMessage('vault.status'), credentials: sendMessage('credentials.list') };
createRoot(document.getElementById('root')!).render(<SidePanelApp early={early} />);
