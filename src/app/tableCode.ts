// Online table codes in the browser: the same rules as `normaliseCode` in src/server/protocol.ts,
// kept here so that the game's first script does not pull in the server's message schemas (zod).
// tests/game/online.test.ts checks that both read every code alike.

/** The Colyseus room name of an online table (TABLE_ROOM in src/server/protocol.ts). */
export const TABLE_ROOM = 'table';

const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

/** What a person types for a code: case, spaces and a missing dash forgiven; null when it cannot be a code. */
export function normaliseTableCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== 8) return null;
  const code = `${plain.slice(0, 4)}-${plain.slice(4)}`;
  return CODE.test(code) ? code : null;
}
