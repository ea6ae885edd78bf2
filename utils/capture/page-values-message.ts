// The one message the background sends a console tab for the "Save to Keyhold" fallback, and its
// answer. Kept apart from utils/content/page-values.ts so the background does not bundle the
// in-page recognisers.
import type { CredentialTypeId } from '../protocol';

export const PAGE_VALUES_REQUEST = 'keyhold.pageValues';

export interface PageValues {
  /** The selected text, in the page or inside a field. */
  selection: string;
  /** The value of the editable field right-clicked or focused, when there is one. */
  field?: string;
  /** What the recognisers read now, plus non-secret values remembered from earlier views. */
  recognised: { type: CredentialTypeId; values: Record<string, string> }[];
}
