import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { PopupApp } from './popup-app';

createRoot(document.getElementById('root')!).render(<PopupApp />);
