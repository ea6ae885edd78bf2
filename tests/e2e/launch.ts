// Launch Chromium with the built extension, mapping every vendor hostname to the local mock server.
// Shared by the end-to-end fixtures, `npm start` and the benchmarks.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumPath } from './browser-path';

export const extensionDir = path.resolve(import.meta.dirname, '../../.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  profileDir: string;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  hostResolverRules: string;
  headless?: boolean;
  extraArgs?: string[];
  profileDir?: string;
  extension?: string;
  /** Accept the mock server's self-signed certificate (default). False: a browser that trusts only real CAs. */
  ignoreCertificateErrors?: boolean;
}): Promise<LaunchedExtension> {
  const extension = options.extension ?? extensionDir;
  if (!fs.existsSync(path.join(extension, 'manifest.json'))) {
    throw new Error(`No built extension at ${extension}: run "npm run build" first.`);
  }
  const profileDir = options.profileDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: options.headless ?? true,
    executablePath: chromiumPath(),
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--host-resolver-rules=${options.hostResolverRules}`,
      ...(options.ignoreCertificateErrors === false ? [] : ['--ignore-certificate-errors']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.extraArgs ?? []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    profileDir,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close().catch(() => undefined);
      if (!options.profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
