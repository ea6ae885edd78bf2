// Builds the trimmed JumpCloud spec extracts the contract tests read, from the full SDK specs in
// ../shared/specs/jumpcloud (TheJumpCloud/jcapi-powershell, MIT; see ../shared/specs/SOURCES.md,
// caveat C1). Keeps the three operations Keyhold calls, the definitions, parameters and standard
// error responses they reach, and the security scheme; drops everything else (1.5 MB → ~20 KB).
//
//   node tests/contracts/jumpcloud/extract.mjs          write tests/contracts/specs/jumpcloud/*
//   node tests/contracts/jumpcloud/extract.mjs --check  exit 1 when the committed files are stale
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const source = resolve(repo, '../shared/specs');
const target = join(repo, 'tests/contracts/specs/jumpcloud');
const commit = '82c20c198515263ba38715e8efd1e0d5e5b9361b';

const extracts = [
  { file: 'JumpCloud.SDK.V1.json', out: 'jumpcloud-v1.extract.json', operations: [['/systemusers', 'get'], ['/organizations', 'get']], definitions: ['Error'] },
  { file: 'JumpCloud.SDK.V2.json', out: 'jumpcloud-v2.extract.json', operations: [['/systemgroups', 'get']], definitions: ['Error'] },
];
const license = { from: 'LICENSES/TheJumpCloud-jcapi-powershell.LICENSE.txt', to: 'LICENSE.txt' };

/** Every "#/<section>/<name>" reference inside `node`. */
function refs(node, found = []) {
  if (Array.isArray(node)) node.forEach((item) => refs(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  }
  return found;
}

const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));

export function extract(spec, { file, operations, definitions }) {
  const paths = {};
  for (const [path, method] of operations) {
    const operation = spec.paths[path][method];
    // Only the 2xx responses survive the SDK transform anyway (caveat C1).
    paths[path] = { [method]: { operationId: operation.operationId, parameters: operation.parameters, responses: operation.responses, security: operation.security } };
  }
  // Everything the operations, the standard error responses and the named definitions reach.
  const kept = { definitions: {}, parameters: {}, responses: {} };
  const queue = [
    ...refs(paths),
    ...Object.keys(spec.responses ?? {}).map((name) => `#/responses/${name}`),
    ...definitions.map((name) => `#/definitions/${name}`),
  ];
  while (queue.length) {
    const [, section, name] = /^#\/(definitions|parameters|responses)\/(.+)$/.exec(queue.pop()) ?? [];
    if (!section) throw new Error(`unexpected $ref in ${file}`);
    if (kept[section][name]) continue;
    if (!spec[section]?.[name]) throw new Error(`${file} has no ${section}/${name}`);
    kept[section][name] = spec[section][name];
    queue.push(...refs(spec[section][name]));
  }
  return {
    'x-keyhold-extract': {
      source: `https://github.com/TheJumpCloud/jcapi-powershell/blob/${commit}/SwaggerSpecs/${file}`,
      license: 'MIT, (c) 2020 TheJumpCloud: see LICENSE.txt beside this file',
      builtBy: 'tests/contracts/jumpcloud/extract.mjs (do not edit by hand)',
    },
    swagger: spec.swagger,
    info: { title: spec.info.title, version: spec.info.version },
    host: spec.host,
    basePath: spec.basePath,
    securityDefinitions: spec.securityDefinitions,
    paths,
    parameters: sorted(kept.parameters),
    responses: sorted(kept.responses),
    definitions: sorted(kept.definitions),
  };
}

function main() {
  const check = process.argv.includes('--check');
  if (!existsSync(source)) {
    console.error(`No specs at ${source}: this script needs the shared folder beside the repository.`);
    process.exit(2);
  }
  let stale = false;
  for (const item of extracts) {
    const spec = JSON.parse(readFileSync(join(source, 'jumpcloud', item.file), 'utf8'));
    const text = `${JSON.stringify(extract(spec, item), null, 2)}\n`;
    const out = join(target, item.out);
    if (check) stale ||= !existsSync(out) || readFileSync(out, 'utf8') !== text;
    else writeFileSync(out, text);
  }
  const licenseOut = join(target, license.to);
  const licenseText = readFileSync(join(source, license.from), 'utf8');
  if (check) stale ||= !existsSync(licenseOut) || readFileSync(licenseOut, 'utf8') !== licenseText;
  else writeFileSync(licenseOut, licenseText);
  if (stale) {
    console.error('The JumpCloud spec extracts are stale: run node tests/contracts/jumpcloud/extract.mjs');
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
