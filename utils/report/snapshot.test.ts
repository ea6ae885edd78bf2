// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { vendorConsoles } from '../vendors/console-registry';
import { snapshotPage } from './snapshot';

const SECRET = 'Zq8vN2kLp4Xw7RtY9sUe3JhG6fDc1BaM5nQo0iKy';
const UUID = '5b8d3f2e-1c4a-4e6b-9d7f-2a3c4b5d6e7f';
const KEY = 'jca_4Fh7Kq2Lm9Np3Rs6Tv8Wx1Yz5Ab0Cd2Ef4Gh';
const CLIENT = 'BUSINESSAPI.3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9';
const FIXTURES = path.join(__dirname, '..', '..', 'tests', 'fixtures');

function snapshotOf(html: string, href: string) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return snapshotPage(doc, href);
}

describe('snapshotPage', () => {
  const page = `<!doctype html><html lang="ja"><head><title>acme.jamfcloud.com - Jamf Pro</title><script>var token = "${SECRET}"</script></head><body>
    <header><span>alex.smith@acme.example</span><span>Alex Smith</span></header>
    <main><h1>Inventory sync</h1><a href="https://acme.jamfcloud.com/private?sid=42">Back</a>
    <table><tr><th>Owner</th><td>Jane Doe</td></tr></table>
    <p>Your organization's API URL is: acme.api.kandji.io</p>
    <!-- build 7f3a -->
    <div role="dialog" aria-labelledby="t"><h2 id="t">クライアントシークレット</h2>
      <label for="s">Client Secret</label><input id="s" readonly value="placeholder-original">
      <code>${UUID}</code> <code>${KEY}</code> <span data-clipboard-text="${CLIENT}" aria-label="Copy Client ID">⧉</span>
      <button type="button">Copy</button></div></main></body></html>`;

  it('replaces secrets, ids, e-mails, names, hosts and form state by fakes of the same shape, and keeps labels and structure', () => {
    const doc = new DOMParser().parseFromString(page, 'text/html');
    (doc.getElementById('s') as HTMLInputElement).value = SECRET; // live form state, unlike the attribute
    const snap = snapshotPage(
      doc,
      'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-integrations/7?sid=secret-session#tab',
    );
    for (const original of [
      SECRET,
      UUID,
      KEY,
      CLIENT,
      'alex.smith@acme.example',
      'Alex Smith',
      'Jane Doe',
      'acme',
      'placeholder-original',
      'sid',
      '7f3a',
      'private',
    ]) {
      expect(snap.html + snap.url + snap.title).not.toContain(original);
    }
    expect(snap.url).toMatch(
      /^https:\/\/[a-z]{4}\.jamfcloud\.com\/view\/settings\/system-settings\/api-roles-and-clients\/api-integrations\/\d#tab$/,
    );
    expect(snap.html).not.toContain('<script');
    expect(snap.html).not.toContain('href=');
    // Same shapes, same lengths, known prefixes and vendor domains kept.
    const out = new DOMParser().parseFromString(snap.html, 'text/html');
    const input = out.getElementById('s') as HTMLInputElement;
    expect(input.getAttribute('value')).toHaveLength(SECRET.length);
    expect(input.getAttribute('value')).toMatch(/^[A-Za-z0-9]+$/);
    const codes = [...out.querySelectorAll('code')].map((c) => c.textContent!);
    expect(codes[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(codes[1]).toMatch(/^jca_[A-Za-z0-9]{36}$/);
    expect(out.querySelector('[data-clipboard-text]')!.getAttribute('data-clipboard-text')).toMatch(/^BUSINESSAPI\.[0-9a-f-]{36}$/);
    expect(out.querySelector('header span')!.textContent).toMatch(/^[a-z]{4}\.[a-z]{5}@[a-z]{4}\.[a-z]{7}$/);
    expect(out.body.textContent).toMatch(/API URL is: [a-z]{4}\.api\.kandji\.io/);
    // Labels, roles and references survive.
    expect(out.querySelector('[role=dialog]')!.getAttribute('aria-labelledby')).toBe('t');
    expect(out.getElementById('t')!.textContent).toBe('クライアントシークレット');
    expect(out.querySelector('label[for=s]')!.textContent).toBe('Client Secret');
    expect(out.querySelector('button')!.textContent).toBe('Copy');
    expect(out.querySelector('[data-clipboard-text]')!.getAttribute('aria-label')).toBe('Copy Client ID');
    expect(snap.replaced).toBeGreaterThan(5);
  });

  it('takes nothing from cookies or storage', () => {
    document.cookie = 'session=cookie-secret-1234';
    localStorage.setItem('token', 'storage-secret-5678');
    document.body.innerHTML = '<p>Hello</p>';
    const snap = snapshotPage(document, 'https://acme.iru.com/my-company/access?x=1');
    expect(JSON.stringify(snap)).not.toMatch(/cookie-secret|storage-secret|x=1/);
  });

  it('gives the same fake to the same value, so a Client ID shown twice still matches', () => {
    const snap = snapshotOf(
      `<body><dl><dt>Client ID</dt><dd>${UUID}</dd></dl><div role="dialog"><code>${UUID}</code></div></body>`,
      'https://acme.jamfcloud.com/',
    );
    const out = new DOMParser().parseFromString(snap.html, 'text/html');
    expect(out.querySelector('dd')!.textContent).toBe(out.querySelector('code')!.textContent);
  });
});

// The seed field reports are made from Keyhold's own localized fixtures through this very function
// (UPDATE_FIELD_REPORTS=1 npx vitest run utils/report/snapshot.test.ts rewrites them).
const SEEDS: [string, string][] = [
  ['jamf-pro', 'ja-dialog-input'],
  ['jamf-pro', 'fi-dialog-pre-unknown-language'],
  ['jamf-pro', 'ja-computers-inventory'],
  ['apple', 'es-edit-view-text'],
  ['apple', 'de-copy-only'],
  ['jumpcloud', 'sa-dialog-plain-text'],
  ['iru', 'dialog-password-input'],
];

describe('a snapshot is recognised as the page was', () => {
  it.each(SEEDS)('%s/%s', (vendor, name) => {
    const html = fs.readFileSync(path.join(FIXTURES, 'consoles', vendor, `${name}.html`), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'consoles', vendor, `${name}.expected.json`), 'utf8'));
    const snap = snapshotOf(html, expected.url);
    const doc = new DOMParser().parseFromString(snap.html, 'text/html');
    const found = vendorConsoles.flatMap((c) => c.recognise(new URL(snap.url), doc));
    const wanted = expected.expect as { type: string; values: Record<string, string> }[];
    expect(found.map((f) => f.type)).toEqual(wanted.map((w) => w.type));
    found.forEach((f, i) => {
      expect(Object.keys(f.values).sort()).toEqual(Object.keys(wanted[i].values).sort());
      for (const [key, value] of Object.entries(wanted[i].values)) if (key !== 'region') expect(f.values[key]).toHaveLength(value.length);
    });
    if (process.env.UPDATE_FIELD_REPORTS) {
      const dir = path.join(FIXTURES, 'field-reports', vendor);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${name}.html`), snap.html);
      const sidecar = {
        url: snap.url,
        note: `Seed report: Keyhold's own fixture consoles/${vendor}/${name}.html through snapshotPage.`,
        expect: wanted.length ? wanted.map((w) => ({ type: w.type, fields: Object.keys(w.values) })) : 'none',
      };
      fs.writeFileSync(path.join(dir, `${name}.expected.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
    }
  });
});
