import { describe, expect, it } from 'vitest';
import { outcomeOf, verdict, verdictMessage, type ProbeOutcome, type ProbeResult } from './verdict';
import { templateById } from './templates';

const G: ProbeOutcome = 'granted';
const D: ProbeOutcome = 'denied';
const U: ProbeOutcome = 'unauthenticated';
const inventory = ['Device list', 'Device details', 'Application list', 'List Blueprints'];
const rows = (...outcomes: ProbeOutcome[]): ProbeResult[] => outcomes.map((outcome, i) => ({ permission: inventory[i], outcome }));

describe('verdict for mixed probe results', () => {
  it.each<[string, ProbeResult[], ReturnType<typeof verdict>]>([
    ['all granted', rows(G, G, G, G), { kind: 'valid', granted: inventory, missing: [] }],
    [
      'one 403 among successes',
      rows(G, G, D, G),
      { kind: 'valid', granted: ['Device list', 'Device details', 'List Blueprints'], missing: ['Application list'] },
    ],
    ['device list refused, others work', rows(D, G, G, G), { kind: 'valid', granted: inventory.slice(1), missing: ['Device list'] }],
    [
      'a 401 among successes is a permission row, not a bad token',
      rows(G, U, G, G),
      { kind: 'valid', granted: ['Device list', 'Application list', 'List Blueprints'], missing: ['Device details'] },
    ],
    [
      'only the last call works',
      rows(D, D, U, G),
      { kind: 'valid', granted: ['List Blueprints'], missing: ['Device list', 'Device details', 'Application list'] },
    ],
    ['every call 401', rows(U, U, U, U), { kind: 'rejected' }],
    ['every call 403', rows(D, D, D, D), { kind: 'no-permissions' }],
    ['401 and 403 mixed, nothing works', rows(U, D, U, D), { kind: 'no-permissions' }],
    ['single probe granted', rows(G), { kind: 'valid', granted: ['Device list'], missing: [] }],
    [
      'single probe refused, the second-opinion call works',
      [
        { permission: 'Device list', outcome: D },
        { permission: 'List Blueprints', outcome: G, control: true },
      ],
      { kind: 'valid', granted: [], missing: ['Device list'] },
    ],
    [
      'single probe 401, the second-opinion call 403',
      [
        { permission: 'Device list', outcome: U },
        { permission: 'List Blueprints', outcome: D, control: true },
      ],
      { kind: 'no-permissions' },
    ],
    [
      'single probe 401 confirmed by a second 401',
      [
        { permission: 'Device list', outcome: U },
        { permission: 'List Blueprints', outcome: U, control: true },
      ],
      { kind: 'rejected' },
    ],
  ])('%s', (_name, results, expected) => {
    expect(verdict(results)).toEqual(expected);
  });
});

describe('outcomeOf', () => {
  it.each([
    [200, 'granted'],
    [204, 'granted'],
    [401, 'unauthenticated'],
    [403, 'denied'],
    [404, null],
    [429, null],
    [500, null],
  ])('%i → %s', (status, expected) => {
    expect(outcomeOf(status)).toBe(expected);
  });
});

describe('verdictMessage', () => {
  const host = 'acme.api.kandji.io';
  const template = templateById('inventory');

  it('names the missing permissions and where to add them', () => {
    const message = verdictMessage({ kind: 'valid', granted: [], missing: ['Application list', 'List Blueprints'] }, host, template);
    expect(message).toContain('lacks 2 permissions the Inventory template needs: Application list and List Blueprints');
    expect(message).toContain('Access → API tokens');
  });

  it('says everything works', () => {
    expect(verdictMessage({ kind: 'valid', granted: inventory, missing: [] }, host, template)).toBe(
      'The token works on acme.api.kandji.io and has all 4 permissions the Inventory template needs.',
    );
    expect(verdictMessage({ kind: 'valid', granted: ['Device list'], missing: [] }, host, templateById('device-list'))).toContain(
      'has the permission',
    );
  });

  it('tells which cause is likelier when every call failed, and how to check', () => {
    const rejected = verdictMessage({ kind: 'rejected' }, host, template);
    expect(rejected).toMatch(/revoked, mistyped, or belongs to another tenant/);
    expect(rejected).toMatch(/still listed under Access → API tokens/);
    const none = verdictMessage({ kind: 'no-permissions' }, host, template);
    expect(none).toMatch(/valid but has no API permissions/);
    expect(none).toContain('Device list, Device details, Application list and List Blueprints');
  });
});
