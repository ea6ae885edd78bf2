// Apple Business / Apple School Manager by URL: two fixed hosts. The background bundles this;
// console.ts adds the DOM recognisers for the content script.
import type { ConsoleDetector, ConsoleMatch } from '../types';
import { SERVICES, type AppleService } from './ids';
import { consoleFacts } from '../vendor-ids';

const HOSTS: Record<string, AppleService> = { 'business.apple.com': 'business', 'school.apple.com': 'school' };

export function serviceOf(url: URL): AppleService | null {
  return url.protocol === 'https:' ? (HOSTS[url.hostname] ?? null) : null;
}

export const appleDetector: ConsoleDetector = {
  id: 'apple',
  name: consoleFacts.apple.name,
  detect(url): ConsoleMatch | null {
    const service = serviceOf(url);
    if (!service) return null;
    const { console: host, api, name } = SERVICES[service];
    return { consoleId: 'apple', tenant: host, hints: { service, serviceName: name, apiUrl: api } };
  },
};
