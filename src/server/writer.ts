// Group commit: the turns of every room that arrive while a write is in flight go to the database
// together in the next transaction (one savepoint per table, so one table's failure is its own).
// Each room still waits for its own turns to be stored before it tells anyone of them.
import type { Store, StoredTurn } from './store';

interface Pending {
  code: string;
  turns: readonly StoredTurn[];
  resolve: () => void;
  reject: (error: Error) => void;
}

export class TurnWriter {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(private readonly store: Store) {}

  /** Resolves once `turns` are stored; rejects with the store's reason if they could not be. */
  write(code: string, turns: readonly StoredTurn[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ code, turns, resolve, reject });
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        let results: (Error | null)[];
        try {
          results = await this.store.appendBatches(batch.map(({ code, turns }) => ({ code, turns })));
        } catch (err) {
          const error = err instanceof Error ? err : new Error(String(err));
          results = batch.map(() => error);
        }
        batch.forEach((p, i) => {
          const error = results[i];
          if (error) p.reject(error);
          else p.resolve();
        });
      }
    } finally {
      this.flushing = false;
    }
  }
}
