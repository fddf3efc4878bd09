// Settings: sound, reduced motion, text size. A native <dialog> (focus trap and Escape for free).
import { type Preferences, preferences, TEXT_SIZES, type TextSize } from '../app/preferences';

const SIZE_NAMES: Record<TextSize, string> = { normal: 'Normal', large: 'Large', larger: 'Larger' };

export function mountSettings(openButton: HTMLButtonElement, dialog: HTMLDialogElement): void {
  dialog.innerHTML = `
    <form method="dialog" class="bc-settings">
      <h2 id="bc-settings-title">Settings</h2>
      <label><input type="checkbox" name="sound"> Sound effects</label>
      <label><input type="checkbox" name="reducedMotion"> Reduce motion (no sliding or flipping)</label>
      <fieldset>
        <legend>Text size</legend>
        ${(Object.keys(TEXT_SIZES) as TextSize[])
          .map((size) => `<label><input type="radio" name="textSize" value="${size}"> ${SIZE_NAMES[size]}</label>`)
          .join('')}
      </fieldset>
      <button value="close" class="bc-close">Close</button>
    </form>`;
  dialog.setAttribute('aria-labelledby', 'bc-settings-title');
  const form = dialog.querySelector('form') as HTMLFormElement;
  const show = (p: Preferences) => {
    (form.elements.namedItem('sound') as HTMLInputElement).checked = p.sound;
    (form.elements.namedItem('reducedMotion') as HTMLInputElement).checked = p.reducedMotion;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="textSize"]')) radio.checked = radio.value === p.textSize;
  };
  show(preferences.get());
  form.addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
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
