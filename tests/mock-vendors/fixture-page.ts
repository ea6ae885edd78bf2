// Serves one of Keyhold's own recognition fixtures (tests/fixtures/consoles/<vendor>/<name>.html)
// on a vendor's real host, so an end-to-end test can show a localized page to the built extension
// exactly where the console would be (…?fixture=ja-dialog-input). The demo's pages stay as they are.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MockResponse } from './server';

const ROOT = fileURLToPath(new URL('../fixtures/consoles/', import.meta.url));

/** The sample values the Jamf Pro fixtures show (swap them for a mock client's own). */
export const JAMF_FIXTURE_VALUES = {
  clientId: '5b8d3f2e-1c4a-4e6b-9d7f-2a3c4b5d6e7f',
  clientSecret: 'Zq8vN2kLp4Xw7RtY9sUe3JhG6fDc1BaM5nQo0iKy',
};

/** The fixture page, or null when the request names none (or a name that is not a fixture). */
export function fixturePage(vendor: string, query: URLSearchParams, replace: Record<string, string> = {}): MockResponse | null {
  const name = query.get('fixture');
  if (!name || !/^[a-z0-9-]+$/.test(name)) return null;
  const file = `${ROOT}${vendor}/${name}.html`;
  if (!fs.existsSync(file)) return null;
  let html = fs.readFileSync(file, 'utf8');
  // The fixture's sample values can be swapped for a mock client's, so a capture really tests.
  for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}
