import type { AuditEntryView } from './protocol';

// Quote every cell and defuse spreadsheet formulas (a label starting with =, +, - or @).
const cell = (value: string | undefined) => {
  const text = value ?? '';
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

// The header and the event column stay English machine names in every language: spreadsheets,
// SIEM imports and scripts select columns and filter events by them. The detail column holds what
// Keyhold wrote at the time, in the admin's language then (error codes and field names stay as is).
export function auditToCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((e) => [e.at, e.event, e.vendor, e.label, e.detail].map(cell).join(','));
  return ['time,event,vendor,credential,detail', ...rows].join('\r\n') + '\r\n';
}
