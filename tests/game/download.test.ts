// Downloads (a replay from the game, the gradebook CSV from the class page) go through one helper:
// the caller's MIME type, every part of the file name cleaned, the link in the document while it is
// clicked and gone after, and the object URL revoked only once the browser has had time to read it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../src/app/scenarios';
import { Session } from '../../src/app/session';
import { replayToText } from '../../src/core/replay';
import { downloadFile, fileNamePart, REVOKE_AFTER_MS } from '../../src/dom/download';
import { type Booted, bootGame, showing, until } from './harness';

interface Saved {
  blob: Blob;
  url: string;
  name: string;
  href: string;
  inDocument: boolean;
}

/** Catches downloads: the blob given to createObjectURL, and the link as it is clicked. */
function catchDownloads() {
  const saved: Saved[] = [];
  const blobs: Blob[] = [];
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test/${++n}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.at(-1) as Blob;
    saved.push({ blob, url: `blob:test/${n}`, name: this.download, href: this.href, inDocument: this.isConnected });
  });
  return { saved, revoke };
}

const bytes = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

/** Checks that the URL is revoked only after REVOKE_AFTER_MS (fake timers must be on). */
function expectRevokedLater(revoke: ReturnType<typeof catchDownloads>['revoke'], url: string): void {
  vi.advanceTimersByTime(1_000);
  expect(revoke).not.toHaveBeenCalled();
  vi.advanceTimersByTime(REVOKE_AFTER_MS - 1_001);
  expect(revoke).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(revoke).toHaveBeenCalledWith(url);
}

let booted: Booted | undefined;
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  await booted?.destroy();
  booted = undefined;
});

describe('downloadFile', () => {
  it('saves JSON with its MIME type and a cleaned name, the link in the document only while clicked', async () => {
    const { saved, revoke } = catchDownloads();
    vi.useFakeTimers();
    document.body.innerHTML = '<p>page</p>';
    downloadFile({ parts: ['muscat-2026', 'café au lait/../x', 'turn3'], extension: 'replay.json' }, '{"a":1}', 'application/json');
    expect(saved).toHaveLength(1);
    const [file] = saved as [Saved];
    expect(file.name).toBe('muscat-2026-café_au_lait_.._x-turn3.replay.json');
    expect(file.blob.type).toBe('application/json');
    expect(await file.blob.text()).toBe('{"a":1}');
    expect(file.href).toBe(file.url);
    expect(file.inDocument).toBe(true);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expectRevokedLater(revoke, file.url);
  });

  it('saves CSV as UTF-8 with the byte-order mark the caller gives', async () => {
    const { saved } = catchDownloads();
    downloadFile({ parts: ['backchannel-class', 'muscat', ''], extension: 'csv' }, '\uFEFFa,b\né,1\n', 'text/csv;charset=utf-8');
    const [file] = saved as [Saved];
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    expect((await bytes(file.blob)).slice(0, 5)).toEqual([0xef, 0xbb, 0xbf, 0x61, 0x2c]);
    // An empty part still names something.
    expect(file.name).toBe(`backchannel-class-muscat-${fileNamePart('')}.csv`);
  });
});

describe('the game exports a replay', () => {
  it('as application/json named by scenario, cleaned seed and turn', async () => {
    const seed = 'café au lait/../x';
    booted = await bootGame(`?seed=${encodeURIComponent(seed)}&side=us`);
    booted.button(/^Start the talks/).click();
    await showing(booted, 'briefing');
    const { saved, revoke } = catchDownloads();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    booted.button(/^Export replay/).click();
    expect(saved).toHaveLength(1);
    const [file] = saved as [Saved];
    expect(file.name).toBe(`muscat-2026-${fileNamePart(seed)}-turn0.replay.json`);
    expect(file.blob.type).toBe('application/json');
    expect(JSON.parse(await file.blob.text())).toMatchObject({ format: 'backchannel-replay', seed });
    expect(file.inDocument).toBe(true);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expectRevokedLater(revoke, file.url);
  });
});

describe('the class page', () => {
  it('takes every dropped replay and downloads the CSV with a BOM and a cleaned name', async () => {
    // Two tables of one seed, dropped at once on the page.
    const seed = 'café au lait';
    const loaded = loadScenario('muscat-2026');
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const replays = (['us', 'iran'] as const).map((side, i) => {
      const choice = { scenarioId: 'muscat-2026', seed, side, personality: 'tit-for-tat', difficulty: 'normal', mode: 'solo' } as const;
      const session = new Session(loaded.scenario, loaded.hash, choice);
      session.start();
      session.begin();
      const over = () => session.phase === 'debrief';
      for (let guard = 0; guard < 200 && !over(); guard++) {
        if (session.phase === 'outcome') {
          session.debrief();
          continue;
        }
        const action = session.legalActions()[0];
        if (!action) break;
        const error = session.act(action);
        if (error) throw new Error(error);
      }
      return new File([replayToText(session.replay())], `table-${i + 1}.replay.json`, { type: 'application/json' });
    });

    const page = readFileSync('class.html', 'utf8');
    document.body.innerHTML = (/<body>([\s\S]*)<\/body>/.exec(page)?.[1] ?? '').replace(/<script[\s\S]*?<\/script>/g, '');
    await import('../../src/class/main');
    const status = () => document.getElementById('cd-status')?.textContent;
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files: replays, dropEffect: 'none' } });
    document.getElementById('cd-main')?.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    await until(() => status() === '2 tables loaded.', `two tables (status: ${status()})`);

    const { saved, revoke } = catchDownloads();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    document.getElementById('cd-csv')?.click();
    expect(saved).toHaveLength(1);
    const [file] = saved as [Saved];
    expect(file.name).toBe('backchannel-class-muscat-2026-café_au_lait.csv');
    expect(file.blob.type).toBe('text/csv;charset=utf-8');
    expect((await bytes(file.blob)).slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect((await file.blob.text()).split('\n').filter(Boolean)).toHaveLength(3);
    expect(file.inDocument).toBe(true);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expectRevokedLater(revoke, file.url);
  });
});
