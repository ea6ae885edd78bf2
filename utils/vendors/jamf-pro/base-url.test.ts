import { describe, expect, it } from 'vitest';
import { contextPathOf, isJamfCloudHost, normaliseBaseUrl } from './base-url';

describe('normaliseBaseUrl', () => {
  it.each([
    ['https://acme.jamfcloud.com', 'https://acme.jamfcloud.com'],
    ['https://acme.jamfcloud.com/', 'https://acme.jamfcloud.com'],
    ['  https://ACME.jamfcloud.com//  ', 'https://acme.jamfcloud.com'],
    ['acme.jamfcloud.com', 'https://acme.jamfcloud.com'],
    ['https://acme.jamfcloud.com:443/', 'https://acme.jamfcloud.com'],
    ['https://jamf.example.org:8443/jamf', 'https://jamf.example.org:8443/jamf'],
    ['https://jamf.example.org:8443/jamf/', 'https://jamf.example.org:8443/jamf'],
    // A console page or an API URL pasted instead of the base.
    ['https://jamf.example.org:8443/jamf/view/settings/system-settings/api-roles-and-clients', 'https://jamf.example.org:8443/jamf'],
    ['https://jamf.example.org:8443/jamf/computers.html', 'https://jamf.example.org:8443/jamf'],
    ['https://acme.jamfcloud.com/api', 'https://acme.jamfcloud.com'],
    ['https://acme.jamfcloud.com/api/v1/oauth/token', 'https://acme.jamfcloud.com'],
    ['https://mdm.example.com/a/jss/', 'https://mdm.example.com/a/jss'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseBaseUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'Enter the Jamf Pro server URL'],
    ['http://acme.jamfcloud.com', 'must start with https://'],
    ['ftp://acme.jamfcloud.com', 'must start with https://'],
    ['https://acme.jamfcloud.com/?x=1', 'must not contain "?" or "#"'],
    ['https://acme.jamfcloud.com/#/dashboard', 'must not contain "?" or "#"'],
    ['https://acme.jamfcloud.com/?', 'must not contain "?" or "#"'],
    ['https://admin:pw@acme.jamfcloud.com', 'user name or password'],
    ['https://exa mple.com', 'not a valid web address'],
    ['https://', 'not a valid web address'],
  ])('rejects %j', (input, reason) => {
    const result = normaliseBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('contextPathOf', () => {
  it.each([
    ['/view/settings', ''],
    ['/jamf/view/settings/system-settings/api-roles-and-clients', '/jamf'],
    ['/jamf/view', '/jamf'],
    ['/preview/settings', null],
    ['/jamf/computers.html', '/jamf'],
    ['/index.html', ''],
    ['/jamf/api/doc', '/jamf'],
    ['/jamf/api', '/jamf'],
    ['/jamf/apis', null],
    ['/about.html', null],
    ['/', null],
  ])('%s → %j', (path, expected) => {
    expect(contextPathOf(path)).toBe(expected);
  });
});

describe('isJamfCloudHost', () => {
  it.each([
    ['acme.jamfcloud.com', true],
    ['acme-eu.jamfcloud.com', true],
    ['jamfcloud.com', false],
    ['a.b.jamfcloud.com', false],
    ['-acme.jamfcloud.com', false],
    ['acme.jamfcloud.com.example', false],
  ])('%s → %s', (host, expected) => {
    expect(isJamfCloudHost(host)).toBe(expected);
  });
});
