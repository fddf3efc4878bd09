// Online table codes, one definition for the game server and the browser (free of zod, so the game's
// first script stays small): 8 characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX:
// 31^8 ≈ 2^39.6.

/** The Colyseus room name of an online table. */
export const TABLE_ROOM = 'table';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{4}$/;

/** What a person types for a code: case, spaces and a missing dash forgiven; null when it cannot be a code. */
export function normaliseTableCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '');
  if (plain.length !== 8) return null;
  const code = `${plain.slice(0, 4)}-${plain.slice(4)}`;
  return CODE_PATTERN.test(code) ? code : null;
}
