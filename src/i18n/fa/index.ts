// The Persian catalogue, loaded only when Persian is chosen (its own chunk in the build).
import type { Catalogue } from '../en';
import app from './app';
import cls from './cls';
import common from './common';
import debrief from './debrief';
import dom from './dom';
import log from './log';
import table from './table';
import title from './title';

export const fa: Catalogue = { common, title, table, debrief, dom, app, cls, log };
