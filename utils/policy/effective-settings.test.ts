import { describe, expect, it } from 'vitest';
import { assertChangeAllowed, effectiveSettings } from './effective-settings';

const local = { autoLockMinutes: 60, healthCheckHours: 0 };

describe('effectiveSettings', () => {
  it('returns the local settings untouched without a policy', () => {
    expect(effectiveSettings(local, {})).toEqual({ settings: local, managed: [] });
  });

  it('clamps the auto-lock delay into the managed range', () => {
    expect(effectiveSettings(local, { autoLockMinutesMax: 30 }).settings.autoLockMinutes).toBe(30);
    expect(effectiveSettings({ ...local, autoLockMinutes: 2 }, { autoLockMinutesMin: 5 }).settings.autoLockMinutes).toBe(5);
    expect(
      effectiveSettings({ ...local, autoLockMinutes: 20 }, { autoLockMinutesMin: 5, autoLockMinutesMax: 30 }).settings.autoLockMinutes,
    ).toBe(20);
    expect(effectiveSettings(local, { autoLockMinutesMin: 10, autoLockMinutesMax: 10 })).toEqual({
      settings: { autoLockMinutes: 10, healthCheckHours: 0 },
      managed: ['autoLockMinutes'],
    });
  });

  it('lets a managed health-check schedule win', () => {
    expect(effectiveSettings(local, { healthCheckHours: 24 })).toEqual({
      settings: { autoLockMinutes: 60, healthCheckHours: 24 },
      managed: ['healthCheckHours'],
    });
    expect(effectiveSettings({ ...local, healthCheckHours: 6 }, { healthCheckHours: 0 }).settings.healthCheckHours).toBe(0);
  });

  it('does not mark settings the policy leaves alone', () => {
    expect(effectiveSettings(local, { exportAllowed: false, hiddenVendors: ['iru'] }).managed).toEqual([]);
  });
});

describe('assertChangeAllowed', () => {
  it('refuses an auto-lock delay outside the managed range, in plain words', () => {
    expect(() => assertChangeAllowed({ autoLockMinutes: 45 }, { autoLockMinutesMin: 5, autoLockMinutesMax: 30 })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: 'Your organisation requires the vault to lock after between 5 and 30 idle minutes.',
      }),
    );
    expect(() => assertChangeAllowed({ autoLockMinutes: 1 }, { autoLockMinutesMin: 5 })).toThrow(/at least 5/);
    expect(() => assertChangeAllowed({ autoLockMinutes: 11 }, { autoLockMinutesMin: 10, autoLockMinutesMax: 10 })).toThrow(/exactly 10/);
  });

  it('accepts a change inside the range and changes the policy leaves alone', () => {
    expect(() => assertChangeAllowed({ autoLockMinutes: 30 }, { autoLockMinutesMin: 5, autoLockMinutesMax: 30 })).not.toThrow();
    expect(() => assertChangeAllowed({ healthCheckHours: 12 }, { autoLockMinutesMax: 30 })).not.toThrow();
  });

  it('refuses changing a managed health-check schedule but accepts restating it', () => {
    expect(() => assertChangeAllowed({ healthCheckHours: 6 }, { healthCheckHours: 24 })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(() => assertChangeAllowed({ healthCheckHours: 24 }, { healthCheckHours: 24 })).not.toThrow();
  });
});
