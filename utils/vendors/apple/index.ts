// STUB: replaced by the Apple vendor work.
import type { VendorModule } from '../types';
import { appleConsole } from './console';
export const apple: VendorModule = { console: appleConsole, credentialTypes: [], guides: [] };
