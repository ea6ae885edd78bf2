// The in-page fill panel, injected only when the admin asks (toolbar popup, context menu, keyboard
// command): it scans the form, proposes the credentials that fit, and fills after the admin's own
// click. Values arrive from the background only for that click, are written into the fields and
// dropped; the panel then lists what went where, secrets masked, for the admin to check before
// submitting. It lives in a shadow root; synthetic clicks (a page script) are ignored.
import { chooseShape, regionOption, shapeKey, shapeNames, shapesFor, shapeValue } from './shape';
import { findProfile } from './profiles';
import { rankCandidates, testWords, type RankedCandidate } from './plan';
import { isFillable, pageWords, scanDocument, type ScannedField } from './scan-dom';
import { selectOption, setControlValue, setFile } from './fill-dom';
import type { FillStart, PlannedField } from './types';
import { jamfFamilyValueName } from './jamf-family-value-names';
import { t } from '../i18n/translate';

export type SendMessage = (message: {
  type: 'fill.values';
  payload: { ticket: string; id: string; fields: string[] };
}) => Promise<{ ok: true; data: { values: Record<string, string> } } | { ok: false; error: { code: string; message: string } } | undefined>;

/** Words for the values a fill writes, looked up when shown (in the admin's language). */
export const valueNames: Record<string, () => string> = {
  baseUrl: () => t('bg.fillValue.baseUrl'),
  apiUrl: () => t('bg.fillValue.apiUrl'),
  clientId: () => t('bg.fillValue.clientId'),
  clientSecret: () => t('bg.fillValue.clientSecret'),
  apiKey: () => t('bg.fillValue.apiKey'),
  token: () => t('bg.fillValue.token'),
  region: () => t('bg.fillValue.region'),
  orgId: () => t('bg.fillValue.orgId'),
  keyId: () => t('bg.fillValue.keyId'),
  privateKey: () => t('bg.fillValue.privateKey'),
  '@expiresAt': () => t('bg.fillValue.expiresAt'),
};

const TAG = 'keyhold-fill';

const css = `
:host { all: initial; }
.panel { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 380px; max-height: 90vh; overflow: auto;
  background: #fff; color: #1b1f24; border: 1px solid #8c959f; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
  font: 13px/1.4 system-ui, sans-serif; padding: 12px; }
h2 { font-size: 14px; margin: 0 0 6px; }
.origin { font-family: ui-monospace, monospace; word-break: break-all; }
label.choice { display: block; padding: 4px; border-radius: 4px; }
label.choice:hover { background: #f0f3f6; }
.muted { color: #57606a; font-size: 12px; }
.warn { color: #7d4e00; background: #fff8c5; padding: 4px 6px; border-radius: 4px; }
.bad { color: #a40e26; }
table { width: 100%; border-collapse: collapse; margin: 6px 0; }
td { padding: 3px 4px; border-top: 1px solid #eaeef2; vertical-align: top; }
.row { display: flex; gap: 8px; margin-top: 8px; }
button { font: inherit; padding: 5px 12px; border-radius: 6px; border: 1px solid #8c959f; background: #f6f8fa; cursor: pointer; }
button.primary { background: #1f6feb; color: #fff; border-color: #1f6feb; }
.mono { font-family: ui-monospace, monospace; word-break: break-all; }
`;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function trusted(handler: () => void) {
  return (event: Event) => {
    // A page script can dispatch clicks; only the admin's own input counts.
    if (!event.isTrusted) return;
    handler();
  };
}

export function openFillPanel(start: FillStart, send: SendMessage): void {
  document.querySelector(TAG)?.remove();
  const host = document.createElement(TAG);
  const root = host.attachShadow({ mode: 'open' });
  const panel = el('section', { class: 'panel', role: 'dialog', 'aria-label': t('bg.fillPanel.aria') });
  root.append(el('style', {}, css), panel);
  document.documentElement.append(host);
  const close = () => host.remove();

  const header = el('h2', {}, t('bg.fillPanel.heading'));
  const where = el(
    'p',
    { class: 'muted' },
    `${t('bg.fillPanel.destination')} `,
    el('span', { class: 'origin', 'data-testid': 'fill-origin' }, start.origin),
  );
  const closeButton = () => {
    const button = el('button', { type: 'button' }, t('bg.fillPanel.close'));
    button.addEventListener('click', trusted(close));
    return button;
  };

  if (start.locked || !start.ticket) {
    panel.append(header, where, el('p', { role: 'alert' }, t('bg.fillPanel.locked')), el('div', { class: 'row' }, closeButton()));
    return;
  }
  const ticket = start.ticket;
  const fields = scanDocument(document, host);
  const text = pageWords(document, fields);
  const profile = findProfile(location.hostname, text);
  const ranked = rankCandidates(
    start.candidates,
    fields.map((field) => field.info),
    { text, profile },
  );

  panel.append(header, where);
  if (profile) panel.append(el('p', { class: 'muted', 'data-testid': 'fill-profile' }, t('bg.fillPanel.form', [profile.name])));
  if (!fields.length || !ranked.length) {
    panel.append(
      el('p', { role: 'status' }, !fields.length ? t('bg.fillPanel.noFields') : t('bg.fillPanel.noFit')),
      el('div', { class: 'row' }, closeButton()),
    );
    return;
  }

  let chosen = 0;
  const overwrite = new Set<number>();
  const choices = el('fieldset', {}, el('legend', {}, t('bg.fillPanel.fillWith')));
  ranked.forEach((entry, index) => {
    const radio = el('input', { type: 'radio', name: 'keyhold-credential', value: entry.candidate.id });
    radio.checked = index === 0;
    radio.addEventListener('change', () => {
      chosen = index;
      renderPlan();
    });
    const state = testWords(entry.candidate);
    choices.append(
      el(
        'label',
        { class: 'choice' },
        radio,
        ' ',
        el('strong', {}, entry.candidate.label),
        el('br'),
        el('span', { class: entry.candidate.ok === false ? 'muted bad' : 'muted' }, `${entry.candidate.vendorName} · ${state}`),
        ...(entry.refill ? [el('br'), el('span', { class: 'warn' }, t('bg.fillPanel.refill'))] : []),
      ),
    );
  });
  const planBox = el('div');
  const status = el('p', { role: 'status' });
  const fillButton = el('button', { type: 'button', class: 'primary' }, t('bg.fillPanel.fill'));
  const cancel = el('button', { type: 'button' }, t('bg.fillPanel.cancel'));
  cancel.addEventListener('click', trusted(close));
  fillButton.addEventListener(
    'click',
    trusted(() => void fill()),
  );
  panel.append(choices, planBox, el('div', { class: 'row' }, fillButton, cancel), status);
  renderPlan();

  function renderPlan() {
    const entry = ranked[chosen];
    planBox.replaceChildren();
    if (!entry.candidate.filledHere) {
      planBox.append(el('p', { class: 'warn' }, t('bg.fillPanel.firstFill', [start.origin])));
    }
    const table = el('table', { 'aria-label': t('bg.fillPanel.fieldsToFill') });
    for (const planned of entry.plan) {
      const name = jamfFamilyValueName(entry.candidate.vendor, planned.source) ?? valueNames[planned.source]?.() ?? planned.source;
      const cells: (Node | string)[] = [`${name} · ${shapeNames[planned.shape]()}`];
      if (planned.hasValue) {
        const box = el('input', { type: 'checkbox', 'aria-label': t('bg.fillPanel.overwrite', [planned.label]) });
        box.checked = overwrite.has(planned.index);
        box.addEventListener('change', () => (box.checked ? overwrite.add(planned.index) : overwrite.delete(planned.index)));
        cells.push(el('br'), el('label', { class: 'muted' }, box, ` ${t('bg.fillPanel.hasValue')}`));
      }
      table.append(el('tr', {}, el('td', {}, planned.label), el('td', {}, ...cells)));
    }
    planBox.append(table);
  }

  async function fill() {
    const entry = ranked[chosen];
    const plan = entry.plan.filter((planned) => !planned.hasValue || overwrite.has(planned.index));
    if (!plan.length) {
      status.textContent = t('bg.fillPanel.nothing');
      return;
    }
    fillButton.disabled = true;
    status.textContent = t('bg.fillPanel.filling');
    const names = [...new Set(plan.map((planned) => planned.source).filter((source) => source !== '@expiresAt'))];
    const reply = await send({ type: 'fill.values', payload: { ticket, id: entry.candidate.id, fields: names } }).catch(() => undefined);
    if (!reply || !reply.ok) {
      status.textContent = reply && !reply.ok ? reply.error.message : t('bg.fillPanel.noAnswer');
      status.className = 'bad';
      return;
    }
    // Kept in this function only: once written into the fields, the values go out of scope.
    const values = reply.data.values;
    const report: { label: string; shown: string }[] = [];
    for (const planned of plan) {
      const raw = planned.source === '@expiresAt' ? entry.candidate.expiresAt : values[planned.source];
      const field = fields[planned.index];
      if (raw === undefined) continue;
      if (!field.element.isConnected || !isFillable(field.element)) {
        report.push({ label: planned.label, shown: t('bg.fillPanel.gone') });
        continue;
      }
      report.push({ label: planned.label, shown: write(field, planned, raw, entry) });
    }
    showReport(report, entry);
  }

  function showReport(report: { label: string; shown: string }[], entry: RankedCandidate) {
    panel.replaceChildren(
      header,
      where,
      el('p', { role: 'status' }, t('bg.fillPanel.filled', [entry.candidate.label])),
      el(
        'table',
        { 'aria-label': t('bg.fillPanel.filledFields') },
        ...report.map((row) => el('tr', {}, el('td', {}, row.label), el('td', { class: 'mono' }, row.shown))),
      ),
      el('div', { class: 'row' }, closeButton()),
    );
  }
}

const mask = (planned: PlannedField, text: string) => (planned.secret ? t('bg.fillPanel.masked', [text.length]) : text);

/** Write one value in the shape its field asks for; returns what the report shows. */
function write(field: ScannedField, planned: PlannedField, raw: string, entry: RankedCandidate): string {
  const { element, info } = field;
  if (planned.kind === 'region' && element instanceof HTMLSelectElement) {
    const index = regionOption(info.options ?? [], raw);
    if (index < 0) return t('bg.fillPanel.noRegion', [raw.toUpperCase()]);
    selectOption(element, index);
    return element.options[index].text;
  }
  if (planned.shape === 'pem-file' && element instanceof HTMLInputElement) {
    const name = `${entry.candidate.label.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'private-key'}.pem`;
    setFile(element, shapeKey(raw, 'pem'), name);
    return t('bg.fillPanel.pemFile', [name]);
  }
  const forced = planned.forced;
  const shapes = forced ? [planned.shape] : shapesFor(planned.kind, info);
  const first = chooseShape(planned.kind, raw, info, shapes);
  setControlValue(element, first.text);
  // The browser's own check (type=url, pattern, maxlength) has the last word: try the other shapes.
  if (!element.checkValidity() && planned.kind === 'server' && !forced) {
    for (const shape of shapes) {
      const text = shapeValue(planned.kind, raw, shape);
      setControlValue(element, text);
      if (element.checkValidity()) return mask(planned, text);
    }
    setControlValue(element, first.text);
  }
  return mask(planned, first.text);
}
