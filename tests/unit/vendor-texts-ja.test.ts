// The consoles' texts follow the admin's language: with Chrome answering in Japanese, every console's
// guide, templates, fields and rotation steps come out in Japanese, with no raw `vendor.` key and no
// empty line. The modules are loaded afresh after the switch (descriptions read the language when
// they load, guides whenever they are shown).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './support/locale-messages';
import type { HttpClient, HttpResponse } from '../../utils/http/http-client';
import type { Guide } from '../../utils/vendors/types';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const english = { getMessage: fakeBrowser.i18n.getMessage, getUILanguage: fakeBrowser.i18n.getUILanguage };

async function inLanguage(locale: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages(locale), locale) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale;
  vi.resetModules();
  const descriptions = await import('../../utils/vendors/descriptions');
  const { consoleIds } = await import('../../utils/vendors/vendor-ids');
  return { ...descriptions, consoleIds };
}

/** Every line of text a guide shows. */
const guideTexts = (guide: Guide) => [
  guide.name,
  guide.summary,
  ...guide.templates.flatMap((template) => [template.name, template.description]),
  ...guide.steps.flatMap((step) => [step.title, ...step.body, ...(step.warning ? [step.warning] : [])]),
];

const expectTranslated = (texts: string[], where: string) => {
  for (const text of texts) {
    expect(text, where).not.toBe('');
    expect(text, where).not.toMatch(/\bvendor[._]/);
  }
};

describe('consoles’ texts in Japanese', () => {
  let ja: Awaited<ReturnType<typeof inLanguage>>;
  beforeAll(async () => {
    ja = await inLanguage('ja');
  });
  afterAll(() => {
    fakeBrowser.i18n.getMessage = english.getMessage;
    fakeBrowser.i18n.getUILanguage = english.getUILanguage;
    vi.resetModules();
  });

  it('gives every console a guide whose name, summary, step titles and templates are Japanese', () => {
    for (const consoleId of ja.consoleIds) {
      const guides = ja.guidesFor(consoleId);
      expect(guides.length, consoleId).toBeGreaterThan(0);
      for (const guide of guides) {
        expectTranslated(guideTexts(guide), `${consoleId} ${guide.id}`);
        for (const text of [
          guide.name,
          guide.summary,
          ...guide.steps.map((step) => step.title),
          ...guide.templates.map((t) => t.description),
        ]) {
          expect(text, `${consoleId} ${guide.id}`).toMatch(JAPANESE);
        }
        for (const step of guide.steps) for (const line of step.body) expect(line, `${consoleId} ${step.id}`).toMatch(JAPANESE);
      }
    }
  });

  it('says, on consoles shown in English only, that their names are quoted in English', () => {
    for (const [consoleId, product] of [
      ['jumpcloud', 'JumpCloud'],
      ['iru', 'Iru'],
      ['jamf-protect', 'Jamf Protect'],
      ['jamf-school', 'Jamf School'],
      ['jamf-platform', 'Jamf Account'],
    ] as const) {
      for (const guide of ja.guidesFor(consoleId)) {
        expect(guide.steps[0].body[0], consoleId).toBe(
          `${product} のメニューとボタンは英語表示のみです。このガイドでは画面どおりの英語名で示します。`,
        );
      }
    }
  });

  it('quotes Jamf Pro’s and Apple’s own Japanese menu names', () => {
    const [jamfPro] = ja.guidesFor('jamf-pro');
    expect(jamfPro.steps[0].body.join(' ')).toContain('「設定」');
    expect(jamfPro.steps[0].body.join(' ')).toContain('「APIロールとクライアント」');
    const [apple] = ja.guidesFor('apple');
    expect(apple.steps[0].body.join(' ')).toContain('「環境設定」');
  });

  it('names every credential type, field, template and rotation step in Japanese', () => {
    for (const type of ja.credentialTypes) {
      const texts = [
        type.name,
        ...type.fields.map((field) => field.label),
        ...type.templates.flatMap((template) => [template.name, template.description]),
        ...(type.rotation?.steps ?? []),
      ];
      expectTranslated(texts, type.id);
      // Labels may be all Latin in Japanese too ("API URL"); the sentences may not.
      const sentences = [
        type.name,
        ...type.templates.flatMap((template) => [template.name, template.description]),
        ...(type.rotation?.steps ?? []),
      ];
      for (const text of sentences) expect(text, type.id).toMatch(JAPANESE);
      expect(
        type.fields.some((field) => JAPANESE.test(field.label)),
        type.id,
      ).toBe(true);
    }
  });
});

/** A Jamf Pro server that grants everything but Read Buildings. */
const jamfProServer: HttpClient = async (url) => {
  const path = new URL(url).pathname;
  const [status, body] =
    path === '/api/v1/oauth/token'
      ? [200, { access_token: 'token', token_type: 'Bearer', expires_in: 599 }]
      : path === '/api/v1/jamf-pro-version'
        ? [200, { version: '11.10.1-t1' }]
        : path === '/api/v1/buildings'
          ? [403, { httpStatus: 403, errors: [] }]
          : [200, { results: [], totalCount: 0 }];
  const response: HttpResponse = { url, status, headers: new Headers(), text: JSON.stringify(body), ms: 1, json: body, isHtml: false };
  return response;
};

describe('verdicts in Japanese', () => {
  afterAll(() => {
    fakeBrowser.i18n.getMessage = english.getMessage;
    fakeBrowser.i18n.getUILanguage = english.getUILanguage;
    vi.resetModules();
  });

  it('gives Jamf Pro’s test result in Japanese, with Jamf’s privilege names as they are', async () => {
    await inLanguage('ja');
    const { jamfProCredential } = await import('../../utils/vendors/jamf-pro/jamf-pro');
    const report = await jamfProCredential.test(
      { baseUrl: 'https://acme.jamfcloud.com', clientId: '3F1C2B9E-7A4D-4E8B-9C2F-5D6A7B8C9D0E', clientSecret: 'x'.repeat(64) },
      { http: jamfProServer, now: Date.now },
    );
    expect(report.ok).toBe(true);
    expect(report.message).toBe('Jamf Pro 11.10.1、トークンの有効期間 10 分、権限 6 件中 5 件が付与されています（不足: Read Buildings）。');
    expect(report.steps.map((step) => step.name)).toEqual(
      expect.arrayContaining([
        'トークンを取得（POST /api/v1/oauth/token）',
        'サーバのバージョンを読み取り（GET /api/v1/jamf-pro-version）',
        'トークンを失効（POST /api/v1/auth/invalidate-token）',
      ]),
    );
  });

  it('gives Iru’s verdicts in Japanese', async () => {
    await inLanguage('ja');
    const { verdictMessage } = await import('../../utils/vendors/iru/verdict');
    const template = { name: 'インベントリ', privileges: ['Device list', 'Device details', 'Application list'] };
    const lacking = verdictMessage(
      { kind: 'valid', granted: ['Device list'], missing: ['Device details', 'Application list'] },
      'acme.api.kandji.io',
      template,
    );
    expect(lacking).toMatch(
      /^トークンは acme\.api\.kandji\.io で使えますが、インベントリ テンプレートに必要な権限が 2 件ありません: Device details、Application list。/,
    );
    const three = verdictMessage({ kind: 'valid', granted: [], missing: template.privileges }, 'acme.api.kandji.io', template);
    expect(three).toContain('Device list、Device details、Application list');
    for (const kind of ['rejected', 'no-permissions'] as const) {
      const message = verdictMessage({ kind }, 'acme.api.kandji.io', template);
      expectTranslated([message], kind);
      expect(message, kind).toMatch(JAPANESE);
    }
  });
});

/** A server that answers every request with one status and JSON body. */
const answering =
  (status: number, body: unknown): HttpClient =>
  async (url) => ({ url, status, headers: new Headers(), text: JSON.stringify(body), ms: 1, json: body, isHtml: false });

describe('Jamf family errors and value checks in Japanese', () => {
  afterAll(() => {
    fakeBrowser.i18n.getMessage = english.getMessage;
    fakeBrowser.i18n.getUILanguage = english.getUILanguage;
    vi.resetModules();
  });

  it('says in Japanese that Jamf Protect refused the client', async () => {
    await inLanguage('ja');
    const { jamfProtectCredential } = await import('../../utils/vendors/jamf-protect/api-client');
    const report = await jamfProtectCredential.test(
      { protectUrl: 'https://acme.protect.jamfcloud.com', clientId: 'client-1', password: 'p'.repeat(32) },
      { http: answering(401, { error: 'invalid_client' }), now: Date.now },
    );
    expect(report.ok).toBe(false);
    expect(report.message).toBe(
      'acme.protect.jamfcloud.com がクライアント ID とパスワードを拒否しました。どちらかが誤っているか、API クライアントが削除されています。',
    );
  });

  it('says in Japanese that Jamf School refused the Network ID and key', async () => {
    await inLanguage('ja');
    const { jamfSchoolCredential } = await import('../../utils/vendors/jamf-school/api-key');
    const report = await jamfSchoolCredential.test(
      { baseUrl: 'https://acme.jamfcloud.com', networkId: '12345678', apiKey: 'k'.repeat(32) },
      { http: answering(401, { code: 401 }), now: Date.now },
    );
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(/^acme\.jamfcloud\.com がネットワーク ID と API キーを拒否しました（HTTP 401）。/);
    expect(jamfSchoolCredential.defaultLabel({ baseUrl: 'https://acme.jamfcloud.com', networkId: '12345678', apiKey: 'k' })).toBe(
      'Jamf School · acme.jamfcloud.com · ネットワーク 12345678',
    );
  });

  it('explains a Jamf Platform scope fault in Japanese', async () => {
    await inLanguage('ja');
    const { readAnswer } = await import('../../utils/vendors/jamf-platform/integration');
    const forbidden = {
      url: 'https://us.api.jamfcloud.com/pro/v1/jamf-pro-version',
      status: 403,
      headers: new Headers(),
      text: '',
      ms: 1,
      isHtml: false,
      json: { errors: [{ code: 'OWNERSHIP_FORBIDDEN' }] },
    };
    expect(() => readAnswer(forbidden, 'us.api.jamfcloud.com', 'tenant')).toThrow(
      /^スコープまたは ID が違います。連携はこのテナント IDのスコープではありません。/,
    );
  });

  it('gives Protect’s, School’s and Platform’s value checks in Japanese', async () => {
    await inLanguage('ja');
    const { jamfSchoolValues } = await import('../../utils/vendors/jamf-school/api-key');
    const { jamfProtectValues } = await import('../../utils/vendors/jamf-protect/api-client');
    const { jamfPlatformValues } = await import('../../utils/vendors/jamf-platform/integration');
    const school = jamfSchoolValues.safeParse({ baseUrl: 'https://acme.jamfcloud.com', networkId: 'abc', apiKey: 'k'.repeat(32) });
    expect(school.error?.issues.map((issue) => issue.message)).toEqual([
      'ネットワーク ID は数字です。Devices → Enroll Device(s) に表示されます。',
    ]);
    const protect = jamfProtectValues.safeParse({
      protectUrl: 'https://acme.protect.jamfcloud.com',
      clientId: 'client-1',
      password: 'short',
    });
    expect(protect.error?.issues.map((issue) => issue.message)).toEqual(['API クライアントのパスワードが途中で切れているようです。']);
    const platform = jamfPlatformValues.safeParse({ region: 'mars', clientId: 'client-1', clientSecret: 's'.repeat(32) });
    expect(platform.error?.issues.map((issue) => issue.message)).toEqual(['連携を作成したリージョン（us、eu、apac）を選んでください。']);
  });
});

describe('JumpCloud’s, Apple’s and Iru’s value checks in Japanese', () => {
  afterAll(() => {
    fakeBrowser.i18n.getMessage = english.getMessage;
    fakeBrowser.i18n.getUILanguage = english.getUILanguage;
    vi.resetModules();
  });

  it('names the rule broken in Japanese, through validateValues as the background does', async () => {
    await inLanguage('ja');
    const { orgIdSchema } = await import('../../utils/vendors/jumpcloud/schema');
    expect(orgIdSchema.safeParse('xyz').error?.issues[0].message).toBe('組織 ID は 16 進数 24 文字（0-9、a-f）です。');
    const { appleBusiness } = await import('../../utils/vendors/apple/apple-business');
    const apple = appleBusiness.values.safeParse({ clientId: 'BUSINESSAPI.nope', keyId: 'nope', privateKey: '' });
    expect(apple.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['キー ID は UUID（8-4-4-4-12 のグループに分かれた 16 進数 32 桁）です。管理画面に表示されます。']),
    );
    const { privateKeyProblem } = await import('../../utils/vendors/apple/private-key');
    expect(privateKeyProblem('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toMatch(
      /^これは証明書で、秘密鍵ではありません。 「秘密鍵を生成」\(Generate Private Key\) をクリック/,
    );
    const { normaliseBaseUrl } = await import('../../utils/vendors/jamf-pro/base-url');
    expect(normaliseBaseUrl('http://acme.jamfcloud.com')).toEqual({
      ok: false,
      reason: 'Jamf Pro サーバの URL は https:// で始まる必要があります（API は TLS でのみ動作します）。',
    });
    const { explainApiUrl } = await import('../../utils/vendors/iru/api-url');
    expect(explainApiUrl('https://acme.kandji.io')).toMatch(/^これは Web コンソールのアドレスで、API URL ではありません。/);
    const { createClientAssertion } = await import('../../utils/vendors/apple/client-assertion');
    await expect(createClientAssertion({ clientId: 'BUSINESSAPI.x', keyId: 'k', privateKey: '' }, { days: 181 })).rejects.toThrow(
      '1〜180 の整数の日数を選んでください。Apple はそれより長く有効なアサーションを受け付けません。',
    );
  });
});

describe('consoles’ texts in English', () => {
  it('add no language note to the guides (the names quoted are the console’s own)', async () => {
    const en = await inLanguage('en');
    for (const consoleId of en.consoleIds) {
      for (const guide of en.guidesFor(consoleId)) {
        expectTranslated(guideTexts(guide), consoleId);
        expect(guide.steps[0].body.join(' '), consoleId).not.toMatch(/in English only|shows in English/);
      }
    }
  });
});
