// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { controlBeside, isToken, labelled, labelsOf, names, SCORE, score, squash, UUID, values } from './recognition';

const UUID_VALUE = '5b8d3f2e-1c4a-4e6b-9d7f-2a3c4b5d6e7f';
const TOKEN = 'Zq8vN2kLp4Xw7RtY9sUe3JhG6fDc1BaM5nQo0iKy';
const isUuid = (v: string) => UUID.test(v);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('label dictionaries', () => {
  it.each([
    ['Client Secret:', 'secret'],
    ['Client-Secret', 'secret'],
    ['クライアントシークレット', 'secret'],
    ['Secreto de cliente', 'secret'],
    ['Secret client', 'secret'],
    ['客户端密钥', 'secret'],
    ['クライアント ID', 'clientId'],
    ['ID de cliente', 'clientId'],
    ['ID client', 'clientId'],
    ['Client-ID', 'clientId'],
    ['キーID', 'keyId'],
    ['Schlüssel-ID', 'keyId'],
    ['ID de clé', 'keyId'],
    ['ID de clave', 'keyId'],
    ['Your API key', 'apiKey'],
    ['Copy token', 'token'],
    ['クライアントIDをコピー', 'clientId'],
  ] as const)('"%s" names %s', (label, field) => {
    expect(names(squash(label), field)).toBe(true);
  });

  it.each([
    ['Inventory hash', 'secret'],
    ['Management ID', 'clientId'],
    ['Request ID', 'keyId'],
    ['Admin API keys start with jca_', 'apiKey'],
  ] as const)('"%s" does not name %s', (label, field) => {
    expect(names(squash(label), field)).toBe(false);
  });
});

describe('signals', () => {
  it('reads labels beside a value: <label for>, aria-label, dt/dd, row and column headers, a wrapper before it', () => {
    document.body.innerHTML = `<label for="a">Client ID</label><input id="a" value="${UUID_VALUE}">
      <dl><dt>Client-ID</dt><dd><code id="b">${UUID_VALUE}</code></dd></dl>
      <table><thead><tr><th>ID client</th></tr></thead><tbody><tr><td id="c">${UUID_VALUE}</td></tr></tbody></table>
      <div><div><span>ID de cliente</span></div><div><span id="d">${UUID_VALUE}</span></div></div>`;
    for (const id of ['a', 'b', 'c', 'd']) expect(labelled(document.getElementById(id)!, 'clientId'), id).toBe(true);
  });

  it('a sentence is not a label', () => {
    document.body.innerHTML = `<p>Client ID: <code id="a">${UUID_VALUE}</code> and secret <code>${TOKEN}</code></p>`;
    expect(labelsOf(document.getElementById('a')!)).not.toContain('clientid');
  });

  it('finds copy buttons by word in any language, by icon alone, or by clipboard attribute', () => {
    document.body.innerHTML = `<div><code id="a">${TOKEN}</code><button aria-label="コピー">x</button></div>
      <div><code id="b">${TOKEN}1</code><button><svg></svg></button></div>
      <div><code id="c">${TOKEN}2</code><button data-clipboard-text="${TOKEN}2">Kopieren</button></div>
      <div><code id="d">${TOKEN}3</code></div>`;
    expect(['a', 'b', 'c', 'd'].map((id) => controlBeside(document.getElementById(id)!))).toEqual([true, true, true, false]);
  });

  it('reads values from inputs, clipboard attributes and text; never masks', () => {
    document.body.innerHTML = `<input value="${TOKEN}"><button data-clipboard-text="${TOKEN}x">Copy</button><pre>${TOKEN}y</pre><span>••••••••••••••••••</span>`;
    expect(values(document.body, isToken).map((el) => el.tagName)).toEqual(['INPUT', 'BUTTON', 'PRE']);
  });
});

describe('score: never by shape alone', () => {
  it('a UUID or a token on its own, or with only a label, stays below the score', () => {
    document.body.innerHTML = `<p><span id="a">${UUID_VALUE}</span></p><dl><dt>Client secret</dt><dd id="b">${TOKEN}</dd></dl>`;
    expect(score(document.getElementById('a')!, isUuid, 1, 'token', false)).toBeLessThan(SCORE);
    expect(score(document.getElementById('b')!, isToken, 0, 'secret', false)).toBeLessThan(SCORE);
  });

  it('the same value in a dialog with a copy button, on the credential page, is taken; in a list it is not', () => {
    document.body.innerHTML = `<div role="dialog"><h2>Token</h2><code id="a">${UUID_VALUE}</code><button aria-label="Copy">⧉</button></div>
      <ul>${[0, 1, 2].map((i) => `<li><code id="l${i}">${UUID_VALUE.slice(0, -1)}${i}</code><button aria-label="Copy">⧉</button></li>`).join('')}</ul>`;
    expect(score(document.getElementById('a')!, isUuid, 1, 'token', true)).toBeGreaterThanOrEqual(SCORE);
    expect(score(document.getElementById('l0')!, isUuid, 1, 'token', true)).toBeLessThan(SCORE);
  });
});
