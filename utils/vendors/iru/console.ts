// STUB: replaced by the Iru Endpoint vendor work.
import type { VendorConsole } from '../types';
export const iruConsole: VendorConsole = { id: 'iru', name: 'Iru Endpoint', matches: [], detect: () => null, currentStep: () => null, recognise: () => [] };
