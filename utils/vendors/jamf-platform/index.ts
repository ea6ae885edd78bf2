// Jamf Platform API: Jamf Account (where integrations are made) and the integration credential.
import type { VendorModule } from '../types';
import { jamfPlatformCredential } from './integration';
import { jamfPlatformDetector } from './detect';

export const jamfPlatform: VendorModule = { console: jamfPlatformDetector, credentialTypes: [jamfPlatformCredential] };
