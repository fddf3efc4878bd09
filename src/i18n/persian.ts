// The Persian catalogue's entry point: a file of its own so that the build names its chunk (persian-*.js),
// loaded only when Persian is chosen.
export { fa } from './fa';
