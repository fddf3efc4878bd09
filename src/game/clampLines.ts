// A long text in a small panel, cut after its last whole word that fits and marked with an ellipsis,
// instead of Phaser's `maxLines`, which drops the lines after the last one without a sign that
// anything is missing (a quote could stop at "Unconditional release;" as if it were the end).

/**
 * `value` wrapped at `width` px (greedy, at spaces, as Phaser's advanced word wrap does), and if it
 * takes more than `maxLines` lines, its first `maxLines` lines with the last one cut at a word
 * boundary and ended with "…". A single word wider than a line is left for the wrap to break.
 */
export function clampLines(value: string, width: number, maxLines: number, measure: (s: string) => number): string {
  const lines: string[] = [];
  for (const paragraph of value.split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && measure(next) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return value;
  const kept = lines.slice(0, maxLines);
  const words = (kept[maxLines - 1] ?? '').split(' ');
  // Drop words from the end of the last line until it has room for the ellipsis; a trailing comma
  // or semicolon goes too ("release;…" reads as a typo).
  while (words.length > 1 && measure(`${words.join(' ')}…`) > width) words.pop();
  kept[maxLines - 1] = `${words.join(' ').replace(/[,;:]$/, '')}…`;
  return kept.join('\n');
}

/** The longest run of characters without a space a canvas text keeps (the longest word of a scenario is about 30). */
export const LONGEST_WORD = 80;
/** The most characters a canvas text holds, and a line of one that does not wrap. */
export const LONGEST_TEXT = 8000;
export const LONGEST_LINE = 300;

/**
 * `value` cut so that laying it out can never freeze the page, before anything measures it: a word
 * longer than `LONGEST_WORD` characters is cut with "…" (the word wrap breaks an overlong word one
 * character at a time, measuring each: 5,000 characters froze the title screen for 17 s), the whole
 * text at `LONGEST_TEXT` characters, and, without a wrap, each line at `LONGEST_LINE` (a line wider
 * than the largest canvas kills the tab). Text within those limits comes back as it is.
 */
export function layoutSafe(value: string, wraps: boolean): string {
  let s = value.length > LONGEST_TEXT ? `${value.slice(0, LONGEST_TEXT - 1)}…` : value;
  if (s.length > LONGEST_WORD)
    s = s.replace(new RegExp(`\\S{${LONGEST_WORD + 1},}`, 'g'), (word) => `${[...word].slice(0, LONGEST_WORD).join('')}…`);
  if (!wraps && s.length > LONGEST_LINE)
    s = s
      .split('\n')
      .map((line) => (line.length > LONGEST_LINE ? `${[...line].slice(0, LONGEST_LINE).join('')}…` : line))
      .join('\n');
  return s;
}
