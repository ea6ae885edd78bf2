// @vitest-environment happy-dom
// Jamf School and Jamf Pro share <name>.jamfcloud.com: one URL table for both detectors, so that
// no page is claimed by both, and the background (URL only) and the page (URL + document) agree.
import { describe, expect, it } from 'vitest';
import { jamfProDetector } from '../jamf-pro/detect';
import { jamfProtectDetector } from '../jamf-protect/detect';
import { jamfPlatformDetector } from '../jamf-platform/detect';
import { detectConsole } from '../registry';
import { jamfSchoolDetector } from './detect';

const owner = (url: string, doc?: Document) => {
  const u = new URL(url);
  const claims = [jamfProDetector, jamfSchoolDetector, jamfProtectDetector, jamfPlatformDetector].filter((d) => d.detect(u, { doc }));
  expect(claims.length, `${url} is claimed ${claims.length} times`).toBeLessThanOrEqual(1);
  return claims[0]?.id ?? null;
};

describe('Jamf Cloud pages: Pro or School, by path and page, never by host alone', () => {
  it.each([
    ['https://acme.jamfcloud.com/', 'jamf-pro'],
    ['https://acme.jamfcloud.com/index.html', 'jamf-pro'],
    ['https://acme.jamfcloud.com/computers.html?id=3', 'jamf-pro'],
    ['https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients', 'jamf-pro'],
    ['https://acme.jamfcloud.com/api/doc/', 'jamf-pro'],
    ['https://acme.jamfcloud.com/api/v1/jamf-pro-version', 'jamf-pro'],
    ['https://acmeschool.jamfcloud.com/api/docs', 'jamf-school'],
    ['https://acmeschool.jamfcloud.com/api/docs/', 'jamf-school'],
    ['https://acmeschool.jamfcloud.com/organisation/settings/api', 'jamf-school'],
    ['https://acmeschool.jamfcloud.com/organization/settings', 'jamf-school'],
    ['https://acmeschool.jamfcloud.com/devices/enroll', 'jamf-school'],
    ['https://acmeschool.jamfcloud.com/classes', 'jamf-school'],
    ['https://acme.protect.jamfcloud.com/administrative/api-clients', 'jamf-protect'],
    ['https://acme.protect.jamfcloud.com/', 'jamf-protect'],
    ['https://account.jamf.com/integrations', 'jamf-platform'],
    ['https://eu.api.jamfcloud.com/devices/v1/devices', null],
    ['http://acmeschool.jamfcloud.com/devices', null],
    ['https://acmeschool.jamfcloud.com:8443/devices', 'jamf-pro'], // School is never on another port; Jamf Pro keeps its old rule
    ['https://acme.jamfcloud.com.evil.example/devices', null],
    ['https://account.jamf.com.evil.example/integrations', null],
    ['https://protect.jamfcloud.com/', 'jamf-pro'],
  ])('%s → %s (URL only, as the background sees it)', (url, expected) => {
    expect(owner(url)).toBe(expected);
    expect(detectConsole(new URL(url))?.console.id ?? null).toBe(expected);
  });

  const docWith = (html: string) => {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.innerHTML = html;
    return doc;
  };

  it('a page without a path marker (the root, a sign-in page) is School only when the document says so', () => {
    const school = docWith('<head><title>Jamf School - Dashboard</title></head><body></body>');
    const schoolByMeta = docWith('<head><meta name="application-name" content="Jamf School"><title>Sign in</title></head><body></body>');
    const schoolByLink = docWith('<head><title>Sign in</title></head><body><a href="/api/docs">API</a></body>');
    const pro = docWith('<head><title>Jamf Pro | Dashboard</title></head><body><a href="/api/doc/">API</a></body>');
    expect(owner('https://acmeschool.jamfcloud.com/', school)).toBe('jamf-school');
    expect(owner('https://acmeschool.jamfcloud.com/login', schoolByMeta)).toBe('jamf-school');
    expect(owner('https://acmeschool.jamfcloud.com/', schoolByLink)).toBe('jamf-school');
    expect(owner('https://acme.jamfcloud.com/', pro)).toBe('jamf-pro');
    // A Jamf Pro path stays Jamf Pro whatever the document says.
    expect(owner('https://acme.jamfcloud.com/view/settings', school)).toBe('jamf-pro');
  });

  it('hints: School gives the base URL, Protect the tenant URL, Jamf Account no region (the page must say)', () => {
    expect(jamfSchoolDetector.detect(new URL('https://AcmeSchool.jamfcloud.com/devices'))).toEqual({
      consoleId: 'jamf-school',
      tenant: 'acmeschool.jamfcloud.com',
      hints: { baseUrl: 'https://acmeschool.jamfcloud.com' },
    });
    expect(jamfProtectDetector.detect(new URL('https://acme.protect.jamfcloud.com/x'))?.hints).toEqual({
      protectUrl: 'https://acme.protect.jamfcloud.com',
    });
    expect(jamfPlatformDetector.detect(new URL('https://account.jamf.com/'))).toEqual({
      consoleId: 'jamf-platform',
      tenant: 'account.jamf.com',
    });
  });
});
