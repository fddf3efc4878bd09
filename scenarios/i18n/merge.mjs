#!/usr/bin/env node
// Merge a translation file (scenarios/i18n/<id>.<lang>.yaml) into a scenario.
//
//   node scenarios/i18n/merge.mjs <scenario.yaml> [<id>.<lang>.yaml] [--lang fa] [--out <file>] [--dry-run]
//   node scenarios/i18n/merge.mjs <scenario.yaml> [<id>.<lang>.yaml] --check
//
// Every text field of the scenario that has a translation becomes a map
// `{ en: <original>, <lang>: <translation> }` and `languages: [en, <lang>]` is
// added after `formatVersion`. The scenario is located with the yaml Document
// API and then edited in its source text, so the English text, comments and
// layout of everything else stay byte for byte as they were. Running it again
// on a merged file updates the translations in place.
//
// It prints each key of the translation file that names no text field of the
// scenario ("unresolved") and each text field with no translation
// ("untranslated"). --check only lists the untranslated fields (exit status 1
// if there are any) and writes nothing. --dry-run reports without writing.
// Without --out the scenario file is rewritten in place.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, stringify } from 'yaml';

const WIDTH = 104; // the scenarios' block text is folded at about this width

// Where the text fields are. T marks a text field; [x] is a list whose items are x
// (named by id when they have one, else by index); '*' matches any key. These are the
// game's TEXT_FIELDS (src/core/scenario/localise.ts) less `sources` and events' `source`:
// citations stay plain strings, in the language they were written in.
const T = 'text';
const SPEC = {
  title: T,
  setting: T,
  parties: {
    '*': {
      name: T,
      short: T,
      head: T,
      headTitle: T,
      publicBrief: T,
      privateBrief: { summary: T, priorities: [T], redLines: [T], fallback: T },
      constituencies: [{ name: T, description: T }],
    },
  },
  mediator: { name: T, short: T, head: T, description: T },
  places: [{ name: T }],
  issues: [{ name: T, description: T, options: [{ label: T, description: T }] }],
  ladder: { rungs: [{ name: T, description: T }] },
  events: [{ title: T, text: T }],
  statements: { '*': { text: { '*': T } } },
  personalities: [{ name: T, description: T }],
  difficulties: [{ name: T, description: T }],
};

// Length caps of scenarios/schema.json, by path.
const LIMITS = [
  [/^title$/, 120],
  [/\.short$/, 24],
  [/^places\[[^\]]*\]\.name$/, 60],
  [/^issues\[[^\]]*\]\.name$/, 60],
  [/\.options\[[^\]]*\]\.label$/, 80],
  [/^ladder\.rungs\[[^\]]*\]\.name$/, 60],
  [/^events\[[^\]]*\]\.title$/, 80],
  [/^(personalities|difficulties)\[[^\]]*\]\.name$/, 40],
  [/^(setting|mediator\.description)$|\.(publicBrief|summary)$/, 16000],
  [/./, 4000],
];
const limitOf = (p) => LIMITS.find(([re]) => re.test(p))[1];

function usage(msg) {
  if (msg) console.error(msg);
  console.error('usage: node scenarios/i18n/merge.mjs <scenario.yaml> [<id>.<lang>.yaml] [--lang fa] [--out <file>] [--dry-run | --check]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { files: [], lang: 'fa', out: null, check: false, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--check') opts.check = true;
    else if (a === '--dry-run') opts.dryRun = true;
    else if (a === '--lang') opts.lang = argv[++i];
    else if (a === '--out' || a === '-o') opts.out = argv[++i];
    else if (a === '--help' || a === '-h') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else opts.files.push(a);
  }
  if (opts.files.length < 1 || opts.files.length > 2) usage();
  if (!opts.lang || !/^[a-z]{2,3}(-[A-Za-z0-9]+)?$/.test(opts.lang) || opts.lang === 'en') usage('bad --lang');
  return opts;
}

const segment = (item, i) => {
  const id = isMap(item) ? item.get('id') : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `[${id}]` : `[${i}]`;
};
const join = (p, k) => (p ? `${p}.${k}` : String(k));

// Every text field of the document: its path, node, and where it sits.
function textFields(doc) {
  const out = [];
  const walk = (node, spec, p, place) => {
    if (node == null) return;
    if (spec === T) {
      if ((isScalar(node) && typeof node.value === 'string') || (isMap(node) && node.has('en'))) out.push({ path: p, node, ...place });
      return;
    }
    if (Array.isArray(spec)) {
      if (!isSeq(node)) return;
      for (const [i, item] of node.items.entries()) walk(item, spec[0], p + segment(item, i), { parent: node, index: i });
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const sub = spec[key] ?? spec['*'];
      if (sub !== undefined) walk(pair.value, sub, join(p, key), { parent: node, pair });
    }
  };
  walk(doc.contents, SPEC, '', {});
  return out;
}

const column = (src, offset) => offset - (src.lastIndexOf('\n', offset - 1) + 1);
const isBlock = (node) => isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL');

// Indent every line after the first by n more spaces (blank lines stay blank).
function reindent(text, n) {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : pad + line))
    .join('\n');
}

// The source of a value written as `<key>: <value>` with the key at column `col`.
// Block text ends with a newline; the rest don't.
function renderValue(str, col, { block, flow }) {
  if (flow) {
    const d = new Document({ v: str });
    d.contents.flow = true;
    const s = d.toString({ lineWidth: 0 }).trim();
    return s.slice('{ v: '.length, -' }'.length);
  }
  if (!block) {
    const s = stringify(str, { lineWidth: 0 }).replace(/\n$/, '');
    if (!s.includes('\n')) return s;
  }
  const d = new Document({ v: new Scalar(str) });
  d.contents.items[0].value.type = 'BLOCK_FOLDED';
  const lines = d
    .toString({ lineWidth: Math.max(40, WIDTH - col), minContentWidth: 20 })
    .replace(/\n$/, '')
    .split('\n');
  const header = lines[0].slice('v: '.length);
  const body = lines.slice(1).map((l) => (l.trim() === '' ? '' : ' '.repeat(col) + l));
  return `${header}\n${body.join('\n')}\n`;
}

// The text edit that writes a translation into one field.
function editFor(src, field, lang, text) {
  const { node, parent, pair } = field;
  if (isScalar(node)) {
    const [start, end] = node.range;
    const en = src.slice(start, end);
    if (/^[>|][+-]?\d/.test(en)) throw new Error(`${field.path}: block scalar with an indentation indicator`);
    if (parent.flow) return { start, end, text: `{ en: ${en}, ${lang}: ${renderValue(text, 0, { flow: true })} }` };
    const block = isBlock(node);
    // A comment after the text on its line stays with the English.
    const comment = block ? '' : (src.slice(end).match(/^[ \t]+#[^\n]*/)?.[0] ?? '');
    const enText = reindent(en, 2) + comment + (block ? '' : '\n');
    const to = end + comment.length;
    if (pair) {
      const col = column(src, pair.key.range[0]) + 2;
      const from = src.indexOf(':', pair.key.range[1]) + 1;
      const pad = ' '.repeat(col);
      return { start: from, end: to, text: `\n${pad}en: ${enText}${pad}${lang}: ${renderValue(text, col, { block })}` };
    }
    const col = column(src, start); // a list item: the map starts where the text did
    return { start, end: to, text: `en: ${enText}${' '.repeat(col)}${lang}: ${renderValue(text, col, { block })}` };
  }
  // Already a map of languages: replace or add this language.
  const enPair = node.items.find((p) => isScalar(p.key) && p.key.value === 'en');
  const block = isBlock(enPair.value);
  const own = node.items.find((p) => isScalar(p.key) && p.key.value === lang);
  if (own) {
    const col = column(src, own.key.range[0]);
    const from = src.indexOf(':', own.key.range[1]) + 1;
    const [, end] = own.value.range;
    const value = renderValue(text, col, { block, flow: node.flow });
    const keepNewline = !node.flow && src[end - 1] === '\n' && !value.endsWith('\n') ? '\n' : '';
    return { start: from, end, text: ` ${value}${keepNewline}` };
  }
  const last = node.items[node.items.length - 1];
  const at = last.value.range[1];
  if (node.flow) return { start: at, end: at, text: `, ${lang}: ${renderValue(text, 0, { flow: true })}` };
  const col = column(src, enPair.key.range[0]);
  const value = renderValue(text, col, { block });
  if (src[at - 1] === '\n') return { start: at, end: at, text: `${' '.repeat(col)}${lang}: ${value}${value.endsWith('\n') ? '' : '\n'}` };
  return { start: at, end: at, text: `\n${' '.repeat(col)}${lang}: ${value.replace(/\n$/, '')}` };
}

// `languages: [en, <lang>]` after formatVersion (or merged into an existing list).
function languagesEdit(doc, lang) {
  const top = doc.contents;
  const existing = top.items.find((p) => p.key?.value === 'languages');
  if (existing) {
    const langs = isSeq(existing.value) ? existing.value.items.map((n) => String(n.value ?? n)) : [];
    if (langs.includes('en') && langs.includes(lang)) return null;
    const all = ['en', ...langs.filter((l) => l !== 'en' && l !== lang), lang];
    const [start, end] = existing.value.range;
    return { start, end, text: `[${all.join(', ')}]` };
  }
  const fv = top.items.find((p) => p.key?.value === 'formatVersion');
  if (fv) {
    const at = fv.value.range[1];
    return { start: at, end: at, text: `\nlanguages: [en, ${lang}]` };
  }
  const first = top.items.find((p) => p.key?.value !== '$schema') ?? top.items[0];
  const at = first.key.range[0];
  return { start: at, end: at, text: `languages: [en, ${lang}]\n` };
}

// Both documents with every text field turned back into its English string and
// `languages` removed must be equal: the merge touched nothing else.
function englishOnly(doc) {
  const fields = textFields(doc);
  for (const f of fields) {
    if (!isMap(f.node)) continue;
    const en = new Scalar(f.node.get('en'));
    if (f.pair) f.pair.value = en;
    else f.parent.items[f.index] = en;
  }
  const js = doc.toJS();
  delete js.languages;
  return js;
}

function verify(originalSrc, merged, lang, translations) {
  const doc = parseDocument(merged, { uniqueKeys: true });
  if (doc.errors.length) return `the merged file does not parse: ${doc.errors[0].message}`;
  const original = parseDocument(originalSrc, { uniqueKeys: true });
  const english = (n) => (isScalar(n) ? n.value : n.get('en'));
  const before = new Map(textFields(original).map((f) => [f.path, english(f.node)]));
  for (const f of textFields(doc)) {
    if (!before.has(f.path)) return `${f.path}: not in the original`;
    if (english(f.node) !== before.get(f.path)) return `${f.path}: the English text changed`;
    if (translations.has(f.path) && (!isMap(f.node) || f.node.get(lang) !== translations.get(f.path)))
      return `${f.path}: the ${lang} text did not come out as written`;
  }
  const langs = doc.get('languages');
  if (!isSeq(langs) || !langs.items.some((n) => n.value === 'en') || !langs.items.some((n) => n.value === lang))
    return `languages does not list en and ${lang}`;
  if (!isDeepStrictEqual(englishOnly(doc), englishOnly(original))) return 'something other than the text fields changed';
  return null;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const scenarioPath = opts.files[0];
  const src = fs.readFileSync(scenarioPath, 'utf8');
  const doc = parseDocument(src, { uniqueKeys: true });
  if (doc.errors.length) {
    console.error(`${scenarioPath}: ${doc.errors[0].message}`);
    process.exit(2);
  }
  const id = doc.get('id');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const transPath = opts.files[1] ?? path.join(here, `${id}.${opts.lang}.yaml`);

  const translations = new Map();
  const problems = [];
  if (fs.existsSync(transPath)) {
    const tdoc = parseDocument(fs.readFileSync(transPath, 'utf8'), { uniqueKeys: true });
    if (tdoc.errors.length) {
      console.error(`${transPath}: ${tdoc.errors[0].message}`);
      process.exit(2);
    }
    for (const [k, v] of Object.entries(tdoc.toJS() ?? {})) {
      if (typeof v !== 'string' || v.trim() === '') problems.push(`not a text: ${k}`);
      else translations.set(k, v);
    }
  } else if (!opts.check) {
    console.error(`no translation file ${transPath}`);
    process.exit(2);
  }

  const fields = textFields(doc);
  const known = new Set(fields.map((f) => f.path));
  const hasOwn = (f) => isMap(f.node) && typeof f.node.get(opts.lang) === 'string';
  const untranslated = fields.filter((f) => !translations.has(f.path) && !hasOwn(f));
  const excerpt = (f) => {
    const en = String(isScalar(f.node) ? f.node.value : f.node.get('en')).replace(/\s+/g, ' ');
    return en.length > 60 ? `${en.slice(0, 57)}...` : en;
  };

  if (opts.check) {
    for (const f of untranslated) console.log(`untranslated: ${f.path}  (${excerpt(f)})`);
    console.error(`${scenarioPath}: ${fields.length - untranslated.length} of ${fields.length} text fields have ${opts.lang}`);
    process.exit(untranslated.length ? 1 : 0);
  }

  for (const k of translations.keys()) if (!known.has(k)) problems.push(`unresolved: ${k}`);
  for (const f of fields) {
    const t = translations.get(f.path);
    if (t !== undefined && t.length > limitOf(f.path)) problems.push(`too long: ${f.path} (${t.length} > ${limitOf(f.path)})`);
  }

  const edits = [];
  for (const f of fields) {
    const t = translations.get(f.path);
    if (t !== undefined) edits.push(editFor(src, f, opts.lang, t));
  }
  const lang = languagesEdit(doc, opts.lang);
  if (lang) edits.push(lang);
  edits.sort((a, b) => b.start - a.start);
  let merged = src;
  for (const e of edits) merged = merged.slice(0, e.start) + e.text + merged.slice(e.end);

  const usable = new Map([...translations].filter(([k]) => known.has(k)));
  const failure = verify(src, merged, opts.lang, usable);
  if (failure) {
    console.error(`merge failed, nothing written: ${failure}`);
    process.exit(2);
  }

  for (const p of problems) console.log(p);
  for (const f of untranslated) console.log(`untranslated: ${f.path}  (${excerpt(f)})`);
  const out = opts.out ?? scenarioPath;
  if (!opts.dryRun) fs.writeFileSync(out, merged);
  console.error(
    `${scenarioPath}: ${usable.size} translations merged, ${fields.length - untranslated.length} of ${fields.length} text fields have ${opts.lang}` +
      (opts.dryRun ? ' (dry run, nothing written)' : `; written to ${out}`),
  );
}

main();
