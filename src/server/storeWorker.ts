// The PGlite store in a worker thread (openStore({ worker: true }) starts it): opens the store with
// the options in workerData, then answers each StoreCall from the main thread with one StoreReply.
// Errors travel as their message, name and stack (SentError); appendBatches' errors too.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type SentError, type Store, type StoreCall, type StoreOptions, type StoreReply, sendError } from './store';

const port = parentPort;
if (!port) throw new Error('storeWorker.ts runs in a worker thread started by openStore({ worker: true })');

const send = (m: StoreReply) => port.postMessage(m);

let store: Store | null = null;
try {
  store = await openStore(workerData as Omit<StoreOptions, 'worker'>);
} catch (err) {
  send({ type: 'failed', error: sendError(err) }); // the main thread then ends this worker
}
if (store) {
  const opened = store;
  port.on('message', (m: StoreCall) => {
    void answer(opened, m);
  });
  send({ type: 'ready' });
}

async function answer(store: Store, { id, method, args }: StoreCall): Promise<void> {
  try {
    const fn = store[method] as (...a: unknown[]) => Promise<unknown>;
    if (typeof fn !== 'function') throw new Error(`the store has no method ${String(method)}`);
    let value = await fn.apply(store, args);
    if (method === 'appendBatches') {
      value = (value as (Error | null)[]).map((e): SentError | null => (e === null ? null : sendError(e)));
    }
    send({ type: 'reply', id, ok: true, value });
  } catch (err) {
    send({ type: 'reply', id, ok: false, error: sendError(err) });
  }
}
