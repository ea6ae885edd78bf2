import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download if present. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safe(() => chromium.executablePath())];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate!));
  if (!found) {
    throw new Error('No Chromium found: install one (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

function safe(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
