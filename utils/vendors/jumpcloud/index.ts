// STUB: replaced by the JumpCloud vendor work.
import type { VendorModule } from '../types';
import { jumpcloudConsole } from './console';
export const jumpcloud: VendorModule = { console: jumpcloudConsole, credentialTypes: [], guides: [] };
