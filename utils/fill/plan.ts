// From a scanned form to a fill plan: which stored credentials fit the form (the vendor the page
// names, or which fields it asks for; verified first), and which value goes into which field in
// which shape. Plain functions over FieldInfo: unit-tested without a DOM.
import type { CredentialTypeId } from '../protocol';
import { classifyField, sourceFor, vendorsNamed, words } from './kinds';
import { profileField, type DestinationProfile } from './profiles';
import { shapesFor } from './shape';
import { secretSources, type FieldInfo, type FieldKind, type FillCandidate, type PlannedField } from './types';
import { t } from '../i18n/translate';

/** What each field of the form asks for (a profile's word wins over the generic rules). */
export function kindsOf(fields: FieldInfo[], profile?: DestinationProfile): (FieldKind | undefined)[] {
  return fields.map((field) => profileField(profile, field)?.kind ?? classifyField(field));
}

/** Fields that identify a credential: a form asking only for a region or a date fits nothing. */
const identifying = new Set<FieldKind>(['clientId', 'clientSecret', 'apiKey', 'keyId', 'privateKey']);

export function planFill(fields: FieldInfo[], candidate: FillCandidate, profile?: DestinationProfile): PlannedField[] {
  const kinds = kindsOf(fields, profile);
  const plan: PlannedField[] = [];
  fields.forEach((field, index) => {
    const kind = kinds[index];
    if (!kind) return;
    const source = sourceFor(candidate.vendor, kind);
    if (!source) return;
    if (source === '@expiresAt' ? !candidate.expiresAt : !candidate.fields.includes(source)) return;
    const forced = profileField(profile, field)?.shape;
    plan.push({
      index,
      kind,
      source,
      shape: shapesFor(kind, field, forced)[0],
      ...(forced ? { forced: true } : {}),
      label: field.label || field.placeholder || field.name || kind,
      secret: secretSources.has(source),
      hasValue: field.hasValue,
    });
  });
  // A form that names no identifying field of this credential is not for it.
  return plan.some((entry) => identifying.has(entry.kind)) ? plan : [];
}

const showsProtect = (fields: FieldInfo[]) =>
  fields.some(
    (field) =>
      /\.protect\.jamfcloud\.com/i.test(`${field.placeholder} ${field.help}`) || /\bprotect (url|tenant|server)\b/.test(words(field.label)),
  );

export interface RankedCandidate {
  candidate: FillCandidate;
  plan: PlannedField[];
  /** Still on the secret from before its last rotation here: this fill is the refill. */
  refill: boolean;
  named: boolean;
}

/** Candidates that fit, best first: named by the page or profile, refills, verified, most fields. */
export function rankCandidates(
  candidates: FillCandidate[],
  fields: FieldInfo[],
  page: { text: string; profile?: DestinationProfile },
): RankedCandidate[] {
  // A destination's profile says which credential its form takes; without one, the page's words do,
  // and a field showing a Jamf Protect tenant (its label or example) names Protect.
  const named = new Set<CredentialTypeId>(
    page.profile?.wants ?? [...vendorsNamed(page.text), ...(showsProtect(fields) ? ['jamf-protect' as const] : [])],
  );
  const ranked = candidates
    .map((candidate) => {
      const plan = planFill(fields, candidate, page.profile);
      const refill = Boolean(candidate.filledHere && candidate.rotatedAt && candidate.rotatedAt > candidate.filledHere);
      return { candidate, plan, refill, named: named.has(candidate.vendor) };
    })
    .filter((entry) => entry.plan.length > 0 && (named.size === 0 || entry.named || !page.profile));
  const score = (entry: RankedCandidate) =>
    (entry.refill ? 100 : 0) +
    (entry.named ? 50 : 0) +
    (entry.candidate.ok === true ? 20 : entry.candidate.ok === false ? -20 : 0) +
    entry.plan.length;
  return ranked.sort((a, b) => score(b) - score(a) || (b.candidate.testedAt ?? '').localeCompare(a.candidate.testedAt ?? ''));
}

/** "verified 3 days ago", "last test failed 2 hours ago", "not tested yet". */
export function testWords(candidate: FillCandidate, now = Date.now()): string {
  if (candidate.ok === undefined || !candidate.testedAt) return t('bg.fillPanel.notTested');
  const age = ageWords(now - Date.parse(candidate.testedAt));
  return candidate.ok ? t('bg.fillPanel.verified', [age]) : t('bg.fillPanel.failed', [age]);
}

export function ageWords(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 1) return t('bg.fillPanel.justNow');
  if (minutes < 60) return t('bg.fillPanel.minAgo', [minutes]);
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('bg.fillPanel.hoursAgo', [hours]);
  return t('bg.fillPanel.daysAgo', [Math.round(hours / 24)]);
}
