//! "Add a note", in the share panel: the author marks a year and writes a note on the chart.
//! Both write the annotation the link carries (`mark=`, `note=`); the rules for them (what a
//! note keeps, where the mark may be) are `annotation.rs`'s.

use std::time::Duration;

use leptos::prelude::*;
use stargate_calc::annotation::{read_note, NOTE_LIMIT};
use stargate_calc::format;
use stargate_calc::model::FIRST_YEAR;
use stargate_calc::scenario::Input;
use stargate_calc::words::{fill, is_one, t, Text};

use super::dom::Debounce;
use super::state::{text, use_calculator};

/// How long the note waits after the last keystroke before the chart, the address bar and the
/// announcer take it.
const COMMIT_AFTER: Duration = Duration::from_millis(300);

#[component]
pub fn NoteEditor() -> impl IntoView {
    let calc = use_calculator();
    // What the author is typing, as typed: it becomes the note a moment after they stop.
    let draft = RwSignal::new(
        calc.annotation
            .with_untracked(|a| a.note.clone().unwrap_or_default()),
    );
    let commit = Debounce::new();
    // A note set from elsewhere (a file, a message, Remove) shows in the field.
    Effect::new(move |_| {
        let note = calc.annotation.with(|a| a.note.clone()).unwrap_or_default();
        let typed = draft.with_untracked(|d| read_note(d).0.unwrap_or_default());
        if note != typed {
            draft.set(note);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        draft.set(event_target_value(&ev));
        commit.restart(COMMIT_AFTER, move || {
            let note = draft.with_untracked(|d| read_note(d).0);
            if calc.annotation.with_untracked(|a| a.note != note) {
                calc.annotation.update(|a| a.note = note);
            }
        });
    };
    let on_year = move |ev: leptos::ev::Event| {
        let mark = event_target_value(&ev).parse::<i32>().ok();
        calc.annotation.update(|a| a.mark = mark);
    };
    let left = text(move || {
        let count = NOTE_LIMIT.saturating_sub(draft.with(|d| d.chars().count()));
        let words = if is_one(count as f64) {
            Text::ShareNoteLeftOne
        } else {
            Text::ShareNoteLeft
        };
        fill(words, &[("count", &format::whole(count as u64))])
    });
    let last_year = Input::LastYear.spec().max as i32;
    let years = (FIRST_YEAR..=last_year)
        .map(|year| {
            view! {
                <option
                    value=format::year(year)
                    disabled=move || (year > calc.last_year.get()).then_some("")
                    hidden=move || (year > calc.last_year.get()).then_some("")
                >
                    {format::year(year)}
                </option>
            }
        })
        .collect_view();
    view! {
        <h3>{t(Text::ShareNoteHeading)}</h3>
        <p class="panel-note">{t(Text::ShareNoteIntro)}</p>
        <div class="note-editor">
            <label class="field-label" for="note-year">{t(Text::ShareNoteYearLabel)}</label>
            <select
                id="note-year"
                class="share-field"
                prop:value=text(move || calc.mark_shown().map(format::year).unwrap_or_default())
                on:change=on_year
            >
                <option value="">{t(Text::ShareNoteNoYear)}</option>
                {years}
            </select>
            <label class="field-label" for="note-text">{t(Text::ShareNoteTextLabel)}</label>
            <input
                id="note-text"
                class="share-field"
                type="text"
                maxlength=NOTE_LIMIT.to_string()
                autocomplete="off"
                aria-describedby="note-count"
                prop:value=move || draft.get()
                on:input=on_input
            />
            <p id="note-count" class="note-count">{left}</p>
            <button
                id="note-remove"
                type="button"
                class="button button-quiet"
                on:click=move |_| {
                    draft.set(String::new());
                    calc.annotation.set(Default::default());
                }
            >
                {t(Text::ShareNoteRemove)}
            </button>
        </div>
    }
}
