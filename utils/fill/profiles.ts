// Destination profiles: integration forms whose fields are documented publicly. A profile says
// which credential the form wants and, where the generic rules could guess wrong, what a field
// is and in which shape it wants its value. Everything else falls back to the generic rules
// (kinds.ts, shape.ts). Each profile cites the page it relies on.
import type { CredentialTypeId } from '../protocol';
import { vendorsNamed, words } from './kinds';
import type { FieldInfo, FieldKind, Shape } from './types';

export interface ProfileField {
  /** Matched against the field's label (or name when it has no label), in words (kinds.ts). */
  label: RegExp;
  kind: FieldKind;
  shape?: Shape;
}

export interface DestinationProfile {
  id: string;
  name: string;
  /** The public page the profile relies on. */
  source: string;
  /** The destination's hostnames. */
  hosts?: RegExp;
  /** Or words on the page (title, headings, labels) that name it. */
  pageText?: RegExp;
  /** And, for a host that serves many forms (a SaaS console), words that name this form. */
  formText?: RegExp;
  wants: CredentialTypeId[];
  fields: ProfileField[];
}

const jamfId: ProfileField = { label: /client ?id/, kind: 'clientId' };
const jamfSecret: ProfileField = { label: /client ?(secret|password)/, kind: 'clientSecret' };

export const destinationProfiles: DestinationProfile[] = [
  {
    // AirMDR's guide "Generate Jamf Pro Client Password and Client ID for API Authentication":
    // "The Base URL is simply your Jamf Pro URL. Example: https://yourcompany.jamfcloud.com", then
    // Base URL / Client ID / Client Secret in the Integrations Dashboard.
    id: 'airmdr-jamf',
    name: 'AirMDR · Jamf Pro',
    source: 'AirMDR docs: Generate Jamf Pro Client Password and Client ID for API Authentication',
    hosts: /(^|\.)airmdr\.com$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [{ label: /base ?url/, kind: 'server', shape: 'url' }, jamfId, jamfSecret],
  },
  {
    // help.okta.com "Integrate Jamf Pro Admin Console with Okta": the Domain "must not include
    // protocols (https://) … paths (/index.html)".
    id: 'okta-jamf',
    name: 'Okta · Jamf Pro Admin Console',
    source: 'https://help.okta.com/oie/en-us/content/topics/provisioning/jamfpro/jamfpro-integrate.htm',
    hosts: /(^|\.)(okta|oktapreview|okta-emea)\.com$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [{ label: /^domain|base ?url/, kind: 'server', shape: 'host' }, jamfId, jamfSecret],
  },
  {
    // elastic/integrations packages/jamf_pro/manifest.yml: api_host "Jamf Pro API Host",
    // "URL like in format https://xxxxxxxxxxxx.jamfcloud.com/".
    id: 'elastic-jamf',
    name: 'Elastic · Jamf Pro integration',
    source: 'https://github.com/elastic/integrations/blob/main/packages/jamf_pro/manifest.yml',
    hosts: /(^|\.)(elastic-cloud\.com|elastic\.co|found\.io|cloud\.es\.io)$/,
    pageText: /jamf pro api host/i,
    wants: ['jamf-pro'],
    fields: [{ label: /api ?host|host/, kind: 'server', shape: 'url-slash' }, jamfId, jamfSecret],
  },
  {
    // tines.com/docs/credentials/connect-flows/jamf: required inputs "Client ID, Client secret,
    // Jamf domain"; Tines' Jamf guide builds https://<subdomain>.jamfcloud.com from it, so the
    // domain is the host without scheme.
    id: 'tines-jamf',
    name: 'Tines · Jamf Pro connect flow',
    source: 'https://www.tines.com/docs/credentials/connect-flows/jamf/',
    hosts: /(^|\.)tines\.(com|io)$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [{ label: /jamf domain|domain/, kind: 'server', shape: 'host' }, jamfId, jamfSecret],
  },
  {
    // jumpcloud.com/support/saas-management-jamf-connector: "Client ID, Client Secret, Jamf Tenant";
    // the tenant is the name in "yourtenant.jamfcloud.com".
    id: 'jumpcloud-saas-jamf',
    name: 'JumpCloud SaaS Management · Jamf connector',
    source: 'https://jumpcloud.com/support/saas-management-jamf-connector',
    hosts: /^console(\.eu|\.in)?\.jumpcloud\.com$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [{ label: /jamf tenant|tenant/, kind: 'server', shape: 'subdomain' }, jamfId, jamfSecret],
  },
  {
    // Issue #16: ServiceNow's integration form asks for an "Application (client) ID"; the
    // instance field takes the full Jamf Pro URL.
    id: 'servicenow-jamf',
    name: 'ServiceNow · Jamf integration',
    source: 'Keyhold issue #16 (ServiceNow form labels)',
    hosts: /(^|\.)(service-now\.com|servicenow\.com)$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [
      { label: /application \(client\) id|client ?id/, kind: 'clientId' },
      { label: /url|instance|server/, kind: 'server', shape: 'url' },
      jamfSecret,
    ],
  },
  {
    // Issue #16: StackOne's JumpCloud form wants a region and an organisation ID with the API key
    // (JumpCloud's own connectors ask the same pair: docs.workato.com/connectors/jumpcloud.html).
    id: 'stackone-jumpcloud',
    name: 'StackOne · JumpCloud',
    source: 'Keyhold issue #16; https://docs.workato.com/connectors/jumpcloud.html',
    hosts: /(^|\.)stackone\.com$/,
    formText: /jump ?cloud/i,
    wants: ['jumpcloud-api-key'],
    fields: [
      { label: /region/, kind: 'region' },
      { label: /org(ani[sz]ation)? ?id/, kind: 'orgId' },
      { label: /api ?key/, kind: 'apiKey' },
      { label: /expir/, kind: 'expiry' },
    ],
  },
  {
    // docs.workato.com/connectors/jumpcloud.html: "API key", then "Organization ID".
    id: 'workato-jumpcloud',
    name: 'Workato · JumpCloud',
    source: 'https://docs.workato.com/connectors/jumpcloud.html',
    hosts: /(^|\.)workato\.com$/,
    formText: /jump ?cloud/i,
    wants: ['jumpcloud-api-key'],
    fields: [
      { label: /api ?key/, kind: 'apiKey' },
      { label: /org(ani[sz]ation)? ?id/, kind: 'orgId' },
    ],
  },
  {
    // Issue #16: Pondurance's Jamf form records when the client secret expires.
    id: 'pondurance-jamf',
    name: 'Pondurance · Jamf Pro',
    source: 'Keyhold issue #16 (Pondurance form: secret expiry date)',
    hosts: /(^|\.)pondurance\.com$/,
    wants: ['jamf-pro'],
    fields: [{ label: /expir/, kind: 'expiry' }, { label: /url|server|domain/, kind: 'server', shape: 'url' }, jamfId, jamfSecret],
  },
  {
    // nango.dev/docs/api-integrations/apple-business-manager/connect: "Client ID, Key ID, Private
    // Key – the EC private key (PEM format)".
    id: 'nango-apple',
    name: 'Nango · Apple Business Manager',
    source: 'https://nango.dev/docs/api-integrations/apple-business-manager/connect',
    hosts: /(^|\.)nango\.dev$/,
    formText: /apple/i,
    wants: ['apple-business'],
    fields: [
      { label: /client ?id/, kind: 'clientId' },
      { label: /key ?id/, kind: 'keyId' },
      { label: /private ?key/, kind: 'privateKey', shape: 'pem' },
    ],
  },
  {
    // docs.beyondtrust.com/entitle/docs/entitle-integration-jamf: "provide your Jamf Pro tenant URL"
    // with OAuth client credentials.
    id: 'entitle-jamf',
    name: 'BeyondTrust Entitle · Jamf Pro',
    source: 'https://docs.beyondtrust.com/entitle/docs/entitle-integration-jamf',
    hosts: /(^|\.)entitle\.io$/,
    formText: /jamf/i,
    wants: ['jamf-pro'],
    fields: [{ label: /tenant ?url|url/, kind: 'server', shape: 'url' }, jamfId, jamfSecret],
  },
  {
    // docs.enteksystems.de/inventory360/…/jamf-pro: "URL (inklusive https) … (inklusive /api)".
    id: 'inventory360-jamf',
    name: 'Inventory360 · Jamf Pro source',
    source: 'https://docs.enteksystems.de/inventory360/latest/admin/discovery/external/jamf-pro',
    pageText: /inventory ?360/i,
    wants: ['jamf-pro'],
    fields: [{ label: /^url/, kind: 'server', shape: 'url-api' }, jamfId, jamfSecret],
  },
  {
    // demisto/content Packs/JamfProtect/Integrations/JamfProtectEventCollector/JamfProtectEventCollector.yml
    // (Cortex XSIAM): "Server URL (e.g., https://example.protect.jamfcloud.com)", then "Client ID"
    // with its "Password".
    id: 'xsiam-jamf-protect',
    name: 'Cortex XSIAM · Jamf Protect Event Collector',
    source:
      'https://github.com/demisto/content/blob/master/Packs/JamfProtect/Integrations/JamfProtectEventCollector/JamfProtectEventCollector.yml',
    hosts: /(^|\.)paloaltonetworks\.com$/,
    formText: /jamf protect/i,
    wants: ['jamf-protect'],
    fields: [{ label: /server ?url|url/, kind: 'server', shape: 'url' }, jamfId, { label: /password/, kind: 'clientSecret' }],
  },
  {
    // Jamf Pro's own Jamf Protect integration (Settings → Jamf Protect): the Jamf Pro API's
    // ProtectRegistrationRequest is {protectUrl, clientId, password}, "Create an API Client in the
    // Jamf Protect web console to obtain these values" (developer.jamf.com, POST
    // /v1/jamf-protect/register). A Jamf Pro page asking for these takes Protect's values, never Jamf Pro's own.
    id: 'jamf-pro-protect-register',
    name: 'Jamf Pro · Jamf Protect integration',
    source: 'https://developer.jamf.com/jamf-pro/reference/post_v1-jamf-protect-register',
    hosts: /(^|\.)jamfcloud\.com$/,
    formText: /jamf ?protect/i,
    wants: ['jamf-protect'],
    fields: [{ label: /protect|url/, kind: 'server', shape: 'url' }, jamfId, { label: /password/, kind: 'clientSecret' }],
  },
];

/**
 * The profile for this page: by host (and the form's words, on shared consoles), or by page text.
 * A page that names products none of which the profile takes is another form on that host (a
 * Jamf Protect connector beside a Jamf Pro one): no profile, so the page's own words decide.
 */
export function findProfile(hostname: string, pageText: string): DestinationProfile | undefined {
  const named = vendorsNamed(pageText);
  return destinationProfiles.find((profile) => {
    if (named.length && !profile.wants.some((vendor) => named.includes(vendor))) return false;
    if (profile.hosts?.test(hostname)) return !profile.formText || profile.formText.test(pageText);
    return Boolean(profile.pageText?.test(pageText));
  });
}

/** What the profile says about one field, if anything. */
export function profileField(profile: DestinationProfile | undefined, field: FieldInfo): ProfileField | undefined {
  if (!profile) return undefined;
  const said = words(field.label || field.name || field.placeholder);
  return profile.fields.find((rule) => rule.label.test(said));
}
