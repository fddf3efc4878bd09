// The page's own words (index.html: its title, the regions' names, the Settings button), in the
// language shown. index.html keeps them in English for the first paint and for a page without script;
// this sets them from the catalogue at start-up and again on every change of language.
import { m } from '../i18n';

export function applyPageWords(doc: Document = document): void {
  const w = m.dom;
  doc.title = w.pageTitle;
  const set = (id: string, apply: (el: HTMLElement) => void) => {
    const el = doc.getElementById(id);
    if (el) apply(el);
  };
  set('bc-controls', (el) => el.setAttribute('aria-label', w.controlsRegion));
  set('bc-screen', (el) => el.setAttribute('aria-label', w.screenRegion));
  set('bc-log', (el) => {
    el.setAttribute('aria-label', w.logRegion);
    // The log's heading (the Announcer's).
    const heading = el.querySelector(':scope > h2');
    if (heading) heading.textContent = w.whatHappened;
  });
  set('bc-settings-open', (el) => {
    el.textContent = w.settingsButton;
  });
  const name = doc.querySelector('#bc-app > h1');
  if (name) name.textContent = w.gameName;
}
