import type { AuditEntryView } from './protocol';

// Quote every cell and defuse spreadsheet formulas (a label starting with =, +, - or @).
const cell = (value: string | undefined) => {
  const text = value ?? '';
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

export function auditToCsv(entries: AuditEntryView[]): string {
  const rows = entries.map((e) => [e.at, e.event, e.vendor, e.label, e.detail].map(cell).join(','));
  return ['time,event,vendor,credential,detail', ...rows].join('\r\n') + '\r\n';
}
