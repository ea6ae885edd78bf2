// STUB: replaced by the Jamf Pro vendor work.
import type { VendorModule } from '../types';
import { jamfProConsole } from './console';
export const jamfPro: VendorModule = { console: jamfProConsole, credentialTypes: [], guides: [] };
