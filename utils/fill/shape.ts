// Each value is written the way its field asks: the field's pattern, placeholder, example and help
// text, its type and the destination's profile decide the shape; the value is then reshaped
// (a server URL into a host, a subdomain, a URL with /api; a region into the form's own option;
// a date into the field's format). Plain functions: unit-tested in shape.test.ts.
import { words } from './kinds';
import type { FieldInfo, FieldKind, Shape } from './types';
import { t } from '../i18n/translate';

const serverShapes: Shape[] = ['url', 'url-slash', 'url-api', 'host', 'host-slash', 'subdomain'];

function hints(field: FieldInfo): string {
  return `${field.placeholder} ${field.help}`;
}

/** The first host-like example in a field's placeholder or help ("e.g. https://acme.jamfcloud.com/"). */
export function exampleOf(text: string): string | undefined {
  return /(?:https?:\/\/)?(?:[a-z0-9<>{}[\]-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[\w./<>-]*)?/i.exec(text)?.[0];
}

/** The shape a server field asks for, best guess first; alternatives follow for pattern checks. */
export function serverShapesFor(field: FieldInfo): Shape[] {
  const preferred = preferredServerShape(field);
  return [preferred, ...serverShapes.filter((shape) => shape !== preferred)];
}

function preferredServerShape(field: FieldInfo): Shape {
  const text = words(hints(field));
  const label = words(field.label || field.name);
  const noScheme = /(without|no|not include|must not (include|contain|start with)|exclude|omit)[^.]{0,30}(https?|scheme|protocol)/.test(
    text,
  );
  const slash = /(with|include|end(s|ing)? (with|in)) (a )?trailing slash/.test(text) && !/(without|no) (a )?trailing slash/.test(text);
  const example = exampleOf(`${field.placeholder} ${field.help}`);
  if (/\.(jamfcloud\.com|kandji\.io|iru\.com)/i.test(field.suffix ?? '') || /sub ?domain|tenant name/.test(label)) return 'subdomain';
  if (example) {
    const scheme = /^https?:\/\//i.test(example);
    const path = example.replace(/^https?:\/\//i, '').replace(/^[^/]+/, '');
    if (/^\/api\/?$/i.test(path)) return 'url-api';
    if (!scheme && !noScheme && /^(https?:\/\/)$/i.test((field.prefix ?? '').trim())) return path === '/' ? 'host-slash' : 'host';
    if (scheme && !noScheme) return path === '/' || slash ? 'url-slash' : 'url';
    if (!scheme && /^[a-z0-9<>{}-]+$/i.test(example.split('.')[0]) && example.split('.').length === 1) return 'subdomain';
    return path === '/' || slash ? 'host-slash' : 'host';
  }
  if (/^https?:\/\/$/i.test((field.prefix ?? '').trim()) || noScheme) return slash ? 'host-slash' : 'host';
  if (field.type === 'url' || /\burl\b|\buri\b|endpoint|address/.test(label))
    return /\/api\b/.test(text) ? 'url-api' : slash ? 'url-slash' : 'url';
  if (/domain|host|tenant/.test(label)) return slash ? 'host-slash' : 'host';
  return slash ? 'url-slash' : 'url';
}

/** A server URL ("https://acme.jamfcloud.com", "https://jamf.example.org:8443/jamf") in one shape. */
export function shapeServer(value: string, shape: Shape): string {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  } catch {
    return value;
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  switch (shape) {
    case 'url-slash':
      return `${base}/`;
    case 'url-api':
      return /\/api$/.test(base) ? base : `${base}/api`;
    case 'host':
      return url.host;
    case 'host-slash':
      return `${url.host}/`;
    case 'subdomain':
      return url.hostname.split('.')[0];
    default:
      return base;
  }
}

// ---- Regions ----

const regionWords: Record<string, RegExp> = {
  us: /^(us|usa|u\.s\.?|united states|north america|na|americas?|global|default)$|\bus\b|united states|north america|console\.jumpcloud|api\.jumpcloud|\.api\.kandji\.io/,
  eu: /^(eu|europe|european union|emea)$|\beu\b|europe|\.eu\./,
  in: /^(in|india)$|\bindia\b|\.in\./,
};

/** The region a stored value stands for: JumpCloud's code, or read from an Iru API URL. */
export function regionOf(value: string): string {
  if (/^(us|eu|in)$/i.test(value)) return value.toLowerCase();
  return /\.eu\./i.test(value) ? 'eu' : 'us';
}

/** Index of the form's own option for a region, or -1. */
export function regionOption(options: { value: string; text: string }[], value: string): number {
  const region = regionOf(value);
  let best = -1;
  let bestScore = 0;
  options.forEach((option, index) => {
    const said = [option.value, option.text].map((part) => part.trim().toLowerCase()).filter(Boolean);
    if (!said.length) return;
    let score = said.includes(region) ? 3 : said.some((part) => regionWords[region].test(part)) ? 2 : 0;
    // "US" must not pick an option that also names another region ("US / EU", "console.eu…").
    if (region === 'us' && said.some((part) => regionWords.eu.test(part) || regionWords.in.test(part))) score = 0;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

export function shapeRegion(value: string, shape: Shape): string {
  const region = regionOf(value);
  return shape === 'region-upper' ? region.toUpperCase() : region;
}

// ---- Dates ----

/** The date format a field asks for, from its type, placeholder, pattern or help. */
export function dateShape(field: FieldInfo): Shape {
  if (field.type === 'date') return 'date-iso';
  if (field.type === 'datetime-local') return 'datetime-local';
  if (field.type === 'month') return 'month';
  const text = `${field.placeholder} ${field.help} ${field.pattern}`.toLowerCase();
  const format = /\b(dd|mm|yyyy)([./-])(dd|mm|yyyy)\2(dd|mm|yyyy)\b/.exec(text);
  if (format) {
    const order = `${format[1]}${format[2]}${format[3]}${format[2]}${format[4]}`;
    if (order === 'mm/dd/yyyy' || order === 'mm-dd-yyyy') return 'date-mdy';
    if (order === 'dd/mm/yyyy' || order === 'dd-mm-yyyy') return 'date-dmy';
    if (order === 'dd.mm.yyyy') return 'date-dmy-dot';
    if (order === 'yyyy/mm/dd') return 'date-ymd-slash';
  }
  const sample = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (sample) return Number(sample[1]) > 12 ? 'date-dmy' : 'date-mdy';
  if (/\b\d{1,2}\.\d{1,2}\.\d{4}\b/.test(text)) return 'date-dmy-dot';
  return 'date-iso';
}

const two = (n: number) => String(n).padStart(2, '0');

/** An ISO timestamp as the field wants it, in the admin's own time zone (the date they chose). */
export function shapeDate(iso: string, shape: Shape): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const [y, m, d] = [String(date.getFullYear()), two(date.getMonth() + 1), two(date.getDate())];
  switch (shape) {
    case 'date-mdy':
      return `${m}/${d}/${y}`;
    case 'date-dmy':
      return `${d}/${m}/${y}`;
    case 'date-dmy-dot':
      return `${d}.${m}.${y}`;
    case 'date-ymd-slash':
      return `${y}/${m}/${d}`;
    case 'datetime-local':
      return `${y}-${m}-${d}T${two(date.getHours())}:${two(date.getMinutes())}`;
    case 'month':
      return `${y}-${m}`;
    default:
      return `${y}-${m}-${d}`;
  }
}

// ---- Keys ----

export function keyShape(field: FieldInfo): Shape {
  if (field.type === 'file') return 'pem-file';
  if (field.tag === 'input' && /\\n|single line|one line/i.test(hints(field))) return 'pem-escaped';
  return 'pem';
}

export function shapeKey(pem: string, shape: Shape): string {
  const text = pem.trim().replace(/\r\n/g, '\n');
  return shape === 'pem-escaped' ? text.replace(/\n/g, '\\n') : `${text}\n`;
}

// ---- Putting it together ----

/** Shapes to try for a field, best first (a pattern or validity check picks among them). */
export function shapesFor(kind: FieldKind, field: FieldInfo, forced?: Shape): Shape[] {
  if (forced) return [forced];
  switch (kind) {
    case 'server':
      return serverShapesFor(field);
    case 'region':
      if (field.tag === 'select') return ['region-option'];
      return /\b(US|EU|IN)\b/.test(hints(field)) ? ['region-upper', 'region-code'] : ['region-code', 'region-upper'];
    case 'expiry':
      return [dateShape(field)];
    case 'privateKey':
      return [keyShape(field)];
    default:
      return ['as-is'];
  }
}

/** A stored value in one shape (region options and files are handled where the element is). */
export function shapeValue(kind: FieldKind, value: string, shape: Shape): string {
  if (kind === 'server') return shapeServer(value, shape);
  if (kind === 'region') return shapeRegion(value, shape);
  if (kind === 'expiry') return shapeDate(value, shape);
  if (kind === 'privateKey') return shapeKey(value, shape);
  return value.trim();
}

/** The field's pattern attribute, compiled as the browser does (whole value, `v` flag). */
export function patternAccepts(pattern: string, value: string): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(`^(?:${pattern})$`, 'v').test(value);
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`).test(value);
    } catch {
      return true;
    }
  }
}

/** Pick the first shape whose result the field's pattern accepts (the preferred one if none do). */
export function chooseShape(kind: FieldKind, value: string, field: FieldInfo, shapes: Shape[]): { shape: Shape; text: string } {
  for (const shape of shapes) {
    const text = shapeValue(kind, value, shape);
    if (patternAccepts(field.pattern, text)) return { shape, text };
  }
  return { shape: shapes[0], text: shapeValue(kind, value, shapes[0]) };
}

/** Words for each shape, looked up when shown (in the admin's language); date patterns are the same everywhere. */
export const shapeNames: Record<Shape, () => string> = {
  'as-is': () => t('bg.fillShape.asIs'),
  url: () => t('bg.fillShape.url'),
  'url-slash': () => t('bg.fillShape.urlSlash'),
  'url-api': () => t('bg.fillShape.urlApi'),
  host: () => t('bg.fillShape.host'),
  'host-slash': () => t('bg.fillShape.hostSlash'),
  subdomain: () => t('bg.fillShape.subdomain'),
  'region-code': () => t('bg.fillShape.regionCode'),
  'region-upper': () => t('bg.fillShape.regionUpper'),
  'region-option': () => t('bg.fillShape.regionOption'),
  pem: () => t('bg.fillShape.pem'),
  'pem-escaped': () => t('bg.fillShape.pemEscaped'),
  'pem-file': () => t('bg.fillShape.pemFile'),
  'date-iso': () => 'yyyy-mm-dd',
  'date-mdy': () => 'mm/dd/yyyy',
  'date-dmy': () => 'dd/mm/yyyy',
  'date-dmy-dot': () => 'dd.mm.yyyy',
  'date-ymd-slash': () => 'yyyy/mm/dd',
  'datetime-local': () => t('bg.fillShape.dateTime'),
  month: () => 'yyyy-mm',
};
