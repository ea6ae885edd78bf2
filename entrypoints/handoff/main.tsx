import { createRoot } from 'react-dom/client';
import '@/components/keyhold.css';
import { HandoffApp } from './handoff-app';

createRoot(document.getElementById('root')!).render(<HandoffApp />);
