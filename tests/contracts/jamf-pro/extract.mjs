#!/usr/bin/env node
// Trims ../shared/specs/jamf/jamf-pro-privileges.json (derived from Jamf Pro's OpenAPI document,
// see ../shared/specs/SOURCES.md) to what Keyhold's Jamf Pro contract test needs: the required
// privileges and response schemas of the operations Keyhold calls or the mock serves, the schemas
// they reference, and the list of every privilege name. Run from the repository root:
//   node tests/contracts/jamf-pro/extract.mjs           (writes the extract and the licence)
//   node tests/contracts/jamf-pro/extract.mjs --check   (fails when the committed extract is stale)
// A clone without ../shared keeps using the committed extract.
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
export const sharedSpec = join(repo, '..', 'shared', 'specs', 'jamf', 'jamf-pro-privileges.json');
const sharedLicense = join(repo, '..', 'shared', 'specs', 'LICENSES', 'TrustyTristan-JamfPSPro.LICENSE.txt');
export const extractFile = join(repo, 'tests', 'contracts', 'specs', 'jamf-pro', 'jamf-pro-contract.json');
const licenseFile = join(repo, 'tests', 'contracts', 'specs', 'jamf-pro', 'TrustyTristan-JamfPSPro.LICENSE.txt');

/** Operations Keyhold's Jamf Pro test calls or its mock serves (paths under /api). */
export const operations = [
  'GET /v1/jamf-pro-version',
  'POST /v1/auth/invalidate-token',
  'GET /v1/computers-inventory',
  'GET /v2/mobile-devices',
  'GET /v1/buildings',
  'GET /v1/departments',
  'GET /v1/computer-groups',
  'GET /v2/computer-groups/smart-groups',
  'GET /v1/api-roles',
];

/** Every `#/components/<kind>/<name>` reference inside a value. */
function refs(value, found = new Set()) {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/')) found.add(item);
      else refs(item, found);
    }
  }
  return found;
}

export function extract(full) {
  const privileges = {};
  const endpoints = {};
  for (const operation of operations) {
    if (!(operation in full.privileges)) throw new Error(`${operation} is not in the Jamf Pro document`);
    privileges[operation] = full.privileges[operation];
    if (full.endpoints[operation]) endpoints[operation] = full.endpoints[operation];
  }
  // ApiError is the error body of every operation, whether or not an endpoint names it.
  const pending = [...refs(endpoints), '#/components/schemas/ApiError'];
  const components = { schemas: {}, parameters: {} };
  while (pending.length) {
    const [, , kind, name] = pending.pop().split('/');
    if (components[kind][name]) continue;
    const definition = full.components[kind]?.[name];
    if (!definition) throw new Error(`missing component ${kind}/${name}`);
    components[kind][name] = definition;
    pending.push(...refs(definition));
  }
  for (const kind of Object.keys(components)) {
    components[kind] = Object.fromEntries(Object.entries(components[kind]).sort(([a], [b]) => a.localeCompare(b)));
  }
  const allPrivilegeNames = [...new Set(Object.values(full.privileges).flat().filter(Boolean))].sort();
  return {
    $comment:
      'EXTRACT of ../shared/specs/jamf/jamf-pro-privileges.json (itself derived from Jamf Pro\'s OpenAPI document, info.version "production", about Jamf Pro 11.10), made by tests/contracts/jamf-pro/extract.mjs. Licence of the source repository: TrustyTristan-JamfPSPro.LICENSE.txt beside this file.',
    source: full.source,
    notInSource: full.notInSource,
    privileges,
    endpoints,
    components,
    allPrivilegeNames,
  };
}

export function render(full) {
  return `${JSON.stringify(extract(full), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(sharedSpec)) {
    console.error(`No ${sharedSpec}: nothing to extract from (the committed extract stays).`);
    process.exit(1);
  }
  const text = render(JSON.parse(readFileSync(sharedSpec, 'utf8')));
  if (process.argv.includes('--check')) {
    const current = existsSync(extractFile) ? readFileSync(extractFile, 'utf8') : '';
    if (current !== text) {
      console.error('The committed Jamf Pro extract is stale: run node tests/contracts/jamf-pro/extract.mjs');
      process.exit(1);
    }
    console.log('The Jamf Pro extract is up to date.');
    process.exit(0);
  }
  writeFileSync(extractFile, text);
  copyFileSync(sharedLicense, licenseFile);
  chmodSync(licenseFile, 0o644); // the shared copy is read-only
  console.log(`Wrote ${extractFile}`);
}
