//! The page's words and its language (`lang=`): the one owner of every text a reader sees.
//! English is compiled in, generated from `lang/en.json` by `build.rs`; German, French and
//! Spanish are data files a translator edits (`lang/*.json`), loaded only when a link asks for
//! them. A page's language is chosen once, before its first view, and never changes while the
//! page lives (the picker reloads the page with the new `lang=`): so the texts are plain
//! `&'static str` read through [`t`], not reactive values, and the number formats
//! (`format.rs`) read [`lang`] instead of taking it as an argument at every call.

use std::cell::Cell;

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// A language the page is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Fr, Lang::Es];
    /// The codes used in the URL (`lang=de`) and in `<html lang>`, in [`Lang::ALL`]'s order.
    pub const KEYS: [&'static str; 4] = ["en", "de", "fr", "es"];

    /// The code used in the URL (`lang=de`) and in `<html lang>`.
    pub fn key(self) -> &'static str {
        Lang::KEYS.get(self as usize).copied().unwrap_or_default()
    }

    pub fn from_key(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.key() == code)
    }

    /// The language's own name for itself, as a language picker shows it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::Es => "Español",
        }
    }
}

/// Why a language file could not be used.
#[derive(Debug, PartialEq, Eq)]
pub enum WordsError {
    /// A translator's file that is not a JSON object of texts.
    NotAFile,
    /// A list of another length: a file from another version of the page.
    WrongLength { found: usize },
}

thread_local! {
    // The page's language and its texts. Thread-local rather than global so that native tests,
    // which run on several threads, can each choose a language (`with_language`).
    // `None`: English, compiled in.
    static PAGE: Cell<(Lang, Option<&'static [&'static str]>)> = const { Cell::new((Lang::En, None)) };
}

/// The English text at `index` in `Text`'s order (empty past the end).
pub fn english_at(index: usize) -> &'static str {
    let start = match index.checked_sub(1) {
        Some(before) => EN_ENDS.get(before).copied().unwrap_or(0),
        None => 0,
    };
    let end = EN_ENDS.get(index).copied().unwrap_or(0);
    EN_TEXT
        .get(usize::from(start)..usize::from(end))
        .unwrap_or_default()
}

/// `text` in English, whatever the page's language.
pub fn english(text: Text) -> &'static str {
    english_at(text as usize)
}

/// The page's language.
pub fn lang() -> Lang {
    PAGE.with(|page| page.get().0)
}

/// `text` in the page's language.
pub fn t(text: Text) -> &'static str {
    let index = text as usize;
    match PAGE.with(|page| page.get().1) {
        Some(texts) => texts.get(index).copied().unwrap_or_default(),
        None => english_at(index),
    }
}

/// `text` with each `{name}` replaced by its value: `fill(Text::PassesIn, &[("year", "2028")])`.
/// A name the text does not use is ignored, and a `{name}` with no value stays as written.
pub fn fill(text: Text, values: &[(&str, &str)]) -> String {
    fill_in(t(text), values)
}

/// [`fill`] on a text already in hand.
pub fn fill_in(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `n`, as the page shows it, takes a text's singular in the page's language (CLDR's
/// cardinal "one"): exactly 1 in English, German and Spanish; below 2 in French (`0 an`,
/// `1,5 milliard`).
pub fn is_one(n: f64) -> bool {
    match lang() {
        Lang::Fr => n.abs() < 2.0,
        _ => n.abs() == 1.0,
    }
}

/// `text` cut around its `{name}`: the words before it and after it (the whole text and nothing
/// when it has no such name). For texts the page puts an element into (a slider in a sentence,
/// a bold label): it cuts at each name in turn, so the translators' files keep those names in
/// English's order (`tests/translations.rs` checks).
pub fn around<'a>(text: &'a str, name: &str) -> (&'a str, &'a str) {
    let mut at = 0;
    while let Some(open) = text.get(at..).and_then(|rest| rest.find('{')) {
        let open = at + open;
        let after = text.get(open + 1..).unwrap_or_default();
        if let Some(rest) = after.strip_prefix(name).and_then(|r| r.strip_prefix('}')) {
            return (text.get(..open).unwrap_or_default(), rest);
        }
        at = open + 1;
    }
    (text, "")
}

/// Makes `lang` the page's language, its texts from `texts` (a language list as the build
/// writes it, in `Text`'s order, `None` where a text is still English). English needs no list.
/// Called once, before the page's first view.
pub fn use_language(lang: Lang, texts: Vec<Option<String>>) -> Result<(), WordsError> {
    if lang == Lang::En {
        PAGE.with(|page| page.set((Lang::En, None)));
        return Ok(());
    }
    if texts.len() != COUNT {
        return Err(WordsError::WrongLength { found: texts.len() });
    }
    let table: Vec<&'static str> = texts
        .into_iter()
        .enumerate()
        .map(|(index, text)| match text {
            // Leaked once per page: the texts live as long as the page does.
            Some(text) => &*Box::leak(text.into_boxed_str()),
            None => english_at(index),
        })
        .collect();
    let table: &'static [&'static str] = Box::leak(table.into_boxed_slice());
    PAGE.with(|page| page.set((lang, Some(table))));
    Ok(())
}

/// A language file as a translator writes it (`lang/de.json`: an object of keys and texts)
/// turned into the list the page loads, as scripts/words-build.mjs does. For native tests (the
/// page reads its list with the browser's own JSON parser, in boot.js).
pub fn list_from_file(file: &str) -> Result<Vec<Option<String>>, WordsError> {
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(file).map_err(|_| WordsError::NotAFile)?;
    Ok(KEYS
        .iter()
        .map(|key| {
            object
                .get(*key)
                .and_then(|text| text.as_str())
                .map(String::from)
        })
        .collect())
}

/// Runs `f` with the page in `lang`, its texts from `file` (a translator's file), then puts
/// English back. For native tests of each language.
pub fn with_language<R>(lang: Lang, file: &str, f: impl FnOnce() -> R) -> R {
    let list = list_from_file(file).unwrap_or_default();
    let before = PAGE.with(|page| page.get());
    let _ = use_language(lang, list);
    let result = f();
    PAGE.with(|page| page.set(before));
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_named_values_and_keeps_the_rest() {
        assert_eq!(
            fill_in(
                "{a} passes {b} in {year}.",
                &[("year", "2028"), ("a", "X"), ("b", "Y")]
            ),
            "X passes Y in 2028."
        );
        assert_eq!(fill_in("{unknown} {", &[("a", "1")]), "{unknown} {");
        assert_eq!(fill_in("", &[]), "");
        assert_eq!(fill_in("ünïcödé {a}!", &[("a", "—")]), "ünïcödé —!");
    }

    #[test]
    fn the_singular_follows_each_language() {
        assert!(is_one(1.0) && is_one(-1.0));
        assert!(!is_one(0.0) && !is_one(1.5) && !is_one(2.0));
        with_language(Lang::Fr, "{}", || {
            assert!(is_one(0.0) && is_one(1.0) && is_one(1.5) && is_one(-1.0));
            assert!(!is_one(2.0) && !is_one(10.0));
        });
        with_language(Lang::De, "{}", || {
            assert!(is_one(1.0) && !is_one(0.0) && !is_one(1.5))
        });
    }

    #[test]
    fn around_cuts_at_a_name() {
        assert_eq!(around("a {x} b {y} c", "y"), ("a {x} b ", " c"));
        assert_eq!(around("{x}", "x"), ("", ""));
        assert_eq!(around("a {xy} b", "x"), ("a {xy} b", ""));
        assert_eq!(around("no name {", "x"), ("no name {", ""));
        assert_eq!(around("é{x}ü", "x"), ("é", "ü"));
    }

    #[test]
    fn a_bad_list_leaves_english() {
        assert_eq!(list_from_file("[]"), Err(WordsError::NotAFile));
        let long = vec![Some("a".to_string()); COUNT + 1];
        assert_eq!(
            use_language(Lang::De, long),
            Err(WordsError::WrongLength { found: COUNT + 1 })
        );
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn null_entries_stay_english() {
        assert_eq!(use_language(Lang::Fr, vec![None; COUNT]), Ok(()));
        assert_eq!(lang(), Lang::Fr);
        assert_eq!(t(Text::LangLegend), english(Text::LangLegend));
        assert_eq!(use_language(Lang::En, Vec::new()), Ok(()));
    }

    #[test]
    fn the_english_table_gives_each_text_whole() {
        assert_eq!(english(Text::LangLegend), "Language");
        let all: String = (0..COUNT).map(english_at).collect();
        assert_eq!(all, EN_TEXT);
        assert_eq!(english_at(COUNT), "");
        assert!((0..COUNT).all(|i| !english_at(i).is_empty()));
    }

    #[test]
    fn every_language_has_its_code_and_name() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_key(lang.key()), Some(lang));
        }
        assert_eq!(Lang::from_key("xx"), None);
        assert_eq!(Lang::from_key(""), None);
        assert_eq!(Lang::from_key("DE"), None);
    }
}
