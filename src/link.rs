//! A link: what it carries ([`Link`]: the scenario, how the page is shown, a pinned baseline,
//! the uncertainty bands, the author's annotation), its keys, and how it is read and written.
//! Reading decodes the query as `URLSearchParams` does and reads the scenario's keys by the
//! rules every source shares (`keys.rs`), onto the page's own scenario (the report's, or a
//! preset's on its page); the link's own keys (view, baseline, bands) are read here. Everything
//! ignored or adjusted becomes a note the page shows once. Writing gives the shortest link that
//! reads back as the same one: only values that differ from the defaults, in canonical form.

use crate::annotation::Annotation;
use crate::format::{self, parse_decimal};
use crate::keys::{read_pairs, Reader, ScenarioKey, MARK_KEY, NOTE_KEY, RAMP_KEY};
use crate::notes::{Allowed, Note, NoteSource};
use crate::scenario::{Input, Ramp, Scenario};
use crate::uncertainty::Ranges;
use crate::value::Value;
use crate::words::{t, Lang, Text};

/// The page's colour theme (`theme=`): `auto` follows the reader's system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];
    /// The words used in the URL, in [`Theme::ALL`]'s order; part of the public embedding API.
    pub const KEYS: [&'static str; 3] = ["auto", "light", "dark"];

    /// The word used in the URL (`theme=dark`).
    pub fn key(self) -> &'static str {
        Theme::KEYS.get(self as usize).copied().unwrap_or_default()
    }

    pub fn from_key(word: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.key() == word)
    }

    /// The theme's name, in the page's language.
    pub fn label(self) -> &'static str {
        t(match self {
            Theme::Auto => Text::ThemeAuto,
            Theme::Light => Text::ThemeLight,
            Theme::Dark => Text::ThemeDark,
        })
    }
}

/// Which page a link shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Page {
    /// The whole calculator.
    #[default]
    Full,
    /// `embed=1`: the compact calculator for an iframe in a blog post.
    Embed,
    /// `view=chart`: the embed's chart view, for pages that drive it (a story's pinned frame):
    /// the headline sentence and the spend chart. It is an embed, with or without `embed=1`.
    Chart,
}

impl Page {
    /// True for the pages made for an iframe.
    pub fn is_embed(self) -> bool {
        self != Page::Full
    }
}

/// How the page is shown, as opposed to what it computes: which page, the theme, the language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ViewOptions {
    pub page: Page,
    pub theme: Theme,
    /// `lang=de`: the page's language.
    pub lang: Lang,
}

/// URL key of the embed mode (`embed=1`).
pub const EMBED_KEY: &str = "embed";
/// URL key of the embed's view (`view=chart`).
pub const VIEW_KEY: &str = "view";
/// The words `view` takes: the embed as it is, or its chart view.
pub const VIEW_WORDS: [&str; 2] = ["full", "chart"];
/// URL key of the colour theme (`theme=dark`).
pub const THEME_KEY: &str = "theme";
/// URL key of the page's language (`lang=de`).
pub const LANG_KEY: &str = "lang";

/// The uncertainty mode's settings: each ranged input's half-width and the random seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandSettings {
    pub ranges: Ranges,
    pub seed: u64,
}

impl BandSettings {
    /// The seed a link without `seed=` uses.
    pub const DEFAULT_SEED: u64 = 1;
    pub const DEFAULT: BandSettings = BandSettings {
        ranges: Ranges::DEFAULT,
        seed: BandSettings::DEFAULT_SEED,
    };
    /// Largest seed a link may carry: every integer up to 2^53 is exact in JavaScript too.
    pub const MAX_SEED: u64 = 1 << 53;
}

/// Everything a link carries: the scenario, how the page is shown, the pinned baseline, the
/// uncertainty bands and the author's annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub scenario: Scenario,
    pub view: ViewOptions,
    /// A scenario pinned for comparison (`b=1` and `b.KEY=value`).
    pub baseline: Option<Scenario>,
    /// Uncertainty bands, when on (`bands=1`, `r.KEY=half-width`, `seed=N`).
    pub bands: Option<BandSettings>,
    /// A marked year and a note (`mark=2028`, `note=…`).
    pub annotation: Annotation,
}

impl Link {
    /// A link to `scenario` with nothing else: default view, no baseline.
    pub fn to(scenario: Scenario) -> Link {
        Link {
            scenario,
            view: ViewOptions::default(),
            baseline: None,
            bands: None,
            annotation: Annotation::default(),
        }
    }
}

/// A link read from a URL, with what was ignored or adjusted on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedQuery {
    pub link: Link,
    pub notes: Vec<Note>,
}

/// Prefix of the baseline's keys: `b.sg=40` is the baseline's 2030 Stargate share.
pub const BASELINE_PREFIX: &str = "b.";
/// URL key that marks a pinned baseline (`b=1`), even one equal to the report.
pub const BASELINE_KEY: &str = "b";
/// URL key of the uncertainty mode (`bands=1`).
pub const BANDS_KEY: &str = "bands";
/// Prefix of a range's key: `r.g=20` is ± 20 points of growth after 2027.
pub const RANGE_PREFIX: &str = "r.";
/// URL key of the bands' random seed.
pub const SEED_KEY: &str = "seed";

/// Reads a query string such as `location.search` (a leading `?` is optional) onto `start`,
/// the scenario the page opens on: the report's, or a preset's on its own page. What the link
/// does not say, or says wrongly, stays as `start` has it.
pub fn parse_query(query: &str, start: &Scenario) -> ParsedQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, Value)> = form_pairs(query)
        .map(|(key, value)| (key, Value::Text(value)))
        .collect();
    let mut view = ViewOptions::default();
    let mut baseline: Option<Reader> = None;
    let mut bands: Option<BandSettings> = None;
    // `embed=1` and `view=chart`, each as the link has it (the page is decided after).
    let (mut embed, mut chart) = (false, false);
    let mut reader = Reader::new(*start, Annotation::default(), NoteSource::Link);
    read_pairs(&pairs, &mut reader, &mut |key, given, notes| {
        // A link's values are all text.
        let Value::Text(value) = given else {
            return false;
        };
        if let Some(baseline_key) = key.strip_prefix(BASELINE_PREFIX) {
            let pinned = baseline.get_or_insert_with(|| {
                Reader::new(Scenario::REPORT, Annotation::default(), NoteSource::Link)
            });
            match ScenarioKey::from_key(baseline_key).filter(|k| k.is_scenario()) {
                Some(scenario_key) => pinned.read(scenario_key, given),
                None => pinned.notes.push(Note::UnknownKey {
                    key: key.to_string(),
                }),
            }
            notes.extend(
                pinned
                    .notes
                    .drain(..)
                    .map(|note| Note::Baseline(Box::new(note))),
            );
        } else if let Some(range_key) = key.strip_prefix(RANGE_PREFIX) {
            let settings = bands.get_or_insert(BandSettings::DEFAULT);
            match Input::from_key(range_key).filter(|i| settings.ranges.get(*i).is_some()) {
                Some(input) => read_range(&mut settings.ranges, notes, input, value),
                None => return false,
            }
        } else if key == SEED_KEY {
            let settings = bands.get_or_insert(BandSettings::DEFAULT);
            match parse_seed(value) {
                Some(seed) => settings.seed = seed,
                None => notes.push(Note::BadSeed {
                    given: value.clone(),
                    seed: BandSettings::DEFAULT_SEED,
                }),
            }
        } else if key == BANDS_KEY {
            if read_switch(notes, BANDS_KEY, value) == Some(true) {
                bands.get_or_insert(BandSettings::DEFAULT);
            }
        } else if key == BASELINE_KEY {
            if read_switch(notes, BASELINE_KEY, value) == Some(true) {
                baseline.get_or_insert_with(|| {
                    Reader::new(Scenario::REPORT, Annotation::default(), NoteSource::Link)
                });
            }
        } else if key == EMBED_KEY {
            if let Some(on) = read_switch(notes, EMBED_KEY, value) {
                embed = on;
            }
        } else if key == VIEW_KEY {
            match VIEW_WORDS.iter().position(|word| word == value) {
                Some(index) => chart = index == 1,
                None => notes.push(unknown_word(VIEW_KEY, value, &VIEW_WORDS)),
            }
        } else if key == THEME_KEY {
            match Theme::from_key(value) {
                Some(theme) => view.theme = theme,
                None => notes.push(unknown_word(THEME_KEY, value, &Theme::KEYS)),
            }
        } else if key == LANG_KEY {
            match Lang::from_key(value) {
                Some(lang) => view.lang = lang,
                None => notes.push(unknown_word(LANG_KEY, value, &Lang::KEYS)),
            }
        } else {
            return false;
        }
        true
    });
    view.page = if chart {
        Page::Chart
    } else if embed {
        Page::Embed
    } else {
        Page::Full
    };
    let read = reader.finish();
    ParsedQuery {
        link: Link {
            scenario: read.scenario,
            view,
            baseline: baseline.map(|pinned| pinned.finish().scenario),
            bands,
            annotation: read.annotation,
        },
        notes: read.notes,
    }
}

/// The note for a view key's value that is none of its `words`.
fn unknown_word(key: &'static str, given: &str, words: &'static [&'static str]) -> Note {
    Note::UnknownViewValue {
        key,
        given: given.to_string(),
        allowed: Allowed::Words(words),
    }
}

/// A switch key's value: `1` is on, `0` off; anything else is noted and changes nothing.
fn read_switch(notes: &mut Vec<Note>, key: &'static str, given: &str) -> Option<bool> {
    match given {
        "1" => Some(true),
        "0" => Some(false),
        _ => {
            notes.push(Note::UnknownViewValue {
                key,
                given: given.to_string(),
                allowed: Allowed::OnOrOff,
            });
            None
        }
    }
}

/// A half-width from a link, brought into its limits (noted when it had to be).
fn read_range(ranges: &mut Ranges, notes: &mut Vec<Note>, input: Input, given: &str) {
    let number = parse_decimal(given);
    ranges.set(input, number.unwrap_or(f64::NAN));
    let used = ranges.get(input).unwrap_or(0.0);
    if number != Some(used) {
        notes.push(Note::BadRange {
            input,
            given: given.to_string(),
            used,
        });
    }
}

/// A seed: plain digits (after trimming), 0 to [`BandSettings::MAX_SEED`].
fn parse_seed(text: &str) -> Option<u64> {
    let digits = text.trim_matches(|c: char| c.is_ascii_whitespace());
    if digits.is_empty() || digits.len() > 16 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seed = digits
        .bytes()
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    (seed <= BandSettings::MAX_SEED).then_some(seed)
}

/// The query string (without `?`) for a link: only what differs from the defaults, each value
/// in canonical form (`sg=60`, not `sg=60.000`), in the order of docs/model.md's inputs, then
/// the baseline's, then the view's. Empty for the report's scenario in the default view.
/// [`parse_query`] reads it back as the same link for every value with at most six decimals
/// (every slider value).
pub fn encode_query(link: &Link) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    scenario_pairs(&link.scenario, "", &mut pairs);
    if let Some(baseline) = &link.baseline {
        pairs.push((BASELINE_KEY.to_string(), "1".to_string()));
        scenario_pairs(baseline, BASELINE_PREFIX, &mut pairs);
    }
    if let Some(settings) = &link.bands {
        pairs.push((BANDS_KEY.to_string(), "1".to_string()));
        for input in Ranges::INPUTS {
            let (now, default) = (settings.ranges.get(input), Ranges::DEFAULT.get(input));
            if let Some(half) = now.filter(|half| Some(*half) != default) {
                pairs.push((
                    RANGE_PREFIX.to_string() + input.spec().key,
                    format::canonical(half),
                ));
            }
        }
        if settings.seed != BandSettings::DEFAULT_SEED {
            pairs.push((SEED_KEY.to_string(), format::whole(settings.seed)));
        }
    }
    let annotation = link.annotation.shown(link.scenario.last_year_shown());
    if let Some(year) = annotation.mark {
        pairs.push((MARK_KEY.to_string(), format::year(year)));
    }
    if let Some(note) = &annotation.note {
        pairs.push((NOTE_KEY.to_string(), form_encode(note)));
    }
    let view = link.view;
    match view.page {
        Page::Full => {}
        Page::Embed => pairs.push((EMBED_KEY.to_string(), "1".to_string())),
        Page::Chart => pairs.push((VIEW_KEY.to_string(), "chart".to_string())),
    }
    if view.theme != Theme::Auto {
        pairs.push((THEME_KEY.to_string(), view.theme.key().to_string()));
    }
    if view.lang != Lang::En {
        pairs.push((LANG_KEY.to_string(), view.lang.key().to_string()));
    }
    let mut query = String::new();
    for (key, value) in pairs {
        if !query.is_empty() {
            query.push('&');
        }
        query = query + &key + "=" + &value;
    }
    query
}

/// The scenario's non-default values as `(prefix + key, value)` pairs.
fn scenario_pairs(scenario: &Scenario, prefix: &str, pairs: &mut Vec<(String, String)>) {
    let clean = scenario.sanitized();
    for input in Input::ALL {
        let value = clean.get(input);
        if value != input.spec().default {
            pairs.push((
                prefix.to_string() + input.spec().key,
                format::canonical(value),
            ));
        }
        // `ramp` sits after the first Stargate year, as in docs/model.md's table.
        if input == Input::FirstStargateYear && clean.ramp != Ramp::DEFAULT {
            pairs.push((prefix.to_string() + RAMP_KEY, clean.ramp.key().to_string()));
        }
    }
}

/// Splits and decodes `application/x-www-form-urlencoded` text as `URLSearchParams` does:
/// `&`-separated, empty pieces skipped, split at the first `=`, `+` is a space, `%XX` escapes
/// decoded as bytes (a `%` without two hex digits stays literal), then UTF-8 with invalid
/// sequences replaced by U+FFFD.
pub fn form_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .split('&')
        .filter(|piece| !piece.is_empty())
        .map(|piece| {
            let (name, value) = piece.split_once('=').unwrap_or((piece, ""));
            (form_decode(name), form_decode(value))
        })
}

/// Encodes a reader's text as one `application/x-www-form-urlencoded` component, as
/// `URLSearchParams` writes it: letters, digits and `*-._` as they are, a space as `+`, every
/// other byte of its UTF-8 as `%XX`.
pub fn form_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                encoded.push(char::from(byte))
            }
            b' ' => encoded.push('+'),
            _ => {
                encoded.push('%');
                for nibble in [byte >> 4, byte & 15] {
                    encoded.push(char::from(
                        HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                    ));
                }
            }
        }
    }
    encoded
}

/// Decodes one `application/x-www-form-urlencoded` component (see [`form_pairs`]).
pub fn form_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = match (byte, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) => hex_value(high).zip(hex_value(low)),
            _ => None,
        };
        if let Some((high, low)) = escaped {
            decoded.push(high * 16 + low);
            i += 3;
        } else {
            decoded.push(if byte == b'+' { b' ' } else { byte });
            i += 1;
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::NoteSource;

    fn parse(query: &str) -> ParsedQuery {
        parse_query(query, &Scenario::REPORT)
    }

    #[test]
    fn empty_query_is_the_report() {
        for query in ["", "?", "?&&", "&"] {
            let parsed = parse(query);
            assert_eq!(parsed.link.scenario, Scenario::REPORT, "{query:?}");
            assert!(parsed.notes.is_empty(), "{query:?}");
        }
    }

    #[test]
    fn reads_every_key() {
        let parsed =
            parse("?sg=40&s24=6&s27=25.5&g=30&y0=2027&ramp=late&mc=8&mg=50&ora=10&disc=30&h=2035");
        let s = parsed.link.scenario;
        assert_eq!(s.stargate_share_2030, 40.0);
        assert_eq!(s.spend_2024, 6.0);
        assert_eq!(s.spend_2027, 25.5);
        assert_eq!(s.growth_after_2027, 30.0);
        assert_eq!(s.first_stargate_year, 2027.0);
        assert_eq!(s.ramp, Ramp::Late);
        assert_eq!(s.microsoft_capacity_2024, 8.0);
        assert_eq!(s.microsoft_capacity_growth, 50.0);
        assert_eq!(s.oracle_part_of_overflow, 10.0);
        assert_eq!(s.stargate_discount, 30.0);
        assert_eq!(s.last_year, 2035.0);
        assert!(parsed.notes.is_empty());
    }

    #[test]
    fn garbage_falls_back_to_the_default_with_a_note() {
        for value in ["abc", "50abc", "0x10", "inf", "NaN", ""] {
            let parsed = parse(&("sg=".to_string() + value));
            assert_eq!(parsed.link.scenario.stargate_share_2030, 75.0, "{value:?}");
            assert_eq!(
                parsed.notes,
                vec![Note::NotANumber {
                    input: Input::StargateShare2030,
                    given: Value::Text(value.to_string()),
                    kept: 75.0,
                }]
            );
        }
    }

    #[test]
    fn overflow_clamps_to_the_maximum() {
        let parsed = parse("sg=1e999&s24=-1e999");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 100.0);
        assert_eq!(parsed.link.scenario.spend_2024, 0.5);
        assert_eq!(parsed.notes.len(), 2);
        assert!(matches!(parsed.notes[0], Note::OutOfRange { used, .. } if used == 100.0));
    }

    #[test]
    fn out_of_range_clamps_and_in_range_is_kept_unrounded() {
        let parsed = parse("sg=150&g=-4&disc=33.3");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 100.0);
        assert_eq!(parsed.link.scenario.growth_after_2027, 0.0);
        assert_eq!(parsed.link.scenario.stargate_discount, 33.3);
        assert_eq!(parsed.notes.len(), 2);
    }

    #[test]
    fn negative_zero_is_zero_without_a_note() {
        let parsed = parse("sg=-0&mc=-0.0");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 0.0);
        assert!(parsed.link.scenario.stargate_share_2030.is_sign_positive());
        assert!(parsed
            .link
            .scenario
            .microsoft_capacity_2024
            .is_sign_positive());
        assert!(parsed.notes.is_empty());
        // Where 0 is below the range, -0 clamps like any other small number.
        let parsed = parse("s24=-0");
        assert_eq!(parsed.link.scenario.spend_2024, 0.5);
        assert_eq!(parsed.notes.len(), 1);
    }

    #[test]
    fn years_round_half_up_after_clamping() {
        let parsed = parse("y0=2026.5&h=2031.4");
        assert_eq!(parsed.link.scenario.first_stargate_year, 2027.0);
        assert_eq!(parsed.link.scenario.last_year, 2031.0);
        assert_eq!(
            parsed.notes,
            vec![
                Note::RoundedYear {
                    input: Input::FirstStargateYear,
                    given: "2026.5".into(),
                    used: 2027.0
                },
                Note::RoundedYear {
                    input: Input::LastYear,
                    given: "2031.4".into(),
                    used: 2031.0
                },
            ]
        );
        let parsed = parse("y0=2030.7&h=2029.5");
        assert_eq!(parsed.link.scenario.first_stargate_year, 2030.0);
        assert_eq!(parsed.link.scenario.last_year, 2030.0);
        assert!(matches!(parsed.notes[0], Note::OutOfRange { .. }));
        assert!(matches!(parsed.notes[1], Note::OutOfRange { .. }));
        let parsed = parse("y0=2025.5&h=2034.49999");
        assert_eq!(parsed.link.scenario.first_stargate_year, 2026.0);
        assert_eq!(parsed.link.scenario.last_year, 2034.0);
        assert_eq!(
            parse("y0=2027.0").notes,
            vec![],
            "a whole year written with .0 is fine"
        );
    }

    #[test]
    fn the_first_occurrence_wins() {
        let parsed = parse("sg=40&sg=90&ramp=late&ramp=early&sg=abc");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 40.0);
        assert_eq!(parsed.link.scenario.ramp, Ramp::Late);
        assert_eq!(
            parsed.notes,
            vec![
                Note::Repeated { key: "sg".into() },
                Note::Repeated { key: "ramp".into() },
            ]
        );
        // Even a bad first value wins over a good later one.
        let parsed = parse("sg=abc&sg=40");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 75.0);
        assert_eq!(parsed.notes.len(), 2);
    }

    #[test]
    fn ramp_must_be_exactly_one_of_its_words() {
        for word in ["lin", "s", "early", "late"] {
            let parsed = parse(&("ramp=".to_string() + word));
            assert_eq!(parsed.link.scenario.ramp.key(), word);
            assert!(parsed.notes.is_empty());
        }
        for word in ["LATE", "Late", " late", "late ", "linear", "", "s%20"] {
            let parsed = parse(&("ramp=".to_string() + word));
            assert_eq!(parsed.link.scenario.ramp, Ramp::SCurve, "{word:?}");
            assert_eq!(parsed.notes.len(), 1, "{word:?}");
        }
    }

    #[test]
    fn unknown_keys_are_ignored_and_named() {
        let parsed = parse("utm_source=blog&sg=50&SG=10");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 50.0);
        assert_eq!(
            parsed.notes,
            vec![
                Note::UnknownKey {
                    key: "utm_source".into()
                },
                Note::UnknownKey { key: "SG".into() },
            ]
        );
    }

    #[test]
    fn decodes_like_url_search_params() {
        assert_eq!(form_decode("a+b"), "a b");
        assert_eq!(form_decode("%41%62"), "Ab");
        assert_eq!(form_decode("100%"), "100%");
        assert_eq!(form_decode("%4"), "%4");
        assert_eq!(form_decode("%zz"), "%zz");
        assert_eq!(form_decode("%E2%82%AC"), "€");
        assert_eq!(form_decode("%FF"), "\u{fffd}");
        assert_eq!(form_decode("%C3"), "\u{fffd}");
        assert_eq!(form_decode("%2B"), "+");
        // Percent-encoded keys and values are decoded before they are read.
        let parsed = parse("%73%67=%2040%20&ramp=l%61te&h=2030%2E6");
        assert_eq!(parsed.link.scenario.stargate_share_2030, 40.0);
        assert_eq!(parsed.link.scenario.ramp, Ramp::Late);
        assert_eq!(parsed.link.scenario.last_year, 2031.0);
        // `+` is a space, so `sg=+40` reads as " 40", trimmed to 40.
        assert_eq!(parse("sg=+40").link.scenario.stargate_share_2030, 40.0);
        // A key with no `=` has an empty value.
        assert_eq!(
            parse("sg").notes,
            vec![Note::NotANumber {
                input: Input::StargateShare2030,
                given: Value::Text(String::new()),
                kept: 75.0,
            }]
        );
        // Only the first `=` splits.
        assert_eq!(parse("sg=4=0").link.scenario.stargate_share_2030, 75.0);
    }

    #[test]
    fn notes_read_as_sentences_and_quote_briefly() {
        let long = "9".repeat(10_000);
        let parsed = parse(&("sg=x".to_string() + &long));
        let message = parsed.notes[0].message();
        assert!(message.len() < 200, "{message}");
        assert!(message.contains("uses the default, 75%"), "{message}");
        let parsed = parse("sg=150");
        assert_eq!(
            parsed.notes[0].message(),
            "\u{201c}Stargate share of compute spend in 2030\u{201d} can go from 0% to 100%; \
             the link asked for 150, so it uses 100%."
        );
        for query in ["sg=", "y0=2026.5", "ramp=x", "sg=1&sg=2", "zz=1"] {
            let notes = parse(query).notes;
            assert!(!notes.is_empty());
            for note in notes {
                let message = note.message();
                assert!(message.ends_with('.'), "{message}");
            }
        }
    }

    #[test]
    fn notes_read_as_whole_sentences_in_german_for_each_source() {
        use crate::words::{with_language, Lang};
        let german = include_str!("../lang/de.json");
        let note = &parse("sg=150").notes[0];
        let (link, file) = with_language(Lang::De, german, || {
            (note.message(), note.message_from(NoteSource::File))
        });
        assert!(
            link.starts_with("\u{201e}Stargate-Anteil an den Ausgaben f\u{fc}r Rechenleistung 2030\u{201c} kann zwischen"),
            "{link}"
        );
        assert!(link.contains("; der Link nennt 150, daher gilt"), "{link}");
        assert!(file.contains("; die Datei nennt 150, daher gilt"), "{file}");
        let repeated = &parse("sg=1&sg=2").notes[0];
        assert_eq!(
            with_language(Lang::De, german, || repeated.message_from(NoteSource::Message)),
            "\u{201e}sg\u{201c} kommt in der Nachricht mehrfach vor; verwendet wurde der erste Wert."
        );
        assert_eq!(
            with_language(Lang::De, german, || Theme::Dark.label()),
            "Dunkel"
        );
        // English is back afterwards.
        assert!(note.message().starts_with("\u{201c}Stargate share"));
    }

    #[test]
    fn writes_only_what_differs_from_the_defaults_in_canonical_form() {
        assert_eq!(encode_query(&Link::to(Scenario::REPORT)), "");
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 60.0;
        assert_eq!(encode_query(&Link::to(s)), "sg=60");
        s.ramp = Ramp::Late;
        s.first_stargate_year = 2027.0;
        s.growth_after_2027 = 62.5;
        s.last_year = 2035.0;
        let view = ViewOptions {
            page: Page::Embed,
            theme: Theme::Dark,
            lang: Lang::De,
        };
        assert_eq!(
            encode_query(&Link {
                view,
                ..Link::to(s)
            }),
            "sg=60&g=62.5&y0=2027&ramp=late&h=2035&embed=1&theme=dark&lang=de"
        );
        // Out-of-range values are written as the page uses them.
        s.stargate_share_2030 = 250.0;
        assert!(encode_query(&Link::to(s)).starts_with("sg=100&"));
    }

    #[test]
    fn what_is_written_reads_back_the_same() {
        let parsed = parse("?sg=40.5&s24=6&s27=25.5&g=30&y0=2027&ramp=early&mc=8&mg=50&ora=10&disc=30&h=2035&embed=1&theme=light&lang=fr");
        assert!(parsed.notes.is_empty());
        let again = parse(&encode_query(&parsed.link));
        assert_eq!(again, parsed);
    }

    #[test]
    fn view_options_are_read_and_bad_words_noted() {
        let parsed = parse("embed=1&theme=dark");
        assert_eq!(
            parsed.link.view,
            ViewOptions {
                page: Page::Embed,
                theme: Theme::Dark,
                lang: Lang::En,
            }
        );
        assert!(parsed.notes.is_empty());
        assert_eq!(parse("embed=0").link.view.page, Page::Full);
        let bad = parse("embed=yes&theme=Dark");
        assert_eq!(bad.link.view, ViewOptions::default());
        assert_eq!(bad.notes.len(), 2);
        for code in ["xx", "<script>", "", "DE"] {
            let parsed = parse(&("lang=".to_string() + code));
            assert_eq!(parsed.link.view.lang, Lang::En);
            assert_eq!(
                parsed.notes,
                [Note::UnknownViewValue {
                    key: LANG_KEY,
                    given: code.to_string(),
                    allowed: Allowed::Words(&Lang::KEYS),
                }]
            );
        }
        assert_eq!(parse("lang=es&lang=de").link.view.lang, Lang::Es);
        assert_eq!(
            bad.notes[1].message(),
            "\u{201c}theme\u{201d} must be auto, light, dark; the link's Dark was ignored."
        );
        assert!(bad.notes[0].message().contains("1 or 0"));
    }

    #[test]
    fn the_chart_view_is_an_embed_written_as_view_chart() {
        for link in [
            "view=chart",
            "embed=1&view=chart",
            "view=chart&embed=0",
            "embed=0&view=chart",
        ] {
            let parsed = parse(link);
            assert_eq!(parsed.link.view.page, Page::Chart, "{link}");
            assert!(parsed.link.view.page.is_embed());
            assert!(parsed.notes.is_empty(), "{link}");
            assert_eq!(encode_query(&parsed.link), "view=chart", "{link}");
        }
        assert_eq!(parse("embed=1&view=full").link.view.page, Page::Embed);
        assert_eq!(parse("view=full").link.view.page, Page::Full);
        // The first `view` wins, as for every key.
        assert_eq!(parse("view=chart&view=full").link.view.page, Page::Chart);
        for word in ["Chart", "charts", "", "<b>"] {
            let parsed = parse(&("embed=1&view=".to_string() + word));
            assert_eq!(parsed.link.view.page, Page::Embed, "{word}");
            assert_eq!(
                parsed.notes,
                [Note::UnknownViewValue {
                    key: VIEW_KEY,
                    given: word.to_string(),
                    allowed: Allowed::Words(&VIEW_WORDS),
                }]
            );
        }
        assert_eq!(
            parse("view=graph").notes[0].message(),
            "\u{201c}view\u{201d} must be full, chart; the link's graph was ignored."
        );
        let written = parse("sg=40&view=chart&theme=dark&lang=de");
        assert_eq!(
            encode_query(&written.link),
            "sg=40&view=chart&theme=dark&lang=de"
        );
    }

    #[test]
    fn a_mark_and_a_note_are_read_by_the_link_rules_and_written_back() {
        let parsed = parse("sg=60&mark=2028&note=In+2028+Stargate+passes%20Azure");
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        assert_eq!(parsed.link.annotation.mark, Some(2028));
        assert_eq!(
            parsed.link.annotation.note.as_deref(),
            Some("In 2028 Stargate passes Azure")
        );
        assert_eq!(
            encode_query(&parsed.link),
            "sg=60&mark=2028&note=In+2028+Stargate+passes+Azure"
        );
        // The mark is read against the last year shown, wherever `h` comes in the link.
        assert_eq!(parse("mark=2033&h=2035").link.annotation.mark, Some(2033));
        let clamped = parse("mark=2033");
        assert_eq!(clamped.link.annotation.mark, Some(2030));
        assert_eq!(
            clamped.notes,
            [Note::MarkAdjusted {
                given: "2033".into(),
                used: 2030
            }]
        );
        assert_eq!(
            clamped.notes[0].message(),
            "The marked year is a whole year from 2024 to the last year shown; the link's 2033 \
             marks 2030."
        );
        let not_a_year = parse("mark=soon&note=");
        assert_eq!(not_a_year.link.annotation, Annotation::default());
        assert_eq!(
            not_a_year.notes,
            [Note::MarkNotAYear {
                given: Value::Text("soon".into())
            }]
        );
        // The first occurrence wins, as for every key.
        let twice = parse("note=first&note=second&mark=2026&mark=2027");
        assert_eq!(twice.link.annotation.note.as_deref(), Some("first"));
        assert_eq!(twice.link.annotation.mark, Some(2026));
        assert_eq!(twice.notes.len(), 2);
        // A long note is cut, and said so; markup, controls and bidi overrides as the core reads them.
        let long = parse(&("note=".to_string() + &"word+".repeat(100)));
        assert_eq!(long.notes, [Note::NoteCut { length: 499 }]);
        assert!(long.notes[0]
            .message()
            .contains("at most 140 characters; the link's had 499"));
        let hostile = parse("note=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%E2%80%AEevil%0Aline");
        assert_eq!(
            hostile.link.annotation.note.as_deref(),
            Some("<img src=x onerror=alert(1)>evil line")
        );
    }

    #[test]
    fn a_note_in_any_script_reads_back_from_its_link() {
        for note in [
            "50% & more: $60B #1 + «quoted» “curly” 'single' é ü ß 年 😀 مرحبا",
            "a=b&c=d?e/f\\g",
            "~*-._ 100%",
        ] {
            let link = Link {
                annotation: Annotation {
                    mark: Some(2029),
                    note: Some(note.to_string()),
                },
                ..Link::to(Scenario::REPORT)
            };
            let query = encode_query(&link);
            assert!(
                query
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"*-._+%=&".contains(&b)),
                "{query}"
            );
            assert_eq!(parse(&query).link, link, "{query}");
        }
        // A mark beyond the years shown is not written.
        let mut short = Link::to(Scenario::REPORT);
        short.annotation.mark = Some(2033);
        assert_eq!(encode_query(&short), "");
    }

    #[test]
    fn a_preset_page_reads_its_link_on_top_of_the_preset() {
        use crate::presets::PRESETS;
        for preset in PRESETS {
            let start = preset.apply(&Scenario::REPORT);
            let parsed = parse_query("?sg=50", &start);
            assert!(parsed.notes.is_empty(), "{}: {:?}", preset.id, parsed.notes);
            let mut expected = start;
            expected.stargate_share_2030 = 50.0;
            assert_eq!(parsed.link.scenario, expected, "{}", preset.id);
            // The page's own keys count as given once: the link's `sg` is not a repeat.
            let parsed = parse_query("sg=50&sg=60&ramp=lin&lang=de", &start);
            assert_eq!(parsed.notes, [Note::Repeated { key: "sg".into() }]);
            assert_eq!(parsed.link.scenario.ramp, Ramp::Linear);
            // A value that is not a number keeps the page's own, and says which.
            let bad = parse_query("sg=abc", &start);
            assert_eq!(bad.link.scenario, start);
            assert_eq!(
                bad.notes,
                [Note::NotANumber {
                    input: Input::StargateShare2030,
                    given: Value::Text("abc".into()),
                    kept: start.stargate_share_2030,
                }]
            );
        }
    }

    #[test]
    fn a_pinned_baseline_is_read_and_written_with_its_own_keys() {
        let pinned = parse("sg=60&b=1");
        assert_eq!(pinned.link.baseline, Some(Scenario::REPORT));
        assert!(pinned.notes.is_empty());
        assert_eq!(encode_query(&pinned.link), "sg=60&b=1");

        let compared = parse("sg=60&b.sg=40&b.ramp=late&b.h=2035");
        let baseline = compared.link.baseline.unwrap_or_default();
        assert_eq!(baseline.stargate_share_2030, 40.0);
        assert_eq!(baseline.ramp, Ramp::Late);
        assert_eq!(baseline.last_year, 2035.0);
        assert_eq!(compared.link.scenario.stargate_share_2030, 60.0);
        assert_eq!(
            encode_query(&compared.link),
            "sg=60&b=1&b.sg=40&b.ramp=late&b.h=2035"
        );
        assert_eq!(parse("sg=60").link.baseline, None);
        assert_eq!(parse("b=0").link.baseline, None);
    }

    #[test]
    fn baseline_values_follow_the_same_rules_and_their_notes_say_so() {
        let parsed = parse("b.sg=abc&b.y0=2026.5&b.zz=1&b=yes");
        let baseline = parsed.link.baseline.unwrap_or_default();
        assert_eq!(baseline.stargate_share_2030, 75.0);
        assert_eq!(baseline.first_stargate_year, 2027.0);
        assert_eq!(parsed.notes.len(), 4);
        assert!(parsed.notes[0]
            .message()
            .starts_with("Pinned baseline: The link's value for"));
        assert_eq!(
            parsed.notes[2].message(),
            "Pinned baseline: The link's \u{201c}b.zz\u{201d} is not a setting of this calculator and was ignored."
        );
        assert!(parsed.notes[3].message().contains("1 or 0"));
        // The main scenario is untouched by the baseline's keys.
        assert_eq!(parsed.link.scenario, Scenario::REPORT);
    }

    #[test]
    fn uncertainty_bands_are_read_and_written_with_ranges_and_seed() {
        let on = parse("bands=1");
        assert_eq!(on.link.bands, Some(BandSettings::DEFAULT));
        assert_eq!(encode_query(&on.link), "bands=1");
        let custom = parse("sg=60&bands=1&r.g=30&r.y0=2&seed=42");
        let settings = custom.link.bands.unwrap_or(BandSettings::DEFAULT);
        assert_eq!(settings.ranges.growth_after_2027, 30.0);
        assert_eq!(settings.ranges.first_stargate_year, 2.0);
        assert_eq!(settings.ranges.stargate_share_2030, 15.0);
        assert_eq!(settings.seed, 42);
        assert!(custom.notes.is_empty());
        assert_eq!(
            encode_query(&custom.link),
            "sg=60&bands=1&r.g=30&r.y0=2&seed=42"
        );
        // A range or a seed alone turns the bands on; `bands=0` or nothing leaves them off.
        assert!(parse("seed=7").link.bands.is_some());
        assert!(parse("bands=0").link.bands.is_none());
        assert!(parse("sg=60").link.bands.is_none());
    }

    #[test]
    fn bad_ranges_and_seeds_are_noted_and_kept_in_limits() {
        let parsed = parse("r.g=abc&r.sg=500&r.y0=1.4&r.h=3&seed=-1&bands=2");
        let settings = parsed.link.bands.unwrap_or(BandSettings::DEFAULT);
        assert_eq!(
            settings.ranges.growth_after_2027, 0.0,
            "not a number: no spread"
        );
        assert_eq!(settings.ranges.stargate_share_2030, 100.0);
        assert_eq!(settings.ranges.first_stargate_year, 1.0);
        assert_eq!(settings.seed, BandSettings::DEFAULT_SEED);
        assert_eq!(parsed.notes.len(), 6, "{:?}", parsed.notes);
        assert_eq!(
            parsed.notes[1].message(),
            "The uncertainty range of \u{201c}Stargate share of compute spend in 2030\u{201d} must be a number from 0 to 100%; the link's 500 became \u{b1}100%."
        );
        assert!(
            matches!(parsed.notes[3], Note::UnknownKey { .. }),
            "h has no range"
        );
        assert!(parsed.notes[4].message().starts_with("The random seed"));
        for seed in ["9007199254740993", "1e3", "", "12345678901234567"] {
            assert!(
                parse(&("seed=".to_string() + seed)).notes.len() == 1,
                "{seed}"
            );
        }
        assert_eq!(
            parse("seed=9007199254740992").link.bands.map(|b| b.seed),
            Some(BandSettings::MAX_SEED)
        );
    }
}
