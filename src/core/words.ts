// Small English helpers for the texts the rules write into the log (and the class page shares).

/** "1 issue", "3 issues". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
