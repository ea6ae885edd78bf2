import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CLIPBOARD_ALARM, CLIPBOARD_CLEAR_SECONDS, formatValues, scheduleClipboardClear } from './copy-as';
import { HEALTH_ALARM, scheduleHealthChecks } from './lifecycle';
import { updateSettings } from './settings';

beforeEach(() => fakeBrowser.reset());

const jamf = { baseUrl: 'https://acme.jamfcloud.com', clientId: '0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e', clientSecret: "s3cret'with$pecial" };

describe('copy as', () => {
  it('.env lines are named after the vendor and field, and quoted so a shell reads them literally', () => {
    const text = formatValues('jamf-pro', 'Jamf · acme', jamf, 'env');
    expect(text).toContain('JAMF_PRO_BASE_URL=https://acme.jamfcloud.com');
    expect(text).toContain('JAMF_PRO_CLIENT_ID=0b9a7c4e-6d1f-4f7a-9c1e-2f3a4b5c6d7e');
    expect(text).toContain(`JAMF_PRO_CLIENT_SECRET='s3cret'\\''with$pecial'`);
  });

  it('JSON carries vendor, label and the values', () => {
    expect(JSON.parse(formatValues('jamf-pro', 'Jamf · acme', jamf, 'json'))).toEqual({ vendor: 'jamf-pro', label: 'Jamf · acme', ...jamf });
  });

  it('curl is the vendor token call, with the secret shell-quoted', () => {
    const curl = formatValues('jamf-pro', 'Jamf · acme', jamf, 'curl');
    expect(curl).toContain("curl -sS -X POST 'https://acme.jamfcloud.com/api/v1/oauth/token'");
    expect(curl).toContain(`--data-urlencode 'client_secret=s3cret'\\''with$pecial'`);
  });
});

describe('clipboard clearing', () => {
  it('is scheduled 30 s ahead with an alarm, which survives the worker stopping', async () => {
    const now = Date.now();
    const clearsAt = await scheduleClipboardClear(now);
    expect(CLIPBOARD_CLEAR_SECONDS).toBe(30);
    expect(Date.parse(clearsAt) - now).toBe(30_000);
    expect(await fakeBrowser.alarms.get(CLIPBOARD_ALARM)).toMatchObject({ scheduledTime: now + 30_000 });
  });
});

describe('scheduled health checks', () => {
  it('are off by default, follow the chosen period, and stop when turned off', async () => {
    await scheduleHealthChecks();
    expect(await fakeBrowser.alarms.get(HEALTH_ALARM)).toBeUndefined();
    await updateSettings({ healthCheckHours: 12 });
    await scheduleHealthChecks();
    expect(await fakeBrowser.alarms.get(HEALTH_ALARM)).toMatchObject({ periodInMinutes: 720 });
    await updateSettings({ healthCheckHours: 0 });
    await scheduleHealthChecks();
    expect(await fakeBrowser.alarms.get(HEALTH_ALARM)).toBeUndefined();
  });
});
