// The browser's localStorage behind the core's KeyValueStore. Merely touching `localStorage` can
// throw (privacy modes, sandboxed frames); every call does so inside the store, where the core's
// save code catches it, so a broken or full storage never breaks the game.
import type { KeyValueStore } from '../core/save';
import { m } from '../i18n';

function storage(): Storage {
  const s = globalThis.localStorage;
  if (!s) throw new Error(m.app.noLocalStorage);
  return s;
}

export const browserStore: KeyValueStore = {
  getItem: (key) => storage().getItem(key),
  setItem: (key, value) => storage().setItem(key, value),
  removeItem: (key) => storage().removeItem(key),
};
