// @vitest-environment happy-dom
// Every recogniser over every page Keyhold keeps as a fixture: its own localized console pages
// (tests/fixtures/consoles/<vendor>/) and the redacted snapshots admins report from real consoles
// (tests/fixtures/field-reports/<vendor>/). Each page has a sidecar `<name>.expected.json`:
//   { "url": "https://…", "expect": [{ "type": "jamf-pro", "values": {…} }] }   values exactly
//   { "url": "https://…", "expect": [{ "type": "iru", "fields": ["apiUrl", "token"] }] }   redacted reports
//   { "url": "https://…", "expect": "none" } or []                                a page with no button
// Adding a page is adding a test: nothing else to write.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vendorConsoles } from '../../utils/vendors/console-registry';

interface Expected {
  url: string;
  note?: string;
  expect: 'none' | { type: string; values?: Record<string, string>; fields?: string[] }[];
}

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function pages(folder: string): [string, string, Expected][] {
  const root = path.join(FIXTURES, folder);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => {
      const sidecar = path.join(root, file.replace(/\.html$/, '.expected.json'));
      if (!fs.existsSync(sidecar)) throw new Error(`${folder}/${file} has no ${path.basename(sidecar)}`);
      return [file, fs.readFileSync(path.join(root, file), 'utf8'), JSON.parse(fs.readFileSync(sidecar, 'utf8')) as Expected];
    });
}

/** What every console recognises on the page, as plain data. */
function recogniseAll(html: string, url: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return vendorConsoles.flatMap((vendorConsole) =>
    vendorConsole.recognise(new URL(url), doc).map((found) => {
      expect(found.anchor.ownerDocument).toBe(doc); // the button goes beside a real element of the page
      return { type: found.type, values: found.values };
    }),
  );
}

function check(html: string, expected: Expected) {
  const found = recogniseAll(html, expected.url);
  const wanted = expected.expect === 'none' ? [] : expected.expect;
  expect(found.map((f) => f.type)).toEqual(wanted.map((w) => w.type));
  wanted.forEach((want, i) => {
    if (want.values) expect(found[i].values).toEqual(want.values);
    for (const field of want.fields ?? []) expect(found[i].values[field], `${want.type}.${field}`).toBeTruthy();
  });
}

describe("Keyhold's own console fixtures (languages × markup shapes)", () => {
  const all = pages('consoles');
  it('cover Jamf Pro and Apple in Japanese, German, French and Spanish, and every console', () => {
    const names = all.map(([file]) => file);
    for (const vendor of ['jamf-pro', 'apple'])
      for (const lang of ['ja', 'de', 'fr', 'es']) expect(names.some((n) => n.startsWith(`${vendor}/${lang}-`))).toBe(true);
    for (const vendor of ['jamf-pro', 'apple', 'jumpcloud', 'iru']) {
      expect(
        all.some(([file, , e]) => file.startsWith(`${vendor}/`) && e.expect !== 'none' && e.expect.length > 0),
        `${vendor} positive`,
      ).toBe(true);
      expect(
        all.some(([file, , e]) => file.startsWith(`${vendor}/`) && (e.expect === 'none' || e.expect.length === 0)),
        `${vendor} negative`,
      ).toBe(true);
    }
  });
  it.each(all)('%s', (_, html, expected) => check(html, expected));
});

describe('field reports (redacted snapshots of real consoles)', () => {
  const all = pages('field-reports');
  it.each(all.length ? all : [['(none yet)', '', { url: 'https://example.com/', expect: 'none' } as Expected]])('%s', (_, html, expected) =>
    check(html, expected),
  );
});
