// English: words shared by every page (the game, the class page, the CLI's Persian transcript header).

import type { Severity } from '../../core/scenario/constants';
import { OUTCOME_HEADLINE } from '../../core/words';
import { f } from '../current';

/** The round-end escalation roll as one sentence (the live log's announcement). */
export interface RollSentence {
  round: number;
  move: 'up' | 'down' | 'stay';
  from: string;
  to: string;
  /** Null when the facilitator hides the hazard. */
  odds: { hazard: number; roll: number } | null;
  causes: readonly string[];
  conflict: boolean;
}

export default {
  languageName: { en: 'English', fa: 'فارسی' } as Record<string, string>,
  /** An event's severity (the scenario's five kinds), on the event card and in the console. */
  severity: {
    deescalation: 'De-escalation',
    'status-quo': 'Status quo',
    posturing: 'Posturing',
    nonviolent: 'Non-violent escalation',
    violent: 'Violent escalation',
  } as Record<Severity, string>,
  language: 'Language',
  digits: 'Digits',
  persianDigits: 'Persian digits (۱۲۳)',
  latinDigits: 'Latin digits (123)',
  /** The arrow after a caption that goes on (it points the way the language reads). */
  ahead: '▶',
  /** The arrow before a caption that goes back. */
  back: '◀',
  /** An outcome in a few words (the outcome screen's headline, the debrief's, the console's last column): the rules' own English. */
  outcomeHeadline: OUTCOME_HEADLINE,
  settings: 'Settings',
  sound: 'Sound effects',
  reducedMotion: 'Reduce motion (no sliding or flipping)',
  textSize: 'Text size',
  sizeNormal: 'Normal',
  sizeLarge: 'Large',
  sizeLarger: 'Larger',
  close: 'Close',
  rollSentence: (r: RollSentence) => {
    const pct = (x: number) => `${f.num(x * 100, 1)}%`;
    if (r.move === 'stay')
      return `End of round ${f.num(r.round)}: the ladder holds at ${r.to}${r.odds ? ` (hazard ${pct(r.odds.hazard)})` : ''}.`;
    const title = `The ladder ${r.move === 'up' ? 'climbs' : 'falls'}: ${r.from} → ${r.to}`;
    const odds = r.odds ? ` The hazard was ${pct(r.odds.hazard)}; the roll was ${pct(r.odds.roll)}.` : '';
    const why = r.causes.length > 0 ? ` Raised this round by: ${r.causes.join('; ')}.` : '';
    return `End of round ${f.num(r.round)}: ${title}.${odds}${why}${r.conflict ? ' The talks end in conflict.' : ''}`;
  },
  unknownLanguage: (value: string) =>
    `lang: the game speaks English (en) and Persian (fa), not “${value}”; it is shown in the language of your settings.`,
};
