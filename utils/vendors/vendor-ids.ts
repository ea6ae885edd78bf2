// The one vendor list: every console Keyhold supports, the credential types it issues and the
// static facts the manifest, the policy schema and the registries derive from. No imports, so
// wxt.config.ts, the content script, the pages and the background can all load it.
//
// Adding a console: its facts and its hosts here (scripts/new-vendor.ts writes both), then one line in each
// registry keyed by these ids (registry.ts, console-registry.ts, detector-registry.ts, descriptions.ts, content-scripts.ts); the compiler
// asks for every one of them.

export interface ConsoleFacts {
  /** The name the admin knows the console by. */
  name: string;
  /** Credential type ids this console issues (unique across all consoles). */
  credentialTypes: readonly string[];
  /**
   * The console can live on any host (self-hosted servers): the admin enables an origin at run
   * time and the background confirms it (the vendor module's `selfHosted.confirm`).
   */
  selfHostable: boolean;
}

/** Hosts are kept apart from the facts: only the manifest needs them, so the worker never bundles them. */
export interface ConsoleHosts {
  /** Fixed console hosts: match patterns where the content script runs (granted at install). */
  console: readonly string[];
  /** Fixed API and token hosts only the background calls (granted at install). */
  api: readonly string[];
  /** Hosts under a console wildcard that are not pages (APIs): the content script skips them. */
  exclude: readonly string[];
}

export const consoleFacts = {
  'jamf-pro': { name: 'Jamf Pro', credentialTypes: ['jamf-pro'], selfHostable: true },
  jumpcloud: { name: 'JumpCloud', credentialTypes: ['jumpcloud-service-account', 'jumpcloud-api-key'], selfHostable: false },
  apple: { name: 'Apple Business / Apple School Manager', credentialTypes: ['apple-business'], selfHostable: false },
  iru: { name: 'Iru Endpoint', credentialTypes: ['iru'], selfHostable: false },
  'jamf-protect': { name: 'Jamf Protect', credentialTypes: ['jamf-protect'], selfHostable: false },
  'jamf-school': { name: 'Jamf School', credentialTypes: ['jamf-school'], selfHostable: false },
  'jamf-platform': { name: 'Jamf Account (Platform API)', credentialTypes: ['jamf-platform'], selfHostable: false },
  // new-vendor: facts above this line
} as const satisfies Record<string, ConsoleFacts>;

export type ConsoleId = keyof typeof consoleFacts;
export type CredentialTypeId = (typeof consoleFacts)[ConsoleId]['credentialTypes'][number];

export const consoleHosts: Record<ConsoleId, ConsoleHosts> = {
  'jamf-pro': { console: ['https://*.jamfcloud.com/*'], api: [], exclude: [] },
  jumpcloud: {
    console: ['https://console.jumpcloud.com/*', 'https://console.eu.jumpcloud.com/*', 'https://console.in.jumpcloud.com/*'],
    api: [
      'https://admin-oauth.id.jumpcloud.com/*',
      'https://admin-oauth.id.eu.jumpcloud.com/*',
      'https://admin-oauth.id.in.jumpcloud.com/*',
    ],
    exclude: [],
  },
  apple: {
    console: ['https://business.apple.com/*', 'https://school.apple.com/*'],
    api: ['https://account.apple.com/*', 'https://api-business.apple.com/*', 'https://api-school.apple.com/*'],
    exclude: [],
  },
  // Iru/Kandji API hosts share the console wildcard.
  iru: {
    console: ['https://*.kandji.io/*', 'https://*.iru.com/*'],
    api: [],
    exclude: ['https://*.api.kandji.io/*', 'https://*.api.eu.kandji.io/*', 'https://*.api.iru.com/*', 'https://*.api.eu.iru.com/*'],
  },
  // <tenant>.protect.jamfcloud.com sits under Jamf Pro's *.jamfcloud.com: no pattern of its own.
  'jamf-protect': { console: [], api: [], exclude: [] },
  // <school>.jamfcloud.com, told apart from Jamf Pro by page and path: the same wildcard.
  'jamf-school': { console: [], api: [], exclude: [] },
  // Integrations are made in Jamf Account; the regional gateways (us/eu/apac.api.jamfcloud.com) are
  // under *.jamfcloud.com and are APIs, not pages.
  'jamf-platform': { console: ['https://account.jamf.com/*'], api: [], exclude: ['https://*.api.jamfcloud.com/*'] },
  // new-vendor: hosts above this line
};

export const consoleIds = Object.keys(consoleFacts) as ConsoleId[];
export const credentialTypeIds = /* @__PURE__ */ consoleIds.flatMap(
  (id) => consoleFacts[id].credentialTypes as readonly CredentialTypeId[],
);

/** The console that issues a credential type. */
export function consoleOfType(type: CredentialTypeId): ConsoleId {
  return consoleIds.find((id) => (consoleFacts[id].credentialTypes as readonly string[]).includes(type))!;
}

/** Consoles that can be self-hosted (their origins are enabled at run time). */
export function selfHostableConsoleIds(): ConsoleId[] {
  return consoleIds.filter((id) => consoleFacts[id].selfHostable);
}
