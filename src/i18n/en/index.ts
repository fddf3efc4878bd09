// The English catalogue: every text a player, teacher or class page sees, by part. English is the
// source: the Persian catalogue has the same shape (checked by the type), the pseudo-locale is made from it.
import app from './app';
import cls from './cls';
import common from './common';
import debrief from './debrief';
import dom from './dom';
import log from './log';
import table from './table';
import title from './title';

export const en = { common, title, table, debrief, dom, app, cls, log };
export type Catalogue = typeof en;
