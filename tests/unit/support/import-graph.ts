// The source import graph, read with TypeScript's own parser (no build), and the boundary rules
// docs/architecture.md states. Kept apart from the test so the rules can be fed synthetic graphs
// (each rule is shown to fail) as well as the real tree.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { familyEntries } from '../../../modules/content-scripts/family-entries';

/** Module id → the module ids it imports at run time. Files are repo-relative ('utils/zod.ts'); packages stay bare ('jose', 'zod/mini'). */
export type ImportGraph = Map<string, string[]>;

const SOURCE_DIRS = ['utils', 'entrypoints', 'components'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js'];

const isTestFile = (file: string) => /\.(test|spec)\.tsx?$/.test(file) || file.includes('/tests/');

function listSources(root: string, dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(root, rel));
    else if (/\.(tsx?|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !isTestFile(rel)) out.push(rel);
  }
  return out;
}

/** A specifier as a module id: a repo-relative file for `@/`, `~/` and relative paths, else the bare package name. */
export function resolveSpecifier(root: string, fromFile: string, specifier: string): string {
  let base: string | undefined;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base === undefined) return specifier;
  const candidates = [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  // `./x.js` written for a `./x.ts` source (NodeNext style).
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return (
    candidates.find((candidate) => fs.existsSync(path.join(root, candidate)) && fs.statSync(path.join(root, candidate)).isFile()) ?? base
  );
}

/** WXT's auto-imports: identifier → module specifier, from the generated `.wxt/types/imports.d.ts`. */
export function readAutoImports(root: string): Map<string, string> {
  const file = path.join(root, '.wxt/types/imports.d.ts');
  const map = new Map<string, string>();
  if (!fs.existsSync(file)) return map;
  for (const match of fs.readFileSync(file, 'utf8').matchAll(/const (\w+): typeof import\('([^']+)'\)/g)) {
    const target = path.isAbsolute(match[2]) ? path.relative(root, match[2]).split(path.sep).join('/') : match[2];
    map.set(match[1], target);
  }
  return map;
}

const isDeclarationNode = (node: ts.Node) =>
  ts.isVariableDeclaration(node) ||
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isClassDeclaration(node) ||
  ts.isClassExpression(node) ||
  ts.isParameter(node) ||
  ts.isBindingElement(node) ||
  ts.isEnumDeclaration(node) ||
  ts.isInterfaceDeclaration(node) ||
  ts.isTypeAliasDeclaration(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isPropertyDeclaration(node) ||
  ts.isPropertySignature(node) ||
  ts.isMethodSignature(node) ||
  ts.isGetAccessorDeclaration(node) ||
  ts.isSetAccessorDeclaration(node);

/** Run-time imports of one source: static imports and re-exports (type-only ones skipped), `import()` and auto-imported names it uses. */
export function importsOf(
  fileName: string,
  source: string,
  autoImports: Map<string, string> = new Map(),
): { specifiers: string[]; autoImported: string[] } {
  const sf = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const specifiers: string[] = [];
  const declared = new Set<string>();
  const used = new Set<string>();

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          bindings &&
          ts.isNamedImports(bindings) &&
          bindings.elements.length > 0 &&
          bindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteralLike(arg)) specifiers.push(arg.text);
    } else if (ts.isImportTypeNode(node) || ts.isTypeReferenceNode(node) || ts.isTypeQueryNode(node)) {
      return; // types are erased
    }
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isDeclarationName = parent && (parent as { name?: ts.Node }).name === node && isDeclarationNode(parent);
      const isImportBinding = parent && (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent));
      const isPropertyName =
        parent &&
        ((ts.isPropertyAccessExpression(parent) && parent.name === node) ||
          (ts.isPropertyAssignment(parent) && parent.name === node) ||
          (ts.isJsxAttribute(parent) && parent.name === node));
      if (isDeclarationName || isImportBinding) declared.add(node.text);
      else if (!isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const autoImported = [...used].filter((name) => autoImports.has(name) && !declared.has(name));
  return { specifiers, autoImported };
}

/**
 * The graph of every non-test source under utils/, entrypoints/ and components/, and of the console
 * families' content scripts, which are generated (modules/content-scripts): read from the generator,
 * so no build or `wxt prepare` is needed first.
 */
export function buildImportGraph(root: string): ImportGraph {
  const autoImports = readAutoImports(root);
  const graph: ImportGraph = new Map();
  const sources: [string, string][] = [
    ...SOURCE_DIRS.flatMap((dir) => listSources(root, dir)).map((file): [string, string] => [
      file,
      fs.readFileSync(path.join(root, file), 'utf8'),
    ]),
    ...familyEntries(root).map((entry): [string, string] => [entry.file, entry.source]),
  ];
  for (const [file, source] of sources) {
    const { specifiers, autoImported } = importsOf(file, source, autoImports);
    const targets = [
      ...specifiers.map((specifier) => resolveSpecifier(root, file, specifier)),
      ...autoImported.map((name) => resolveSpecifier(root, file, autoImports.get(name)!)),
    ];
    graph.set(file, [...new Set(targets.filter((target) => target !== file))]);
  }
  return graph;
}

/** Every module reachable from `start`, each with the chain that reaches it (for readable failures). */
export function reach(
  graph: ImportGraph,
  start: string,
  stopAt: (from: string, to: string) => boolean = () => false,
): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const from = queue.shift()!;
    for (const to of graph.get(from) ?? []) {
      if (seen.has(to) || stopAt(from, to)) continue;
      seen.set(to, [...seen.get(from)!, to]);
      queue.push(to);
    }
  }
  return seen;
}

// --- The rules -------------------------------------------------------------------------------

const under = (dir: string) => (id: string) => id.startsWith(`${dir}/`);
const isVault = under('utils/vault');
const isHttp = under('utils/http');
const isBackground = under('utils/background');
const isZod = (id: string) => id === 'zod' || id.startsWith('zod/') || id === 'utils/zod.ts';
const isClassicZod = (id: string) =>
  id === 'zod' || /^zod\/v[34](\/index)?$/.test(id) || id === 'zod/v4/classic' || id.startsWith('zod/v4/classic/');
const isJose = (id: string) => id === 'jose' || id.startsWith('jose/');
/** Vendor code; the import-free vendor list (ids and static facts) is data anyone may read. */
const isVendor = (id: string) => id.startsWith('utils/vendors/') && id !== 'utils/vendors/vendor-ids.ts';
/** Vendor code that runs tests or parses keys: the full registry and each vendor's index.ts (credential types, jose, key parser). */
const isVendorTestCode = (id: string) =>
  id === 'utils/vendors/registry.ts' || id === 'utils/vendors/test-recorder.ts' || /^utils\/vendors\/[^/]+\/index\.tsx?$/.test(id);

/** A hand-written `entrypoints/*.content.ts` or a console family's generated one (`.wxt/content-scripts/`). */
export const isContentScript = (id: string) => /^(entrypoints|\.wxt\/content-scripts)\/[^/]+\.content(\.tsx?|\/index\.tsx?)$/.test(id);
export const isPage = (id: string) => /^entrypoints\/(popup|sidepanel|options|handoff)\//.test(id) || id.startsWith('components/');

/**
 * protocol.ts builds its schema from `zod/mini` lazily, so the bundler leaves zod out of the
 * in-page script (checked on the built bundle by its size budget): its zod edges (zod/mini and
 * the messages and formats it uses when it builds the schema) are the ones allowed.
 */
const contentZodException = (from: string, to: string) =>
  from === 'utils/protocol.ts' && (to === 'zod/mini' || to === 'utils/zod-messages.ts' || to === 'utils/zod-formats.ts');

export function boundaryViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  const chain = (steps: string[]) => steps.join(' → ');

  for (const id of graph.keys()) {
    if (isContentScript(id)) {
      for (const [target, steps] of reach(graph, id, contentZodException)) {
        if (isVault(target)) problems.push(`content script reaches the vault: ${chain(steps)}`);
        else if (isHttp(target)) problems.push(`content script reaches the HTTP client: ${chain(steps)}`);
        else if (isZod(target)) problems.push(`content script reaches zod: ${chain(steps)}`);
        else if (isJose(target)) problems.push(`content script reaches jose: ${chain(steps)}`);
      }
    }
    if (isPage(id)) {
      for (const [target, steps] of reach(graph, id)) {
        if (isVault(target)) problems.push(`page reaches the vault: ${chain(steps)}`);
        else if (isBackground(target)) problems.push(`page reaches the background: ${chain(steps)}`);
        else if (isVendorTestCode(target)) problems.push(`page reaches vendor test code: ${chain(steps)}`);
        else if (isJose(target)) problems.push(`page reaches jose: ${chain(steps)}`);
        else if (isHttp(target)) problems.push(`page reaches the HTTP client: ${chain(steps)}`);
      }
    }
    if (isVendor(id)) {
      for (const [target, steps] of reach(graph, id))
        if (isVault(target)) problems.push(`vendor module reaches the vault: ${chain(steps)}`);
    }
    if (isVault(id)) {
      for (const [target, steps] of reach(graph, id)) if (isVendor(target)) problems.push(`vault reaches a vendor: ${chain(steps)}`);
    }
    if (id !== 'utils/zod.ts') {
      for (const target of graph.get(id) ?? [])
        if (isClassicZod(target)) problems.push(`${id} imports classic zod ("${target}"): use z from utils/zod.ts`);
    }
  }
  return [...new Set(problems)];
}
