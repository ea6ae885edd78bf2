// Launch for the destination-fill tests. Automation cannot press the toolbar button, use the
// context menu or a shortcut, so it cannot give Keyhold activeTab on a page. The tests grant the
// page the way that gesture would, as the self-hosted tests grant a host: a copy of the built
// extension whose manifest holds the destination hosts. Production code is untouched; the fill
// is then started through the same message the popup's "Fill this page" sends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { extensionDir, launchWithExtension } from './launch';

export async function launchWithDestinationAccess(hostResolverRules: string, hosts: string[], options: { headless?: boolean } = {}) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-fill-'));
  const extension = path.join(work, 'extension');
  fs.cpSync(extensionDir, extension, { recursive: true });
  const manifestPath = path.join(extension, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push(...hosts.map((host) => `https://${host}/*`));
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  const launched = await launchWithExtension({
    hostResolverRules,
    extension,
    profileDir: path.join(work, 'profile'),
    headless: options.headless,
  });
  const door = await launched.context.newPage();
  await door.goto(`chrome-extension://${launched.extensionId}/options.html`);
  const send = async (type: string, payload?: unknown) =>
    (await door.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const)) as {
      ok: boolean;
      data?: any;
      error?: { code: string; message: string };
    };
  const call = async (type: string, payload?: unknown) => {
    const reply = await send(type, payload);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error?.code} ${reply.error?.message}`);
    return reply.data;
  };
  const tabIdOf = async (page: Page) => {
    const tabs = await door.evaluate(() => chrome.tabs.query({}));
    const tab = tabs.find((candidate) => candidate.url === page.url());
    if (tab?.id === undefined) throw new Error(`No tab for ${page.url()}`);
    return tab.id;
  };
  return {
    ...launched,
    door,
    send,
    call,
    tabIdOf,
    close: async () => {
      await launched.close();
      fs.rmSync(work, { recursive: true, force: true });
    },
  };
}

/** The in-page fill panel (an open shadow root of <keyhold-fill>; locators pierce it). */
export const fillPanel = (page: Page) => page.locator('keyhold-fill');
