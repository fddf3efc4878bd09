// Settings: language (and Persian's digits), sound, reduced motion, text size. A native <dialog>
// (focus trap and Escape for free). A new language is loaded first and then shown: the screen
// redraws in it where it stands, the game untouched.
import { applyLanguage } from '../app/language';
import { type Preferences, preferences, TEXT_SIZES, type TextSize } from '../app/preferences';
import { type Digits, isLang, LANGS, language, m, onLanguage } from '../i18n';

const html = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function markup(): string {
  const c = m.common;
  const sizes: Record<TextSize, string> = { normal: c.sizeNormal, large: c.sizeLarge, larger: c.sizeLarger };
  return `
    <form method="dialog" class="bc-settings">
      <h2 id="bc-settings-title">${html(c.settings)}</h2>
      <label class="bc-language">${html(c.language)}
        <select name="language">
          ${LANGS.map((l) => `<option value="${l}" lang="${l}">${html(c.languageName[l] ?? l)}</option>`).join('')}
        </select>
      </label>
      <fieldset class="bc-digits">
        <legend>${html(c.digits)}</legend>
        <label><input type="radio" name="digits" value="persian"> ${html(c.persianDigits)}</label>
        <label><input type="radio" name="digits" value="latin"> ${html(c.latinDigits)}</label>
      </fieldset>
      <label><input type="checkbox" name="sound"> ${html(c.sound)}</label>
      <label><input type="checkbox" name="reducedMotion"> ${html(c.reducedMotion)}</label>
      <fieldset>
        <legend>${html(c.textSize)}</legend>
        ${(Object.keys(TEXT_SIZES) as TextSize[])
          .map((size) => `<label><input type="radio" name="textSize" value="${size}"> ${html(sizes[size])}</label>`)
          .join('')}
      </fieldset>
      <button value="close" class="bc-close">${html(c.close)}</button>
    </form>`;
}

export function mountSettings(openButton: HTMLButtonElement, dialog: HTMLDialogElement): void {
  dialog.setAttribute('aria-labelledby', 'bc-settings-title');
  const render = () => {
    dialog.innerHTML = markup();
    show(preferences.get());
  };
  const form = () => dialog.querySelector('form') as HTMLFormElement;
  const show = (p: Preferences) => {
    const f = form();
    const lang = language();
    (f.elements.namedItem('language') as HTMLSelectElement).value = lang === 'fa' ? 'fa' : 'en';
    const digits = f.querySelector<HTMLFieldSetElement>('.bc-digits');
    if (digits) digits.hidden = lang !== 'fa';
    for (const radio of f.querySelectorAll<HTMLInputElement>('input[name="digits"]')) radio.checked = radio.value === p.digits;
    (f.elements.namedItem('sound') as HTMLInputElement).checked = p.sound;
    (f.elements.namedItem('reducedMotion') as HTMLInputElement).checked = p.reducedMotion;
    for (const radio of f.querySelectorAll<HTMLInputElement>('input[name="textSize"]')) radio.checked = radio.value === p.textSize;
  };
  render();
  // The dialog's own words follow the language; the control that was in use keeps the focus.
  onLanguage(() => {
    const focused =
      document.activeElement instanceof HTMLElement && dialog.contains(document.activeElement)
        ? document.activeElement.getAttribute('name')
        : null;
    render();
    if (focused) dialog.querySelector<HTMLElement>(`[name="${focused}"]`)?.focus();
  });
  dialog.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    if (input.name === 'language' && isLang(input.value)) {
      const lang = input.value;
      void applyLanguage(lang, preferences.get().digits).then(() => preferences.set({ language: lang }));
    }
    if (input.name === 'digits') {
      const digits: Digits = input.value === 'latin' ? 'latin' : 'persian';
      void applyLanguage(language() === 'fa' ? 'fa' : 'en', digits).then(() => preferences.set({ digits }));
    }
    if (input.name === 'sound') preferences.set({ sound: input.checked });
    if (input.name === 'reducedMotion') preferences.set({ reducedMotion: input.checked });
    if (input.name === 'textSize') preferences.set({ textSize: input.value as TextSize });
  });
  openButton.addEventListener('click', () => {
    show(preferences.get());
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  });
}
