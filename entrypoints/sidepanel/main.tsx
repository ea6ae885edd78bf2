import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { SidePanelApp } from './side-panel-app';

createRoot(document.getElementById('root')!).render(<SidePanelApp />);
