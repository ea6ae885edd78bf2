// Builds the small Iru (Kandji) contract extracts committed under tests/contracts/specs/iru/ from
// the full files in ../shared/specs/kandji/ (1.3 MB collection, 0.8 MB OpenAPI), which a user's
// clone does not have. Run from the repository root: `node tests/contracts/iru/extract.mjs`.
// Only the calls Keyhold makes (or its mock serves) are kept; long example arrays are cut to two
// items, which is enough to compare keys and types.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const shared = resolve(root, '../shared/specs');
const out = resolve(root, 'tests/contracts/specs/iru');

/** Postman request name → the API path Keyhold calls. */
export const REQUESTS = {
  'List Devices': '/api/v1/devices',
  'Get Device': '/api/v1/devices/{device_id}',
  'Get Device Details': '/api/v1/devices/{device_id}/details',
  'Get Device Apps': '/api/v1/devices/{device_id}/apps',
  'List Blueprints': '/api/v1/blueprints',
};
const MAX_ITEMS = 2;

/** Some examples elide items with a bare `...` line; drop it and the comma it leaves behind. */
export function parseExample(text) {
  try {
    return JSON.parse(text);
  } catch {
    const repaired = text.replace(/^\s*\.\.\.\s*,?\s*$/gm, '').replace(/,(\s*[\]}])/g, '$1');
    return JSON.parse(repaired);
  }
}

function trim(value) {
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map(trim);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]));
  return value;
}

function findRequests(items, found = {}) {
  for (const item of items) {
    if (item.item) findRequests(item.item, found);
    else if (item.name in REQUESTS && !found[item.name]) found[item.name] = item;
  }
  return found;
}

export function extract() {
  const collection = JSON.parse(readFileSync(resolve(shared, 'kandji/kandji_postman_collection.json'), 'utf8'));
  const openapi = JSON.parse(readFileSync(resolve(shared, 'kandji/openapi.json'), 'utf8'));
  const found = findRequests(collection.item);

  const requests = {};
  for (const [name, path] of Object.entries(REQUESTS)) {
    const item = found[name];
    if (!item) throw new Error(`The collection has no request named "${name}"`);
    const examples = [];
    for (const response of item.response ?? []) {
      if (response.code !== 200 || !response.body) continue;
      examples.push({ name: response.name, code: response.code, body: trim(parseExample(response.body)) });
    }
    requests[name] = { method: item.request.method, path, examples };
  }
  const examples = {
    source: {
      file: 'kandji/kandji_postman_collection.json',
      collection: collection.info.name,
      publishedId: collection.info.publishedId,
      note: "Kandji's official public Postman collection (see ../shared/specs/SOURCES.md K1); 200 examples only, arrays cut to two items.",
    },
    auth: collection.auth.type,
    requests,
  };

  const paths = {};
  for (const path of Object.values(REQUESTS)) {
    const get = openapi.paths[path]?.get;
    if (!get) throw new Error(`openapi.json has no GET ${path}`);
    paths[path] = {
      get: {
        operationId: get.operationId,
        summary: get.summary,
        security: get.security,
        parameters: (get.parameters ?? []).map(({ name, in: where, required, schema }) => ({ name, in: where, required, schema })),
        // Only 200 is documented; most schemas are loose or wrong (K1), kept for the ones that hold.
        responses: { 200: { schema: get.responses['200']?.content?.['application/json']?.schema ?? null } },
      },
    };
  }
  const spec = {
    source: { file: 'kandji/openapi.json', note: 'Machine-converted from the collection by MScottBlake/kandji-openapi; unofficial.' },
    openapi: openapi.openapi,
    info: { title: openapi.info.title, version: openapi.info.version },
    servers: openapi.servers,
    security: openapi.security,
    components: { securitySchemes: openapi.components.securitySchemes },
    paths,
  };
  return { examples, spec };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { examples, spec } = extract();
  writeFileSync(resolve(out, 'kandji-postman-examples.json'), `${JSON.stringify(examples, null, 2)}\n`);
  writeFileSync(resolve(out, 'kandji-openapi-extract.json'), `${JSON.stringify(spec, null, 2)}\n`);
  writeFileSync(resolve(out, 'LICENSE'), readFileSync(resolve(shared, 'LICENSES/MScottBlake-kandji-openapi.LICENSE.txt')));
  console.log(`wrote ${out}`);
}
