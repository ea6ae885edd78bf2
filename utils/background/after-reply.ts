// Work an answer does not wait for (storing a test's result with its audit entry, the badge): it
// starts once the answer is on its way, and every request that arrives later waits for it first
// (router.ts), so whatever a page asks next already sees it. A failure is reported, as for any
// background job nobody waits for, and the requests after it still run.
import { reportFailure } from './report-failure';

let queued: Promise<unknown> = Promise.resolve();

export function afterReply(work: () => Promise<unknown>): void {
  queued = queued
    .then(() => new Promise((resolve) => setTimeout(resolve)))
    .then(work)
    .catch(reportFailure('work after an answer'));
}

/** Settles when all the work queued so far has run. */
export const afterReplyDone = (): Promise<unknown> => queued;
