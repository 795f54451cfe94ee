//! What the page tells a reader about values it did not take as given: a [`Note`] for each
//! thing a link, a saved file or a host's message asked for that was adjusted, ignored or
//! repeated. Notes hold typed values and are put into words only when shown, in the page's
//! language, naming where the value came from ([`NoteSource`]); a notice shows a handful of
//! them and counts the rest ([`notice_lines`]).

use crate::format;
use crate::model::FIRST_YEAR;
use crate::presets::PRESETS;
use crate::scenario::{Input, Ramp, Unit};
use crate::value::Value;
use crate::words::{fill, t, Text};

/// What a source asked for that the page did not take as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// An input's value that is not a number: the input keeps the value it had (`kept`: the
    /// page's own on a link, the current one for a message).
    NotANumber {
        input: Input,
        given: Value,
        kept: f64,
    },
    /// The number was outside the input's range and was clamped.
    OutOfRange {
        input: Input,
        given: String,
        used: f64,
    },
    /// A year with a fraction was rounded to the nearest whole year.
    RoundedYear {
        input: Input,
        given: String,
        used: f64,
    },
    /// `ramp` was not one of its four words: the ramp stays `kept`.
    UnknownRamp { given: Value, kept: Ramp },
    /// `note` was not text: the note stays as it was.
    NoteNotText { given: Value },
    /// A key appeared again; only its first value was used.
    Repeated { key: String },
    /// A key the calculator does not know.
    UnknownKey { key: String },
    /// `embed`, `view`, `theme`, `lang`, `b` or `bands` had a value other than its words.
    UnknownViewValue {
        key: &'static str,
        given: String,
        allowed: Allowed,
    },
    /// A note about the pinned baseline's value (`b.sg=abc`).
    Baseline(Box<Note>),
    /// A range (`r.KEY`) that is not a number, or was brought into its limits.
    BadRange {
        input: Input,
        given: String,
        used: f64,
    },
    /// `seed` was not a whole number from 0 to 2^53: `seed` was used.
    BadSeed { given: String, seed: u64 },
    /// `mark` was a number outside the years shown, or not a whole year: it marks `used`.
    MarkAdjusted { given: String, used: i32 },
    /// `mark` was not a number: the marked year stays as it was (none, on a link).
    MarkNotAYear { given: Value },
    /// `note` was longer than the limit (`length` characters): it was cut at a word.
    NoteCut { length: usize },
    /// A host asked for a preset there is not: nothing changed.
    UnknownPreset { given: String },
}

/// The words a link's view key takes, for its note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// A switch: `1` or `0`.
    OnOrOff,
    Words(&'static [&'static str]),
}

/// Where the values a [`Note`] speaks of came from; its sentence names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteSource {
    /// A link's query string.
    Link,
    /// A saved-scenario file the reader opened (`saved.rs`).
    File,
    /// A message from the page that embeds the calculator (`messages.rs`).
    Message,
}

impl NoteSource {
    /// Of three whole sentences, one per source, the one for `self`: a link, a file and a
    /// message take different words (and, in German or French, different grammar).
    fn pick(self, link: Text, file: Text, message: Text) -> Text {
        match self {
            NoteSource::Link => link,
            NoteSource::File => file,
            NoteSource::Message => message,
        }
    }
}

/// Most notes a notice (or a host's reply) shows one by one; the rest are counted.
pub const NOTICE_LINES: usize = 5;

/// The notes as a notice's lines: every note when there are at most one more than
/// [`NOTICE_LINES`], else the first ones and a line that counts the others ("and 995 more"),
/// so a link of a thousand unknown keys makes a notice of six lines.
pub fn notice_lines(notes: &[Note], source: NoteSource) -> Vec<String> {
    let shown = if notes.len() > NOTICE_LINES + 1 {
        NOTICE_LINES
    } else {
        notes.len()
    };
    let mut lines: Vec<String> = notes
        .iter()
        .take(shown)
        .map(|note| note.message_from(source))
        .collect();
    if notes.len() > shown {
        let more = format::whole(notes.len().saturating_sub(shown) as u64);
        lines.push(fill(Text::NoticeMore, &[("count", &more)]));
    }
    lines
}

impl Note {
    /// One plain sentence for the reader about a link. Values they typed are quoted back,
    /// shortened.
    pub fn message(&self) -> String {
        self.message_from(NoteSource::Link)
    }

    /// One plain sentence for the reader about values that came from `source`, in the page's
    /// language. A file never carries a value of the wrong kind (it is refused whole), nor a
    /// link's view keys; those notes read as a link's.
    pub fn message_from(&self, source: NoteSource) -> String {
        use Text as T;
        let pick = |link, file, message| source.pick(link, file, message);
        let message = source == NoteSource::Message;
        match self {
            Note::NotANumber { input, given, kept } => {
                let spec = input.spec();
                let kept = format::input_value(*kept, spec.unit);
                if message {
                    fill(
                        T::MsgNumberIgnored,
                        &[
                            ("label", spec.label()),
                            ("given", &given_words(given)),
                            ("value", &kept),
                        ],
                    )
                } else if matches!(given, Value::Text(text) if text.trim().is_empty()) {
                    fill(
                        T::NoteEmptyLink,
                        &[("label", spec.label()), ("default", &kept)],
                    )
                } else {
                    fill(
                        T::NoteNotANumberLink,
                        &[
                            ("label", spec.label()),
                            ("given", &given_plain(given)),
                            ("default", &kept),
                        ],
                    )
                }
            }
            Note::OutOfRange { input, given, used } => {
                let spec = input.spec();
                fill(
                    pick(
                        T::NoteOutOfRangeLink,
                        T::NoteOutOfRangeFile,
                        T::NoteOutOfRangeMessage,
                    ),
                    &[
                        ("label", spec.label()),
                        ("min", &format::input_value(spec.min, spec.unit)),
                        ("max", &format::input_value(spec.max, spec.unit)),
                        ("given", &quote(given)),
                        ("used", &format::input_value(*used, spec.unit)),
                    ],
                )
            }
            Note::RoundedYear { input, given, used } => {
                let spec = input.spec();
                debug_assert_eq!(spec.unit, Unit::Year);
                fill(
                    pick(
                        T::NoteRoundedYearLink,
                        T::NoteRoundedYearFile,
                        T::NoteRoundedYearMessage,
                    ),
                    &[
                        ("label", spec.label()),
                        ("given", &quote(given)),
                        ("used", &format::input_value(*used, spec.unit)),
                    ],
                )
            }
            Note::UnknownRamp { given, kept } => {
                let words = Ramp::ALL.map(Ramp::key).join(", ");
                if message {
                    fill(
                        T::MsgRampIgnored,
                        &[
                            ("words", &words),
                            ("given", &given_words(given)),
                            ("ramp", kept.label()),
                        ],
                    )
                } else {
                    fill(
                        T::NoteUnknownRampLink,
                        &[
                            ("words", &words),
                            ("given", &given_plain(given)),
                            ("default", kept.label()),
                        ],
                    )
                }
            }
            Note::NoteNotText { given } => {
                fill(T::MsgNoteIgnored, &[("given", &given_words(given))])
            }
            Note::Repeated { key } => fill(
                pick(
                    T::NoteRepeatedLink,
                    T::NoteRepeatedFile,
                    T::NoteRepeatedMessage,
                ),
                &[("key", &quote(key))],
            ),
            Note::UnknownKey { key } => fill(
                pick(
                    T::NoteUnknownKeyLink,
                    T::NoteUnknownKeyFile,
                    T::NoteUnknownKeyMessage,
                ),
                &[("key", &quote(key))],
            ),
            Note::Baseline(note) => fill(T::NoteBaseline, &[("note", &note.message_from(source))]),
            Note::BadRange { input, given, used } => {
                let spec = input.spec();
                fill(
                    T::NoteBadRangeLink,
                    &[
                        ("label", spec.label()),
                        ("min", &format::grouped(0.0, 0)),
                        ("max", &format::input_value(spec.max - spec.min, spec.unit)),
                        ("given", &quote(given)),
                        ("used", &format::input_value(*used, spec.unit)),
                    ],
                )
            }
            Note::BadSeed { given, seed } => fill(
                T::NoteBadSeedLink,
                &[
                    ("min", &format::whole(0)),
                    // 2^53, written as a power: the largest seed JavaScript holds exactly.
                    ("max", "2^53"),
                    ("given", &quote(given)),
                    ("seed", &format::whole(*seed)),
                ],
            ),
            Note::MarkAdjusted { given, used } => fill(
                pick(
                    T::NoteMarkAdjustedLink,
                    T::NoteMarkAdjustedFile,
                    T::NoteMarkAdjustedMessage,
                ),
                &[
                    ("min", &format::year(FIRST_YEAR)),
                    ("given", &quote(given)),
                    ("used", &format::year(*used)),
                ],
            ),
            Note::MarkNotAYear { given } => {
                let (text, given) = if message {
                    (T::NoteMarkNotAYearMessage, given_words(given))
                } else {
                    (T::NoteMarkNotAYearLink, given_plain(given))
                };
                fill(
                    text,
                    &[("min", &format::year(FIRST_YEAR)), ("given", &given)],
                )
            }
            Note::NoteCut { length } => fill(
                pick(
                    T::NoteNoteCutLink,
                    T::NoteNoteCutFile,
                    T::NoteNoteCutMessage,
                ),
                &[
                    (
                        "limit",
                        &format::whole(crate::annotation::NOTE_LIMIT as u64),
                    ),
                    ("length", &format::grouped(*length as f64, 0)),
                ],
            ),
            Note::UnknownViewValue {
                key,
                given,
                allowed,
            } => {
                let words = match allowed {
                    Allowed::OnOrOff => fill(T::NoteOnOrOff, &[("on", "1"), ("off", "0")]),
                    Allowed::Words(words) => words.join(", "),
                };
                fill(
                    T::NoteViewValueLink,
                    &[("key", key), ("words", &words), ("given", &quote(given))],
                )
            }
            Note::UnknownPreset { given } => fill(
                T::MsgUnknownPreset,
                &[
                    ("preset", &quote(given)),
                    ("presets", &PRESETS.map(|p| p.id).join(", ")),
                ],
            ),
        }
    }
}

/// Longest piece of a reader-supplied value quoted back in a note.
const QUOTE_LIMIT: usize = 24;

/// A reader's text, shortened for quoting back (a 10,000-character value would swamp the page).
pub fn quote(text: &str) -> String {
    if text.is_empty() {
        // Nothing given: a pair of empty quotes says so better than nothing at all.
        return fill(Text::MsgGivenText, &[("text", "")]);
    }
    let mut chars = text.chars();
    let mut short: String = chars.by_ref().take(QUOTE_LIMIT).collect();
    if chars.next().is_some() {
        short.push('\u{2026}');
    }
    short
}

/// What kind of value `value` is, in words: "a number", "a list", "null", …
pub fn kind_words(value: &Value) -> &'static str {
    t(match value {
        Value::Number(_) => Text::SavedHoldsANumber,
        Value::Text(_) => Text::SavedHoldsAText,
        Value::Bool(_) => Text::SavedHoldsTrueFalse,
        Value::Null => Text::SavedHoldsNull,
        Value::List => Text::SavedHoldsList,
        Value::Object => Text::SavedHoldsAnObject,
    })
}

/// A value a message gave, in words, shortened: `“abc”`, `12.5`, `null`, `a list`.
pub fn given_words(value: &Value) -> String {
    match value {
        Value::Number(x) => format::canonical(*x),
        Value::Text(text) => fill(Text::MsgGivenText, &[("text", &quote(text))]),
        other => kind_words(other).to_string(),
    }
}

/// A value a link gave (always text), quoted back as it was written, shortened.
fn given_plain(value: &Value) -> String {
    match value {
        Value::Text(text) => quote(text),
        other => given_words(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unknown(n: usize) -> Vec<Note> {
        (0..n)
            .map(|i| Note::UnknownKey {
                key: format!("k{i}"),
            })
            .collect()
    }

    #[test]
    fn a_notice_shows_a_handful_of_lines_and_counts_the_rest() {
        for n in 0..=NOTICE_LINES + 1 {
            let lines = notice_lines(&unknown(n), NoteSource::Link);
            assert_eq!(lines.len(), n, "all {n} shown");
            assert!(lines.iter().all(|line| line.contains("is not a setting")));
        }
        let lines = notice_lines(&unknown(1000), NoteSource::Link);
        assert_eq!(lines.len(), NOTICE_LINES + 1);
        assert_eq!(lines.last().map(String::as_str), Some("…and 995 more."));
        assert!(lines
            .first()
            .is_some_and(|line| line.contains("\u{201c}k0\u{201d}")));
    }

    #[test]
    fn a_value_is_put_into_words_only_when_shown() {
        let null = Note::NoteNotText { given: Value::Null };
        assert_eq!(
            null.message_from(NoteSource::Message),
            "The note must be text; the message's null was ignored, so the note stays as it was."
        );
        let german = include_str!("../lang/de.json");
        let words = crate::words::with_language(crate::words::Lang::De, german, || {
            null.message_from(NoteSource::Message)
        });
        assert!(words.contains("null"), "{words}");
        assert_eq!(given_words(&Value::Text("x".into())), "\u{201c}x\u{201d}");
        assert_eq!(given_words(&Value::Number(2.5)), "2.5");
        assert_eq!(given_words(&Value::List), "a list");
        assert_eq!(quote(&"y".repeat(100)).chars().count(), QUOTE_LIMIT + 1);
    }
}
