// What every room checks of a client's message before its shape: the rate (a token bucket per
// client: MESSAGES_PER_SECOND, bursts of twice that; a client that goes on flooding after being
// told is let go) and the size (its JSON, at most MAX_MESSAGE_BYTES). Shared by tables and classes.
import type { Client } from '@colyseus/core';
import { MAX_MESSAGE_BYTES, MESSAGES_PER_SECOND, type Refusal } from './protocol';

export interface Bucket {
  tokens: number;
  refilled: number;
  /** Messages ignored in a row since the client was told. */
  strikes: number;
}

export const newBucket = (): Bucket => ({ tokens: MESSAGES_PER_SECOND * 2, refilled: Date.now(), strikes: 0 });

/**
 * Whether a client's message may be handled now; if not, the client is told (on the first ignored
 * message and every tenth after), and let go after 50 in a row. Then its size: a message that is not
 * plain JSON or too large is refused with the reason.
 */
export function admit(client: Client, bucket: Bucket, type: string, message: unknown): boolean {
  const refuse = (error: string) => client.send('refused', { error } satisfies Refusal);
  const now = Date.now();
  bucket.tokens = Math.min(MESSAGES_PER_SECOND * 2, bucket.tokens + ((now - bucket.refilled) / 1000) * MESSAGES_PER_SECOND);
  bucket.refilled = now;
  if (bucket.tokens < 1) {
    bucket.strikes++;
    if (bucket.strikes > 50) client.leave(4008);
    else if (bucket.strikes === 1 || bucket.strikes % 10 === 0)
      refuse(`too many messages: at most ${MESSAGES_PER_SECOND} a second; this one was ignored`);
    return false;
  }
  bucket.tokens -= 1;
  bucket.strikes = 0;
  const what = type.slice(0, 40);
  let size = 0;
  try {
    size = Buffer.byteLength(JSON.stringify(message ?? null));
  } catch {
    refuse(`${what}: the message is not plain JSON`);
    return false;
  }
  if (size > MAX_MESSAGE_BYTES) {
    refuse(`${what}: the message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`);
    return false;
  }
  return true;
}
