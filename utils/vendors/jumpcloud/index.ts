// JumpCloud: admin API keys and service accounts, in the US, EU and IN regions.
import type { VendorModule } from '../types';
import { jumpcloudConsole } from './console';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

export const jumpcloud: VendorModule = {
  console: jumpcloudConsole,
  credentialTypes: [jumpcloudServiceAccount, jumpcloudApiKey],
};
