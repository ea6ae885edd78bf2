// The background's single message entry: parse with the protocol schema, check the sender,
// dispatch to one handler, answer { ok, data } or { ok: false, error }. Nothing else listens.
import type { Runtime } from 'webextension-polyfill';
import { KeyholdError, toErrorInfo } from '../errors';
import { contentScriptRequests, requestSchema, type Reply, type Request, type RequestType } from '../protocol';
import { handlers, type HandlerContext } from './handlers';
import { classifySender } from './sender';
import { touchActivity } from './vault-service';

/** Requests that do not count as the admin being active (polled by open pages). */
const passive = new Set<RequestType>(['vault.status', 'console.state', 'credentials.list', 'settings.get', 'sites.list']);

export interface RouterIdentity {
  id: string;
  origin: string;
}

export async function routeMessage(message: unknown, sender: Runtime.MessageSender, self: RouterIdentity): Promise<Reply<RequestType>> {
  try {
    const kind = classifySender(sender, self.id, self.origin);
    if (kind === 'foreign') throw new KeyholdError('FORBIDDEN_SENDER', 'Keyhold answers only its own pages and console scripts.');
    const parsed = requestSchema().safeParse(message);
    if (!parsed.success) throw new KeyholdError('INVALID_INPUT', describeIssue(parsed.error.issues[0]));
    const request = parsed.data as Request;
    if (kind === 'content-script' && !contentScriptRequests.has(request.type)) {
      throw new KeyholdError('FORBIDDEN_SENDER', 'Web pages cannot ask Keyhold for that.');
    }
    if (kind === 'extension-page' && contentScriptRequests.has(request.type)) {
      throw new KeyholdError('FORBIDDEN_SENDER', 'That request comes only from a console page.');
    }
    const context: HandlerContext = { sender, kind };
    const handler = handlers[request.type] as (payload: unknown, context: HandlerContext) => Promise<unknown>;
    const data = await handler(request.payload, context);
    if (kind === 'extension-page' && !passive.has(request.type)) await touchActivity().catch(() => undefined);
    return { ok: true, data } as Reply<RequestType>;
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) };
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length ? issue.path.map(String).join('.') : 'request';
  return `The request is not valid (${where}: ${issue.message}).`;
}
