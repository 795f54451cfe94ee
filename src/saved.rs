//! A saved scenario: the parameters file the page downloads (`stargate-mix-….json`), written and
//! read with serde. The file is the release that wrote it, then the scenario keyed by its URL
//! keys, `{"version": "1.0.0", "sg": 75, …, "ramp": "s"}`, so a file and a link say the same
//! thing in the same words, and a file says which calculator its numbers came from.
//!
//! Reading is the link's (`keys.rs`: numbers clamped, years rounded, unknown keys ignored, the
//! first of a repeated key wins, each noted for the reader), with the file's own policy: a file
//! is a document the reader chose, so one that is not a scenario at all (not JSON, not an
//! object, a value of the wrong kind such as `true`, `"NaN"` or a nested list) is refused whole,
//! with the reason, rather than half applied.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::annotation::Annotation;
use crate::format::{self, parse_decimal};
use crate::keys::{read_pairs, Reader, MARK_KEY, NOTE_KEY, RAMP_KEY, VERSION_KEY};
use crate::notes::{kind_words, quote, Note, NoteSource};
use crate::scenario::{Input, Ramp, Scenario};
use crate::value::{Document, Value};
use crate::words::{fill, Text};

/// Largest file the page reads. A saved scenario is about 250 bytes; anything much larger is
/// not one, and is refused before it is read.
pub const MAX_FILE_BYTES: f64 = 64.0 * 1024.0;

/// What a parameters file holds, and the host's state as `params`: a scenario and the
/// author's annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Parameters {
    pub scenario: Scenario,
    pub annotation: Annotation,
}

/// Written as every input by its URL key in docs/model.md's order, the ramp, then the marked year
/// and the note when there are (`mark`, `note`); each value in range, whole numbers without a
/// fraction (`75`, not `75.0`).
impl Serialize for Parameters {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.write(&mut map)?;
        map.end()
    }
}

impl Parameters {
    fn write<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let clean = self.scenario.sanitized();
        let annotation = self.annotation.shown(clean.last_year_shown());
        for input in Input::ALL {
            map.serialize_entry(input.spec().key, &Number(clean.get(input)))?;
        }
        map.serialize_entry(RAMP_KEY, clean.ramp.key())?;
        if let Some(year) = annotation.mark {
            map.serialize_entry(MARK_KEY, &year)?;
        }
        if let Some(note) = &annotation.note {
            map.serialize_entry(NOTE_KEY, note)?;
        }
        Ok(())
    }
}

/// The file: the release that wrote it, then the parameters.
struct SavedFile<'a>(&'a Parameters);

impl Serialize for SavedFile<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(VERSION_KEY, crate::release::VERSION)?;
        self.0.write(&mut map)?;
        map.end()
    }
}

/// A value written as an integer when it is one (every slider value within 2^53 is exact).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The canonical value (at most six decimals, as links write it): 0.1 + 0.2 is saved
        // as 0.3, so a file and a link of the same scenario hold the same numbers.
        let x = parse_decimal(&format::canonical(self.0)).unwrap_or(self.0);
        if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
            serializer.serialize_i64(x as i64)
        } else {
            serializer.serialize_f64(x)
        }
    }
}

/// The parameters file's text: pretty-printed JSON with a final newline.
pub fn to_json(parameters: &Parameters) -> String {
    // Writing a map of strings and numbers to a String cannot fail; an empty file would show
    // it if it ever did.
    serde_json::to_string_pretty(&SavedFile(parameters)).unwrap_or_default() + "\n"
}

/// A scenario (and its annotation) read from a file, with what was ignored or adjusted on
/// the way.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    pub scenario: Scenario,
    pub annotation: Annotation,
    pub notes: Vec<Note>,
}

/// Why a file was not opened. Nothing on the page changes.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenError {
    /// Over [`MAX_FILE_BYTES`]; not read at all.
    TooLarge { bytes: f64 },
    /// Not JSON: the parser's words (with line and column).
    NotJson { detail: String },
    /// JSON, but not an object of parameters: what it holds instead.
    NotAnObject { holds: Value },
    /// An object with none of the calculator's keys.
    NoParameters,
    /// A parameter whose value is not of its kind: what the file holds instead.
    WrongType { key: String, holds: Value },
}

impl OpenError {
    /// One plain sentence for the reader, naming the file.
    pub fn message(&self, file_name: &str) -> String {
        let file = quote(file_name);
        let file = ("file", file.as_str());
        match self {
            OpenError::TooLarge { bytes } => fill(
                Text::SavedTooLarge,
                &[file, ("size", &size_in_words(*bytes))],
            ),
            OpenError::NotJson { detail } => {
                fill(Text::SavedNotJson, &[file, ("detail", &quote_long(detail))])
            }
            OpenError::NotAnObject { holds } => fill(
                Text::SavedNotAnObject,
                &[
                    file,
                    ("holds", kind_words(holds)),
                    ("example", "{\"sg\": 75}"),
                ],
            ),
            OpenError::NoParameters => fill(
                Text::SavedNoParameters,
                &[file, ("keys", &parameter_keys())],
            ),
            OpenError::WrongType { key, holds } => {
                let (quoted, holds) = (quote(key), holds_words(holds));
                let (key_value, holds) = (("key", quoted.as_str()), ("holds", holds.as_str()));
                if key == RAMP_KEY {
                    let words = ramp_words();
                    fill(
                        Text::SavedWrongTypeRamp,
                        &[file, key_value, ("words", &words), holds],
                    )
                } else {
                    fill(Text::SavedWrongTypeNumber, &[file, key_value, holds])
                }
            }
        }
    }
}

/// Reads a saved-scenario file's text (see the module's notes for the rules).
pub fn read_json(text: &str) -> Result<SavedScenario, OpenError> {
    let file: Document = serde_json::from_str(text).map_err(|error| OpenError::NotJson {
        detail: error.to_string(),
    })?;
    read_saved(file)
}

/// Reads a parsed file onto the report's scenario, by the keys' rules and the file's policy.
pub fn read_saved(file: Document) -> Result<SavedScenario, OpenError> {
    let pairs = match file {
        Document::Object(pairs) => pairs,
        Document::Other(holds) => return Err(OpenError::NotAnObject { holds }),
    };
    let mut reader = Reader::new(Scenario::REPORT, Annotation::default(), NoteSource::File);
    read_pairs(&pairs, &mut reader, &mut |_, _, _| false);
    let read = reader.finish();
    if let Some((key, holds)) = read.refused {
        return Err(OpenError::WrongType { key, holds });
    }
    if read.given == 0 {
        return Err(OpenError::NoParameters);
    }
    Ok(SavedScenario {
        scenario: read.scenario,
        annotation: read.annotation,
        notes: read.notes,
    })
}

/// What a value is, in words, for a refusal: "the number 2", "the text “x”", "a list".
fn holds_words(value: &Value) -> String {
    match value {
        Value::Number(x) => fill(
            Text::SavedHoldsNumber,
            &[("number", &format::canonical(*x))],
        ),
        Value::Text(text) => fill(Text::SavedHoldsText, &[("text", &quote(text))]),
        other => kind_words(other).to_string(),
    }
}

/// A parser's message, shortened less than a value is (it carries line and column).
fn quote_long(text: &str) -> String {
    let mut chars = text.chars();
    let mut short: String = chars.by_ref().take(80).collect();
    if chars.next().is_some() {
        short.push('\u{2026}');
    }
    short
}

fn parameter_keys() -> String {
    let mut keys: Vec<&str> = Input::ALL.iter().map(|input| input.spec().key).collect();
    keys.push(RAMP_KEY);
    keys.join(", ")
}

fn ramp_words() -> String {
    let words: Vec<&str> = Ramp::ALL.iter().map(|ramp| ramp.key()).collect();
    words.join(", ")
}

/// `10.0 MB`, `80 KB`, `512 bytes`.
fn size_in_words(bytes: f64) -> String {
    let (text, size) = if bytes >= 1_000_000.0 {
        (Text::SavedSizeMb, format::fixed(bytes / 1_000_000.0, 1))
    } else if bytes >= 1_000.0 {
        (Text::SavedSizeKb, format::fixed(bytes / 1_000.0, 0))
    } else if bytes == 1.0 {
        (Text::SavedSizeBytesOne, format::fixed(bytes, 0))
    } else {
        (Text::SavedSizeBytesOther, format::fixed(bytes, 0))
    };
    fill(text, &[("size", &size)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::NoteSource;

    fn file(text: &str) -> Result<SavedScenario, OpenError> {
        read_json(text)
    }

    #[test]
    fn a_file_carries_the_mark_and_the_note() {
        let parameters = Parameters {
            scenario: Scenario::REPORT,
            annotation: Annotation {
                mark: Some(2028),
                note: Some("In 2028 \"Stargate\" passes <Azure>".into()),
            },
        };
        let json = to_json(&parameters);
        assert!(
            json.ends_with(
                "  \"mark\": 2028,\n  \"note\": \"In 2028 \\\"Stargate\\\" passes <Azure>\"\n}\n"
            ),
            "{json}"
        );
        // It says first which release wrote it; the host's `params` are the scenario alone.
        let first =
            "{\n  \"version\": \"".to_string() + crate::release::VERSION + "\",\n  \"sg\": ";
        assert!(json.starts_with(&first), "{json}");
        let params = serde_json::to_string(&parameters).unwrap_or_default();
        assert!(params.starts_with("{\"sg\":"), "{params}");
        let read = file(&json).map(|saved| (saved.scenario, saved.annotation, saved.notes.len()));
        assert_eq!(
            read,
            Ok((parameters.scenario, parameters.annotation.clone(), 0))
        );
        // Without them, the file is as it always was.
        let plain = to_json(&Parameters {
            scenario: Scenario::REPORT,
            annotation: Annotation::default(),
        });
        assert!(!plain.contains("mark") && !plain.contains("note"));
        // The link's rules: clamped and noted, cut and noted, the first of a repeated key.
        let moved = file(r#"{"mark": 2040, "note": "a", "note": "b", "h": 2032}"#);
        let moved = moved.unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(moved.annotation.mark, Some(2032));
        assert_eq!(moved.annotation.note.as_deref(), Some("a"));
        assert_eq!(moved.notes.len(), 2);
        let text_year = file(r#"{"mark": "2026"}"#).map(|s| s.annotation.mark);
        assert_eq!(text_year, Ok(Some(2026)));
        // A value of the wrong kind refuses the file whole, as for any parameter.
        for bad in [
            r#"{"mark": "soon"}"#,
            r#"{"mark": true}"#,
            r#"{"note": 5}"#,
            r#"{"note": ["x"]}"#,
        ] {
            assert!(
                matches!(file(bad), Err(OpenError::WrongType { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_download_reads_back_as_the_same_scenario() {
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 42.0;
        s.growth_after_2027 = 12.3;
        s.ramp = Ramp::Early;
        s.last_year = 2033.0;
        let json = to_json(&Parameters {
            scenario: s,
            annotation: Annotation::default(),
        });
        assert!(
            json.contains("\",\n  \"sg\": 42,\n  \"s24\": 5,\n"),
            "{json}"
        );
        assert!(json.contains("\n  \"g\": 12.3,\n"), "{json}");
        assert!(json.ends_with("  \"ramp\": \"early\"\n}\n"), "{json}");
        assert_eq!(
            file(&json),
            Ok(SavedScenario {
                scenario: s,
                annotation: Annotation::default(),
                notes: vec![]
            })
        );
    }

    #[test]
    fn every_slider_value_round_trips() {
        for input in Input::ALL {
            let spec = input.spec();
            let steps = ((spec.max - spec.min) / spec.step).round() as i64;
            for i in 0..=steps {
                let mut s = Scenario::REPORT;
                s.set(input, spec.min + i as f64 * spec.step);
                // Steps of 0.1 and 0.5 are not exact in binary; the file holds the canonical value.
                let expected = crate::link::parse_query(
                    &(spec.key.to_string() + "=" + &format::canonical(s.get(input))),
                    &Scenario::REPORT,
                );
                let read = file(&to_json(&Parameters {
                    scenario: s,
                    annotation: Annotation::default(),
                }))
                .map(|saved| saved.scenario);
                assert_eq!(
                    read,
                    Ok(expected.link.scenario),
                    "{} = {}",
                    spec.key,
                    s.get(input)
                );
            }
        }
    }

    #[test]
    fn values_follow_the_links_rules_and_are_noted() {
        let saved =
            file(r#"{"sg": 150, "y0": 2026.5, "s24": "7.5", "colour": "blue", "sg": 10, "h": -4}"#)
                .unwrap_or_else(|e| panic!("{e:?}"));
        let s = saved.scenario;
        assert_eq!(s.stargate_share_2030, 100.0);
        assert_eq!(s.first_stargate_year, 2027.0);
        assert_eq!(s.spend_2024, 7.5);
        assert_eq!(s.last_year, 2030.0);
        // Not in the file: the report's.
        assert_eq!(s.spend_2027, Scenario::REPORT.spend_2027);
        let messages: Vec<String> = saved
            .notes
            .iter()
            .map(|n| n.message_from(NoteSource::File))
            .collect();
        assert_eq!(messages.len(), 5, "{messages:?}");
        assert!(
            messages[0].contains("the file asked for 150, so it uses 100%"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("the file's 2026.5 was rounded to 2027"),
            "{messages:?}"
        );
        assert!(
            messages[2].contains("\u{201c}colour\u{201d} is not a setting"),
            "{messages:?}"
        );
        assert!(
            messages[3].contains("more than once in the file"),
            "{messages:?}"
        );
        assert!(messages.iter().all(|m| !m.contains("link")), "{messages:?}");
    }

    #[test]
    fn a_partial_file_takes_the_report_for_the_rest() {
        let saved = file(r#"{"ramp": "late"}"#).unwrap_or_else(|e| panic!("{e:?}"));
        let mut expected = Scenario::REPORT;
        expected.ramp = Ramp::Late;
        assert_eq!(saved.scenario, expected);
        assert!(saved.notes.is_empty());
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        type Expected = fn(&OpenError) -> bool;
        let cases: [(&str, Expected); 13] = [
            ("", |e| matches!(e, OpenError::NotJson { .. })),
            ("Year,Microsoft Azure,Stargate\n2024,5.00,0.00\n", |e| {
                matches!(e, OpenError::NotJson { .. })
            }),
            ("{\"sg\": NaN}", |e| matches!(e, OpenError::NotJson { .. })),
            ("\"NaN\"", |e| {
                matches!(
                    e,
                    OpenError::NotAnObject {
                        holds: Value::Text(_)
                    }
                )
            }),
            ("[75, 5, 20]", |e| {
                matches!(e, OpenError::NotAnObject { holds: Value::List })
            }),
            ("null", |e| {
                matches!(e, OpenError::NotAnObject { holds: Value::Null })
            }),
            ("{}", |e| *e == OpenError::NoParameters),
            ("{\"theme\": \"dark\"}", |e| *e == OpenError::NoParameters),
            (
                "{\"sg\": \"NaN\"}",
                |e| matches!(e, OpenError::WrongType { key, .. } if key == "sg"),
            ),
            ("{\"sg\": true}", |e| {
                matches!(
                    e,
                    OpenError::WrongType {
                        holds: Value::Bool(true),
                        ..
                    }
                )
            }),
            ("{\"s24\": {\"a\": [1, {\"b\": []}]}}", |e| {
                matches!(
                    e,
                    OpenError::WrongType {
                        holds: Value::Object,
                        ..
                    }
                )
            }),
            (
                "{\"ramp\": \"sideways\"}",
                |e| matches!(e, OpenError::WrongType { key, .. } if key == "ramp"),
            ),
            (
                "{\"ramp\": 2}",
                |e| matches!(e, OpenError::WrongType { holds: Value::Number(n), .. } if *n == 2.0),
            ),
        ];
        for (text, expected) in cases {
            match file(text) {
                Err(error) => {
                    assert!(expected(&error), "{text:?}: {error:?}");
                    let message = error.message("scenario.json");
                    assert!(message.starts_with("\u{201c}scenario.json\u{201d} was not opened: "));
                    assert!(message.ends_with(". Nothing was changed."), "{message}");
                }
                Ok(saved) => panic!("{text:?} was opened: {saved:?}"),
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        // serde_json skips nested values without recursing, and the wrong type is named.
        let deep = "{\"sg\": ".to_string() + &"[".repeat(100_000) + &"]".repeat(100_000) + "}";
        assert!(matches!(
            file(&deep),
            Err(OpenError::WrongType {
                holds: Value::List,
                ..
            })
        ));
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(
            file(&deep),
            Err(OpenError::NotAnObject { holds: Value::List })
        ));
        // Unclosed, it is not JSON.
        assert!(matches!(
            file(&"[".repeat(100_000)),
            Err(OpenError::NotJson { .. })
        ));
    }

    #[test]
    fn a_refusal_reads_in_german() {
        use crate::words::{with_language, Lang};
        let german = include_str!("../lang/de.json");
        let (list, wrong, large) = with_language(Lang::De, german, || {
            let message = |text: &str| file(text).err().map(|e| e.message("a.json"));
            let large = OpenError::TooLarge { bytes: 80_000.0 }.message("b.json");
            (message("[1, 2]"), message("{\"sg\": \"viel\"}"), large)
        });
        assert_eq!(
            list.as_deref(),
            Some("\u{201e}a.json\u{201c} wurde nicht geöffnet: Die Datei enthält eine Liste, nicht die Parameter eines Szenarios wie {\"sg\": 75}. Es wurde nichts geändert.")
        );
        assert_eq!(
            wrong.as_deref(),
            Some("\u{201e}a.json\u{201c} wurde nicht geöffnet: \u{201e}sg\u{201c} muss eine Zahl sein, die Datei enthält aber den Text \u{201e}viel\u{201c}. Es wurde nichts geändert.")
        );
        assert!(large.contains("ist 80 KB groß"), "{large}");
        // English again afterwards.
        assert_eq!(
            file("[]").err().map(|e| e.message("a.json")).as_deref(),
            Some("\u{201c}a.json\u{201d} was not opened: it holds a list, not a scenario\u{2019}s parameters such as {\"sg\": 75}. Nothing was changed.")
        );
    }

    #[test]
    fn messages_name_the_file_and_stay_short() {
        let long_name = "x".repeat(500) + ".json";
        let message = OpenError::TooLarge {
            bytes: 10_485_760.0,
        }
        .message(&long_name);
        assert!(message.contains("it is 10.5 MB"), "{message}");
        assert!(message.chars().count() < 200, "{message}");
        let message = file("{\"sg\": 1e999}")
            .map(|_| String::new())
            .unwrap_or_else(|e| e.message("a.json"));
        assert!(message.contains("not JSON"), "{message}");
    }
}
