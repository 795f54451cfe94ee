//! A scenario's keys, read once for every source. A link's query, a saved file and a host's
//! `set` message all hand their pairs to [`read_pairs`]: each key's first value is read onto the
//! scenario by the same rules (docs/model.md's: a number by the link's grammar, clamped, a year
//! rounded; the ramp's four words; the marked year against the years shown; the note as plain
//! text), a key that comes again and a key the calculator does not know are noted, and a value
//! of the wrong kind leaves its setting as it was. Each source keeps only its own policy: a
//! link reads its own keys too (the view, a baseline, the bands), a message replies with what
//! it noted, a file is refused at its first value of the wrong kind.

use rustc_hash::FxHashSet;

use crate::annotation::{mark_year, read_note, Annotation};
use crate::format::{canonical, parse_decimal};
use crate::notes::{Note, NoteSource};
use crate::scenario::{Input, Ramp, Scenario};
use crate::value::Value;

/// Key of the ramp (the one input that is a word, not a number): `ramp=late`.
pub const RAMP_KEY: &str = "ramp";
/// Key of the marked year: `mark=2028`.
pub const MARK_KEY: &str = "mark";
/// Key of the author's note: `note=In 2028 Stargate passes Azure`.
pub const NOTE_KEY: &str = "note";
/// Key of the release that wrote a file (`"version": "1.0.0"`, `release::VERSION`). Every
/// source takes it and reads nothing from it: the file's values are what its author saw, and a
/// host may send a file back whole.
pub const VERSION_KEY: &str = "version";

/// A key every source reads the same way: an input's, the ramp's, or the author's annotation's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioKey {
    Input(Input),
    Ramp,
    Mark,
    Note,
}

impl ScenarioKey {
    /// The key `key` names, if it is one of a scenario's.
    pub fn from_key(key: &str) -> Option<ScenarioKey> {
        match key {
            RAMP_KEY => Some(ScenarioKey::Ramp),
            MARK_KEY => Some(ScenarioKey::Mark),
            NOTE_KEY => Some(ScenarioKey::Note),
            _ => Input::from_key(key).map(ScenarioKey::Input),
        }
    }

    /// How the key is written.
    pub fn key(self) -> &'static str {
        match self {
            ScenarioKey::Input(input) => input.spec().key,
            ScenarioKey::Ramp => RAMP_KEY,
            ScenarioKey::Mark => MARK_KEY,
            ScenarioKey::Note => NOTE_KEY,
        }
    }

    /// True for the keys of the scenario itself, without the annotation: what a pinned
    /// baseline has (`b.sg`, `b.ramp`).
    pub fn is_scenario(self) -> bool {
        matches!(self, ScenarioKey::Input(_) | ScenarioKey::Ramp)
    }
}

/// A pair, in order: the first of its key, or a key that came before (once per key).
#[derive(Debug, PartialEq)]
pub enum Entry<'a> {
    First(&'a str, &'a Value),
    Repeated(&'a str),
}

/// The pairs as [`Entry`]s, in order: the first occurrence of a key wins, and a key repeated
/// twice or more is reported once. Linear in the number of pairs (a set of the keys seen), so
/// a link of a hundred thousand keys reads as fast as it arrives.
pub fn entries(pairs: &[(String, Value)]) -> impl Iterator<Item = Entry<'_>> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let mut reported: FxHashSet<&str> = FxHashSet::default();
    pairs.iter().filter_map(move |(key, value)| {
        if seen.insert(key) {
            Some(Entry::First(key, value))
        } else if reported.insert(key) {
            Some(Entry::Repeated(key))
        } else {
            None
        }
    })
}

/// Reads a source's pairs onto a scenario and its annotation (see the module's notes).
#[derive(Clone, Debug, PartialEq)]
pub struct Reader {
    pub scenario: Scenario,
    pub annotation: Annotation,
    /// What was adjusted, ignored or repeated, in the order the pairs came.
    pub notes: Vec<Note>,
    /// A file's first value of the wrong kind, by its key: a file is refused, not half read.
    pub refused: Option<(String, Value)>,
    /// How many of a scenario's keys the source gave (a file with none is no scenario).
    pub given: usize,
    source: NoteSource,
    /// The marked year as given, read against the years shown once every key is in: `None`
    /// when the source did not say, `Some(None)` to take the mark away.
    mark: Option<Option<(f64, String)>>,
}

/// What a source's pairs came to: its scenario and annotation, and its notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub scenario: Scenario,
    pub annotation: Annotation,
    pub notes: Vec<Note>,
    pub refused: Option<(String, Value)>,
    pub given: usize,
}

impl Reader {
    /// A reader that starts from `scenario` and `annotation`: what a key does not set, or sets
    /// to a value of the wrong kind, stays as they have it.
    pub fn new(scenario: Scenario, annotation: Annotation, source: NoteSource) -> Reader {
        Reader {
            scenario,
            annotation,
            notes: Vec::new(),
            refused: None,
            given: 0,
            source,
            mark: None,
        }
    }

    /// Reads the first value of `key`.
    pub fn read(&mut self, key: ScenarioKey, value: &Value) {
        self.given += 1;
        match key {
            ScenarioKey::Input(input) => match number(value) {
                Some((x, written)) => self.set_number(input, x, written),
                None => self.wrong(
                    key,
                    value,
                    Note::NotANumber {
                        input,
                        given: value.clone(),
                        kept: self.scenario.get(input),
                    },
                ),
            },
            ScenarioKey::Ramp => match value {
                Value::Text(word) => match Ramp::from_key(word) {
                    Some(ramp) => self.scenario.ramp = ramp,
                    None => self.wrong_ramp(value),
                },
                _ => self.wrong_ramp(value),
            },
            ScenarioKey::Mark => match value {
                // Nothing to mark: `null`, or a blank (`mark=`), takes the mark away.
                Value::Null => self.mark = Some(None),
                Value::Text(text) if text.trim().is_empty() => self.mark = Some(None),
                _ => match number(value) {
                    Some(year) => self.mark = Some(Some(year)),
                    None => self.wrong(
                        key,
                        value,
                        Note::MarkNotAYear {
                            given: value.clone(),
                        },
                    ),
                },
            },
            ScenarioKey::Note => match value {
                Value::Null => self.annotation.note = None,
                Value::Text(text) => {
                    let (note, cut) = read_note(text);
                    self.annotation.note = note;
                    if let Some(length) = cut {
                        self.notes.push(Note::NoteCut { length });
                    }
                }
                _ => self.wrong(
                    key,
                    value,
                    Note::NoteNotText {
                        given: value.clone(),
                    },
                ),
            },
        }
    }

    /// Sets `input` to `number` by docs/model.md's rules (clamped, years rounded), noting an
    /// adjustment; `given` is how the source wrote it, for the note.
    fn set_number(&mut self, input: Input, number: f64, given: String) {
        let spec = input.spec();
        self.scenario.set(input, number);
        let used = self.scenario.get(input);
        if number < spec.min || number > spec.max {
            self.notes.push(Note::OutOfRange { input, given, used });
        } else if used != number {
            // In range but changed: only a year's rounding does that.
            self.notes.push(Note::RoundedYear { input, given, used });
        }
    }

    fn wrong_ramp(&mut self, value: &Value) {
        let kept = self.scenario.ramp;
        self.wrong(
            ScenarioKey::Ramp,
            value,
            Note::UnknownRamp {
                given: value.clone(),
                kept,
            },
        );
    }

    /// A value of the wrong kind for its key: a file is refused (at its first); a link and a
    /// message keep the setting as it was and say so.
    fn wrong(&mut self, key: ScenarioKey, value: &Value, note: Note) {
        if self.source == NoteSource::File {
            if self.refused.is_none() {
                self.refused = Some((key.key().to_string(), value.clone()));
            }
        } else {
            self.notes.push(note);
        }
    }

    /// The scenario, its annotation and the notes, once every pair is read: the marked year
    /// is read against the last year the source leaves shown, wherever `h` came.
    pub fn finish(mut self) -> Read {
        match self.mark {
            None => {}
            Some(None) => self.annotation.mark = None,
            Some(Some((number, given))) => {
                let used = mark_year(number, self.scenario.last_year_shown());
                self.annotation.mark = Some(used);
                if f64::from(used) != number {
                    self.notes.push(Note::MarkAdjusted { given, used });
                }
            }
        }
        Read {
            scenario: self.scenario,
            annotation: self.annotation,
            notes: self.notes,
            refused: self.refused,
            given: self.given,
        }
    }
}

/// A value as a number, with how it was written: a number, or a text in the link's grammar.
fn number(value: &Value) -> Option<(f64, String)> {
    match value {
        Value::Number(x) if !x.is_nan() => Some((*x, canonical(*x))),
        Value::Text(text) => parse_decimal(text).map(|x| (x, text.clone())),
        _ => None,
    }
}

/// Reads `pairs` in order into `reader`: a scenario's keys by its rules, a repeated key noted
/// once, the release that wrote them ([`VERSION_KEY`]) taken without a word; any other key is
/// offered to `other` (a link's own keys), and noted as unknown when it does not take it.
pub fn read_pairs(
    pairs: &[(String, Value)],
    reader: &mut Reader,
    other: &mut dyn FnMut(&str, &Value, &mut Vec<Note>) -> bool,
) {
    for entry in entries(pairs) {
        match entry {
            Entry::Repeated(key) => reader.notes.push(Note::Repeated {
                key: key.to_string(),
            }),
            Entry::First(VERSION_KEY, _) => {}
            Entry::First(key, value) => match ScenarioKey::from_key(key) {
                Some(scenario_key) => reader.read(scenario_key, value),
                None => {
                    if !other(key, value, &mut reader.notes) {
                        reader.notes.push(Note::UnknownKey {
                            key: key.to_string(),
                        });
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Vec<(String, Value)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::Text(v.to_string())))
            .collect()
    }

    fn read(pairs: &[(String, Value)], source: NoteSource) -> Read {
        let mut reader = Reader::new(Scenario::REPORT, Annotation::default(), source);
        read_pairs(pairs, &mut reader, &mut |_, _, _| false);
        reader.finish()
    }

    #[test]
    fn every_key_of_a_scenario_is_known_and_written_back() {
        for input in Input::ALL {
            let key = ScenarioKey::Input(input);
            assert_eq!(ScenarioKey::from_key(key.key()), Some(key));
            assert!(key.is_scenario());
        }
        for key in [ScenarioKey::Ramp, ScenarioKey::Mark, ScenarioKey::Note] {
            assert_eq!(ScenarioKey::from_key(key.key()), Some(key));
        }
        assert!(!ScenarioKey::Mark.is_scenario());
        assert_eq!(ScenarioKey::from_key("b.sg"), None);
    }

    #[test]
    fn the_release_that_wrote_a_source_is_taken_without_a_word() {
        for source in [NoteSource::Link, NoteSource::File, NoteSource::Message] {
            for version in ["1.0.0", "0.9", ""] {
                let read = read(&text(&[("version", version), ("sg", "40")]), source);
                assert_eq!(
                    (read.notes.as_slice(), read.given),
                    (&[][..], 1),
                    "{source:?}"
                );
                assert_eq!(read.scenario.stargate_share_2030, 40.0);
            }
            let number = vec![("version".to_string(), Value::Number(1.0))];
            let read = read(&number, source);
            assert_eq!((read.notes.len(), read.given, read.refused), (0, 0, None));
        }
    }

    #[test]
    fn the_first_occurrence_wins_and_a_repeat_is_noted_once() {
        let pairs = text(&[
            ("sg", "40"),
            ("g", "1"),
            ("sg", "90"),
            ("sg", "1"),
            ("g", "2"),
        ]);
        let found: Vec<Entry> = entries(&pairs).collect();
        assert_eq!(
            found,
            [
                Entry::First("sg", &Value::Text("40".into())),
                Entry::First("g", &Value::Text("1".into())),
                Entry::Repeated("sg"),
                Entry::Repeated("g"),
            ]
        );
    }

    #[test]
    fn a_hundred_thousand_keys_are_read_in_one_pass() {
        let mut pairs: Vec<(String, Value)> = (0..100_000)
            .map(|i| (format!("k{i}"), Value::Text(String::new())))
            .collect();
        pairs.extend(pairs.clone());
        let read = read(&pairs, NoteSource::Link);
        assert_eq!(read.notes.len(), 200_000);
        assert_eq!(read.scenario, Scenario::REPORT);
    }

    #[test]
    fn a_value_of_the_wrong_kind_keeps_the_setting_or_refuses_a_file() {
        let mut start = Scenario::REPORT;
        start.stargate_share_2030 = 33.0;
        let pairs = vec![
            ("sg".to_string(), Value::Bool(true)),
            ("g".to_string(), Value::Number(30.0)),
            ("ramp".to_string(), Value::Number(2.0)),
        ];
        for source in [NoteSource::Link, NoteSource::Message] {
            let mut reader = Reader::new(start, Annotation::default(), source);
            read_pairs(&pairs, &mut reader, &mut |_, _, _| false);
            let read = reader.finish();
            assert_eq!(read.scenario.stargate_share_2030, 33.0);
            assert_eq!(read.scenario.growth_after_2027, 30.0);
            assert_eq!(read.scenario.ramp, Ramp::DEFAULT);
            assert_eq!(read.refused, None);
            assert_eq!(
                read.notes.first(),
                Some(&Note::NotANumber {
                    input: Input::StargateShare2030,
                    given: Value::Bool(true),
                    kept: 33.0
                })
            );
        }
        let file = read(&pairs, NoteSource::File);
        assert_eq!(file.refused, Some(("sg".to_string(), Value::Bool(true))));
        assert!(file.notes.is_empty());
        assert_eq!(file.given, 3);
    }

    #[test]
    fn null_or_a_blank_takes_the_mark_and_the_note_away() {
        let marked = Annotation {
            mark: Some(2028),
            note: Some("x".into()),
        };
        for (mark, note) in [
            (Value::Null, Value::Null),
            (Value::Text(" ".into()), Value::Text(String::new())),
        ] {
            let mut reader = Reader::new(Scenario::REPORT, marked.clone(), NoteSource::Message);
            read_pairs(
                &[("mark".to_string(), mark), ("note".to_string(), note)],
                &mut reader,
                &mut |_, _, _| false,
            );
            let read = reader.finish();
            assert_eq!(read.annotation, Annotation::default());
            assert!(read.notes.is_empty());
        }
    }

    #[test]
    fn the_mark_is_read_against_the_years_the_source_leaves_shown() {
        let read_mark = |pairs: &[(&str, &str)]| {
            let read = read(&text(pairs), NoteSource::Link);
            (read.annotation.mark, read.notes)
        };
        assert_eq!(read_mark(&[("mark", "2033"), ("h", "2035")]).0, Some(2033));
        let (mark, notes) = read_mark(&[("mark", "2033")]);
        assert_eq!(mark, Some(2030));
        assert_eq!(
            notes,
            [Note::MarkAdjusted {
                given: "2033".into(),
                used: 2030
            }]
        );
        assert_eq!(read_mark(&[("mark", "2028.5")]).0, Some(2029));
        assert_eq!(
            read_mark(&[("mark", "soon")]),
            (
                None,
                vec![Note::MarkNotAYear {
                    given: Value::Text("soon".into())
                }]
            )
        );
    }
}
