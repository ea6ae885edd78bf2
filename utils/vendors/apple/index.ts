// Apple Business / Apple School Manager: one console (two hosts), one credential type (its guide: guide-registry.ts).
import type { VendorModule } from '../types';
import { appleBusiness } from './apple-business';
import { appleDetector } from './detect';

export { createClientAssertion, MAX_ASSERTION_DAYS } from './client-assertion';
export { parseApplePrivateKey } from './private-key';

export const apple: VendorModule = { console: appleDetector, credentialTypes: [appleBusiness] };
