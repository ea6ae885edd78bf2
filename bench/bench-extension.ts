// The bench's own copy of the built extension: .output/chrome-mv3 as built, plus the floor page
// for "popup ready" (bench/empty-page, built with the same Vite and React) under bench-empty/.
// The product build is never touched; the copy lives in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

export const BENCH_EMPTY_PAGE = 'bench-empty/index.html';
export const BLANK_EXTENSION = path.resolve(import.meta.dirname, 'blank-extension');

export async function prepareBenchExtension(built: string): Promise<{ dir: string; remove(): void }> {
  if (!fs.existsSync(path.join(built, 'manifest.json'))) throw new Error(`No built extension at ${built}: run "wxt build" first.`);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-bench-ext-'));
  const dir = path.join(parent, 'chrome-mv3');
  fs.cpSync(built, dir, { recursive: true });
  await build({
    configFile: false,
    root: path.resolve(import.meta.dirname, 'empty-page'),
    base: '/bench-empty/',
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(dir, 'bench-empty'), emptyOutDir: true, reportCompressedSize: false },
  });
  return { dir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
