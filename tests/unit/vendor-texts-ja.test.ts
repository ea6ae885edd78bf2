// The consoles' texts follow the admin's language: with Chrome answering in Japanese, every console's
// guide, templates, fields and rotation steps come out in Japanese, with no raw `vendor.` key and no
// empty line. The modules are loaded afresh after the switch (descriptions read the language when
// they load, guides whenever they are shown).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './support/locale-messages';
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
