import type { PageWatch } from './page-watch';

// Chrome writes the state of a page's form fields to the profile's session files (for session and
// closed-tab restore), so a console's read-only field showing a new client secret would land on
// disk with the rest of the tab, a second or so after it appears. A field marked
// autocomplete="off" is left out. On the consoles it runs on, Keyhold marks every read-only field
// the moment it is added while the whole page is watched (page-watch.ts: after load, the admin's
// actions, navigation, a pop-up), which a mutation callback does before the browser's next state
// save; fields added at a quiet moment are marked when the close watch resumes. For a read-only
// field this changes nothing the admin can see. What the browser saved before the script ran, or
// an editable field, it cannot cover (docs/security.md).

const READ_ONLY_FIELDS = 'input[readonly], textarea[readonly]';

function markWithin(node: Node): void {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const element = node as Element;
  const fields = element.matches(READ_ONLY_FIELDS) ? [element, ...element.querySelectorAll(READ_ONLY_FIELDS)] : element.querySelectorAll(READ_ONLY_FIELDS);
  for (const field of fields) if (field.getAttribute('autocomplete') !== 'off') field.setAttribute('autocomplete', 'off');
}

export function keepReadOnlyFieldsOutOfSessionState(doc: Document, watch: PageWatch, signal?: AbortSignal): void {
  markWithin(doc.documentElement);
  const unsubscribe = watch.subscribe({
    changed(records) {
      for (const record of records) {
        if (record.type === 'attributes') markWithin(record.target);
        else for (const node of record.addedNodes) markWithin(node);
      }
    },
    // Fields added while only the top of the page was watched.
    deepened: () => markWithin(doc.documentElement),
  });
  signal?.addEventListener('abort', unsubscribe);
}
