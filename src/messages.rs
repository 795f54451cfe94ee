//! The embed's message API (version 1): what a host page may send the calculator in its iframe,
//! and what the calculator sends back. Messages are Rust types read and written with serde; the
//! page turns a message's data into JSON text (the browser's `JSON.stringify`) and back, so
//! everything here is plain text in, plain structs out, and tested natively.
//!
//! From the host: `{type: "stargate-calc:set", params}`, `…:preset`, `…:reset`, `…:theme`,
//! `…:get`. To the host: `…:ready` once, `…:state` in reply to each `set`, `preset`, `reset` and
//! `get` and after the reader changes something, and `…:height` (`embed.rs`). Anything that is
//! not one of these, in its shape, is not a message for us and is ignored.

use serde::{Deserialize, Serialize};

use crate::annotation::Annotation;
use crate::keys::{read_pairs, Reader};
use crate::link::Theme;
use crate::model::Projection;
use crate::notes::{notice_lines, Note, NoteSource};
use crate::presets::PRESETS;
use crate::saved::Parameters;
use crate::scenario::Scenario;
use crate::value::{Document, Value};

/// The protocol's version, in every message the calculator sends.
pub const VERSION: u32 = 1;

/// A message from the host page.
#[derive(Debug, PartialEq)]
pub enum HostMessage {
    /// `stargate-calc:set`: any subset of the URL keys, numbers or strings, applied by
    /// docs/model.md's rules.
    Set { params: Params },
    /// `stargate-calc:preset`: one of the presets by its id (`report`, `microsoft-keeps-up`, …).
    Preset { preset: String },
    /// `stargate-calc:reset`: the report's figures.
    Reset,
    /// `stargate-calc:theme`: `light`, `dark` or `auto`.
    Theme { theme: String },
    /// `stargate-calc:get`: just the state.
    Get,
}

/// A message as it arrives: its `type` and the fields any message may carry, each of its own
/// kind (a `preset` that is not a string makes the whole message the wrong shape). Read as a
/// plain struct and then matched on `type`, rather than as an internally tagged enum, which
/// serde reads by buffering the whole message first: the same messages, 12 KB less wasm.
#[derive(Deserialize)]
struct Incoming {
    #[serde(rename = "type")]
    kind: String,
    params: Option<Params>,
    preset: Option<String>,
    theme: Option<String>,
}

/// `set`'s params: an object's pairs in order (a repeated key is seen); anything but an object
/// makes the whole message the wrong shape.
#[derive(Debug, PartialEq)]
pub struct Params(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Params {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Document::deserialize(deserializer)? {
            Document::Object(pairs) => Ok(Params(pairs)),
            Document::Other(_) => Err(serde::de::Error::custom("params is not an object")),
        }
    }
}

/// A message from the host, read from its JSON text; `None` for anything else: not JSON, not
/// an object, another `type`, or the wrong shape (a `set` without an object of params, a
/// `preset` that is not a string, …).
pub fn read(json: &str) -> Option<HostMessage> {
    let incoming: Incoming = serde_json::from_str(json).ok()?;
    Some(match incoming.kind.as_str() {
        "stargate-calc:set" => HostMessage::Set {
            params: incoming.params?,
        },
        "stargate-calc:preset" => HostMessage::Preset {
            preset: incoming.preset?,
        },
        "stargate-calc:reset" => HostMessage::Reset,
        "stargate-calc:theme" => HostMessage::Theme {
            theme: incoming.theme?,
        },
        "stargate-calc:get" => HostMessage::Get,
        _ => return None,
    })
}

/// What a message asked of the calculator: the scenario and annotation it leads to (the
/// current ones when it changes nothing), the theme it sets, whether it is answered with the
/// state, and what was ignored or adjusted on the way (a notice's lines at most).
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub scenario: Scenario,
    pub annotation: Annotation,
    pub theme: Option<Theme>,
    pub reply: bool,
    pub notes: Vec<String>,
}

/// Applies `message` to the `current` scenario and its annotation. A preset or a reset
/// changes the figures and leaves the author's annotation; `set` with `mark` or `note` `null`
/// (or `""`) takes it away.
pub fn apply(message: HostMessage, current: &Scenario, annotation: &Annotation) -> Outcome {
    let mut outcome = Outcome {
        scenario: *current,
        annotation: annotation.clone(),
        theme: None,
        reply: true,
        notes: Vec::new(),
    };
    let notes = match message {
        // The keys' rules (`keys.rs`) on top of what is shown: what the message does not say,
        // or says with a value of the wrong kind, stays as it is; each such value is noted.
        HostMessage::Set { params } => {
            let mut reader = Reader::new(*current, annotation.clone(), NoteSource::Message);
            read_pairs(&params.0, &mut reader, &mut |_, _, _| false);
            let read = reader.finish();
            outcome.scenario = read.scenario;
            outcome.annotation = read.annotation;
            read.notes
        }
        HostMessage::Preset { preset } => match PRESETS.iter().find(|p| p.id == preset) {
            Some(found) => {
                outcome.scenario = found.apply(current);
                Vec::new()
            }
            None => vec![Note::UnknownPreset { given: preset }],
        },
        HostMessage::Reset => {
            outcome.scenario = Scenario::REPORT;
            Vec::new()
        }
        HostMessage::Theme { theme } => {
            outcome.reply = false;
            outcome.theme = Theme::from_key(&theme);
            Vec::new()
        }
        HostMessage::Get => Vec::new(),
    };
    outcome.notes = notice_lines(&notes, NoteSource::Message);
    outcome
}

/// The headline figures, unrounded, for the host to quote.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureValues {
    /// $B.
    pub total_2030: f64,
    pub stargate_2030: f64,
    pub microsoft_2030: f64,
    /// Microsoft's 2030 spend over its 2024 spend (×); `null` when it had none in 2024.
    pub microsoft_change: Option<f64>,
    pub crossover_year: Option<i32>,
    pub funding_year: Option<i32>,
    /// $B over 2024 to the last year shown.
    pub cumulative_spend: f64,
    pub cumulative_overflow: f64,
    pub cumulative_savings: f64,
    /// Stargate spend 2025–2028 as a percentage of the $500B commitment.
    pub commitment_share: f64,
}

impl FigureValues {
    pub fn of(projection: &Projection) -> FigureValues {
        let f = &projection.figures;
        FigureValues {
            total_2030: f.total_2030,
            stargate_2030: f.stargate_2030,
            microsoft_2030: f.microsoft_2030,
            microsoft_change: f.microsoft_change,
            crossover_year: f.crossover_year,
            funding_year: f.funding_passed_year,
            cumulative_spend: f.cumulative_total,
            cumulative_overflow: f.cumulative_oracle + f.cumulative_other,
            cumulative_savings: f.cumulative_savings,
            commitment_share: f.stargate_commitment_share,
        }
    }
}

/// What the calculator shows, for the host: its release and the newest one, the address bar's
/// query (without `?`), every input by its URL key with the marked year and the note (left out
/// when there is none), the figures, and what the last message had ignored or adjusted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct State {
    /// The calculator's release, `X.Y.Z` (`release::VERSION`; the message's own `version` is
    /// the protocol's).
    pub version: &'static str,
    /// The newest release the site has: this one on the live calculator; on a pinned one, the
    /// newest its site's `versions.json` names, `null` when it cannot be read.
    pub latest: Option<String>,
    pub query: String,
    pub params: Parameters,
    pub figures: FigureValues,
    pub notes: Vec<String>,
}

/// A message to the host page.
#[derive(Debug, PartialEq)]
pub enum EmbedMessage {
    /// `stargate-calc:ready`: once, when the calculator has mounted.
    Ready { version: u32, state: State },
    /// `stargate-calc:state`: in reply to a message, or after the reader changed something.
    State { version: u32, state: State },
}

/// A message as it is sent: `{type, version, state}`.
#[derive(Serialize)]
struct Outgoing<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: u32,
    state: &'a State,
}

/// The message as JSON text, for the browser's `JSON.parse` and `postMessage`.
pub fn write(message: &EmbedMessage) -> String {
    let (kind, version, state) = match message {
        EmbedMessage::Ready { version, state } => ("stargate-calc:ready", *version, state),
        EmbedMessage::State { version, state } => ("stargate-calc:state", *version, state),
    };
    // A struct of numbers, strings and lists cannot fail to serialize; an empty object
    // (ignored by hosts: no `type`) would show it if it ever did.
    serde_json::to_string(&Outgoing {
        kind,
        version,
        state,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::scenario::Ramp;

    fn set(json_params: &str) -> Outcome {
        let message = read(&format!(
            "{{\"type\":\"stargate-calc:set\",\"params\":{json_params}}}"
        ))
        .unwrap_or_else(|| panic!("{json_params} is a set message"));
        apply(message, &Scenario::REPORT, &Annotation::default())
    }

    #[test]
    fn set_takes_a_mark_and_a_note_and_null_takes_them_away() {
        let outcome = set(r#"{"mark": 2028, "note": "In 2028\nStargate passes Azure"}"#);
        assert_eq!(
            outcome.annotation,
            Annotation {
                mark: Some(2028),
                note: Some("In 2028 Stargate passes Azure".into())
            }
        );
        assert!(outcome.notes.is_empty(), "{:?}", outcome.notes);
        // Read against the years the message leaves shown; a text year as a link's.
        assert_eq!(
            set(r#"{"mark": 2033, "h": 2035}"#).annotation.mark,
            Some(2033)
        );
        let clamped = set(r#"{"mark": "2033"}"#);
        assert_eq!(clamped.annotation.mark, Some(2030));
        assert!(
            clamped.notes[0].contains("the message's 2033 marks 2030"),
            "{:?}",
            clamped.notes
        );
        let message = read(r#"{"type":"stargate-calc:set","params":{"mark":null,"note":null}}"#)
            .unwrap_or(HostMessage::Get);
        let cleared = apply(message, &Scenario::REPORT, &outcome.annotation);
        assert_eq!(cleared.annotation, Annotation::default());
        assert_eq!(set(r#"{"mark": ""}"#).annotation.mark, None);
        // What is not a year or not a text is noted, and changes nothing.
        let message = read(r#"{"type":"stargate-calc:set","params":{"mark":"soon","note":[1]}}"#)
            .unwrap_or(HostMessage::Get);
        let kept = apply(message, &Scenario::REPORT, &outcome.annotation);
        assert_eq!(kept.annotation, outcome.annotation);
        assert_eq!(kept.notes.len(), 2, "{:?}", kept.notes);
        assert!(kept.notes[1].starts_with("The note must be text; the message's a list"));
        let long = set(&format!(r#"{{"note": "{}"}}"#, "x".repeat(10_000)));
        assert_eq!(long.annotation.note.map(|n| n.chars().count()), Some(140));
        // A preset changes the figures and keeps the note.
        let message = read(r#"{"type":"stargate-calc:preset","preset":"all-in"}"#)
            .unwrap_or(HostMessage::Get);
        assert_eq!(
            apply(message, &Scenario::REPORT, &outcome.annotation).annotation,
            outcome.annotation
        );
    }

    #[test]
    fn the_state_carries_the_mark_and_the_note_in_its_params() {
        let state = State {
            version: crate::release::VERSION,
            latest: None,
            query: "mark=2028&note=Hi".into(),
            params: Parameters {
                scenario: Scenario::REPORT,
                annotation: Annotation {
                    mark: Some(2028),
                    note: Some("Hi".into()),
                },
            },
            figures: FigureValues::of(&project(&Scenario::REPORT)),
            notes: vec![],
        };
        let json = write(&EmbedMessage::State {
            version: VERSION,
            state,
        });
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(value["state"]["params"]["mark"], 2028);
        assert_eq!(value["state"]["params"]["note"], "Hi");
        assert_eq!(
            value["state"]["params"].as_object().map(|o| o.len()),
            Some(13)
        );
    }

    #[test]
    fn set_follows_the_link_rules_and_keeps_what_is_invalid() {
        let outcome = set(r#"{"sg": 40, "ramp": "late"}"#);
        assert_eq!(outcome.scenario.stargate_share_2030, 40.0);
        assert_eq!(outcome.scenario.ramp, Ramp::Late);
        assert!(outcome.reply && outcome.notes.is_empty());

        let outcome =
            set(r#"{"sg": "60", "y0": 2026.5, "g": 1e9, "s24": "abc", "colour": 1, "sg": 5}"#);
        let again = set(r#"{"mc": null, "ramp": "sideways"}"#);
        let s = outcome.scenario;
        assert_eq!(
            s.stargate_share_2030, 60.0,
            "a string read as a link's value"
        );
        assert_eq!(s.first_stargate_year, 2027.0, "rounded halves up");
        assert_eq!(s.growth_after_2027, 150.0, "clamped");
        assert_eq!(s.spend_2024, Scenario::REPORT.spend_2024, "invalid: kept");
        assert_eq!(again.scenario, Scenario::REPORT, "invalid: kept");
        let notes = outcome.notes.join("\n") + "\n" + &again.notes.join("\n");
        assert_eq!(outcome.notes.len() + again.notes.len(), 7, "{notes}");
        for expected in [
            "the message's 2026.5 was rounded to 2027",
            "the message asked for 1000000000, so it uses 150%/yr",
            "\u{201c}colour\u{201d} is not a setting",
            "more than once in the message",
            "the message\u{2019}s \u{201c}abc\u{201d} was ignored, so it stays $5B",
            "the message\u{2019}s null was ignored",
            "the message\u{2019}s \u{201c}sideways\u{201d} was ignored, so it stays",
        ] {
            assert!(notes.contains(expected), "{expected} in:\n{notes}");
        }
    }

    #[test]
    fn a_reply_counts_what_it_does_not_list() {
        let keys: Vec<String> = (0..50).map(|i| format!("\"x{i}\": 1")).collect();
        let outcome = set(&format!("{{{}}}", keys.join(", ")));
        assert_eq!(outcome.notes.len(), crate::notes::NOTICE_LINES + 1);
        assert_eq!(
            outcome.notes.last().map(String::as_str),
            Some("\u{2026}and 45 more.")
        );
    }

    #[test]
    fn set_builds_on_the_current_scenario_not_the_report() {
        let mut current = Scenario::REPORT;
        current.stargate_share_2030 = 33.0;
        let message = read(r#"{"type":"stargate-calc:set","params":{"g": 30}}"#).unwrap();
        let outcome = apply(message, &current, &Annotation::default());
        assert_eq!(outcome.scenario.stargate_share_2030, 33.0);
        assert_eq!(outcome.scenario.growth_after_2027, 30.0);
    }

    #[test]
    fn presets_reset_theme_and_get() {
        let mut current = Scenario::REPORT;
        current.last_year = 2033.0;
        let preset = read(r#"{"type":"stargate-calc:preset","preset":"stargate-slips"}"#).unwrap();
        let outcome = apply(preset, &current, &Annotation::default());
        assert_eq!(outcome.scenario, PRESETS[2].apply(&current));
        let unknown = read(r#"{"type":"stargate-calc:preset","preset":"moon"}"#).unwrap();
        let outcome = apply(unknown, &current, &Annotation::default());
        assert_eq!(outcome.scenario, current);
        assert!(
            outcome.notes[0].starts_with("The preset \u{201c}moon\u{201d} is not one of report,")
        );
        let reset = apply(
            read(r#"{"type":"stargate-calc:reset"}"#).unwrap(),
            &current,
            &Annotation::default(),
        );
        assert_eq!((reset.scenario, reset.reply), (Scenario::REPORT, true));
        let theme = apply(
            read(r#"{"type":"stargate-calc:theme","theme":"dark"}"#).unwrap(),
            &current,
            &Annotation::default(),
        );
        assert_eq!(
            (theme.theme, theme.reply, theme.scenario),
            (Some(Theme::Dark), false, current)
        );
        let get = apply(
            read(r#"{"type":"stargate-calc:get","extra":[1,2]}"#).unwrap(),
            &current,
            &Annotation::default(),
        );
        assert_eq!((get.scenario, get.reply), (current, true));
    }

    #[test]
    fn notes_read_in_the_page_language() {
        use crate::words::{with_language, Lang};
        let french = include_str!("../lang/fr.json");
        let unknown = read(r#"{"type":"stargate-calc:preset","preset":"moon"}"#).unwrap();
        let outcome = with_language(Lang::Fr, french, || {
            apply(unknown, &Scenario::REPORT, &Annotation::default())
        });
        assert!(
            outcome.notes[0].starts_with(
                "Le scénario prédéfini \u{ab}\u{a0}moon\u{a0}\u{bb} ne figure pas parmi report,"
            ),
            "{:?}",
            outcome.notes
        );
        assert!(outcome.notes[0].ends_with("\u{a0}; rien n\u{2019}a été modifié."));
    }

    #[test]
    fn anything_else_is_not_a_message() {
        let huge = "x".repeat(1 << 20);
        for json in [
            "",
            "null",
            "\"stargate-calc:get\"",
            "[{\"type\":\"stargate-calc:get\"}]",
            "{}",
            "{\"type\":\"stargate-calc:height\",\"height\":3}",
            "{\"type\":\"stargate-calc:ready\"}",
            "{\"type\":\"other:get\"}",
            "{\"type\":3}",
            "{\"type\":\"stargate-calc:set\"}",
            "{\"type\":\"stargate-calc:set\",\"params\":null}",
            "{\"type\":\"stargate-calc:preset\",\"preset\":4}",
            "{\"type\":\"stargate-calc:theme\"}",
            &format!("{{\"type\":\"{huge}\"}}"),
        ] {
            assert_eq!(
                read(json),
                None,
                "{}",
                json.chars().take(80).collect::<String>()
            );
        }
        // Hostile values inside a well-formed `set` do no harm: ignored or kept, and noted.
        let outcome = set(&format!(
            r#"{{"sg": "{huge}", "g": null, "mc": [1, [2, {{"a": "<script>"}}]], "<img src=x onerror=alert(1)>": 1}}"#
        ));
        assert_eq!(outcome.scenario, Scenario::REPORT);
        assert_eq!(outcome.notes.len(), 4);
        assert!(
            outcome.notes.iter().all(|n| n.chars().count() < 300),
            "{:?}",
            outcome.notes
        );
    }

    #[test]
    fn the_state_message_carries_query_params_figures_and_notes() {
        let mut scenario = Scenario::REPORT;
        scenario.stargate_share_2030 = 40.0;
        let projection = project(&scenario);
        let state = State {
            version: crate::release::VERSION,
            latest: None,
            query: "sg=40&embed=1".into(),
            params: Parameters {
                scenario,
                annotation: Annotation::default(),
            },
            figures: FigureValues::of(&projection),
            notes: vec!["a note".into()],
        };
        let json = write(&EmbedMessage::State {
            version: VERSION,
            state,
        });
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["type"], "stargate-calc:state");
        assert_eq!(value["version"], 1);
        assert_eq!(value["state"]["query"], "sg=40&embed=1");
        assert_eq!(value["state"]["params"]["sg"], 40);
        assert_eq!(value["state"]["params"]["ramp"], "s");
        assert_eq!(value["state"]["params"].as_object().unwrap().len(), 11);
        let figures = &value["state"]["figures"];
        assert_eq!(figures["stargate_2030"], projection.figures.stargate_2030);
        assert_eq!(figures["crossover_year"], 2030);
        assert_eq!(figures["funding_year"], 2026);
        assert_eq!(figures.as_object().unwrap().len(), 10);
        assert_eq!(value["state"]["notes"][0], "a note");
        let ready = write(&EmbedMessage::Ready {
            version: VERSION,
            state: State {
                version: "1.0.0",
                latest: Some("1.0.1".into()),
                query: String::new(),
                params: Parameters {
                    scenario: Scenario::REPORT,
                    annotation: Annotation::default(),
                },
                figures: FigureValues::of(&project(&Scenario::REPORT)),
                notes: vec![],
            },
        });
        assert!(ready.starts_with("{\"type\":\"stargate-calc:ready\",\"version\":1,\"state\":{\"version\":\"1.0.0\",\"latest\":\"1.0.1\",\"query\":"), "{ready}");
        assert_eq!(value["state"]["version"], crate::release::VERSION);
        assert_eq!(value["state"]["latest"], serde_json::Value::Null);
    }
}
