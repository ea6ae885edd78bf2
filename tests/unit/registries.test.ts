// The content script's DOM-only registry and the full registry (whose consoles are URL-only
// detectors) must list the same consoles, and
// every credential type and console id in the protocol must have a home.
import { describe, expect, it } from 'vitest';
import { vendorConsoles } from '../../utils/vendors/console-registry';
import { consoleDetectors } from '../../utils/vendors/console-detectors';
import { credentialTypes, vendorModules } from '../../utils/vendors/registry';
import { guidesFor } from '../../utils/vendors/guide-registry';
import { consoleIds, credentialTypeIds } from '../../utils/protocol';
import { consoleHostPermissions } from '../../utils/vendors/hosts';

describe('vendor registries', () => {
  it('list the same consoles in the same order', () => {
    expect(vendorConsoles.map((c) => c.id)).toEqual(vendorModules.map((m) => m.console.id));
    // The content script's console is the background's detector plus the DOM recognisers.
    vendorModules.forEach((module, i) => {
      const { id, name, matches, detect } = module.console;
      expect(vendorConsoles[i]).toMatchObject({ id, name, matches, detect });
    });
  });

  it('give pages the same URL-only detectors as the background', () => {
    expect(consoleDetectors).toEqual(vendorModules.map((m) => m.console));
  });

  it('cover every console and credential type the protocol names, once each', () => {
    expect([...vendorConsoles.map((c) => c.id)].sort()).toEqual([...consoleIds].sort());
    expect(credentialTypes.map((t) => t.id).sort()).toEqual([...credentialTypeIds].sort());
  });

  it('give every credential type its console, templates, and a guide that produces it', () => {
    for (const type of credentialTypes) {
      const module = vendorModules.find((m) => m.console.id === type.consoleId);
      expect(module, type.id).toBeDefined();
      expect(type.templates.length, type.id).toBeGreaterThan(0);
      expect(type.secretFields.length, type.id).toBeGreaterThan(0);
      expect(guidesFor(type.consoleId).some((guide) => guide.credentialType === type.id), `${type.id} has a guide`).toBe(true);
    }
  });

  it('run the content script only on hosts declared in the manifest', () => {
    for (const vendorConsole of vendorConsoles) {
      for (const pattern of vendorConsole.matches) expect(consoleHostPermissions, `${vendorConsole.id}: ${pattern}`).toContain(pattern);
    }
  });
});
