// Accidental-damage detection for what Keyhold stores: a SHA-256 of the object's canonical JSON,
// kept beside it as `check`. It catches flipped or lost bytes anywhere in a record or the vault's
// key record, including the clear metadata the sealed JWE does not cover. It is not a signature:
// someone who can write the profile can recompute it (see docs/security.md).
import { sha256Hex } from './bytes';

/** JSON with object keys sorted at every level, so the order storage hands them back in does not matter. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, node: unknown) =>
    node && typeof node === 'object' && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : node,
  );
}

/** The checksum of an object, leaving out its own `check` field. */
export async function checksumOf(value: object): Promise<string> {
  const { check: _ignored, ...rest } = value as Record<string, unknown>;
  return sha256Hex(canonicalJson(rest));
}

export async function withChecksum<T extends object>(value: T): Promise<T & { check: string }> {
  const { check: _ignored, ...rest } = value as T & { check?: unknown };
  return { ...(rest as T), check: await checksumOf(rest) };
}

/**
 * Does a stored object still match its checksum? Objects written before checksums existed have
 * none and pass; the schemas are strict, so a damaged `check` key name cannot pass as "none".
 */
export async function checksumMatches(raw: unknown): Promise<boolean> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const check = (raw as { check?: unknown }).check;
  if (check === undefined) return true;
  return typeof check === 'string' && check === (await checksumOf(raw));
}
