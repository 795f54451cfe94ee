//! A link, a saved file and a host's `set` message read a scenario's keys by one set of rules
//! (`keys.rs`): the same key and value, from any of the three, give the same scenario and the
//! same note, or the same complaint, each in its source's form (a link and a message keep the
//! setting and say so; a file is refused). One table of cases, read from all three.

use stargate_calc::annotation::Annotation;
use stargate_calc::link::{form_encode, parse_query};
use stargate_calc::messages::{apply, read, HostMessage};
use stargate_calc::notes::{Note, NoteSource};
use stargate_calc::saved::{read_json, OpenError};
use stargate_calc::scenario::{Ramp, Scenario};

/// What a key and value come to.
#[derive(Debug)]
enum Expected {
    /// Taken (perhaps adjusted): this scenario and annotation, with this many notes.
    Taken(Scenario, Annotation, usize),
    /// Of the wrong kind for its key: the setting stays, and a link and a message say so;
    /// a file is refused.
    Complaint,
}

fn with(change: impl Fn(&mut Scenario)) -> Scenario {
    let mut scenario = Scenario::REPORT;
    change(&mut scenario);
    scenario
}

fn marked(mark: Option<i32>, note: Option<&str>) -> Annotation {
    Annotation {
        mark,
        note: note.map(str::to_string),
    }
}

/// (key, the link's text or `None` where a link cannot say it, the JSON value, what it gives)
fn cases() -> Vec<(&'static str, Option<String>, String, Expected)> {
    use Expected::*;
    let none = Annotation::default;
    let long = "word ".repeat(40);
    vec![
        (
            "sg",
            Some("60".into()),
            "60".into(),
            Taken(with(|s| s.stargate_share_2030 = 60.0), none(), 0),
        ),
        (
            "sg",
            Some("60".into()),
            "\"60\"".into(),
            Taken(with(|s| s.stargate_share_2030 = 60.0), none(), 0),
        ),
        (
            "sg",
            Some(" 40 ".into()),
            "\" 40 \"".into(),
            Taken(with(|s| s.stargate_share_2030 = 40.0), none(), 0),
        ),
        (
            "sg",
            Some("150".into()),
            "150".into(),
            Taken(with(|s| s.stargate_share_2030 = 100.0), none(), 1),
        ),
        (
            "sg",
            Some("1e999".into()),
            "\"1e999\"".into(),
            Taken(with(|s| s.stargate_share_2030 = 100.0), none(), 1),
        ),
        (
            "s24",
            Some("-3".into()),
            "-3".into(),
            Taken(with(|s| s.spend_2024 = 0.5), none(), 1),
        ),
        (
            "y0",
            Some("2026.5".into()),
            "2026.5".into(),
            Taken(with(|s| s.first_stargate_year = 2027.0), none(), 1),
        ),
        ("sg", Some("abc".into()), "\"abc\"".into(), Complaint),
        ("sg", Some(String::new()), "\"\"".into(), Complaint),
        ("sg", Some("0x10".into()), "\"0x10\"".into(), Complaint),
        ("sg", None, "true".into(), Complaint),
        ("sg", None, "null".into(), Complaint),
        ("sg", None, "[75]".into(), Complaint),
        ("g", None, "{\"a\": 1}".into(), Complaint),
        (
            "ramp",
            Some("late".into()),
            "\"late\"".into(),
            Taken(with(|s| s.ramp = Ramp::Late), none(), 0),
        ),
        ("ramp", Some("LATE".into()), "\"LATE\"".into(), Complaint),
        ("ramp", None, "2".into(), Complaint),
        (
            "mark",
            Some("2028".into()),
            "2028".into(),
            Taken(Scenario::REPORT, marked(Some(2028), None), 0),
        ),
        (
            "mark",
            Some("2028".into()),
            "\"2028\"".into(),
            Taken(Scenario::REPORT, marked(Some(2028), None), 0),
        ),
        (
            "mark",
            Some("2040".into()),
            "2040".into(),
            Taken(Scenario::REPORT, marked(Some(2030), None), 1),
        ),
        (
            "mark",
            Some("2027.5".into()),
            "2027.5".into(),
            Taken(Scenario::REPORT, marked(Some(2028), None), 1),
        ),
        (
            "mark",
            Some(String::new()),
            "null".into(),
            Taken(Scenario::REPORT, none(), 0),
        ),
        (
            "mark",
            Some(" ".into()),
            "\" \"".into(),
            Taken(Scenario::REPORT, none(), 0),
        ),
        ("mark", Some("soon".into()), "\"soon\"".into(), Complaint),
        ("mark", None, "false".into(), Complaint),
        (
            "note",
            Some("In 2028\n Stargate  passes".into()),
            "\"In 2028\\n Stargate  passes\"".into(),
            Taken(
                Scenario::REPORT,
                marked(None, Some("In 2028 Stargate passes")),
                0,
            ),
        ),
        (
            "note",
            Some(long.clone()),
            format!("\"{long}\""),
            Taken(
                Scenario::REPORT,
                marked(
                    None,
                    stargate_calc::annotation::read_note(&long).0.as_deref(),
                ),
                1,
            ),
        ),
        (
            "note",
            Some(String::new()),
            "null".into(),
            Taken(Scenario::REPORT, none(), 0),
        ),
        ("note", None, "5".into(), Complaint),
        ("note", None, "[\"x\"]".into(), Complaint),
        (
            "colour",
            Some("blue".into()),
            "\"blue\"".into(),
            Taken(Scenario::REPORT, none(), 1),
        ),
    ]
}

struct Outcome {
    scenario: Scenario,
    annotation: Annotation,
    /// Each note as the message would word it (a link's notes put in a message's words), so
    /// the link's and the message's can be compared.
    message_words: Vec<String>,
    /// Each note as a file would word it.
    file_words: Vec<String>,
}

fn from_link(key: &str, text: &str) -> Outcome {
    // `h` first in every source, so a file always holds a scenario key.
    let query = "h=2030&".to_string() + key + "=" + &form_encode(text);
    let parsed = parse_query(&query, &Scenario::REPORT);
    let words = |source| {
        parsed
            .notes
            .iter()
            .map(|n: &Note| n.message_from(source))
            .collect()
    };
    Outcome {
        scenario: parsed.link.scenario,
        annotation: parsed.link.annotation.clone(),
        message_words: words(NoteSource::Message),
        file_words: words(NoteSource::File),
    }
}

fn from_message(key: &str, json: &str) -> Outcome {
    let text =
        format!("{{\"type\":\"stargate-calc:set\",\"params\":{{\"h\": 2030, \"{key}\": {json}}}}}");
    let message = read(&text).unwrap_or(HostMessage::Get);
    assert!(matches!(message, HostMessage::Set { .. }), "{text}");
    let outcome = apply(message, &Scenario::REPORT, &Annotation::default());
    Outcome {
        scenario: outcome.scenario,
        annotation: outcome.annotation,
        message_words: outcome.notes,
        file_words: Vec::new(),
    }
}

fn from_file(key: &str, json: &str) -> Result<Outcome, OpenError> {
    let saved = read_json(&format!("{{\"h\": 2030, \"{key}\": {json}}}"))?;
    Ok(Outcome {
        scenario: saved.scenario,
        annotation: saved.annotation,
        message_words: Vec::new(),
        file_words: saved
            .notes
            .iter()
            .map(|n| n.message_from(NoteSource::File))
            .collect(),
    })
}

#[test]
fn a_link_a_file_and_a_message_read_each_key_alike() {
    for (key, link_text, json, expected) in cases() {
        let case = format!("{key} = {link_text:?} / {json}");
        let message = from_message(key, &json);
        let file = from_file(key, &json);
        let link = link_text.as_deref().map(|text| from_link(key, text));
        match expected {
            Expected::Taken(scenario, annotation, notes) => {
                let file = file.unwrap_or_else(|e| panic!("{case}: the file was refused: {e:?}"));
                for (source, outcome) in [("message", &message), ("file", &file)] {
                    assert_eq!(outcome.scenario, scenario, "{case}: {source}'s scenario");
                    assert_eq!(
                        outcome.annotation, annotation,
                        "{case}: {source}'s annotation"
                    );
                }
                assert_eq!(
                    message.message_words.len(),
                    notes,
                    "{case}: {:?}",
                    message.message_words
                );
                assert_eq!(
                    file.file_words.len(),
                    notes,
                    "{case}: {:?}",
                    file.file_words
                );
                if let Some(link) = link {
                    assert_eq!(link.scenario, scenario, "{case}: the link's scenario");
                    assert_eq!(link.annotation, annotation, "{case}: the link's annotation");
                    assert_eq!(
                        link.message_words, message.message_words,
                        "{case}: the same notes"
                    );
                    assert_eq!(link.file_words, file.file_words, "{case}: the same notes");
                }
            }
            Expected::Complaint => {
                // The setting stays as it was, and the one thing noted is this value.
                assert_eq!(message.scenario, Scenario::REPORT, "{case}");
                assert_eq!(message.annotation, Annotation::default(), "{case}");
                assert_eq!(
                    message.message_words.len(),
                    1,
                    "{case}: {:?}",
                    message.message_words
                );
                match file {
                    Err(OpenError::WrongType { key: refused, .. }) => {
                        assert_eq!(refused, key, "{case}")
                    }
                    other => panic!(
                        "{case}: the file was not refused: {:?}",
                        other.map(|o| o.scenario)
                    ),
                }
                if let Some(link) = link {
                    assert_eq!(link.scenario, Scenario::REPORT, "{case}");
                    assert_eq!(link.annotation, Annotation::default(), "{case}");
                    assert_eq!(
                        link.message_words, message.message_words,
                        "{case}: the same complaint"
                    );
                }
            }
        }
    }
}

#[test]
fn a_repeated_key_is_read_once_and_noted_once_by_all_three() {
    let link = parse_query("sg=40&sg=50&sg=60", &Scenario::REPORT);
    let message = apply(
        read(r#"{"type":"stargate-calc:set","params":{"sg": 40, "sg": 50, "sg": 60}}"#)
            .unwrap_or(HostMessage::Get),
        &Scenario::REPORT,
        &Annotation::default(),
    );
    let file =
        read_json(r#"{"sg": 40, "sg": 50, "sg": 60}"#).map(|saved| (saved.scenario, saved.notes));
    let mut expected = Scenario::REPORT;
    expected.stargate_share_2030 = 40.0;
    assert_eq!(link.link.scenario, expected);
    assert_eq!(message.scenario, expected);
    assert_eq!(file.as_ref().map(|f| f.0), Ok(expected));
    let repeated = [Note::Repeated { key: "sg".into() }];
    assert_eq!(link.notes, repeated);
    assert_eq!(file.map(|f| f.1), Ok(repeated.to_vec()));
    assert_eq!(
        message.notes,
        [repeated[0].message_from(NoteSource::Message)]
    );
}
