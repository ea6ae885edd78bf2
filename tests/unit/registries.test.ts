// The one vendor list (vendor-ids.ts) and everything keyed by it: the content script's DOM-only
// registry, the background's full registry, the pages' descriptions, the hosts, the hand-off, the
// policy schema and the mocks must all name the same consoles and credential types.
import { describe, expect, it } from 'vitest';
import { vendorConsoles } from '../../utils/vendors/console-registry';

import { credentialTypes, vendorModules } from '../../utils/vendors/registry';
import { credentialTypes as describedTypes, guidesFor } from '../../utils/vendors/descriptions';
import { consoleDetectors } from '../../utils/vendors/detector-registry';
import { consoleIds, credentialTypeIds } from '../../utils/protocol';
import { consoleFacts, consoleHosts, consoleOfType } from '../../utils/vendors/vendor-ids';
import { apiHostPermissions, consoleExcludeMatches, consoleHostPermissions } from '../../utils/vendors/hosts';
import { handoffVendors } from '../../utils/handoff/handoff';
import { managedSchema } from '../../utils/policy/managed-schema';
import { vendorMockFactories } from '../mock-vendors';

describe('vendor registries', () => {
  it('list the same consoles in the same order', () => {
    expect(vendorConsoles.map((c) => c.id)).toEqual(vendorModules.map((m) => m.console.id));
    // The content script's console is the background's detector plus the DOM recognisers.
    vendorModules.forEach((module, i) => {
      const { id, name, detect } = module.console;
      expect(vendorConsoles[i]).toMatchObject({ id, name, detect });
    });
  });

  it('give pages the same URL-only detectors as the background', () => {
    expect(consoleDetectors).toEqual(vendorModules.map((m) => m.console));
  });

  it('cover every console and credential type of the vendor list, once each', () => {
    expect(vendorConsoles.map((c) => c.id)).toEqual([...consoleIds]);
    expect(credentialTypes.map((t) => t.id)).toEqual([...credentialTypeIds]);
    expect(new Set(credentialTypeIds).size).toBe(credentialTypeIds.length);
    for (const type of credentialTypes) expect(consoleOfType(type.id), type.id).toBe(type.consoleId);
    for (const module of vendorModules) {
      expect(module.credentialTypes.map((t) => t.id)).toEqual([...consoleFacts[module.console.id].credentialTypes]);
      expect(module.console.name).toBe(consoleFacts[module.console.id].name);
    }
  });

  it('give every credential type its console, templates, and a guide that produces it', () => {
    for (const type of credentialTypes) {
      const module = vendorModules.find((m) => m.console.id === type.consoleId);
      expect(module, type.id).toBeDefined();
      expect(type.templates.length, type.id).toBeGreaterThan(0);
      expect(type.secretFields.length, type.id).toBeGreaterThan(0);
      expect(
        guidesFor(type.consoleId).some((guide) => guide.credentialType === type.id),
        `${type.id} has a guide`,
      ).toBe(true);
    }
  });

  it('describe every credential type to the pages as the background knows it (data only)', () => {
    expect(describedTypes.map((t) => t.id)).toEqual([...credentialTypeIds]);
    for (const type of credentialTypes) {
      const described = describedTypes.find((d) => d.id === type.id)!;
      // The background keeps only the core; the pages' fields add page text (placeholders, options) and nothing else.
      const { id, consoleId, name, templates } = type;
      expect(described).toMatchObject({ id, consoleId, name, templates });
      expect(described.fields).toMatchObject(type.fields);
      expect(described.fields.map((f) => f.name)).toEqual(type.fields.map((f) => f.name));
      // Rotation steps are page text only: described, never in the background's type.
      expect(described.rotation?.steps.length, `${type.id} rotation`).toBeGreaterThan(0);
      expect('rotation' in type, `${type.id} carries no rotation text`).toBe(false);
      expect(Boolean(described.offers?.curl), `${type.id} offers curl`).toBe(Boolean(type.curl));
      expect(Boolean(described.offers?.assertion), `${type.id} offers an assertion`).toBe(Boolean(type.createAssertion));
      // The secret fields the pages mask are the ones the background scrubs.
      expect(described.fields.filter((f) => f.secret).map((f) => f.name)).toEqual(type.secretFields);
    }
  });

  it('name at most one public ID per credential type (what the list searches), never a secret field', () => {
    const publicIds = Object.fromEntries(
      credentialTypes.map((type) => [type.id, type.fields.filter((f) => f.publicId).map((f) => f.name)]),
    );
    expect(publicIds).toEqual({
      'jamf-pro': ['clientId'],
      'jamf-protect': ['clientId'],
      'jamf-platform': ['clientId'],
      'jamf-school': ['networkId'],
      'jumpcloud-api-key': ['orgId'],
      'jumpcloud-service-account': ['clientId'],
      'apple-business': ['clientId'],
      iru: [],
    });
    for (const type of credentialTypes)
      for (const field of type.fields) if (field.publicId) expect(field.secret, `${type.id}.${field.name}`).toBe(false);
  });

  it('let a console be self-hosted exactly when it declares it and can confirm a server', () => {
    for (const module of vendorModules) {
      expect(Boolean(module.selfHosted), module.console.id).toBe(consoleFacts[module.console.id].selfHostable);
    }
  });

  it('run the content script on the hosts each console declares, which its detector recognises', () => {
    for (const vendorConsole of vendorConsoles) {
      for (const pattern of consoleHosts[vendorConsole.id].console) {
        expect(consoleHostPermissions, `${vendorConsole.id}: ${pattern}`).toContain(pattern);
        const page = new URL(pattern.replace('*.', 'acme.').replace(/\*$/, ''));
        expect(vendorConsole.detect(page)?.consoleId, `${vendorConsole.id} detects ${page}`).toBe(vendorConsole.id);
      }
    }
    for (const pattern of [...consoleHostPermissions, ...apiHostPermissions, ...consoleExcludeMatches])
      expect(pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it('hand off exactly the credential types the vault holds', () => {
    expect([...handoffVendors]).toEqual([...credentialTypeIds]);
  });

  it('let the policy hide exactly the consoles there are', () => {
    expect(managedSchema.properties.hiddenVendors.items.enum).toEqual([...consoleIds]);
    for (const id of consoleIds) expect(managedSchema.properties.hiddenVendors.description).toContain(id);
  });

  it('mock every console on its fixed hosts', () => {
    const mocks = Object.values(vendorMockFactories).map((create) => create());
    const served = (host: string) =>
      mocks.some((mock) =>
        mock.hostPatterns.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern)),
      );
    for (const id of consoleIds) {
      for (const pattern of [...consoleHosts[id].console, ...consoleHosts[id].api]) {
        const host = new URL(pattern.replace('*.', 'tenant.').replace(/\*$/, '')).hostname;
        expect(served(host), `${id}: ${pattern} has a mock`).toBe(true);
      }
    }
  });
});
