// Who talks to the router in background unit tests: Keyhold itself, one of its pages, and a
// console tab on the fake vendor's host (tests/unit/support/fake-vendor.ts).
export const self = { id: 'keyhold-id', origin: 'chrome-extension://keyhold-id/' };

/** An extension page of Keyhold's, by file name. */
export const pageSender = (file: string) => ({ id: 'keyhold-id', url: `chrome-extension://keyhold-id/${file}` });

/** The console content script in a tab on the fake vendor's console. */
export const consoleTab = {
  id: 'keyhold-id',
  url: 'https://acme.fake-console.test/clients/1',
  tab: { id: 7, url: 'https://acme.fake-console.test/clients/1' } as never,
  frameId: 0,
};

export const PASS = 'a long enough passphrase';
