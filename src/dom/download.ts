/** A downloaded file's name: each part made safe by `fileNamePart`, joined by `-`, then the extension. */
export interface FileName {
  parts: readonly string[];
  extension: string;
}

/** How long a download's object URL is kept before it is revoked. */
export const REVOKE_AFTER_MS = 30_000;

export function fileNameOf(name: FileName): string {
  return `${name.parts.map((p) => fileNamePart(p)).join('-')}.${name.extension}`;
}

/**
 * Saves `content` as a file download (a replay, the class CSV), without a server round trip. The
 * MIME type is the caller's (`application/json`; `text/csv;charset=utf-8` with a leading BOM).
 */
export function downloadFile(name: FileName, content: string, mimeType: string): void {
  saveBlob(name, new Blob([content], { type: mimeType }));
}

/** Saves a blob (a file made here, or the replays' zip from the server) as a download. */
export function saveBlob(name: FileName, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(name);
  // Firefox follows the click only on a link that is in the document.
  document.body.append(a);
  a.click();
  a.remove();
  // The browser may still be reading the file after click() returns: revoking the URL at once can
  // cancel the download (Safari, and Chrome when the save dialog waits), so it goes after a while.
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
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
