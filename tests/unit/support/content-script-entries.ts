// Reads the console families' entries (entrypoints/<family>.content.ts) from a source tree: which
// console modules each imports and passes to the shared watcher. Text only, so it also checks a
// scaffolded copy of the tree (tests/unit/new-vendor.test.ts).
import fs from 'node:fs';
import path from 'node:path';

export interface ContentScriptEntry {
  file: string;
  /** The family whose hosts it matches (`familyMatches('<family>')`). */
  matchesFamily: string | undefined;
  excludesFamily: string | undefined;
  /** Console ids of the `utils/vendors/<id>/console` modules it imports. */
  imported: string[];
  /** Those of them it hands to runConsoleScript. */
  started: string[];
  /** Whether it reaches a list over all consoles (which would bundle every recogniser). */
  importsAllConsoles: boolean;
}

export function readContentScriptEntries(root: string): ContentScriptEntry[] {
  const dir = path.join(root, 'entrypoints');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.content.ts'))
    .sort()
    .map((file) => {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const imports = [...source.matchAll(/import \{ (\w+) \} from '@\/utils\/vendors\/([a-z0-9-]+)\/console';/g)];
      const startedNames =
        /runConsoleScript\(ctx, \[([^\]]*)\]\)/
          .exec(source)?.[1]
          .split(',')
          .map((name) => name.trim()) ?? [];
      return {
        file: `entrypoints/${file}`,
        matchesFamily: /familyMatches\('([^']+)'\)/.exec(source)?.[1],
        excludesFamily: /familyExcludeMatches\('([^']+)'\)/.exec(source)?.[1],
        imported: imports.map((m) => m[2]),
        started: imports.filter((m) => startedNames.includes(m[1])).map((m) => m[2]),
        importsAllConsoles: /vendors\/(console-registry|registry)'/.test(source),
      };
    });
}
