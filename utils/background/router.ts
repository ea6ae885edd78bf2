// The background's single message entry: parse with the protocol schema, check the sender,
// dispatch to one handler, answer { ok, data } or { ok: false, error }. Nothing else listens.
import type { Runtime } from 'webextension-polyfill';
import { KeyholdError, toErrorInfo } from '../errors';
import { contentScriptRequests, requestSchema, type Reply, type Request, type RequestType } from '../protocol';
import { afterReply, afterReplyDone } from './after-reply';
import { handlers, type HandlerContext } from './handlers';
import { classifySender } from './sender';
import { isLocked, touchActivity } from './vault-service';
import { t } from '../i18n/translate';

/** Requests that do not count as the admin being active (polled by open pages). */
const passive = new Set<RequestType>(['vault.status', 'console.state', 'credentials.list', 'settings.get', 'sites.list']);

/**
 * What a locked vault still answers: reading state and lists, unlocking, capturing and adding (sealed
 * to the public key), and what needs no vault (the console state, the guide, clipboard clearing).
 * Deleting a vault whose passphrase is lost stays possible behind its typed confirmation; a rescue
 * export asks for the passphrase itself. Everything else (remove, overwrite, import, settings…)
 * answers VAULT_LOCKED, so a page cannot change the vault without the passphrase.
 */
const allowedWhileLocked = new Set<RequestType>([
  'vault.status',
  'vault.unlock',
  'vault.lock',
  'vault.create',
  'vault.delete',
  'vault.exportReadable',
  'vault.handoffKey',
  'credentials.list',
  'credentials.add',
  'credentials.testAllStatus',
  'capture.submit',
  'capture.prefill',
  // Shows the in-page fill panel, which says to unlock; the values themselves (fill.values) need the vault open.
  'fill.start',
  'console.observed',
  'console.state',
  'guide.selectTemplate',
  'settings.get',
  'sites.list',
  'sites.enable',
  'audit.list',
  'clipboard.scheduleClear',
]);

export interface RouterIdentity {
  id: string;
  origin: string;
}

export async function routeMessage(message: unknown, sender: Runtime.MessageSender, self: RouterIdentity): Promise<Reply<RequestType>> {
  try {
    const kind = classifySender(sender, self.id, self.origin);
    if (kind === 'foreign') throw new KeyholdError('FORBIDDEN_SENDER', t('bg.request.foreign'));
    const shape = hostileShape(message);
    if (shape) throw new KeyholdError('INVALID_INPUT', t('bg.request.invalidWhy', [shape]));
    const parsed = requestSchema().safeParse(message);
    if (!parsed.success) throw new KeyholdError('INVALID_INPUT', describeIssue(parsed.error.issues[0]));
    const request = parsed.data as Request;
    if (kind === 'content-script' && !contentScriptRequests.has(request.type)) {
      throw new KeyholdError('FORBIDDEN_SENDER', t('bg.request.notFromWeb'));
    }
    if (kind === 'extension-page' && contentScriptRequests.has(request.type)) {
      throw new KeyholdError('FORBIDDEN_SENDER', t('bg.request.consoleOnly'));
    }
    if (!allowedWhileLocked.has(request.type) && (await isLocked())) {
      throw new KeyholdError('VAULT_LOCKED', t('bg.request.locked'));
    }
    const context: HandlerContext = { sender, kind };
    const handler = handlers[request.type] as (payload: unknown, context: HandlerContext) => Promise<unknown>;
    await afterReplyDone(); // what an earlier answer left to store is stored before this request reads
    const data = await handler(request.payload, context);
    // The activity ping follows the answer, which does not wait for it. The answer stands even if the
    // time cannot be stored: auto-lock then counts from the previous activity, so it can only lock
    // earlier, never later.
    if (kind === 'extension-page' && !passive.has(request.type)) afterReply(touchActivity);
    return { ok: true, data } as Reply<RequestType>;
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return t('bg.request.invalid');
  // Paths and zod's wording can quote the sender's own keys: keep the echo short.
  const where = issue.path.length ? issue.path.map((part) => String(part).slice(0, 40)).join('.') : 'request';
  return t('bg.request.invalidAt', [where.slice(0, 120), issue.message.slice(0, 160)]);
}

const MAX_DEPTH = 8;
const MAX_NODES = 2_000;

/**
 * Cheap structural checks before the schema: no request nests deeper than a few levels or holds
 * thousands of parts, and an own `__proto__` key (which JSON.parse creates and zod's records
 * silently drop) is refused rather than ignored.
 */
function hostileShape(message: unknown): string | undefined {
  let nodes = 0;
  const visit = (node: unknown, depth: number): string | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    if (depth > MAX_DEPTH) return t('bg.shape.tooDeep');
    if (++nodes > MAX_NODES) return t('bg.shape.tooManyParts');
    if (Object.prototype.hasOwnProperty.call(node, '__proto__')) return '__proto__ is not a field';
    for (const value of Object.values(node)) {
      const problem = visit(value, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(message, 0);
}
