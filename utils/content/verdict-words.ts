// A few words for the button after a capture; the side panel has the full report.
const SHORT: Record<string, string> = {
  INVALID_CREDENTIALS: 'rejected by the server',
  PERMISSION_DENIED: 'missing permissions',
  ORGANIZATION_REQUIRED: 'pick an organization',
  RATE_LIMITED: 'rate-limited, retry later',
  NETWORK_ERROR: 'server unreachable',
  TIMEOUT: 'server timed out',
  UNEXPECTED_RESPONSE: 'unexpected answer',
  HOST_PERMISSION_REQUIRED: 'site access needed',
  INCOMPLETE_CREDENTIAL: 'add the missing part',
};

export function shortVerdict(code: string | undefined): string {
  return (code && SHORT[code]) ?? 'test failed';
}

export function captureErrorWords(code: string): string {
  if (code === 'VAULT_MISSING') return 'Not saved · create a Keyhold vault first';
  if (code === 'INVALID_INPUT') return 'Not saved · value not recognised';
  if (code === 'INCOMPLETE_CREDENTIAL') return 'Not saved · finish in the side panel';
  if (code === 'FORBIDDEN_SENDER') return 'Not saved · page not trusted';
  return 'Not saved · try again';
}
