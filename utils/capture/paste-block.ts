// One paste of the whole block a console showed → the fields of one credential. Labels in any of
// the consoles' languages, values in any order; `key: value`, `key = value`, .env, JSON, a label on
// one line and its value on the next, bare values. Labels are one signal; each value must also
// have its field's format (utils/capture/value-formats.ts), and bare values are placed by format.
// Pure: the side panel's add form calls it with the credential types it offers.
import type { ConsoleId, CredentialTypeId } from '../protocol';
import { classifyValue, consoleOfType, fieldValue, fitsField } from './value-formats';

export interface PasteType {
  id: CredentialTypeId;
  fields: { name: string; optional?: boolean }[];
}

export interface ParsedBlock {
  type: CredentialTypeId;
  values: Record<string, string>;
  /** Fields the block did not give (context values from the tab count as given). */
  missing: string[];
}

/**
 * Label words per field, lower case, in English, Japanese, German, French, Spanish and Chinese
 * (the languages Jamf Pro and Apple Business ship), plus the usual .env/JSON spellings.
 * Longer phrases win over shorter ones ("api url" before "url").
 */
const LABELS: Record<string, string[]> = {
  clientId: [
    'client id',
    'clientid',
    'client identifier',
    'クライアントid',
    'クライアント id',
    'client-id',
    'id client',
    'id du client',
    'identifiant client',
    'identifiant du client',
    'id de cliente',
    'id del cliente',
    'identificador de cliente',
    'identificador del cliente',
    '客户端 id',
    '客户端id',
    'oauth client id',
  ],
  clientSecret: [
    'client secret',
    'clientsecret',
    'クライアントシークレット',
    'クライアント シークレット',
    'シークレット',
    'client-secret',
    'client-geheimnis',
    'geheimer clientschlüssel',
    'secret client',
    'secret du client',
    'secret client',
    'clé secrète',
    'secreto de cliente',
    'secreto del cliente',
    'secreto',
    'secret',
    '客户端密钥',
    '密钥',
  ],
  keyId: [
    'key id',
    'keyid',
    'キーid',
    'キー id',
    'key-id',
    'schlüssel-id',
    'schlüssel id',
    'id de clé',
    'id de la clé',
    'identifiant de clé',
    'id de clave',
    'id de la clave',
    'identificador de clave',
    '密钥 id',
  ],
  privateKey: ['private key', 'privatekey', '秘密鍵', 'プライベートキー', 'privater schlüssel', 'clé privée', 'clave privada', '私钥'],
  apiKey: [
    'api key',
    'apikey',
    'x-api-key',
    'apiキー',
    'api キー',
    'api-schlüssel',
    'api schlüssel',
    "clé d'api",
    'clé api',
    'clave de api',
    'clave api',
    'api 密钥',
  ],
  token: [
    'api token',
    'apitoken',
    'token',
    'apiトークン',
    'api トークン',
    'トークン',
    'api-token',
    'jeton api',
    "jeton d'api",
    'jeton',
    'token de api',
    'token de la api',
    'api 令牌',
    '令牌',
    'bearer',
  ],
  apiUrl: [
    'api url',
    'apiurl',
    'api host',
    'apiのurl',
    'api url',
    'api-url',
    "url de l'api",
    "url d'api",
    'url de la api',
    'url de api',
    'api 网址',
  ],
  baseUrl: [
    'server url',
    'base url',
    'baseurl',
    'jamf pro url',
    'jamf url',
    'instance url',
    'サーバurl',
    'サーバー url',
    'サーバーurl',
    'server-url',
    'url du serveur',
    'url del servidor',
    '服务器 url',
    'url',
  ],
  orgId: [
    'organization id',
    'organisation id',
    'org id',
    'orgid',
    'x-org-id',
    '組織id',
    '組織 id',
    'organisations-id',
    'organisation-id',
    "id d'organisation",
    "id de l'organisation",
    'id de organización',
    'id de la organización',
    '组织 id',
  ],
  region: ['region', 'リージョン', 'région', 'región', '区域'],
  adminEmail: [
    'admin email',
    'administrator email',
    'email',
    'e-mail',
    'メール',
    'メールアドレス',
    'courriel',
    'adresse e-mail',
    'correo',
    'correo electrónico',
    '电子邮件',
  ],
  tokenName: ['token name', 'name', '名前', 'トークン名', 'nom du jeton', 'nom', 'nombre del token', 'nombre', '名称'],
};

const PHRASES = Object.entries(LABELS)
  .flatMap(([field, words]) => words.map((word) => [normaliseLabel(word), field] as const))
  .sort((a, b) => b[0].length - a[0].length);

function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_.]+/g, ' ')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\s:：=*()]+$/, '')
    .trim();
}

/** The field a label names, or undefined: the longest known phrase in it (whole words for Latin script). */
export function fieldOfLabel(label: string): string | undefined {
  const text = normaliseLabel(label);
  if (!text || text.length > 80) return undefined;
  const words = ` ${text.replace(/[^\p{L}\p{N}'@-]+/gu, ' ')} `;
  for (const [phrase, field] of PHRASES) {
    if (/[\u3000-\u9fff\uff00-\uffef]/.test(phrase) ? text.includes(phrase) : words.includes(` ${phrase} `)) return field;
  }
  return undefined;
}

const PEM = /-----BEGIN (?:EC )?PRIVATE KEY-----[\s\S]+?-----END (?:EC )?PRIVATE KEY-----/g;

function unquote(value: string): string {
  const text = value.trim().replace(/,$/, '').trim();
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(text);
  return (quoted ? quoted[2] : text).replace(/\\n/g, '\n').trim();
}

/** (label, value) pairs in reading order; a bare value has no label. */
export function splitBlock(text: string): { label?: string; value: string }[] {
  const pairs: { label?: string; value: string }[] = [];
  let rest = text.normalize('NFC');
  // PEM keys span lines: take them first, with the label just before them if there is one.
  rest = rest.replace(PEM, (pem, offset: number, whole: string) => {
    const before = whole.slice(0, offset).split('\n').pop() ?? '';
    const label = /^(.*?)[:：=]\s*["']?$/.exec(before.trim())?.[1];
    pairs.push({ label: label || undefined, value: pem.trim() });
    return '';
  });
  const json = jsonPairs(rest.trim());
  if (json) return [...pairs, ...json];
  let pending: string | undefined;
  for (const raw of rest.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(export\s+|[-*•]\s+)/, '').trim();
    if (!line || /^#/.test(line) || /^[{}[\],]+$/.test(line)) continue;
    const split = /^(["']?)([^:：=\t]{1,80}?)\1\s*(?:[:：=\t]|\s{2,})\s*(.+)$/.exec(line);
    if (split && !/^https?$/i.test(split[2].trim()) && (fieldOfLabel(split[2]) || !classifyValue(line).length)) {
      pairs.push({ label: split[2].trim(), value: unquote(split[3]) });
      pending = undefined;
      continue;
    }
    // "Client ID 1234…": a label and a value separated by one space.
    const spaced = /^(.{2,80}?)\s+(\S+)$/.exec(line);
    if (spaced && fieldOfLabel(spaced[1]) && classifyValue(unquote(spaced[2])).length) {
      pairs.push({ label: spaced[1], value: unquote(spaced[2]) });
      pending = undefined;
      continue;
    }
    const value = unquote(line);
    if (classifyValue(value).length) {
      pairs.push({ label: pending, value });
      pending = undefined;
    } else if (fieldOfLabel(line)) {
      pending = line; // a label on its own line: its value follows
    }
  }
  return pairs;
}

function jsonPairs(text: string): { label?: string; value: string }[] | undefined {
  if (!/^[{[]/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const pairs: { label?: string; value: string }[] = [];
  const visit = (node: unknown, key: string | undefined, depth: number) => {
    if (depth > 4) return;
    if (typeof node === 'string' || typeof node === 'number') pairs.push({ label: key, value: String(node).trim() });
    else if (Array.isArray(node)) node.forEach((item) => visit(item, key, depth + 1));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k, depth + 1);
  };
  visit(data, undefined, 0);
  return pairs;
}

/**
 * The credential the block describes: the type whose fields it fills best (on the tab's console
 * when one is given), with the tab's context (server URL, region, API URL) under what the block says.
 */
export function parseBlock(
  text: string,
  types: PasteType[],
  context: { consoleId?: ConsoleId; hints?: Record<string, string> } = {},
): ParsedBlock | null {
  const pairs = splitBlock(text.slice(0, 50_000));
  if (!pairs.length) return null;
  let best: (ParsedBlock & { score: number }) | null = null;
  for (const type of types) {
    if (context.consoleId && consoleOfType(type.id) !== context.consoleId) continue;
    const names = new Set(type.fields.map((f) => f.name));
    const values: Record<string, string> = {};
    let score = 0;
    for (const { label, value } of pairs) {
      const named = label ? fieldOfLabel(label) : undefined;
      if (named && names.has(named) && !values[named] && fitsField(type.id, named, value)) {
        values[named] = value;
        score += 2;
        continue;
      }
      // Unlabelled, or a label this type does not know: place the value by its format alone.
      const guess = classifyValue(value).find((g) => g.type === type.id && names.has(g.field) && !values[g.field]);
      if (guess && !(named && guess.field !== named && names.has(named))) {
        values[guess.field] = value;
        score += guess.strong ? 3 : 1;
      }
    }
    if (!score) continue;
    for (const [name, hint] of Object.entries(context.hints ?? {})) {
      if (names.has(name) && !values[name]) values[name] = hint;
    }
    for (const [name, value] of Object.entries(values)) values[name] = fieldValue(type.id, name, value);
    const missing = type.fields.filter((f) => !f.optional && !values[f.name]).map((f) => f.name);
    if (!best || score > best.score || (score === best.score && missing.length < best.missing.length)) {
      best = { type: type.id, values, missing, score };
    }
  }
  if (!best) return null;
  const { score: _score, ...parsed } = best;
  return parsed;
}
