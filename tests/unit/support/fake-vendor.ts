// A minimal credential type for tests of the vault and the background, independent of real vendors.
import { z } from '../../../utils/zod';
import type { CredentialType, VendorModule } from '../../../utils/vendors/types';

export const fakeType: CredentialType<{ baseUrl: string; clientId: string; clientSecret: string }> = {
  id: 'jamf-pro',
  consoleId: 'jamf-pro',
  name: 'Fake API client',
  fields: [
    { name: 'baseUrl', label: 'Base URL', secret: false },
    { name: 'clientId', label: 'Client ID', secret: false },
    { name: 'clientSecret', label: 'Client secret', secret: true },
  ],
  values: z.strictObject({ baseUrl: z.url(), clientId: z.string().check(z.minLength(4)), clientSecret: z.string().check(z.minLength(8)) }),
  secretFields: ['clientSecret'],
  defaultLabel: (values) => `Fake · ${new URL(values.baseUrl).host}`,
  identity: (values) => `${values.baseUrl}|${values.clientId}`,
  origins: (values) => [new URL(values.baseUrl).origin],
  templates: [],
  test: async (values) => ({
    ok: true,
    message: `Works for ${values.clientId} (secret ${values.clientSecret})`,
    steps: [{ name: 'token', ok: true, status: 200, ms: 5 }],
  }),
};

export const fakeModule: VendorModule = {
  console: {
    id: 'jamf-pro',
    name: 'Fake Console',
    detect: (url) => (url.hostname.endsWith('.fake-console.test') ? { consoleId: 'jamf-pro', tenant: url.hostname } : null),
  },
  credentialTypes: [fakeType],
};

export const registryMock = {
  vendorModules: [fakeModule],
  credentialTypes: [fakeType],
  getCredentialType: (id: string) => {
    if (id !== 'jamf-pro') throw Object.assign(new Error('unknown'), { code: 'INVALID_INPUT' });
    return fakeType;
  },
  vendorOfConsole: (consoleId: string) => (consoleId === fakeModule.console.id ? fakeModule : undefined),
  detectConsole: (url: URL) => {
    const match = fakeModule.console.detect(url);
    return match ? { console: fakeModule.console, match } : null;
  },
};
