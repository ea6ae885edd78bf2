// Apple API account identifiers, shared by the DOM-only console and the credential type (no
// imports: this file is bundled into the content script).

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `BUSINESSAPI.<uuid>` (Apple Business) or `SCHOOLAPI.<uuid>` (Apple School Manager). */
export const CLIENT_ID_PATTERN = new RegExp(`^(BUSINESSAPI|SCHOOLAPI)\\.${UUID}$`, 'i');
/** The Key ID is a bare UUID: only its label tells it apart from any other UUID. */
export const KEY_ID_PATTERN = new RegExp(`^${UUID}$`, 'i');

export type AppleService = 'business' | 'school';

export function serviceOfClientId(clientId: string): AppleService | null {
  const match = CLIENT_ID_PATTERN.exec(clientId.trim());
  if (!match) return null;
  return match[1].toUpperCase() === 'SCHOOLAPI' ? 'school' : 'business';
}

export const SERVICES = {
  business: { name: 'Apple Business', console: 'business.apple.com', api: 'https://api-business.apple.com', scope: 'business.api' },
  school: { name: 'Apple School Manager', console: 'school.apple.com', api: 'https://api-school.apple.com', scope: 'school.api' },
} as const;
