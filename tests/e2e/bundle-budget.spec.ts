// The in-page script runs in every console page the admin opens: its budget (12 KB gzip, as the
// benchmark counts it: 1 KB = 1000 bytes, gzip level 9) is a hard rule, checked on the very build
// the end-to-end tests load.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { entrySizes } from '../../bench/bundle-sizes';
import { extensionDir } from './launch';

test('the console content script stays within 12 KB gzip, without React', () => {
  const content = entrySizes(extensionDir).filter((size) => size.entry.startsWith('content script'));
  expect(content.length).toBeGreaterThan(0);
  for (const size of content) {
    expect(size.gzip, `${size.entry} (${size.files.join(', ')})`).toBeLessThanOrEqual(12_000);
    for (const file of size.files)
      expect(fs.readFileSync(path.join(extensionDir, file), 'utf8')).not.toMatch(/react\.transitional\.element|__reactContainer/);
  }
});
