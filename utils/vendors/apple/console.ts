// STUB: replaced by the Apple Business Manager vendor work.
import type { VendorConsole } from '../types';
export const appleConsole: VendorConsole = { id: 'apple', name: 'Apple Business Manager', matches: [], detect: () => null, currentStep: () => null, recognise: () => [] };
