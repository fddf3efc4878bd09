// The Format of the language being shown: the catalogues read it when a message is made.
import { Format } from './format';

export let f: Format = new Format('en');

export function setFormat(next: Format): void {
  f = next;
}
