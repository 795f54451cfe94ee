// Trunk post_build step (scripts/post-build.mjs): turns the translators' files (lang/de.json,
// lang/fr.json, lang/es.json: an object of key → text, as lang/en.json) into the lists the page
// loads (a JSON list in the order of en.json's sorted keys, the order of `words::Text` that
// build.rs generates; `null` where a text is not translated yet, which the page shows in
// English). Each list is named by its content's hash, so a host may cache it for ever, and is
// named on index.html's boot script (`data-words-de` …), where boot.js finds it for `lang=de`.
// A translation with an unknown key or other `{placeholders}` than the English fails the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addBootAttributes, trunkHook } from './trunk-hook.mjs';

export const LANGUAGES = ['de', 'fr', 'es'];

const placeholders = (text) => [...text.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]).sort().join(',');

/** Each other language's list, by its code (`{de: [...], ...}`), from the repository's lang/. */
export function wordLists(source) {
  const read = (lang) => JSON.parse(readFileSync(join(source, 'lang', `${lang}.json`), 'utf8'));
  const english = read('en');
  return Object.fromEntries(LANGUAGES.map((lang) => [lang, wordsList(english, read(lang), lang)]));
}

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
  const { staging, source, base, entry, output } = trunkHook('words-build');
  if (entry !== 'index') return;

  mkdirSync(join(staging, 'lang'), { recursive: true });
  let attrs = '';
  for (const [lang, { list, missing }] of Object.entries(wordLists(source))) {
    if (missing.length) console.error(`words-build: lang/${lang}.json lacks ${missing.length} texts (shown in English): ${missing.join(', ')}`);
    const text = JSON.stringify(list);
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = `lang/${lang}-${hash}.json`;
    writeFileSync(join(staging, file), text);
    attrs += `data-words-${lang}="${base}${file}" `;
  }
  addBootAttributes(output, attrs, 'words-build');
  console.error(`words-build: ${LANGUAGES.join(', ')} written to lang/`);
}
