// A label is one line of plain text: every door that takes one (add, rename, hand-off import)
// refuses control characters with INVALID_INPUT and changes nothing, and a label that old storage
// already holds is read as one line, so "Copy as .env" of it runs nothing when sourced.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fingerprint, HANDOFF_CONTENT_TYPE } from '../../../utils/handoff/handoff';
import { withChecksum } from '../../../utils/vault/integrity';
import { recordKey } from '../../../utils/vault/storage-schema';
import { PASS, self, snapshot } from './fixtures';

const { routeMessage } = await import('../../../utils/background/router');

const page = { id: self.id, url: 'chrome-extension://keyhold-id/popup.html' };
const JAMF = { baseUrl: 'https://acme.jamfcloud.com', clientId: '3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e', clientSecret: 'S'.repeat(64) };
const dir = mkdtempSync(join(tmpdir(), 'keyhold-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTROLS = ['\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f'];

const send = async (type: string, payload?: unknown) => routeMessage({ type, payload }, page as never, self);

async function expectRefused(type: string, payload: unknown) {
  const before = await snapshot();
  const reply = await send(type, payload);
  expect(reply, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await snapshot()).toBe(before);
  return reply as { error: { message: string } };
}

async function handoffTo(label: string): Promise<string> {
  const { data } = (await send('vault.handoffKey')) as { data: { jwk: JWK } };
  const plaintext = new TextEncoder().encode(
    JSON.stringify({ version: 1, exportedAt: new Date().toISOString(), credentials: [{ vendor: 'jamf-pro', label, values: JAMF }] }),
  );
  return new CompactEncrypt(plaintext)
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE, kid: await fingerprint(data.jwk) })
    .encrypt(await importJWK(data.jwk, 'ECDH-ES+A256KW'));
}

let id: string;
beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  await send('vault.create', { passphrase: PASS });
  id = ((await send('credentials.add', { vendor: 'jamf-pro', label: 'Jamf prod', values: JAMF })) as { data: { id: string } }).data.id;
});

describe.each(CONTROLS.map((c) => [JSON.stringify(c), c]))('a label holding %s', (_name, control) => {
  const label = `Jamf prod${control}touch PWNED`;

  it('is refused by credentials.add and credentials.updateMeta with a clear INVALID_INPUT', async () => {
    const added = await expectRefused('credentials.add', { vendor: 'jamf-pro', label, values: JAMF });
    expect(added.error.message).toContain('control characters');
    await expectRefused('credentials.updateMeta', { id, label });
  });

  it('is refused in a hand-off file, which then imports nothing', async () => {
    const reply = await expectRefused('credentials.import', { jwe: await handoffTo(label) });
    expect(reply.error.message).toMatch(/not a valid Keyhold hand-off/);
  });
});

it('a label with a line break already in storage reads as one line, and its .env runs nothing when sourced', async () => {
  const key = recordKey(id);
  const stored = (await fakeBrowser.storage.local.get(key))[key] as Record<string, unknown>;
  // Written by an older Keyhold (or an import it accepted), with a valid checksum.
  await fakeBrowser.storage.local.set({ [key]: await withChecksum({ ...stored, label: 'Jamf prod\ntouch PWNED\r\u2028$(touch PWNED2)' }) });

  const list = (await send('credentials.list')) as { data: Array<{ label: string; corrupted?: boolean }> };
  expect(list.data).toHaveLength(1);
  expect(list.data[0].corrupted).toBeUndefined();
  expect(list.data[0].label).toBe('Jamf prod touch PWNED $(touch PWNED2)');

  const copied = (await send('credentials.copyAs', { id, format: 'env' })) as { data: { text: string } };
  const lines = copied.data.text.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^# Jamf prod touch PWNED \$\(touch PWNED2\) \(/);
  expect(lines.slice(1).every((line) => /^JAMF_PRO_[A-Z_]+=/.test(line))).toBe(true);
  for (const shell of ['sh', 'bash']) {
    const work = mkdtempSync(join(dir, 'run-'));
    writeFileSync(join(work, 'k.env'), copied.data.text);
    const result = spawnSync(shell, ['-c', 'set -a; . ./k.env; printf %s "$JAMF_PRO_CLIENT_SECRET"'], { cwd: work, encoding: 'utf8' });
    expect(readdirSync(work)).toEqual(['k.env']);
    expect(result.stdout).toBe(JAMF.clientSecret);
  }
});
