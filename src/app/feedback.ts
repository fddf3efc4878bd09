// Announces every move and event in the aria-live log and plays its sound cue.
import type { Announcer } from '../dom/announcer';
import type { App } from './app';
import { type Cue, play } from './sound';

export function announceChanges(app: App, announcer: Announcer): void {
  let errorShown: string | null = null;
  app.subscribe((change) => {
    if (change.kind === 'screen') {
      if (app.screen === 'title') announcer.clear();
      const names: Record<string, string> = {
        title: 'Title screen',
        briefing: 'Briefing',
        agenda: 'The agenda dispute',
        rounds: 'At the table',
        outcome: 'The talks are over',
        debrief: 'Debrief',
      };
      announcer.announce([`${names[app.screen] ?? app.screen}.`]);
      return;
    }
    if (change.kind === 'state') {
      errorShown = null;
      announcer.announce(change.entries.map((e) => e.text));
      const cue = cueFor(change.entries.map((e) => e.kind));
      if (cue) play(cue);
      return;
    }
    if (app.lastError && app.lastError !== errorShown) {
      errorShown = app.lastError;
      announcer.announce([`Not allowed: ${app.lastError}`]);
    }
  });
}

function cueFor(kinds: string[]): Cue | null {
  if (kinds.includes('outcome')) return 'deal';
  if (kinds.includes('escalation')) return 'alarm';
  if (kinds.includes('event')) return 'event';
  return kinds.length > 0 ? 'move' : null;
}
