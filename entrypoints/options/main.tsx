import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { OptionsApp } from './options-app';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
