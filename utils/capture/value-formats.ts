// What a bare value is, by its format alone: shared by the "Save to Keyhold" fallback (a selected
// value, classified in the background) and the side panel's paste parser. No imports beyond types,
// so the background pays only for these few patterns.
import type { ConsoleId, CredentialTypeId } from '../protocol';

export interface FieldGuess {
  type: CredentialTypeId;
  field: string;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** https://{us,eu,apac}.api.jamfcloud.com[/…]: the Jamf Platform API gateway of one region. */
const GATEWAY = /^(?:https:\/\/)?(us|eu|apac)\.api\.jamfcloud\.com(?:\/\S*)?$/i;

export { consoleOfType } from '../vendors/vendor-ids';
import { consoleOfType } from '../vendors/vendor-ids';

/**
 * Formats, most specific first. `strong` formats name their vendor on their own (jca_, sa_,
 * BUSINESSAPI., an Iru API host, a PEM key); the others only say which field a value can fill.
 */
const rules: [RegExp, boolean, ...(readonly [CredentialTypeId, string])[]][] = [
  [/^jca_[A-Za-z0-9]{36}$/, true, ['jumpcloud-api-key', 'apiKey']],
  [/^sa_[0-9a-f]{24}$/i, true, ['jumpcloud-service-account', 'clientId']],
  [new RegExp(`^(BUSINESSAPI|SCHOOLAPI)\\.${UUID}$`, 'i'), true, ['apple-business', 'clientId']],
  [/^-----BEGIN (EC )?PRIVATE KEY-----[\s\S]+-----END (EC )?PRIVATE KEY-----$/, true, ['apple-business', 'privateKey']],
  [/^(https?:\/\/)?[a-z0-9-]+\.api\.(eu\.)?(kandji\.io|iru\.com)(\/api(\/v1)?)?\/?$/i, true, ['iru', 'apiUrl']],
  // A Protect tenant (its token or GraphQL URL too) names Protect; a plain *.jamfcloud.com never names a Jamf sibling.
  [/^(https:\/\/)?[a-z0-9-]+\.protect\.jamfcloud\.com(\/(token|graphql))?\/?$/i, true, ['jamf-protect', 'protectUrl']],
  // A Platform API gateway URL ({us,eu,apac}.api.jamfcloud.com, Jamf's token URL too) is the region.
  [GATEWAY, true, ['jamf-platform', 'region']],
  [/^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/i, false, ['jamf-pro', 'baseUrl']],
  [new RegExp(`^${UUID}$`, 'i'), false, ['jamf-pro', 'clientId'], ['apple-business', 'keyId'], ['iru', 'token']],
  [/^[0-9a-f]{24}$/i, false, ['jumpcloud-api-key', 'orgId'], ['jumpcloud-service-account', 'orgId']],
  [/^(us|eu|in)$/i, false, ['jumpcloud-api-key', 'region'], ['jumpcloud-service-account', 'region']],
  [/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i, false, ['jumpcloud-api-key', 'adminEmail']],
  [/^[A-Za-z0-9]{40}$/, false, ['jumpcloud-api-key', 'apiKey']],
  // The Jamf family's other values have no format of their own: they count only on their console.
  [/^(us|eu|apac)$/i, false, ['jamf-platform', 'region']],
  [/^[A-Za-z0-9]{24,64}$/, false, ['jamf-school', 'apiKey']],
  // Opaque secrets: printable, no spaces (Jamf: 64 of [A-Za-z0-9_-] observed; JumpCloud: ~26 with - and ~).
  [
    /^[\x21-\x7e]{16,512}$/,
    false,
    ['jamf-pro', 'clientSecret'],
    ['jumpcloud-service-account', 'clientSecret'],
    ['jamf-protect', 'password'],
    ['jamf-platform', 'clientSecret'],
  ],
];

/** A value in the form its field keeps: a gateway URL given as the Platform region is its code. */
export function fieldValue(type: CredentialTypeId, field: string, value: string): string {
  if (type !== 'jamf-platform' || field !== 'region') return value;
  return (GATEWAY.exec(value.trim())?.[1] ?? value.trim()).toLowerCase();
}

/** The fields a value can fill, most specific first; only the given console's types when one is named. */
export function classifyValue(value: string, consoleId?: ConsoleId): (FieldGuess & { strong: boolean })[] {
  const text = value.trim();
  const guesses: (FieldGuess & { strong: boolean })[] = [];
  for (const [pattern, strong, ...targets] of rules) {
    if (!pattern.test(text)) continue;
    for (const [type, field] of targets) {
      if (!consoleId || consoleOfType(type) === consoleId) guesses.push({ type, field, strong });
    }
  }
  return guesses;
}

/** Does the value have the format of this field (true for fields without a known format)? */
export function fitsField(type: CredentialTypeId, field: string, value: string): boolean {
  const known = rules.some(([, , ...targets]) => targets.some(([t, f]) => t === type && f === field));
  return !known || classifyValue(value).some((guess) => guess.type === type && guess.field === field);
}
