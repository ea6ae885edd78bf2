// Local settings under the organisation's policy: managed values win, and the auto-lock delay is
// kept inside the managed range. The local choice stays stored, so it returns if the policy goes.
import { KeyholdError } from '../errors';
import type { ManagedPolicy, ManagedSetting, Settings } from '../protocol';
import { t } from '../i18n/translate';

/** What storage.local holds: the admin's own choices. */
export type LocalSettings = Pick<Settings, 'autoLockMinutes' | 'healthCheckHours'>;

export interface EffectiveSettings {
  settings: LocalSettings;
  /** Settings the policy constrains, in a stable order. */
  managed: ManagedSetting[];
}

export function effectiveSettings(local: LocalSettings, policy: ManagedPolicy): EffectiveSettings {
  const settings = { ...local };
  const managed: ManagedSetting[] = [];
  const { min, max } = autoLockRange(policy);
  if (min !== undefined || max !== undefined) {
    settings.autoLockMinutes = clamp(settings.autoLockMinutes, min ?? 1, max ?? 1440);
    managed.push('autoLockMinutes');
  }
  if (policy.healthCheckHours !== undefined) {
    settings.healthCheckHours = policy.healthCheckHours;
    managed.push('healthCheckHours');
  }
  return { settings, managed };
}

/**
 * Refuse a local change the policy would override, so the admin is told why instead of seeing the
 * value snap back. A change that keeps the managed value is accepted.
 */
export function assertChangeAllowed(change: Partial<LocalSettings>, policy: ManagedPolicy): void {
  if (change.autoLockMinutes !== undefined) {
    const { min, max } = autoLockRange(policy);
    if ((min !== undefined && change.autoLockMinutes < min) || (max !== undefined && change.autoLockMinutes > max)) {
      throw new KeyholdError('INVALID_INPUT', lockRangeMessage(min, max));
    }
  }
  if (
    change.healthCheckHours !== undefined &&
    policy.healthCheckHours !== undefined &&
    change.healthCheckHours !== policy.healthCheckHours
  ) {
    throw new KeyholdError('INVALID_INPUT', t('bg.policy.healthCheck'));
  }
}

function autoLockRange(policy: ManagedPolicy): { min?: number; max?: number } {
  return { min: policy.autoLockMinutesMin, max: policy.autoLockMinutesMax };
}

function lockRangeMessage(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined)
    return min === max ? t('bg.policy.lockExactly', [min]) : t('bg.policy.lockBetween', [min, max]);
  return min !== undefined ? t('bg.policy.lockAtLeast', [min]) : t('bg.policy.lockAtMost', [String(max)]);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
