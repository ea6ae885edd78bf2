// Iru Endpoint (formerly Kandji): one credential type, the tenant API token.
import type { VendorModule } from '../types';
import { iruApiToken } from './api-token';
import { iruConsole } from './console';

export { deriveApiUrl, normaliseApiUrl } from './api-url';

export const iru: VendorModule = { console: iruConsole, credentialTypes: [iruApiToken] };
