// What a form field asks for, read from its words: label first (what the admin reads), then the
// name, id, placeholder, autocomplete hint and help text. Plain functions, no DOM.
import type { CredentialTypeId } from '../protocol';
import type { FieldInfo, FieldKind } from './types';

/** "clientSecret", "client_secret", "api-key" → words the patterns below can read. */
export function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_\-.[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// Most specific first: "client secret" before "client", "key id" before "api key".
const rules: [FieldKind, RegExp][] = [
  // Jamf School's Network ID (Devices → Enroll Device(s)), sent with its API key.
  ['networkId', /\bnetwork ?id\b/],
  ['privateKey', /private ?key|\bpem\b|\bp8\b|signing key|key file/],
  ['keyId', /\bkey ?id\b|\bkid\b/],
  ['expiry', /expir|valid (until|through|to)\b|end date|rotation date/],
  ['orgId', /\borg(ani[sz]ation)? ?id\b|\borganization\b|\borganisation\b/],
  ['region', /\bregion\b|data ?cent(er|re)|\bgeo(graphy)?\b/],
  ['clientSecret', /client ?(secret|password)|\bsecret\b|\bpassword\b|passphrase/],
  ['clientId', /client ?id|\(client\) ?id|application ?id|\bapp ?id\b|consumer key|\bclient\b/],
  ['apiKey', /api ?(key|token)|\btoken\b|access ?key|bearer/],
  ['server', /server|\burl\b|\buri\b|domain|tenant|host|instance|endpoint|address|\bsite\b|subdomain|base ?url|workspace/],
];

function kindOf(text: string): FieldKind | undefined {
  const said = words(text);
  if (!said) return undefined;
  // "Instance name", "Connection name", "Display name": the admin's own name for the integration.
  if (/\bname$/.test(said) && !/(host|domain|server|tenant|sub ?domain) ?name$/.test(said)) return undefined;
  return rules.find(([, pattern]) => pattern.test(said))?.[0];
}

export function classifyField(field: FieldInfo): FieldKind | undefined {
  // A number box is for a number: of Keyhold's values only School's Network ID is one.
  if (field.type === 'number')
    return [field.label, `${field.name} ${field.id}`].some((text) => kindOf(text) === 'networkId') ? 'networkId' : undefined;
  if (field.type === 'file')
    return /pem|p8|key|\.txt/i.test(`${field.accept ?? ''} ${field.label} ${field.name}`) ? 'privateKey' : undefined;
  if (
    ['checkbox', 'radio', 'submit', 'button', 'hidden', 'search', 'email', 'tel', 'number', 'color', 'range', 'image', 'reset'].includes(
      field.type,
    )
  )
    return undefined;
  const byLabel = kindOf(field.label);
  if (byLabel) return byLabel;
  const byRest = kindOf(`${field.name} ${field.id}`) ?? kindOf(field.placeholder) ?? kindOf(field.help);
  if (byRest) return byRest;
  if (/password/.test(field.autocomplete) || field.type === 'password') return 'clientSecret';
  if (
    field.type === 'url' ||
    /\burl\b/.test(field.autocomplete) ||
    /^(https?:\/\/)?[\w<>{}-]+(\.[\w<>{}-]+)+(:\d+)?\/?$/i.test(field.placeholder.trim())
  )
    return 'server';
  if (field.type === 'date') return 'expiry';
  return undefined;
}

/** Vendors named in the page's own words (title, headings, the form's labels). */
export function vendorsNamed(text: string): CredentialTypeId[] {
  const found: CredentialTypeId[] = [];
  // "Jamf" alone is Jamf Pro; the other Jamf products are named in full.
  if (/\bjamf\b(?! ?(protect|school|platform|account))/i.test(text)) found.push('jamf-pro');
  if (/\bjamf ?protect\b/i.test(text)) found.push('jamf-protect');
  if (/\bjamf ?school\b/i.test(text)) found.push('jamf-school');
  if (/\bjamf (platform|account)\b/i.test(text)) found.push('jamf-platform');
  if (/jump ?cloud/i.test(text)) found.push('jumpcloud-api-key', 'jumpcloud-service-account');
  if (/apple (business|school) manager|\bABM\b|\bASM\b/i.test(text)) found.push('apple-business');
  if (/\b(iru|kandji)\b/i.test(text)) found.push('iru');
  return found;
}

/** Which stored value answers a kind of field, per credential type (a type without an entry fills nothing by kind). */
const sources: Partial<Record<CredentialTypeId, Partial<Record<FieldKind, string>>>> = {
  'jamf-pro': { server: 'baseUrl', clientId: 'clientId', clientSecret: 'clientSecret' },
  'jumpcloud-api-key': { apiKey: 'apiKey', region: 'region', orgId: 'orgId' },
  'jumpcloud-service-account': { clientId: 'clientId', clientSecret: 'clientSecret', region: 'region', orgId: 'orgId' },
  'apple-business': { clientId: 'clientId', keyId: 'keyId', privateKey: 'privateKey' },
  // Iru's API token is a bearer token; its region is read from the API URL (see shape.ts).
  iru: { server: 'apiUrl', apiKey: 'token', region: 'apiUrl' },
  // Protect calls its secret a password.
  'jamf-protect': { server: 'protectUrl', clientId: 'clientId', clientSecret: 'password' },
  'jamf-school': { server: 'baseUrl', networkId: 'networkId', apiKey: 'apiKey' },
  'jamf-platform': { clientId: 'clientId', clientSecret: 'clientSecret', region: 'region' },
};

export function sourceFor(vendor: CredentialTypeId, kind: FieldKind): string | undefined {
  if (kind === 'expiry') return '@expiresAt';
  return sources[vendor]?.[kind];
}
