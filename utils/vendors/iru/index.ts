// Iru Endpoint (formerly Kandji): one credential type, the tenant API token.
import type { VendorModule } from '../types';
import { iruApiToken } from './api-token';
import { iruDetector } from './detect';

export { deriveApiUrl, normaliseApiUrl } from './api-url';

export const iru: VendorModule = { console: iruDetector, credentialTypes: [iruApiToken] };
