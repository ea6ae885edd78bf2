// Issue 19, item 9: two admin API keys are merged only when they are known to be the same admin's.
import { describe, expect, it } from 'vitest';
import { jumpcloudApiKey } from './api-key';

const key = (n: number) => `jca_${String(n).repeat(36).slice(0, 36)}`;

describe('JumpCloud admin API key identity', () => {
  it('without an admin e-mail, two different keys of one region are never the same credential', () => {
    const a = jumpcloudApiKey.identity({ apiKey: key(1), region: 'us' } as never);
    const b = jumpcloudApiKey.identity({ apiKey: key(2), region: 'us' } as never);
    expect(a).not.toBe(b);
  });

  it('the same key handed in twice is the same credential, and holds no part of the key in clear', () => {
    const a = jumpcloudApiKey.identity({ apiKey: key(1), region: 'us' } as never);
    expect(jumpcloudApiKey.identity({ apiKey: key(1), region: 'us' } as never)).toBe(a);
    expect(a).not.toContain(key(1).slice(4, 12));
  });

  it('with the admin e-mail, a new key for the same admin replaces the old one (rotation)', () => {
    const a = jumpcloudApiKey.identity({ apiKey: key(1), region: 'us', adminEmail: 'ann@example.com' } as never);
    expect(jumpcloudApiKey.identity({ apiKey: key(2), region: 'us', adminEmail: 'ann@example.com' } as never)).toBe(a);
    expect(jumpcloudApiKey.identity({ apiKey: key(2), region: 'us', adminEmail: 'bob@example.com' } as never)).not.toBe(a);
  });
});
