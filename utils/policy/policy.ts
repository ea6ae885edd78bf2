// Enterprise policy: what an organisation presets and locks through the browser's managed storage
// (Chrome: policy for this extension, checked against managed-schema.json, built from managed-schema.ts; Firefox:
// policies.json "3rdparty" → "Extensions" → this add-on's id). Managed values win over local ones.
//
// Each key is read on its own: a value Keyhold cannot use is dropped and the other keys still
// apply. The two export keys are the exception: they restrict, so an unreadable value restricts
// (export off, an empty allow-list) instead of silently opening export up.
import { preprocess, transform, z } from '../zod';
import { int } from '../zod-formats';
import { browser } from 'wxt/browser';
import { consoleIds, type ManagedPolicy } from '../protocol';
import { t } from '../i18n/translate';

export const policyKeys = [
  'autoLockMinutesMin',
  'autoLockMinutesMax',
  'healthCheckHours',
  'exportAllowed',
  'exportRecipientKeys',
  'selfHostedJamfOrigins',
  'hiddenVendors',
] as const satisfies readonly (keyof ManagedPolicy)[];
export type PolicyKey = (typeof policyKeys)[number];

// Deployment tools do not all keep JSON types: Windows GPO hands Firefox booleans as 0/1 DWORDs,
// and plist/registry editors often store numbers as strings. Accept those spellings, nothing looser.
const integer = (min: number, max: number) =>
  preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.number().check(int(), z.gte(min), z.lte(max)),
  );
const boolean = preprocess((value) => {
  if (value === 1 || value === 'true' || value === '1') return true;
  if (value === 0 || value === 'false' || value === '0') return false;
  return value;
}, z.boolean());
/** A list, or the same list written as a JSON string (some policy editors only take strings). */
const list = <T extends z.ZodMiniType>(item: T) =>
  z.pipe(
    preprocess(parseJsonString, z.array(z.unknown()).check(z.maxLength(500))),
    z.transform((entries) =>
      // One bad entry is dropped, not the whole list.
      entries.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    ),
  );

function parseJsonString(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** RFC 7638 JWK thumbprint, SHA-256, base64url: what Keyhold shows as a hand-off key's fingerprint. */
export const thumbprintSchema = z.pipe(
  z.pipe(
    z.string(),
    z.transform((text) => text.trim().replace(/=+$/, '')),
  ),
  z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
);

/** An https origin, normalised (lower case, no default port, no path). */
export const managedOriginSchema = z.pipe(
  z.string().check(z.maxLength(300)),
  transform((text, ctx) => {
    try {
      const url = new URL(text.trim());
      if (url.protocol === 'https:' && url.hostname && !url.hostname.includes('*') && !url.username && !url.password) return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: t('bg.shape.notHttps') });
    return z.NEVER;
  }),
);

const fields = {
  autoLockMinutesMin: integer(1, 1440),
  autoLockMinutesMax: integer(1, 1440),
  healthCheckHours: integer(0, 168),
  exportAllowed: boolean,
  exportRecipientKeys: z.pipe(
    list(thumbprintSchema),
    z.transform((keys) => [...new Set(keys)]),
  ),
  selfHostedJamfOrigins: z.pipe(
    list(managedOriginSchema),
    z.transform((origins) => [...new Set(origins)]),
  ),
  hiddenVendors: z.pipe(
    list(z.enum(consoleIds)),
    z.transform((ids) => [...new Set(ids)]),
  ),
} satisfies Record<PolicyKey, z.ZodMiniType>;

/** When the value is present but unusable: undefined drops the key, anything else replaces it. */
const failClosed: Partial<ManagedPolicy> = { exportAllowed: false, exportRecipientKeys: [] };

export interface PolicyReading {
  policy: ManagedPolicy;
  /** Keys the organisation set to a value Keyhold could not use. */
  invalid: PolicyKey[];
}

export function parsePolicy(raw: unknown): PolicyReading {
  const policy: ManagedPolicy = {};
  const invalid: PolicyKey[] = [];
  const source = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const key of policyKeys) {
    if (source[key] === undefined || source[key] === null) continue;
    const parsed = fields[key].safeParse(source[key]);
    if (parsed.success) {
      (policy as Record<string, unknown>)[key] = parsed.data;
    } else {
      invalid.push(key);
      if (failClosed[key] !== undefined) (policy as Record<string, unknown>)[key] = failClosed[key];
    }
  }
  // A floor above the ceiling cannot both hold: keep the ceiling, the setting that limits exposure.
  if (
    policy.autoLockMinutesMin !== undefined &&
    policy.autoLockMinutesMax !== undefined &&
    policy.autoLockMinutesMin > policy.autoLockMinutesMax
  ) {
    delete policy.autoLockMinutesMin;
    invalid.push('autoLockMinutesMin');
  }
  return { policy, invalid };
}

/**
 * The organisation's policy, or {} when there is none. Never throws: browsers without managed
 * storage, Firefox without a policy ("Managed storage manifest not found") and Chrome without a
 * schema all mean "no policy".
 */
export async function readPolicy(): Promise<ManagedPolicy> {
  return (await readPolicyDetails()).policy;
}

export async function readPolicyDetails(): Promise<PolicyReading> {
  const managed = (browser.storage as { managed?: { get(keys?: null): Promise<Record<string, unknown>> } }).managed;
  if (!managed) return { policy: {}, invalid: [] };
  let raw: Record<string, unknown>;
  try {
    raw = await managed.get(null);
  } catch {
    return { policy: {}, invalid: [] };
  }
  return parsePolicy(raw);
}

export function hasPolicy(policy: ManagedPolicy): boolean {
  return policyKeys.some((key) => policy[key] !== undefined);
}
