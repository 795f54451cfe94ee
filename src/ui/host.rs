//! The host page's side of the embed (the message API of `messages.rs`). In a frame, the
//! calculator listens to its parent's messages (set, preset, reset, theme, get), answers each
//! `set`, `preset`, `reset` and `get` with its state, says it is ready once its page is built,
//! and sends its state again after the reader changes something (at the address bar's pause).
//! Only messages from `window.parent` are read; outside a frame nothing listens or posts.

use gloo_events::EventListener;
use leptos::prelude::*;
use stargate_calc::annotation::Annotation;
use stargate_calc::link::{encode_query, Link, ViewOptions};
use stargate_calc::messages::{self, EmbedMessage, FigureValues, State, VERSION};
use stargate_calc::model::project;
use stargate_calc::saved::Parameters;
use stargate_calc::scenario::Scenario;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

use super::dom;
use super::state::Calculator;

/// Starts the message API when the page is in a frame.
pub fn connect(calc: Calculator) {
    if !dom::in_frame() {
        return;
    }
    let latest = super::version::page_releases().latest;
    // What the host was last told of, and what messages asked for and the page has not shown
    // yet: a flood of messages is answered one by one, and drawn once a frame.
    let told = StoredValue::new_local(None::<Shown>);
    let wanted = StoredValue::new_local(None::<Shown>);
    let latest_here = latest.clone();
    let listener = EventListener::new(&window(), "message", move |event| {
        let Some(event) = event.dyn_ref::<MessageEvent>() else {
            return;
        };
        if !from_parent(event) {
            return;
        }
        // Plain data only: what `JSON.stringify` cannot write (a cycle, a BigInt) or writes as
        // nothing (undefined, a function) is not a message.
        let Some(text) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|text| text.as_string())
        else {
            return;
        };
        let Some(message) = messages::read(&text) else {
            return;
        };
        let current = wanted.get_value().unwrap_or_else(|| {
            (
                calc.scenario.get_untracked(),
                calc.annotation.get_untracked(),
            )
        });
        let outcome = messages::apply(message, &current.0, &current.1);
        if let Some(theme) = outcome.theme {
            calc.theme.set(theme);
        }
        let next = (outcome.scenario, outcome.annotation);
        if next != current {
            if wanted.get_value().is_none() {
                request_animation_frame(move || {
                    if let Some((scenario, annotation)) = wanted.get_value() {
                        wanted.set_value(None);
                        calc.set_scenario(scenario);
                        if calc.annotation.with_untracked(|now| *now != annotation) {
                            calc.annotation.set(annotation);
                        }
                    }
                });
            }
            wanted.set_value(Some(next.clone()));
        }
        if outcome.reply {
            post(EmbedMessage::State {
                version: VERSION,
                state: state(calc, &next, outcome.notes, &latest_here),
            });
            told.set_value(Some(next));
        }
    });
    // It listens as long as the page lives.
    listener.forget();

    Effect::new(move |_| {
        if !calc.mounted.get() {
            return;
        }
        let settled = (calc.settled.get(), calc.annotation.get());
        match told.get_value() {
            // The page is built: once, the ready message.
            None => post(EmbedMessage::Ready {
                version: VERSION,
                state: state(calc, &settled, Vec::new(), &latest),
            }),
            // The reader changed something the host has not been told of.
            Some(known) if known != settled && wanted.get_value().is_none() => {
                post(EmbedMessage::State {
                    version: VERSION,
                    state: state(calc, &settled, Vec::new(), &latest),
                });
            }
            Some(_) => return,
        }
        told.set_value(Some(settled));
    });
}

/// True when the message comes from the page that embeds us (not another frame, not us).
fn from_parent(event: &MessageEvent) -> bool {
    match (event.source(), window().parent()) {
        (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
        _ => false,
    }
}

/// A scenario and its annotation, as the host is told of them.
type Shown = (Scenario, Annotation);

/// The state the host is told for `shown`: the calculator's release and the newest one
/// (`latest`), the address bar's query as the page would write it, every input with the
/// annotation, the figures unrounded, and the last message's notes.
fn state(
    calc: Calculator,
    (scenario, annotation): &Shown,
    notes: Vec<String>,
    latest: &Option<String>,
) -> State {
    let link = Link {
        scenario: *scenario,
        view: ViewOptions {
            page: calc.page,
            theme: calc.theme.get_untracked(),
            lang: calc.lang,
        },
        baseline: calc.baseline.get_untracked(),
        bands: calc.bands.get_untracked(),
        annotation: annotation.clone(),
    };
    State {
        version: stargate_calc::release::VERSION,
        latest: latest.clone(),
        query: encode_query(&link),
        params: Parameters {
            scenario: scenario.sanitized(),
            annotation: annotation.shown(scenario.last_year_shown()),
        },
        figures: FigureValues::of(&project(scenario)),
        notes,
    }
}

/// Posts a message to the parent page as a plain object.
fn post(message: EmbedMessage) {
    let Ok(data) = js_sys::JSON::parse(&messages::write(&message)) else {
        return;
    };
    let _ = dom::post_to_parent(&data);
}
