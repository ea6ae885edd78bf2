import { describe, expect, it } from 'vitest';
import { enabledSiteNotice } from './self-hosting';

describe('enabledSiteNotice', () => {
  it('names the console the background confirmed', () => {
    expect(enabledSiteNotice('jamf-pro')).toBe('Jamf Pro confirmed on this site. Keyhold is active here now.');
  });

  it('names the self-hostable consoles when none answered', () => {
    expect(enabledSiteNotice(null)).toBe('Enabled, but this site did not answer like a Jamf Pro server.');
  });
});
