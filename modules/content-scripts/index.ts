// Keyhold's content scripts are derived, not hand-written: one per console family, generated from
// the family list and each console's folder (family-entries.ts), written under .wxt/ and handed to
// WXT as if they were `entrypoints/<family>.content.ts`. WXT then reads their options (matches,
// exclude_matches, run_at) into the manifest and builds `content-scripts/<family>.js` exactly as it
// would a file in entrypoints/, so adding a console touches no entry file (docs/architecture.md).
// Hooked at `entrypoints:found` (not addEntrypoint, which joins after options are read): build,
// dev, prepare and zip all pass through it.
import fs from 'node:fs';
import path from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { familyEntries, GENERATED_ENTRY_DIR } from './family-entries';

export default defineWxtModule({
  name: 'keyhold:content-scripts',
  setup(wxt) {
    wxt.hooks.hook('entrypoints:found', (_wxt, infos) => {
      const root = wxt.config.root;
      const dir = path.join(root, GENERATED_ENTRY_DIR);
      const entries = familyEntries(root);
      fs.mkdirSync(dir, { recursive: true });
      const wanted = new Set(entries.map((entry) => path.basename(entry.file)));
      // A family that left the list leaves no stale entry behind (only matters to the type-check).
      for (const file of fs.readdirSync(dir)) if (!wanted.has(file)) fs.rmSync(path.join(dir, file));
      for (const entry of entries) {
        const inputPath = path.join(root, entry.file);
        // Rewritten only when it changed, so the dev server's watcher sees no change otherwise.
        if (!fs.existsSync(inputPath) || fs.readFileSync(inputPath, 'utf8') !== entry.source) fs.writeFileSync(inputPath, entry.source);
        infos.push({ name: entry.family, inputPath, type: 'content-script' });
      }
      // WXT lists entrypoints by file name; keep that order so the manifest is the same as before.
      infos.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    });
  },
});
