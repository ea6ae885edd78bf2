// STUB: replaced by the Iru vendor work.
import type { VendorModule } from '../types';
import { iruConsole } from './console';
export const iru: VendorModule = { console: iruConsole, credentialTypes: [], guides: [] };
