// The rules of docs/architecture.md, read off the source import graph (no build needed). Each rule
// is first shown to fail on a synthetic graph, then the real tree must break none of them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, buildImportGraph, importsOf, type ImportGraph } from './support/import-graph';

const root = path.resolve(__dirname, '../..');

/** A small legal tree; each case adds one bad edge to it. */
function legalGraph(): ImportGraph {
  return new Map([
    ['entrypoints/console.content.ts', ['utils/content/console-watcher.ts']],
    ['utils/content/console-watcher.ts', ['utils/protocol.ts', 'utils/vendors/console-registry.ts']],
    ['utils/protocol.ts', ['zod/mini', 'utils/zod-messages.ts', 'wxt/browser', 'utils/vendors/vendor-ids.ts']],
    ['utils/vendors/console-registry.ts', ['utils/vendors/acme/console.ts']],
    ['utils/vendors/acme/console.ts', []],
    ['utils/vendors/acme/index.ts', ['utils/vendors/acme/acme.ts']],
    ['utils/vendors/acme/acme.ts', ['utils/zod.ts', 'jose', 'utils/http/http-client.ts']],
    ['utils/vendors/registry.ts', ['utils/vendors/acme/index.ts']],
    ['utils/vendors/descriptions.ts', ['utils/vendors/acme/description.ts']],
    ['utils/vendors/acme/description.ts', []],
    ['utils/zod.ts', ['zod/mini']],
    ['utils/zod-messages.ts', ['zod/mini']],
    ['utils/http/http-client.ts', []],
    ['utils/vault/vault-crypto.ts', ['jose', 'utils/zod.ts']],
    ['utils/background/handlers.ts', ['utils/vault/vault-crypto.ts', 'utils/vendors/registry.ts']],
    ['entrypoints/popup/popup-app.tsx', ['components/credential-details.tsx', 'utils/protocol.ts']],
    ['components/credential-details.tsx', ['utils/vendors/descriptions.ts', 'react']],
    ['entrypoints/background.ts', ['utils/background/handlers.ts']],
  ]);
}

function withEdge(from: string, to: string): ImportGraph {
  const graph = legalGraph();
  graph.set(from, [...(graph.get(from) ?? []), to]);
  return graph;
}

describe('import boundaries: each rule can fail', () => {
  it('accept the legal synthetic tree', () => {
    expect(boundaryViolations(legalGraph())).toEqual([]);
  });

  it.each([
    ['content script → vault', 'utils/content/console-watcher.ts', 'utils/vault/vault-crypto.ts', /content script reaches the vault/],
    [
      'content script → HTTP client',
      'utils/vendors/acme/console.ts',
      'utils/http/http-client.ts',
      /content script reaches the HTTP client/,
    ],
    ['content script → zod through utils/zod.ts', 'utils/vendors/acme/console.ts', 'utils/zod.ts', /content script reaches zod/],
    ['content script → zod/mini outside protocol.ts', 'utils/content/console-watcher.ts', 'zod/mini', /content script reaches zod/],
    [
      'content script → zod messages outside protocol.ts',
      'utils/content/console-watcher.ts',
      'utils/zod-messages.ts',
      /content script reaches zod/,
    ],
    ['content script → jose', 'entrypoints/console.content.ts', 'jose', /content script reaches jose/],
    ['page → vault', 'components/credential-details.tsx', 'utils/vault/vault-crypto.ts', /page reaches the vault/],
    ['page → background', 'entrypoints/popup/popup-app.tsx', 'utils/background/handlers.ts', /page reaches the (background|vault)/],
    ['page → full vendor registry', 'components/credential-details.tsx', 'utils/vendors/registry.ts', /page reaches vendor test code/],
    ['page → a vendor index (test code)', 'utils/vendors/descriptions.ts', 'utils/vendors/acme/index.ts', /page reaches vendor test code/],
    ['page → jose', 'utils/vendors/acme/description.ts', 'jose', /page reaches jose/],
    ['vendor → vault', 'utils/vendors/acme/acme.ts', 'utils/vault/vault-crypto.ts', /vendor module reaches the vault/],
    ['vault → vendor', 'utils/vault/vault-crypto.ts', 'utils/vendors/acme/description.ts', /vault reaches a vendor/],
    ['classic zod outside utils/zod.ts', 'utils/vendors/acme/acme.ts', 'zod', /imports classic zod/],
    ['classic zod/v4 outside utils/zod.ts', 'utils/background/handlers.ts', 'zod/v4', /imports classic zod/],
  ])('%s', (_name, from, to, expected) => {
    const problems = boundaryViolations(withEdge(from, to));
    expect(
      problems.some((problem) => expected.test(problem)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('let the vault read the import-free vendor list', () => {
    expect(boundaryViolations(withEdge('utils/vault/vault-crypto.ts', 'utils/vendors/vendor-ids.ts'))).toEqual([]);
  });

  it('let utils/zod.ts import classic zod', () => {
    expect(boundaryViolations(withEdge('utils/zod.ts', 'zod'))).toEqual([]);
  });
});

describe('import parsing', () => {
  it('keeps run-time imports, re-exports, import() and auto-imports; drops type-only ones', () => {
    const source = `
      import type { A } from './types-only';
      import { type B, type C } from './also-types';
      import { d, type E } from './mixed';
      import './side-effect';
      export { f } from './re-export';
      export type { G } from './type-re-export';
      export * from './star';
      const lazy = () => import('./lazy');
      const local = preprocess;
      function shadow(z: number) { return z; }
      const obj = { transform: 1 }; obj.sendRaw;
    `;
    const autoImports = new Map([
      ['preprocess', 'utils/zod.ts'],
      ['z', 'utils/zod.ts'],
      ['transform', 'utils/zod.ts'],
      ['sendRaw', 'utils/protocol.ts'],
    ]);
    const { specifiers, autoImported } = importsOf('x.ts', source, autoImports);
    expect(specifiers.sort()).toEqual(['./lazy', './mixed', './re-export', './side-effect', './star']);
    expect(autoImported).toEqual(['preprocess']);
  });
});

describe('import boundaries: the real tree', () => {
  const graph = buildImportGraph(root);

  it('reads the whole source tree', () => {
    expect(graph.get('.wxt/content-scripts/jamf.content.ts')).toContain('utils/content/run-console-script.ts');
    expect(graph.get('utils/zod.ts')).toContain('zod/mini');
    expect(graph.size).toBeGreaterThan(80);
  });

  it('breaks none of the rules', () => {
    expect(boundaryViolations(graph)).toEqual([]);
  });
});
