// Saves text as a file download (replay exports), without a server round trip.
export function downloadText(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * A piece of text (a seed) made safe inside a file name: letters, digits, `.`, `_` and `-` stay,
 * anything else (spaces, slashes, emoji, control characters) becomes `_`, and it is cut to 48.
 */
export function fileNamePart(value: string): string {
  const safe = value
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+|_+$/g, '');
  return [...(safe || 'seed')].slice(0, 48).join('');
}
