import { describe, expect, it } from 'vitest';
import { destinationProfiles, findProfile } from './profiles';
import { planFill, rankCandidates, testWords } from './plan';
import { shapeValue } from './shape';
import type { FieldInfo, FillCandidate } from './types';

function field(label: string, partial: Partial<FieldInfo> = {}): FieldInfo {
  return {
    tag: 'input',
    type: 'text',
    name: '',
    id: '',
    label,
    placeholder: '',
    autocomplete: '',
    help: '',
    pattern: '',
    hasValue: false,
    ...partial,
  };
}

const now = '2026-12-01T10:00:00.000Z';
const jamf: FillCandidate = {
  id: 'jamf-1',
  label: 'Acme Jamf',
  vendor: 'jamf-pro',
  vendorName: 'Jamf Pro API client',
  fields: ['baseUrl', 'clientId', 'clientSecret'],
  capturedAt: now,
  expiresAt: '2027-03-31T12:00:00.000Z',
  ok: true,
  testedAt: now,
};
const jcKey: FillCandidate = {
  id: 'jc-1',
  label: 'JC key',
  vendor: 'jumpcloud-api-key',
  vendorName: 'JumpCloud API key',
  fields: ['apiKey', 'orgId', 'region'],
  capturedAt: now,
  expiresAt: '2027-03-31T12:00:00.000Z',
};
const apple: FillCandidate = {
  id: 'apple-1',
  label: 'ABM',
  vendor: 'apple-business',
  vendorName: 'Apple Business Manager API account',
  fields: ['clientId', 'keyId', 'privateKey'],
  capturedAt: now,
};
const iru: FillCandidate = {
  id: 'iru-1',
  label: 'Iru',
  vendor: 'iru',
  vendorName: 'Iru API token',
  fields: ['apiUrl', 'token'],
  capturedAt: now,
};

const protect: FillCandidate = {
  id: 'protect-1',
  label: 'Acme Protect',
  vendor: 'jamf-protect',
  vendorName: 'Jamf Protect API client',
  fields: ['protectUrl', 'clientId', 'password'],
  capturedAt: now,
  ok: true,
  testedAt: now,
};
const platform: FillCandidate = {
  id: 'platform-1',
  label: 'Acme Platform',
  vendor: 'jamf-platform',
  vendorName: 'Jamf Platform API integration',
  fields: ['region', 'clientId', 'clientSecret'],
  capturedAt: now,
};

const values: Record<string, string> = {
  protectUrl: 'https://acme.protect.jamfcloud.com',
  password: 'p1',
  baseUrl: 'https://acme.jamfcloud.com',
  clientId: 'c1',
  clientSecret: 's1',
  apiKey: 'k1',
  orgId: 'o1',
  region: 'eu',
  keyId: 'key-1',
  privateKey: '-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----',
  '@expiresAt': '2027-03-31T12:00:00.000Z',
};

/** Each documented form: host, page words, its fields, the credential, and what lands in each field. */
const table: {
  profile: string;
  host: string;
  text: string;
  fields: FieldInfo[];
  candidate: FillCandidate;
  expected: [string, string][];
}[] = [
  {
    profile: 'airmdr-jamf',
    host: 'app.airmdr.com',
    text: 'Integrations · Jamf Pro · Create connection',
    fields: [field('Instance name'), field('Base URL'), field('Client ID'), field('Client Password', { type: 'password' })],
    candidate: jamf,
    expected: [
      ['Base URL', 'https://acme.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Client Password', 's1'],
    ],
  },
  {
    profile: 'okta-jamf',
    host: 'acme-admin.okta.com',
    text: 'Jamf Pro Admin Console · General settings',
    fields: [field('Application label'), field('Domain'), field('Client ID'), field('Client Secret')],
    candidate: jamf,
    expected: [
      ['Domain', 'acme.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Client Secret', 's1'],
    ],
  },
  {
    profile: 'elastic-jamf',
    host: 'acme.kb.us-east-1.aws.elastic-cloud.com',
    text: 'Add Jamf Pro integration · Jamf Pro API Host',
    fields: [field('Jamf Pro API Host'), field('Client ID'), field('Client Secret', { type: 'password' })],
    candidate: jamf,
    expected: [
      ['Jamf Pro API Host', 'https://acme.jamfcloud.com/'],
      ['Client ID', 'c1'],
      ['Client Secret', 's1'],
    ],
  },
  {
    profile: 'tines-jamf',
    host: 'acme.tines.com',
    text: 'Connect Jamf Pro',
    fields: [field('Client ID'), field('Client secret'), field('Jamf domain')],
    candidate: jamf,
    expected: [
      ['Client ID', 'c1'],
      ['Client secret', 's1'],
      ['Jamf domain', 'acme.jamfcloud.com'],
    ],
  },
  {
    profile: 'jumpcloud-saas-jamf',
    host: 'console.jumpcloud.com',
    text: 'SaaS Management · Connectors · Jamf',
    fields: [field('Client ID'), field('Client Secret'), field('Jamf Tenant')],
    candidate: jamf,
    expected: [
      ['Client ID', 'c1'],
      ['Client Secret', 's1'],
      ['Jamf Tenant', 'acme'],
    ],
  },
  {
    profile: 'servicenow-jamf',
    host: 'acme.service-now.com',
    text: 'Jamf integration properties',
    fields: [field('Jamf instance URL'), field('Application (client) ID'), field('Client secret')],
    candidate: jamf,
    expected: [
      ['Jamf instance URL', 'https://acme.jamfcloud.com'],
      ['Application (client) ID', 'c1'],
      ['Client secret', 's1'],
    ],
  },
  {
    profile: 'stackone-jumpcloud',
    host: 'app.stackone.com',
    text: 'Connect JumpCloud',
    fields: [
      field('Region', {
        tag: 'select',
        type: '',
        options: [
          { value: 'us', text: 'US' },
          { value: 'eu', text: 'EU' },
        ],
      }),
      field('Organisation ID'),
      field('API Key'),
      field('Key expiry date', { placeholder: 'mm/dd/yyyy' }),
    ],
    candidate: jcKey,
    expected: [
      ['Region', 'eu'],
      ['Organisation ID', 'o1'],
      ['API Key', 'k1'],
      ['Key expiry date', '03/31/2027'],
    ],
  },
  {
    profile: 'workato-jumpcloud',
    host: 'app.workato.com',
    text: 'JumpCloud connection',
    fields: [field('API key'), field('Organization ID')],
    candidate: jcKey,
    expected: [
      ['API key', 'k1'],
      ['Organization ID', 'o1'],
    ],
  },
  {
    profile: 'pondurance-jamf',
    host: 'portal.pondurance.com',
    text: 'Jamf Pro integration',
    fields: [field('Jamf Pro URL'), field('Client ID'), field('Client Secret'), field('Client secret expiration date', { type: 'date' })],
    candidate: jamf,
    expected: [
      ['Jamf Pro URL', 'https://acme.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Client Secret', 's1'],
      ['Client secret expiration date', '2027-03-31'],
    ],
  },
  {
    profile: 'nango-apple',
    host: 'app.nango.dev',
    text: 'Connect Apple Business Manager',
    fields: [field('Client ID'), field('Key ID'), field('Private Key', { tag: 'textarea', type: '' })],
    candidate: apple,
    expected: [
      ['Client ID', 'c1'],
      ['Key ID', 'key-1'],
      ['Private Key', `${values.privateKey}\n`],
    ],
  },
  {
    profile: 'entitle-jamf',
    host: 'app.entitle.io',
    text: 'Jamf Pro integration',
    fields: [field('Jamf Pro tenant URL'), field('Client ID'), field('Client secret')],
    candidate: jamf,
    expected: [
      ['Jamf Pro tenant URL', 'https://acme.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Client secret', 's1'],
    ],
  },
  {
    profile: 'inventory360-jamf',
    host: 'inventory.acme.example',
    text: 'Inventory360 · Externe Quelle · Jamf Pro',
    fields: [field('Name'), field('URL'), field('Client ID'), field('Client Secret')],
    candidate: jamf,
    expected: [
      ['URL', 'https://acme.jamfcloud.com/api'],
      ['Client ID', 'c1'],
      ['Client Secret', 's1'],
    ],
  },
  {
    profile: 'xsiam-jamf-protect',
    host: 'acme.xdr.us.paloaltonetworks.com',
    text: 'Jamf Protect Event Collector · Connect',
    fields: [
      field('Server URL (e.g., https://example.protect.jamfcloud.com)'),
      field('Client ID'),
      field('Password', { type: 'password' }),
    ],
    candidate: protect,
    expected: [
      ['Server URL (e.g., https://example.protect.jamfcloud.com)', 'https://acme.protect.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Password', 'p1'],
    ],
  },
  {
    profile: 'jamf-pro-protect-register',
    host: 'acme.jamfcloud.com',
    text: 'Settings · Jamf Protect · Register',
    fields: [field('Jamf Protect API URL'), field('Client ID'), field('Password', { type: 'password' })],
    candidate: protect,
    expected: [
      ['Jamf Protect API URL', 'https://acme.protect.jamfcloud.com'],
      ['Client ID', 'c1'],
      ['Password', 'p1'],
    ],
  },
];

describe('destination profiles', () => {
  it('the table covers every profile shipped', () => {
    expect(table.map((row) => row.profile).sort()).toEqual(destinationProfiles.map((profile) => profile.id).sort());
  });

  it.each(table)('$profile: found by its page, each value in its shape', ({ profile, host, text, fields, candidate, expected }) => {
    const found = findProfile(host, text);
    expect(found?.id).toBe(profile);
    const plan = planFill(fields, candidate, found);
    const written = plan.map((entry) => {
      const info = fields[entry.index];
      if (entry.kind === 'region' && info.tag === 'select') return [info.label, values.region];
      return [info.label, shapeValue(entry.kind, values[entry.source], entry.shape)];
    });
    expect(written).toEqual(expected);
  });

  it('a shared console host (JumpCloud, Okta) uses the profile only on the form that names the vendor', () => {
    expect(findProfile('console.jumpcloud.com', 'Connectors · Tines')).toBeUndefined();
    expect(findProfile('acme.okta.com', 'Salesforce provisioning')).toBeUndefined();
  });
});

describe('proposing credentials', () => {
  const jamfForm = [field('Base URL'), field('Client ID'), field('Client Secret')];

  it('only credentials that fit the fields, the vendor named on the page first, verified before untested', () => {
    const untested = { ...jamf, id: 'jamf-2', label: 'Old Jamf', ok: undefined, testedAt: undefined };
    const failing = { ...jamf, id: 'jamf-3', label: 'Broken Jamf', ok: false };
    const ranked = rankCandidates([failing, jcKey, untested, jamf, apple], jamfForm, { text: 'Jamf Pro connection' });
    expect(ranked.map((entry) => entry.candidate.id)).toEqual(['jamf-1', 'jamf-2', 'jamf-3', 'apple-1']);
    expect(ranked[0].named).toBe(true);
  });

  it('a page naming Jamf Protect (or the Platform API) names that product, not Jamf Pro', () => {
    const form = [field('Server URL'), field('Client ID'), field('Password')];
    const ranked = rankCandidates([jamf, protect], form, { text: 'Connect Jamf Protect' });
    expect(ranked.map((entry) => [entry.candidate.id, entry.named])).toEqual([
      ['protect-1', true],
      ['jamf-1', false],
    ]);
    const gateway = rankCandidates([jamf, platform], [field('Client ID'), field('Client secret')], {
      text: 'Jamf Platform API integration',
    });
    expect(gateway.map((entry) => [entry.candidate.id, entry.named])).toEqual([
      ['platform-1', true],
      ['jamf-1', false],
    ]);
  });

  it('by the fields alone when the page names no vendor: an API key + region + org form fits the JumpCloud key', () => {
    const form = [field('Region'), field('Org ID'), field('API key')];
    expect(rankCandidates([jamf, jcKey, apple], form, { text: 'Connection settings' }).map((entry) => entry.candidate.id)).toEqual([
      'jc-1',
    ]);
  });

  it('a client ID + secret form is not for an Iru token or a JumpCloud API key', () => {
    expect(rankCandidates([iru, jcKey], [field('Client ID'), field('Client Secret')], { text: 'Settings' })).toEqual([]);
  });

  it('an Iru form: API URL and token; a region box gets the region read from the URL', () => {
    const [entry] = rankCandidates([iru], [field('API URL'), field('API token'), field('Region')], { text: 'Iru endpoint' });
    expect(
      entry.plan.map((p) => [p.source, shapeValue(p.kind, p.source === 'apiUrl' ? 'https://acme.api.eu.kandji.io' : 't', p.shape)]),
    ).toEqual([
      ['apiUrl', 'https://acme.api.eu.kandji.io'],
      ['token', 't'],
      ['apiUrl', 'eu'],
    ]);
  });

  it('a credential rotated since its last fill here comes first, marked as the refill', () => {
    const rotated = { ...jamf, id: 'jamf-9', ok: undefined, filledHere: '2026-11-01T00:00:00.000Z', rotatedAt: '2026-11-20T00:00:00.000Z' };
    const ranked = rankCandidates([jamf, rotated], jamfForm, { text: 'Jamf' });
    expect(ranked[0]).toMatchObject({ candidate: { id: 'jamf-9' }, refill: true });
  });

  it('fields that already hold a value are marked; secrets are marked secret', () => {
    const plan = planFill([field('Base URL', { hasValue: true }), field('Client ID'), field('Client Secret')], jamf);
    expect(plan.map((p) => [p.source, p.hasValue, p.secret])).toEqual([
      ['baseUrl', true, false],
      ['clientId', false, false],
      ['clientSecret', false, true],
    ]);
  });

  it('says how fresh the last test is', () => {
    expect(testWords(jamf, Date.parse(now) + 3 * 86_400_000)).toBe('verified 3 days ago');
    expect(testWords({ ...jamf, ok: false }, Date.parse(now) + 2 * 3_600_000)).toBe('last test failed 2 h ago');
    expect(testWords(jcKey)).toBe('not tested yet');
  });
});

// Issue #18: the Jamf family on destination forms.
describe('the Jamf family on destination forms', () => {
  const school: FillCandidate = {
    id: 'school-1',
    label: 'Acme School',
    vendor: 'jamf-school',
    vendorName: 'Jamf School API key',
    fields: ['baseUrl', 'networkId', 'apiKey'],
    capturedAt: now,
  };
  const schoolValues: Record<string, string> = { baseUrl: 'https://acmeschool.jamfcloud.com', networkId: '48213759', apiKey: 'K3Y' };
  const written = (fields: FieldInfo[], plan: ReturnType<typeof planFill>) =>
    plan.map((entry) => [fields[entry.index].label, shapeValue(entry.kind, schoolValues[entry.source], entry.shape)]);

  it('a Jamf School form gets the Network ID, the API key and the school URL', () => {
    const form = [
      field('Jamf School URL'),
      field('Network ID', { type: 'number', name: 'network_id' }),
      field('API Key', { type: 'password' }),
    ];
    const [entry, ...rest] = rankCandidates([jcKey, school, jamf], form, { text: 'Connect Jamf School' });
    expect(entry.candidate.id).toBe('school-1');
    expect(written(form, entry.plan)).toEqual([
      ['Jamf School URL', 'https://acmeschool.jamfcloud.com'],
      ['Network ID', '48213759'],
      ['API Key', 'K3Y'],
    ]);
    // The JumpCloud key fits the API key box only: it ranks after School.
    expect(rest.map((r) => r.candidate.id)).not.toContain('jamf-1');
  });

  it('a Network ID box is read by its name too; no other credential fills it', () => {
    const form = [field('', { name: 'networkId' }), field('', { name: 'apiKey' })];
    const plan = planFill(form, school);
    expect(plan.map((p) => [p.kind, p.source])).toEqual([
      ['networkId', 'networkId'],
      ['apiKey', 'apiKey'],
    ]);
    expect(planFill(form, jcKey).map((p) => p.source)).toEqual(['apiKey']);
  });

  it('a Jamf Pro profile’s host showing a Jamf Protect form proposes the Protect credential, not Jamf Pro’s', () => {
    const form = [field('Client ID'), field('Client secret'), field('Jamf domain')];
    expect(findProfile('acme.tines.com', 'Connect Jamf Protect')).toBeUndefined();
    expect(findProfile('portal.pondurance.com', 'Jamf Protect integration')).toBeUndefined();
    const ranked = rankCandidates([jamf, protect], form, {
      text: 'Connect Jamf Protect',
      profile: findProfile('acme.tines.com', 'Connect Jamf Protect'),
    });
    expect(ranked.map((entry) => [entry.candidate.id, entry.named])).toEqual([
      ['protect-1', true],
      ['jamf-1', false],
    ]);
  });

  it('Jamf Pro’s own Jamf Protect integration form (Protect URL, client ID, password) takes the Protect credential only', () => {
    const text = 'Jamf Pro · Settings · Jamf Protect · Register Jamf Protect API';
    const profile = findProfile('acme.jamfcloud.com', text);
    expect(profile?.wants).toEqual(['jamf-protect']);
    const form = [field('Jamf Protect API URL'), field('Client ID'), field('Password', { type: 'password' })];
    const ranked = rankCandidates([jamf, protect], form, { text, profile });
    expect(ranked.map((entry) => entry.candidate.id)).toEqual(['protect-1']);
    expect(ranked[0].plan.map((p) => [p.source, p.secret])).toEqual([
      ['protectUrl', false],
      ['clientId', false],
      ['password', true],
    ]);
  });

  it('a form that names no product but shows a Protect tenant (label or example) proposes Protect before Jamf Pro', () => {
    for (const form of [
      [field('Tenant URL', { placeholder: 'https://yourcompany.protect.jamfcloud.com' }), field('Client ID'), field('Password')],
      [field('Protect URL'), field('Client ID'), field('Password')],
    ]) {
      const ranked = rankCandidates([jamf, protect], form, { text: 'Connection settings' });
      expect(ranked.map((entry) => [entry.candidate.id, entry.named])).toEqual([
        ['protect-1', true],
        ['jamf-1', false],
      ]);
    }
  });

  it('Protect’s password is a secret in the plan (masked in the summary)', () => {
    const plan = planFill([field('Server URL'), field('Client ID'), field('Password')], protect);
    expect(plan.find((p) => p.source === 'password')?.secret).toBe(true);
  });
});
