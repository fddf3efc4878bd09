// Finds the page, builds the app from the URL, starts the game and exposes the automation API.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-400-italic.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './dom/styles.css';
import { App } from './app/app';
import { automationApi, type BackchannelApi } from './app/automation';
import { announceChanges } from './app/feedback';
import { applyLanguage, chooseLanguage } from './app/language';
import { preferences } from './app/preferences';
import { parseUrl } from './app/url';
import { SAVE_KEYS } from './core/save';
import { acceptDroppedFiles } from './dom/dropZone';
import { FacilitatorPanel } from './dom/facilitatorPanel';
import { DomMirror } from './dom/mirror';
import { applyPageWords } from './dom/pageWords';
import { PerceptionCheck } from './dom/perception';
import { ScenarioFileDialog } from './dom/scenarioFileDialog';
import { loadFonts } from './game/scenes/BootScene';
import { startGame } from './game/startGame';
import { m, onLanguage } from './i18n';

declare global {
  interface Window {
    backchannel: BackchannelApi;
  }
}

// Start decoding the preloaded font faces now: the game's first screen waits for them.
void loadFonts();
// The language: the link's, the one saved in Settings, or the browser's. Persian is loaded (its
// catalogue, the scenarios' translations and its font) before the first screen is drawn.
const spoken = chooseLanguage(new URLSearchParams(location.search).get('lang'), preferences.get().language, navigator.languages ?? []);
await applyLanguage(spoken.lang, preferences.get().digits);
applyPageWords();
onLanguage(() => applyPageWords());
const app = new App(parseUrl(location.search));
if (spoken.unknown !== null) app.problems.push(m.common.unknownLanguage(spoken.unknown));
const mirror = DomMirror.fromDocument();
announceChanges(app, mirror.announcer);
window.backchannel = automationApi(app);
// A file dropped on the title screen: a replay opens in the viewer, a scenario file is checked and,
// when good, joins the scenarios; its errors are listed as `validate` lists them.
acceptDroppedFiles(
  document.getElementById('bc-app') as HTMLElement,
  () => app.screen === 'title',
  (file) => void app.openDroppedFile(file),
);
new ScenarioFileDialog(app, document.getElementById('bc-app') as HTMLElement);
// Another tab of the game saved: the title screen here offers that newest save.
addEventListener('storage', (e) => {
  if (e.key === null || e.key === SAVE_KEYS.current) app.savesChanged();
});
startGame({ parent: document.getElementById('bc-canvas') as HTMLElement, app, mirror });
// The classroom: the facilitator's panel (when a PIN was set) and the hot-seat perception check.
new FacilitatorPanel(app, document.getElementById('bc-stage') as HTMLElement);
new PerceptionCheck(app, document.getElementById('bc-app') as HTMLElement);
