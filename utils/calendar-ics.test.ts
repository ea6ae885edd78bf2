import { describe, expect, it } from 'vitest';
import { parseIcs, unescapeText } from '../tests/helpers/parse-ics';
import { calendarFileName, escapeText, expiryCalendar, foldLine } from './calendar-ics';

const NOW = new Date('2026-12-04T10:00:00Z');
// Midday UTC: the same calendar day in every time zone from UTC−11 to UTC+11.
const event = {
  id: 'abcdef123456',
  label: 'Jamf Pro · acme.jamfcloud.com; sync, nightly',
  vendorName: 'Jamf Pro API client',
  tenant: 'acme.jamfcloud.com',
  expiresAt: '2027-01-15T12:00:00.000Z',
  rotateUrl: 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3',
};

describe('expiry calendar', () => {
  it('writes one all-day event with a 7-day alarm that parses back', () => {
    const text = expiryCalendar([event], NOW);
    const calendar = parseIcs(text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(calendar.props.VERSION[0].value).toBe('2.0');
    expect(calendar.props.PRODID[0].value).toContain('Keyhold');
    const [vevent] = calendar.components;
    expect(vevent.name).toBe('VEVENT');
    expect(vevent.props.UID[0].value).toBe('abcdef123456@keyhold');
    expect(vevent.props.DTSTAMP[0].value).toBe('20261204T100000Z');
    expect(vevent.props.DTSTART[0]).toEqual({ value: '20270115', params: { VALUE: 'DATE' } });
    expect(vevent.props.DTEND[0]).toEqual({ value: '20270116', params: { VALUE: 'DATE' } });
    expect(unescapeText(vevent.props.SUMMARY[0].value)).toBe('Keyhold: “Jamf Pro · acme.jamfcloud.com; sync, nightly” expires');
    const description = unescapeText(vevent.props.DESCRIPTION[0].value);
    expect(description).toContain('Jamf Pro API client (acme.jamfcloud.com)');
    expect(description).toContain(event.rotateUrl);
    expect(vevent.props.URL[0].value).toBe(event.rotateUrl);
    const [alarm] = vevent.components;
    expect(alarm.name).toBe('VALARM');
    expect(alarm.props.TRIGGER[0].value).toBe('-P7D');
    expect(alarm.props.ACTION[0].value).toBe('DISPLAY');
  });

  it('uses CRLF, folds at 75 octets without splitting a character, and escapes text', () => {
    const long = { ...event, label: `${'Überlange Bezeichnung für München '.repeat(6)}\nsecond line` };
    const text = expiryCalendar([long], NOW);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).not.toContain('\uFFFD');
    const vevent = parseIcs(text).components[0];
    expect(unescapeText(vevent.props.SUMMARY[0].value)).toContain(`${'Überlange Bezeichnung für München '.repeat(6)}\nsecond line`);
    expect(escapeText('a\\b;c,d\r\ne\u0007')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('writes all expiries in one calendar and leaves out unusable URLs and dates', () => {
    const text = expiryCalendar(
      [
        event,
        {
          id: 'second12345',
          label: 'Iru token',
          vendorName: 'Iru API token',
          expiresAt: '2027-03-01T12:00:00Z',
          rotateUrl: 'javascript:alert(1)',
        },
        { id: 'broken12345', label: 'Broken', vendorName: 'X', expiresAt: 'not a date' },
      ],
      NOW,
    );
    const events = parseIcs(text).components;
    expect(events.map((e) => e.props.UID[0].value)).toEqual(['abcdef123456@keyhold', 'second12345@keyhold']);
    expect(events[1].props.URL).toBeUndefined();
    expect(text).not.toContain('javascript');
  });

  it('names files after the credential', () => {
    expect(calendarFileName('Jamf Pro · acme.jamfcloud.com')).toBe('keyhold-expiry-jamf-pro-acme-jamfcloud-com.ics');
    expect(calendarFileName()).toBe('keyhold-expiries.ics');
  });
});
