#!/usr/bin/env node
// `npm run serve`: runs the game server (src/server/main.ts) with tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/server/main.ts');
await main();
