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
