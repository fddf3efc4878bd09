// Finds the page, builds the app from the URL, starts the game and exposes the automation API.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-400-italic.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import './dom/styles.css';
import { App } from './app/app';
import { automationApi, type BackchannelApi } from './app/automation';
import { announceChanges } from './app/feedback';
import { parseUrl } from './app/url';
import { DomMirror } from './dom/mirror';
import { startGame } from './game/startGame';

declare global {
  interface Window {
    backchannel: BackchannelApi;
  }
}

const app = new App(parseUrl(location.search));
const mirror = DomMirror.fromDocument();
announceChanges(app, mirror.announcer);
window.backchannel = automationApi(app);
startGame({ parent: document.getElementById('bc-canvas') as HTMLElement, app, mirror });
