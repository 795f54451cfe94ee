//! The translators' files (`lang/de.json`, `lang/fr.json`, `lang/es.json`) against the English
//! one the page is compiled from: every text translated, no key the page does not know, the same
//! `{placeholders}`, the same spaces at the ends (texts that are joined to others), and the list
//! the build writes loads into the page.

use stargate_calc::words::{self, english, english_at, Lang, Text, COUNT, KEYS};

const FILES: [(Lang, &str); 3] = [
    (Lang::De, include_str!("../lang/de.json")),
    (Lang::Fr, include_str!("../lang/fr.json")),
    (Lang::Es, include_str!("../lang/es.json")),
];

fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn every_language_translates_every_text_and_nothing_else() {
    for (lang, file) in FILES {
        let object: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(file).unwrap_or_else(|e| panic!("{lang:?}: not JSON: {e}"));
        for key in object.keys() {
            assert!(KEYS.contains(&key.as_str()), "{lang:?}: unknown key {key}");
        }
        for (index, key) in KEYS.iter().enumerate() {
            let english = english_at(index);
            let text = object
                .get(*key)
                .and_then(|text| text.as_str())
                .unwrap_or_else(|| panic!("{lang:?}: {key} is not translated"));
            assert!(!text.trim().is_empty(), "{lang:?}: {key} is empty");
            assert_eq!(
                placeholders(text),
                placeholders(english),
                "{lang:?}: {key}'s placeholders"
            );
            assert_eq!(
                (text.starts_with(' '), text.ends_with(' ')),
                (english.starts_with(' '), english.ends_with(' ')),
                "{lang:?}: {key}'s spaces at the ends"
            );
        }
    }
}

/// Texts the page cuts at their `{names}` to put an element in each place (`words::around`):
/// the names stay in English's order.
const CUT_IN_ORDER: [(Text, &[&str]); 8] = [
    (Text::SentenceExplorable, &["share", "stargate", "multiple"]),
    (
        Text::SentenceExplorableAgainst,
        &["share", "stargate", "azure"],
    ),
    (Text::SentenceExplorableNoAzure, &["share", "stargate"]),
    (Text::PrintScenarioLink, &["link"]),
    (Text::SourcesAssumptionItem, &["label", "key"]),
    (Text::SourcesRampItem, &["label", "key"]),
    (Text::SourcesIntro, &["title"]),
    (Text::SourcesFactHeading, &["value"]),
];

#[test]
fn texts_cut_around_elements_keep_their_names_in_order() {
    for (lang, file) in FILES {
        let list = words::list_from_file(file).expect("a list");
        words::use_language(lang, list).expect("loads");
        for (text, names) in CUT_IN_ORDER {
            let mut rest = words::t(text);
            for name in names {
                let (_, after) = words::around(rest, name);
                assert!(
                    rest.contains(&format!("{{{name}}}")),
                    "{lang:?}: {text:?} lacks {{{name}}} after the names before it"
                );
                rest = after;
            }
        }
        words::use_language(Lang::En, Vec::new()).expect("English");
    }
}

#[test]
fn each_list_loads_and_changes_the_page_language() {
    for (lang, file) in FILES {
        let list = words::list_from_file(file).expect("a list");
        assert_eq!(words::use_language(lang, list), Ok(()));
        assert_eq!(words::lang(), lang);
        assert_ne!(words::t(Text::LangLegend), english(Text::LangLegend));
        words::use_language(Lang::En, Vec::new()).expect("English needs no list");
    }
    assert_eq!(COUNT, KEYS.len());
}
