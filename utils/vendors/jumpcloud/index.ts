// JumpCloud: admin API keys and service accounts, in the US, EU and IN regions.
import type { VendorModule } from '../types';
import { jumpcloudDetector } from './detect';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

export const jumpcloud: VendorModule = {
  console: jumpcloudDetector,
  credentialTypes: [jumpcloudServiceAccount, jumpcloudApiKey],
};
