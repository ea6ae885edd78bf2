// Jamf Protect: the tenant console and its API client credential (guide: guide-registry.ts).
import type { VendorModule } from '../types';
import { jamfProtectCredential } from './api-client';
import { jamfProtectDetector } from './detect';

export const jamfProtect: VendorModule = { console: jamfProtectDetector, credentialTypes: [jamfProtectCredential] };
