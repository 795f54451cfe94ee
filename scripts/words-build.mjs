// Trunk post_build step (scripts/post-build.mjs): turns the translators' files (lang/de.json,
// lang/fr.json, lang/es.json: an object of key → text, as lang/en.json) into the lists the page
// loads (a JSON list in the order of en.json's sorted keys, the order of `words::Text` that
// build.rs generates; `null` where a text is not translated yet, which the page shows in
// English). Each list is named by its content's hash, so a host may cache it for ever, and is
// named on index.html's boot script (`data-words-de` …), where boot.js finds it for `lang=de`.
// A translation with an unknown key or other `{placeholders}` than the English fails the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export const LANGUAGES = ['de', 'fr', 'es'];

const placeholders = (text) => [...text.matchAll(/\{([a-z_0-9]+)\}/g)].map((m) => m[1]).sort().join(',');

/** The list for one translator's file, and the keys it lacks. */
export function wordsList(english, translated, lang) {
  const keys = Object.keys(english).sort();
  for (const key of Object.keys(translated)) {
    if (!(key in english)) throw new Error(`lang/${lang}.json: unknown key ${key}`);
  }
  const missing = [];
  const list = keys.map((key) => {
    const text = translated[key];
    if (typeof text !== 'string') {
      missing.push(key);
      return null;
    }
    if (placeholders(text) !== placeholders(english[key])) {
      throw new Error(`lang/${lang}.json: ${key} has {${placeholders(text)}}, English has {${placeholders(english[key])}}`);
    }
    return text;
  });
  return { list, missing };
}

/** Writes the lists into the staged build and names them on index.html's boot script. */
export function addWords() {
  const html = process.env.TRUNK_HTML_FILE;
  const staging = process.env.TRUNK_STAGING_DIR;
  const source = process.env.TRUNK_SOURCE_DIR;
  if (!html || !staging || !source) throw new Error('words-build: run by Trunk as a post_build hook');
  if (basename(html) === 'embed.html') return;

  const read = (lang) => JSON.parse(readFileSync(join(source, 'lang', `${lang}.json`), 'utf8'));
  const english = read('en');
  mkdirSync(join(staging, 'lang'), { recursive: true });
  const base = process.env.TRUNK_PUBLIC_URL || './';
  let attrs = '';
  for (const lang of LANGUAGES) {
    const { list, missing } = wordsList(english, read(lang), lang);
    if (missing.length) console.error(`words-build: lang/${lang}.json lacks ${missing.length} texts (shown in English): ${missing.join(', ')}`);
    const text = JSON.stringify(list);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = `lang/${lang}-${hash}.json`;
    writeFileSync(join(staging, file), text);
    attrs += `data-words-${lang}="${base}${file}" `;
  }
  const index = join(staging, 'index.html');
  const page = readFileSync(index, 'utf8');
  const patched = page.replace(/(<script\b[^>]*?)\bdata-glue=/, `$1${attrs}data-glue=`);
  if (patched === page) throw new Error('words-build: no boot script with data-glue in index.html');
  writeFileSync(index, patched);
  console.error(`words-build: ${LANGUAGES.join(', ')} written to lang/`);
}
