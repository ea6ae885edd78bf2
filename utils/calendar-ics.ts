// Expiry reminders outside the browser: an iCalendar file (RFC 5545) with one all-day event per
// credential on its expiry date and an alarm 7 days before. It names the credential and where to
// rotate it; it never carries a secret (pages do not hold one to put in it).
import { t } from './i18n/translate';

export interface ExpiryEvent {
  /** The credential id: a stable UID, so importing a newer file updates the event. */
  id: string;
  label: string;
  vendorName: string;
  tenant?: string;
  expiresAt: string;
  /** The console page where the credential is rotated. */
  rotateUrl?: string;
}

/** Sentences the file says, kept whole (no concatenated fragments) so they can move to locale files. */
export const calendarText = {
  summary: (label: string) => t('bg.calendar.summary', [label]),
  description: (label: string, vendor: string, where: string) => t('bg.calendar.description', [vendor, label, where]),
  descriptionNoUrl: (label: string, vendor: string) => t('bg.calendar.descriptionNoUrl', [vendor, label]),
  alarm: (label: string) => t('bg.calendar.alarm', [label]),
};

const PRODID = '-//Keyhold//Expiry reminders//EN';

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n');
}

/** Content lines longer than 75 octets are folded (§3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines start with a space, so 74 more.
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number) => String(n).padStart(2, '0');
/** The local calendar day of an instant: Keyhold stores "expires on the 30th" as the end of that day, local time. */
function localDate(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
}
function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Only http(s) URLs become a URL property; anything else is left out. */
function safeUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function eventLines(event: ExpiryEvent, stamp: string): string[] {
  const day = new Date(event.expiresAt);
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  const url = safeUrl(event.rotateUrl);
  const vendor = event.tenant ? `${event.vendorName} (${event.tenant})` : event.vendorName;
  const description = url ? calendarText.description(event.label, vendor, url) : calendarText.descriptionNoUrl(event.label, vendor);
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.id)}@keyhold`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${localDate(day)}`,
    `DTEND;VALUE=DATE:${localDate(next)}`,
    `SUMMARY:${escapeText(calendarText.summary(event.label))}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(url ? [`URL:${url}`] : []),
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(calendarText.alarm(event.label))}`,
    'TRIGGER:-P7D',
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** One calendar holding an event for each credential with an expiry (in the order given). */
export function expiryCalendar(events: ExpiryEvent[], now = new Date()): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...events.filter((event) => !Number.isNaN(Date.parse(event.expiresAt))).flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** A file name for one credential's calendar or for all of them. */
export function calendarFileName(label?: string): string {
  const slug = label
    ?.toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug ? `keyhold-expiry-${slug}.ics` : 'keyhold-expiries.ics';
}
