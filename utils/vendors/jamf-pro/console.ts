// STUB: replaced by the Jamf Pro vendor work.
import type { VendorConsole } from '../types';
export const jamfProConsole: VendorConsole = { id: 'jamf-pro', name: 'Jamf Pro', matches: [], detect: () => null, currentStep: () => null, recognise: () => [] };
