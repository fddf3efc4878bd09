// The link's parameters (src/app/url.ts): every refused value becomes one plain message that names
// the parameter and quotes the value safely. The browser side of each case is in
// tests/e2e/urls.e2e.test.ts; both are listed in docs/robustness.md.
import { describe, expect, it } from 'vitest';
import { parseUrl, quoteValue } from '../../src/app/url';
import { fileNamePart } from '../../src/dom/download';

describe('quoteValue', () => {
  it('quotes short values as they are, emoji and markup included', () => {
    expect(quoteValue('france')).toBe('“france”');
    expect(quoteValue('<b>x</b>')).toBe('“<b>x</b>”');
    expect(quoteValue('🇮🇷👩‍💻')).toBe('“🇮🇷👩U+200D💻”');
  });

  it('writes invisible and direction-changing characters as U+XXXX', () => {
    expect(quoteValue('\u202enarf')).toBe('“U+202Enarf”');
    expect(quoteValue('a\u0000b\nc\u2028')).toBe('“aU+0000bU+000AcU+2028”');
  });

  it('cuts a long value at 40 characters (never inside a surrogate pair) and gives its length', () => {
    expect(quoteValue('x'.repeat(10_240))).toBe(`“${'x'.repeat(40)}…” (10,240 characters)`);
    expect(quoteValue('🇮'.repeat(50))).toBe(`“${'🇮'.repeat(40)}…” (50 characters)`);
  });
});

describe('parseUrl', () => {
  it('reads a good link with no problems', () => {
    const c = parseUrl('?scenario=tutorial&seed=caf%C3%A9&side=iran&mode=hotseat&personality=hardliner&difficulty=hard');
    expect(c).toMatchObject({
      scenario: 'tutorial',
      seed: 'café',
      side: 'iran',
      mode: 'hotseat',
      personality: 'hardliner',
      difficulty: 'hard',
    });
    expect(c.problems).toEqual([]);
  });

  it("takes side= as one of the chosen scenario's party ids, naming them when it is not", () => {
    // A scenario with other parties: its own ids, its first party by default.
    expect(parseUrl('?scenario=black-sea-grain-2022&side=ukraine')).toMatchObject({ side: 'ukraine', problems: [] });
    expect(parseUrl('?scenario=black-sea-grain-2022')).toMatchObject({ side: 'russia', problems: [] });
    expect(parseUrl('?scenario=black-sea-grain-2022&side=iran')).toMatchObject({
      side: 'russia',
      problems: ['“iran” is not a side: use side=russia or side=ukraine.'],
    });
    expect(parseUrl('?scenario=muscat-2026&side=ukraine').problems).toEqual(['“ukraine” is not a side: use side=us or side=iran.']);
  });

  it('names each refused parameter and falls back to the defaults', () => {
    const c = parseUrl('?scenario=nope&seed=&side=france&mode=chess&personality=%3Cb%3Ex%3C%2Fb%3E&difficulty=qq');
    expect(c).toMatchObject({ scenario: 'muscat-2026', seed: null, side: 'us', mode: 'solo', personality: null, difficulty: null });
    expect(c.problems).toEqual([
      '“nope” is not a scenario (scenario=): choose muscat-2026, black-sea-grain-2022, geneva-2013 or tutorial. A scenario of your own: load its file with “Load a file…”.',
      'The seed in the link is empty (seed=): a new seed was chosen.',
      '“france” is not a side: use side=us or side=iran.',
      '“chess” is not a mode: use mode=solo, hotseat or replay.',
      expect.stringMatching(/^“<b>x<\/b>” is not a counterpart \(personality=\): choose .+ or .+; the default was used\.$/),
      expect.stringMatching(/^“qq” is not a difficulty \(difficulty=\): choose .+ or .+; the default was used\.$/),
    ]);
  });

  it('reads a class link (class=) into online mode, and refuses what cannot be a class code', () => {
    expect(parseUrl('?class=k7qw-m3zp')).toMatchObject({ class: 'K7QW-M3ZP', mode: 'online', table: null, given: true, problems: [] });
    expect(parseUrl('?class=K7QWM3ZP&seed=cedar-1')).toMatchObject({ class: 'K7QW-M3ZP', seed: 'cedar-1', problems: [] });
    expect(parseUrl('?seed=x').class).toBeNull();
    const bad = parseUrl(`?class=${'%E2%80%AE'}abc`);
    expect(bad).toMatchObject({ class: null, mode: 'solo' });
    expect(bad.problems).toEqual(['“U+202Eabc” is not a class code (class=): a code looks like K7QW-M3ZP.']);
    const both = parseUrl('?table=ABCD-EFGH&class=K7QW-M3ZP');
    expect(both).toMatchObject({ table: 'ABCD-EFGH', class: null, mode: 'online' });
    expect(both.problems).toEqual(['The link names a table and a class (table= and class=): the table was joined.']);
  });

  it('refuses a 10 KB seed with its length, and never echoes it', () => {
    const c = parseUrl(`?seed=${'y'.repeat(10_240)}`);
    expect(c.seed).toBeNull();
    expect(c.problems).toEqual([
      'The seed in the link (seed=) cannot be used: seed is longer than 256 characters (it has 10,240). A new seed was chosen.',
    ]);
  });

  it('keeps 10%, a+b and a malformed escape as URLSearchParams reads them', () => {
    expect(parseUrl('?seed=10%25').seed).toBe('10%');
    expect(parseUrl('?seed=10%').seed).toBe('10%');
    expect(parseUrl('?seed=a+b').seed).toBe('a b');
    expect(parseUrl('?seed=cafe%CC%81').seed).toBe('caf\u00e9');
  });
});

describe('seeds in file names', () => {
  it('keeps letters and digits, replaces the rest, and never yields a path or an empty name', () => {
    expect(fileNamePart('cedar-1234')).toBe('cedar-1234');
    expect(fileNamePart('café au lait')).toBe('café_au_lait');
    expect(fileNamePart('../etc/passwd')).toBe('etc_passwd');
    expect(fileNamePart('<script>')).toBe('script');
    expect(fileNamePart('🇮🇷')).toBe('seed');
    expect([...fileNamePart('x'.repeat(256))]).toHaveLength(48);
  });

  it('refuses a seed with a direction override, naming the character', () => {
    expect(parseUrl('?seed=ab%E2%80%AEcd').problems).toEqual([
      'The seed in the link (seed=) cannot be used: seed contains the hidden control character U+202E at position 3. A new seed was chosen.',
    ]);
  });
});
