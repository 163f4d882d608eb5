// Dexie runs on fake-indexeddb in unit tests; the browser has the real IndexedDB.
import 'fake-indexeddb/auto';
