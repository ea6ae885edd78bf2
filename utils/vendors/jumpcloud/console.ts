// STUB: replaced by the JumpCloud vendor work.
import type { VendorConsole } from '../types';
export const jumpcloudConsole: VendorConsole = { id: 'jumpcloud', name: 'JumpCloud', matches: [], detect: () => null, currentStep: () => null, recognise: () => [] };
