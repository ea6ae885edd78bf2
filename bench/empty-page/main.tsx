// The floor for "popup ready" and "side panel ready": an extension page built the same way as the
// popup (Vite, React 19, the same stylesheet) that renders nothing but a list of items (20, or
// ?n=200), with no data to fetch. Built by bench/bench-extension.ts into a copy of the extension;
// never part of the product build.
import { createRoot } from 'react-dom/client';
import '../../components/keyhold.css';

const count = Number(new URLSearchParams(location.search).get('n') ?? 20) || 20;
const items = Array.from({ length: count }, (_, i) => `Item ${i + 1}`);

createRoot(document.getElementById('root')!).render(
  <main style={{ width: 360 }} className="stack">
    <ul className="plain" data-testid="credential-list">
      {items.map((item) => (
        <li key={item} className="card">
          {item}
        </li>
      ))}
    </ul>
  </main>,
);
