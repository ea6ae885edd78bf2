// Jamf School: the school's console on Jamf Cloud and its API key (guide: guide-registry.ts).
import type { VendorModule } from '../types';
import { jamfSchoolCredential } from './api-key';
import { jamfSchoolDetector } from './detect';

export const jamfSchool: VendorModule = { console: jamfSchoolDetector, credentialTypes: [jamfSchoolCredential] };
