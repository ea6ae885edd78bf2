// The answers the popup and the side panel render first: asked by entrypoints/page-requests.ts
// before the page's modules loaded when that script ran, else asked now.
import { checkedReply, replyData, sendMessage, type ReplyDataMap } from '@/utils/protocol';

/** What entrypoints/page-requests.ts leaves on the page: the raw replies to come. */
export interface EarlyRequests {
  vault: Promise<unknown>;
  credentials: Promise<unknown>;
}

export interface EarlyAnswers {
  vault: Promise<ReplyDataMap['vault.status']>;
  credentials: Promise<ReplyDataMap['credentials.list']>;
  /** The answers already in when the page first rendered. */
  first?: { vault?: ReplyDataMap['vault.status']; credentials?: ReplyDataMap['credentials.list'] };
}

/**
 * How long the first render waits for the answers: a running background answers in a few
 * milliseconds, so the first screen shows the list rather than "Loading…" and is built once; a
 * background still starting is not waited for longer than this.
 */
export const FIRST_RENDER_WAIT_MS = 50;

export function earlyAnswers(): EarlyAnswers {
  const sent = (globalThis as { __keyholdEarly?: EarlyRequests }).__keyholdEarly;
  return {
    vault: sent ? replyData<'vault.status'>(sent.vault.then((reply) => checkedReply<'vault.status'>(reply))) : sendMessage('vault.status'),
    credentials: sent
      ? replyData<'credentials.list'>(sent.credentials.then((reply) => checkedReply<'credentials.list'>(reply)))
      : sendMessage('credentials.list'),
  };
}

/** The answers with those already in as `first`: once both are in (or one failed), or after `waitMs`. */
export function whenAnswered(early: EarlyAnswers, waitMs = FIRST_RENDER_WAIT_MS): Promise<EarlyAnswers> {
  const first: NonNullable<EarlyAnswers['first']> = {};
  const both = Promise.all([
    early.vault.then((data) => (first.vault = data)),
    early.credentials.then((data) => (first.credentials = data)),
  ]);
  const waited = new Promise((resolve) => setTimeout(resolve, waitMs));
  return Promise.race([both.catch(() => undefined), waited]).then(() => ({ ...early, first: { ...first } }));
}
