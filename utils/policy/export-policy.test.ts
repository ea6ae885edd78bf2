import { describe, expect, it } from 'vitest';
import { assertExportAllowed } from './export-policy';

const THUMB_A = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const THUMB_B = 'oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U';

describe('assertExportAllowed', () => {
  it('allows any export without a policy', () => {
    expect(() => assertExportAllowed({})).not.toThrow();
    expect(() => assertExportAllowed({}, THUMB_A)).not.toThrow();
    expect(() => assertExportAllowed({ exportAllowed: true })).not.toThrow();
  });

  it('refuses every export when export is off', () => {
    for (const recipient of [undefined, THUMB_A]) {
      expect(() => assertExportAllowed({ exportAllowed: false, exportRecipientKeys: [THUMB_A] }, recipient)).toThrow(
        expect.objectContaining({
          code: 'EXPORT_NOT_ALLOWED',
          message: 'Your organisation does not allow exporting credentials from Keyhold.',
        }),
      );
    }
  });

  it('with an allow-list, accepts only listed keys and never a passphrase', () => {
    const policy = { exportRecipientKeys: [THUMB_A] };
    expect(() => assertExportAllowed(policy, THUMB_A)).not.toThrow();
    expect(() => assertExportAllowed(policy, THUMB_B)).toThrow(
      expect.objectContaining({ code: 'EXPORT_NOT_ALLOWED', message: expect.stringContaining(THUMB_B) }),
    );
    expect(() => assertExportAllowed(policy)).toThrow(
      expect.objectContaining({ code: 'EXPORT_NOT_ALLOWED', message: expect.stringContaining('not with a passphrase') }),
    );
  });

  it('an empty allow-list (or an unreadable one) allows nothing', () => {
    expect(() => assertExportAllowed({ exportRecipientKeys: [] }, THUMB_A)).toThrow(
      expect.objectContaining({ code: 'EXPORT_NOT_ALLOWED' }),
    );
  });

  it('compares thumbprints exactly (base64url is case-sensitive)', () => {
    expect(() => assertExportAllowed({ exportRecipientKeys: [THUMB_A] }, THUMB_A.toLowerCase())).toThrow(
      expect.objectContaining({ code: 'EXPORT_NOT_ALLOWED' }),
    );
  });
});
