// The popup's and the side panel's first two questions, asked by a classic script in their <head>
// before their modules load, so the background answers while React loads and the first render
// has the list. components/early-answers.ts takes the replies; without this script (tests, a
// failed load) the pages ask as usual. The browsers' own promise-based API: no polyfill here.
import type { EarlyRequests } from '@/components/early-answers';

export default defineUnlistedScript(() => {
  const scope = globalThis as typeof globalThis & { browser?: typeof chrome; __keyholdEarly?: EarlyRequests };
  const runtime = (scope.browser ?? chrome).runtime;
  const ask = (type: 'vault.status' | 'credentials.list') => runtime.sendMessage({ type }) as Promise<unknown>;
  scope.__keyholdEarly = { vault: ask('vault.status'), credentials: ask('credentials.list') };
  // A page that never takes them (an error before it renders) does not report them as unhandled.
  for (const pending of Object.values(scope.__keyholdEarly)) pending.catch(() => undefined);
});
