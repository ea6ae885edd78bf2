// What the worker keeps from storage in its memory (the vault session, the credential list, the
// records it last wrote) is dropped when storage.onChanged reports a change it did not
// make. One listener serves them all, attached at first use; until it is on (a fresh worker, or a
// test's fake browser that dropped its listeners on reset) nothing kept can be trusted, so each
// keeper is told to drop what it holds when the listener is attached.
import { browser } from 'wxt/browser';

export type StorageChanges = Record<string, { newValue?: unknown }>;

interface Keeper {
  changed: (changes: StorageChanges, area: string) => void;
  drop: () => void;
}

const keepers: Keeper[] = [];
const dispatch = (changes: StorageChanges, area: string) => keepers.forEach((keeper) => keeper.changed(changes, area));

/** Register a keeper; call what it returns before trusting what it holds (true: changes are heard). */
export function watchStorage(keeper: Keeper): () => boolean {
  keepers.push(keeper);
  return () => {
    const { onChanged } = browser.storage;
    if (onChanged.hasListener(dispatch)) return true;
    onChanged.addListener(dispatch);
    keepers.forEach((each) => each.drop());
    return false;
  };
}
