// @vitest-environment happy-dom
import { consoleHosts } from '../vendor-ids';
import { beforeEach, describe, expect, it } from 'vitest';
import { appleConsole } from './console';

const CLIENT = 'BUSINESSAPI.9703f56c-10ce-4876-8f59-e78e5e23a152';
const SCHOOL_CLIENT = 'SCHOOLAPI.2b7e1f0a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const KEY = 'd136aa66-0c3b-4bd4-9892-c20e8db024ab';
const OTHER_UUID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const API_PAGE = new URL('https://business.apple.com/#/main/preferences/apiaccounts');

function page(html: string) {
  document.body.innerHTML = html;
  return document;
}

function found(url = API_PAGE): { clientId?: string; keyId?: string; type: string }[] {
  return appleConsole.recognise(url, document).map((recognition) => ({ ...recognition.values, type: recognition.type }));
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('detect', () => {
  const table: [string, object | null][] = [
    ['https://business.apple.com/#/main/preferences/apiaccounts', { tenant: 'business.apple.com', hints: { service: 'business', serviceName: 'Apple Business', apiUrl: 'https://api-business.apple.com' } }],
    ['https://business.apple.com/', { tenant: 'business.apple.com' }],
    ['https://school.apple.com/#/main/devices', { tenant: 'school.apple.com', hints: { service: 'school', serviceName: 'Apple School Manager', apiUrl: 'https://api-school.apple.com' } }],
    ['http://business.apple.com/', null],
    ['https://apple.com/', null],
    ['https://www.apple.com/business/', null],
    ['https://account.apple.com/', null],
    ['https://api-business.apple.com/v1/mdmServers', null],
    ['https://business.apple.com.evil.example/', null],
    ['https://evil.example/business.apple.com/', null],
    ['https://essentials.apple.com/', null],
  ];
  it.each(table)('%s', (url, expected) => {
    const match = appleConsole.detect(new URL(url));
    if (expected === null) expect(match).toBeNull();
    else expect(match).toMatchObject({ consoleId: 'apple', ...expected });
  });

  it('matches only the two console hosts', () => {
    expect(consoleHosts.apple.console).toEqual(['https://business.apple.com/*', 'https://school.apple.com/*']);
  });
});

describe('recognise: DOM shapes', () => {
  const shapes: [string, string][] = [
    [
      'label/value rows with copy buttons (the Manage view)',
      `<div role="dialog" aria-modal="true"><h2>Manage API Account</h2>
        <div class="row"><div class="label">API Account Name</div><div class="value">Jamf</div></div>
        <div class="row"><div class="label">Key ID</div><div class="value"><span>${KEY}</span><button aria-label="Copy Key ID">Copy</button></div></div>
        <div class="row"><div class="label">Client ID</div><div class="value"><span id="anchor">${CLIENT}</span><button aria-label="Copy Client ID">Copy</button></div></div>
      </div>`,
    ],
    ['a description list', `<dl><dt>Client ID</dt><dd id="anchor">${CLIENT}</dd><dt>Key ID:</dt><dd>${KEY}</dd></dl>`],
    ['grouped description list', `<dl><div><dt>Client ID</dt><dd><code id="anchor">${CLIENT}</code></dd></div><div><dt>Key ID</dt><dd><code>${KEY}</code></dd></div></dl>`],
    [
      'readonly inputs with <label for>',
      `<form><label for="c">Client ID</label><input id="c" readonly value="${CLIENT}"><label for="k">Key ID</label><input id="k" readonly value="${KEY}"></form>`,
    ],
    ['inputs named by aria-label', `<section><input aria-label="Client ID" readonly value="${CLIENT}"><input aria-label="Key ID" readonly value="${KEY}"></section>`],
    ['labels wrapping their inputs', `<label>Client ID <input readonly value="${CLIENT}"></label><label>Key ID <input readonly value="${KEY}"></label>`],
    ['aria-labelledby', `<span id="l1">Client ID</span><output aria-labelledby="l1">${CLIENT}</output><span id="l2">Key ID</span><output aria-labelledby="l2">${KEY}</output>`],
    ['a table with row headers', `<table><tr><th>Key ID</th><td>${KEY}</td></tr><tr><th>Client ID</th><td>${CLIENT}</td></tr></table>`],
    [
      'wrapped labels and an info icon before the value',
      `<div class="field"><div class="label"><span>Client ID</span></div><button aria-label="About Client IDs">i</button><div class="value"><span id="anchor">${CLIENT}</span></div></div>
       <div class="field"><div class="label"><span>Key ID</span></div><svg></svg><div class="value">${KEY}</div></div>`,
    ],
    ['values with surrounding whitespace', `<div><p>Client ID</p><p>\n   ${CLIENT}\n</p></div><div><p>Key ID</p><p>  ${KEY} </p></div>`],
  ];

  it.each(shapes)('%s', (_, html) => {
    page(html);
    const recognitions = appleConsole.recognise(API_PAGE, document);
    expect(recognitions.map((recognition) => recognition.values)).toEqual([{ clientId: CLIENT, keyId: KEY }]);
    expect(recognitions[0].type).toBe('apple-business');
    const anchor = recognitions[0].anchor;
    expect(anchor.matches('input') ? (anchor as HTMLInputElement).value : anchor.textContent?.trim()).toBe(CLIENT);
    const marked = document.getElementById('anchor');
    if (marked) expect(anchor).toBe(marked);
  });

  it('pairs each Client ID with the Key ID in its own row (table with column headers)', () => {
    const second = 'e4eaaaf2-d142-41e1-b3e4-080027620cdd';
    page(`<table><thead><tr><th>Name</th><th>Client ID</th><th>Key ID</th></tr></thead><tbody>
      <tr><td>Jamf</td><td>${CLIENT}</td><td>${KEY}</td></tr>
      <tr><td>Kiosk</td><td>${SCHOOL_CLIENT}</td><td>${second}</td></tr></tbody></table>`);
    expect(found()).toEqual([
      { clientId: CLIENT, keyId: KEY, type: 'apple-business' },
      { clientId: SCHOOL_CLIENT, keyId: second, type: 'apple-business' },
    ]);
  });

  it('pairs by container when two Manage panels are open', () => {
    const second = 'e4eaaaf2-d142-41e1-b3e4-080027620cdd';
    page(`<div class="panel"><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>
      <div class="panel"><dl><dt>Key ID</dt><dd>${second}</dd><dt>Client ID</dt><dd>${SCHOOL_CLIENT}</dd></dl></div>`);
    expect(found().map(({ clientId, keyId }) => [clientId, keyId])).toEqual([
      [CLIENT, KEY],
      [SCHOOL_CLIENT, second],
    ]);
  });

  it('finds the values once a late-rendered view appears', async () => {
    page('<div role="dialog" aria-modal="true"><h2>Manage API Account</h2><p role="status">Loading…</p></div>');
    expect(found()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    document.querySelector('[role="dialog"]')!.innerHTML = `<div class="row"><div>Client ID</div><div>${CLIENT}</div></div><div class="row"><div>Key ID</div><div>${KEY}</div></div>`;
    expect(found()).toEqual([{ clientId: CLIENT, keyId: KEY, type: 'apple-business' }]);
  });

  it('works on school.apple.com too', () => {
    page(`<dl><dt>Client ID</dt><dd>${SCHOOL_CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl>`);
    expect(found(new URL('https://school.apple.com/#/main/preferences/apiaccounts'))).toEqual([{ clientId: SCHOOL_CLIENT, keyId: KEY, type: 'apple-business' }]);
  });
});

describe('recognise: pages it must ignore', () => {
  const decoys: [string, string][] = [
    ['a lone UUID', `<p>Request ${OTHER_UUID}</p>`],
    ['UUIDs in a table', `<table><tr><th>Request ID</th><td>${OTHER_UUID}</td></tr><tr><th>Device ID</th><td>${KEY}</td></tr></table>`],
    ['a Client ID without a Key ID', `<dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Created By</dt><dd>Jane</dd></dl>`],
    ['a Client ID column beside request UUIDs (activity log)', `<table><thead><tr><th>Client ID</th><th>Request ID</th></tr></thead><tbody><tr><td>${CLIENT}</td><td>${KEY}</td></tr></tbody></table>`],
    ['a Key ID without a Client ID', `<dl><dt>Key ID</dt><dd>${KEY}</dd><dt>Other</dt><dd>${CLIENT}</dd></dl>`],
    ['a Key ID whose value is not there yet', `<dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>—</dd></dl><p>${OTHER_UUID}</p>`],
    ['a Key ID label with no value, a UUID further on', `<dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt></dl><p>${OTHER_UUID}</p>`],
    ['unlabelled values', `<p>${CLIENT}</p><p>${KEY}</p>`],
    ['labels in a sentence', `<p>Copy the Client ID and Key ID: ${CLIENT} ${KEY}</p>`],
    ['a Client ID label with a malformed value', `<dl><dt>Client ID</dt><dd>APPAPI.${KEY}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl>`],
    ['a hidden Manage view', `<div hidden><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>`],
    ['a view hidden by style', `<div style="display: none"><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>`],
    ['a view hidden by a stylesheet rule', `<style>.closed { display: none }</style><div class="closed"><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>`],
    ['a view made invisible', `<div style="visibility: hidden"><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>`],
    ['a closed <dialog>', `<dialog><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></dialog>`],
    ['an aria-hidden template', `<div aria-hidden="true"><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></div>`],
    ['a <template>', `<template><dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl></template>`],
  ];
  it.each(decoys)('%s', (_, html) => {
    page(html);
    expect(found()).toEqual([]);
  });

  it('ignores the Manage view on another site', () => {
    page(`<dl><dt>Client ID</dt><dd>${CLIENT}</dd><dt>Key ID</dt><dd>${KEY}</dd></dl>`);
    expect(appleConsole.recognise(new URL('https://example.com/'), document)).toEqual([]);
  });
});

describe('currentStep', () => {
  it.each([
    ['https://business.apple.com/#/main/devices', 'open-api'],
    ['https://business.apple.com/#/main/preferences', 'open-api'],
    ['https://school.apple.com/#/main/preferences/apiaccounts', 'create-account'],
    ['https://business.apple.com/#/signin', null],
    ['https://example.com/#/main/preferences/apiaccounts', null],
  ])('%s (empty page) → %s', (url, step) => {
    expect(appleConsole.currentStep(new URL(url), document)).toBe(step);
  });

  it('follows the sheets and the Manage view', () => {
    const url = new URL('https://business.apple.com/#/main/preferences/apiaccounts');
    page('<h1>API</h1><button aria-label="Add API Account">+</button><div id="overlay"></div>');
    expect(appleConsole.currentStep(url, document)).toBe('create-account');
    const overlay = document.getElementById('overlay')!;
    overlay.innerHTML = '<div role="dialog"><h2>Create API Account</h2><label for="l">API Account Label</label><input id="l"></div>';
    expect(appleConsole.currentStep(new URL('https://business.apple.com/#/main/devices'), document)).toBe('create-account');
    overlay.innerHTML = '<div role="dialog"><h2>Private API Key</h2><button>Generate Private Key</button></div>';
    expect(appleConsole.currentStep(url, document)).toBe('generate-key');
    overlay.innerHTML = `<div role="dialog"><h2>Manage API Account</h2><dl><dt>Private Key</dt><dd>Not generated <button>Generate Private Key</button></dd><dt>Key ID</dt><dd>—</dd><dt>Client ID</dt><dd>${CLIENT}</dd></dl></div>`;
    expect(appleConsole.currentStep(url, document)).toBe('generate-key');
    overlay.innerHTML = `<div role="dialog"><h2>Manage API Account</h2><dl><dt>Private Key</dt><dd>Generated <button>Revoke</button></dd><dt>Key ID</dt><dd>${KEY}</dd><dt>Client ID</dt><dd>${CLIENT}</dd></dl></div>`;
    expect(appleConsole.currentStep(url, document)).toBe('capture-ids');
  });

  it('knows the newer Apple Business key button', () => {
    page('<div role="dialog"><button>Generate &amp; Download</button><button>Not Now</button></div>');
    expect(appleConsole.currentStep(new URL('https://business.apple.com/#/main/people'), document)).toBe('generate-key');
  });

  it("follows Apple Business's current flow (seed 002): Add API Account → name and role → Generate & Download or Not Now → Edit", () => {
    const url = new URL('https://business.apple.com/#/main/preferences/api');
    page('<h1>API</h1><button>Add API Account</button>');
    expect(appleConsole.currentStep(url, document)).toBe('create-account');
    page('<div role="dialog"><h2>Add API Account</h2><label>Name <input></label><label>Role <select><option>Device API Manager</option></select></label><button>Next</button></div>');
    expect(appleConsole.currentStep(url, document)).toBe('create-account');
    page('<div role="dialog"><h2>Private key</h2><button>Generate &amp; Download</button><button>Not Now</button></div>');
    expect(appleConsole.currentStep(url, document)).toBe('generate-key');
    // After "Not Now" the account is listed with its Edit action: the IDs are one click away.
    page('<h1>API</h1><table><tr><td>Jamf</td><td><button>Edit</button></td></tr></table>');
    expect(appleConsole.currentStep(url, document)).toBe('capture-ids');
    page(`<div role="dialog"><h2>Edit</h2><div><span>Client ID</span><span>${CLIENT}</span><button aria-label="Copy Client ID">⧉</button></div>
      <div><span>Key ID</span><span>${KEY}</span><button aria-label="Copy Key ID">⧉</button></div><button>Revoke</button><button>Save</button></div>`);
    expect(appleConsole.currentStep(url, document)).toBe('capture-ids');
    expect(found(url)).toEqual([{ clientId: CLIENT, keyId: KEY, type: 'apple-business' }]);
  });

  it('finds the Edit view in Japanese, with each ID only behind its copy button', () => {
    page(`<div role="dialog"><h2>Jamf</h2><button data-clipboard-text="${CLIENT}" aria-label="クライアントIDをコピー">⧉</button><button data-clipboard-text="${KEY}" aria-label="キーIDをコピー">⧉</button></div>`);
    expect(found()).toEqual([{ clientId: CLIENT, keyId: KEY, type: 'apple-business' }]);
  });
});
