// A failure in background work nobody waits for (an alarm, start-up, a badge) is reported to the
// worker's console by code, never by message text (which could quote a server), instead of dropped.
import { toErrorInfo } from '../errors';

export function reportFailure(what: string): (error: unknown) => void {
  return (error) => console.warn(`Keyhold: ${what} failed (${toErrorInfo(error).code}).`);
}
