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

    /// The code used in the URL (`lang=de`) and in `<html lang>`.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
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
    /// Not a JSON list of texts (or of `null`s, for texts still in English).
    NotAList,
    /// A list of another length: a file from another version of the page.
    WrongLength { found: usize },
}

thread_local! {
    // The page's language and its texts. Thread-local rather than global so that native tests,
    // which run on several threads, can each choose a language (`with_language`).
    static PAGE: Cell<(Lang, &'static [&'static str])> = const { Cell::new((Lang::En, &EN)) };
}

/// The page's language.
pub fn lang() -> Lang {
    PAGE.with(|page| page.get().0)
}

/// `text` in the page's language.
pub fn t(text: Text) -> &'static str {
    let index = text as usize;
    PAGE.with(|page| page.get().1.get(index).or(EN.get(index)).copied())
        .unwrap_or_default()
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

/// Makes `lang` the page's language, its texts read from `list` (a language file as the build
/// writes it: a JSON list in `Text`'s order, `null` where a text is still English). English
/// needs no list. Called once, before the page's first view.
pub fn use_language(lang: Lang, list: &str) -> Result<(), WordsError> {
    if lang == Lang::En {
        set(Lang::En, &EN);
        return Ok(());
    }
    let texts: Vec<Option<String>> =
        serde_json::from_str(list).map_err(|_| WordsError::NotAList)?;
    if texts.len() != COUNT {
        return Err(WordsError::WrongLength { found: texts.len() });
    }
    let table: Vec<&'static str> = texts
        .into_iter()
        .zip(EN)
        .map(|(text, english)| match text {
            // Leaked once per page: the texts live as long as the page does.
            Some(text) => &*Box::leak(text.into_boxed_str()),
            None => english,
        })
        .collect();
    set(lang, Box::leak(table.into_boxed_slice()));
    Ok(())
}

fn set(lang: Lang, texts: &'static [&'static str]) {
    PAGE.with(|page| page.set((lang, texts)));
}

/// A language file as a translator writes it (`lang/de.json`: an object of keys and texts)
/// turned into the list the page loads, as scripts/post-build.mjs does. For native tests.
pub fn list_from_file(file: &str) -> Result<String, WordsError> {
    let object: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(file).map_err(|_| WordsError::NotAList)?;
    let list: Vec<Option<&str>> = KEYS
        .iter()
        .map(|key| object.get(*key).and_then(|text| text.as_str()))
        .collect();
    serde_json::to_string(&list).map_err(|_| WordsError::NotAList)
}

/// Runs `f` with the page in `lang`, its texts from `file` (a translator's file), then puts
/// English back. For native tests of each language.
pub fn with_language<R>(lang: Lang, file: &str, f: impl FnOnce() -> R) -> R {
    let list = list_from_file(file).unwrap_or_default();
    let before = PAGE.with(|page| page.get());
    let _ = use_language(lang, &list);
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
    fn a_bad_list_leaves_english() {
        assert_eq!(use_language(Lang::De, "{}"), Err(WordsError::NotAList));
        let long = serde_json::to_string(&vec!["a"; COUNT + 1]).unwrap_or_default();
        assert_eq!(
            use_language(Lang::De, &long),
            Err(WordsError::WrongLength { found: COUNT + 1 })
        );
        assert_eq!(lang(), Lang::En);
    }

    #[test]
    fn null_entries_stay_english() {
        let list = serde_json::to_string(&vec![None::<String>; COUNT]).unwrap_or_default();
        assert_eq!(use_language(Lang::Fr, &list), Ok(()));
        assert_eq!(lang(), Lang::Fr);
        assert_eq!(t(Text::LangLegend), EN[Text::LangLegend as usize]);
        set(Lang::En, &EN);
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
