//! "Open a saved scenario": a file picker in the share panel (a button in the page's language
//! that opens the browser's own, hidden, file input), and a file dropped anywhere on the full
//! page. The file is read with gloo-file and parsed by the core (`saved.rs`, serde): a good
//! file becomes the scenario, with the notice listing what was ignored or adjusted; a bad one
//! (not JSON, the wrong shape, too large) changes nothing and says why.

use gloo_events::{EventListener, EventListenerOptions};
use leptos::prelude::*;
use stargate_calc::notes::NoteSource;
use stargate_calc::saved::{read_json, OpenError, MAX_FILE_BYTES};
use stargate_calc::words::{fill, t, Text};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, HtmlInputElement};

use super::state::{text, use_calculator, Calculator, Notice};

/// The id of the file picker.
const PICKER_ID: &str = "open-scenario";

/// The file picker, its status line, and the page-wide drop target (full page only).
#[component]
pub fn OpenScenario() -> impl IntoView {
    let calc = use_calculator();
    let status = RwSignal::new(String::new());
    let dropping = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            open_file(calc, status, file);
        }
        // Choosing the same file again (after editing it, say) opens it again.
        input.set_value("");
    };
    listen_for_drops(calc, status, dropping);
    // The browser's own file input says "Choose File" in the browser's language, whatever the
    // page's: it stays out of sight (still the one that reads the file), and a button in the
    // page's language opens it.
    let picker = NodeRef::<leptos::html::Input>::new();
    let choose = move |_| {
        if let Some(input) = picker.get() {
            input.click();
        }
    };
    view! {
        <label class="field-label" for="open-scenario-button">{t(Text::OpenPickerLabel)}</label>
        <input
            type="file"
            id=PICKER_ID
            hidden
            accept=".json,application/json"
            node_ref=picker
            on:change=on_change
        />
        <button type="button" id="open-scenario-button" class="button button-quiet" on:click=choose>
            {t(Text::OpenChoose)}
        </button>
        <p class="panel-note">{t(Text::OpenDropNote)}</p>
        <p id="open-status" class="copy-status" role="status">{text(move || status.get())}</p>
        <div class="drop-hint" aria-hidden="true" hidden=move || !dropping.get()>
            <p>{t(Text::OpenDropHint)}</p>
        </div>
    }
}

/// Listens on the window for a file dragged over the page and dropped: while a file is over
/// it, the hint shows; a dropped file is opened. Other drags (text, links) are left alone.
fn listen_for_drops(calc: Calculator, status: RwSignal<String>, dropping: RwSignal<bool>) {
    let window = window();
    let carries_files = |event: &DragEvent| {
        event
            .data_transfer()
            .is_some_and(|data| data.types().includes(&"Files".into(), 0))
    };
    // Not passive: the page takes the drop (and the browser does not open the file itself).
    let options = EventListenerOptions::enable_prevent_default;
    let over = EventListener::new_with_options(&window, "dragover", options(), move |event| {
        if let Some(event) = event.dyn_ref::<DragEvent>() {
            if carries_files(event) {
                event.prevent_default();
                if let Some(data) = event.data_transfer() {
                    data.set_drop_effect("copy");
                }
                if !dropping.get_untracked() {
                    dropping.set(true);
                }
            }
        }
    });
    let leave = EventListener::new(&window, "dragleave", move |event| {
        // Leaving the window, not moving between the page's elements.
        if let Some(event) = event.dyn_ref::<DragEvent>() {
            if event.related_target().is_none() {
                dropping.set(false);
            }
        }
    });
    let drop = EventListener::new_with_options(&window, "drop", options(), move |event| {
        let Some(event) = event.dyn_ref::<DragEvent>() else {
            return;
        };
        dropping.set(false);
        let file = event
            .data_transfer()
            .and_then(|data| data.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            event.prevent_default();
            open_file(calc, status, file);
        }
    });
    // The listeners live as long as the page.
    for listener in [over, leave, drop] {
        listener.forget();
    }
}

/// Reads `file` and, if it is a saved scenario, makes it the scenario. The outcome goes to the
/// status line and, when there is something to explain, to the notice at the top.
fn open_file(calc: Calculator, status: RwSignal<String>, file: File) {
    let name = file.name();
    let bytes = file.size();
    // NaN (a browser that cannot tell) counts as too large: the file is not read.
    if bytes.is_nan() || bytes > MAX_FILE_BYTES {
        refused(calc, status, &OpenError::TooLarge { bytes }.message(&name));
        return;
    }
    status.set(fill(Text::OpenOpening, &[("file", &name)]));
    leptos::task::spawn_local(async move {
        let read = gloo_file::futures::read_as_text(&gloo_file::Blob::from(file)).await;
        let Ok(contents) = read else {
            let message = fill(Text::OpenReadFailed, &[("file", &name)]);
            refused(calc, status, &message);
            return;
        };
        match read_json(&contents) {
            Ok(saved) => {
                calc.set_scenario(saved.scenario);
                // A file without a note or a mark opens without one: the file is the whole
                // scenario, as a link is.
                calc.annotation.set(saved.annotation);
                let file = [("file", name.as_str())];
                let notice = Notice::about(
                    fill(Text::OpenNoticeTitle, &file),
                    &saved.notes,
                    NoteSource::File,
                );
                status.set(if notice.is_some() {
                    fill(Text::OpenOpenedAdjusted, &file)
                } else {
                    fill(Text::OpenOpened, &file)
                });
                calc.notice.set(notice);
            }
            Err(error) => refused(calc, status, &error.message(&name)),
        }
    });
}

/// A file that was not opened: the reason, in the status line and in the notice.
fn refused(calc: Calculator, status: RwSignal<String>, message: &str) {
    status.set(message.to_string());
    calc.notice.set(Some(Notice {
        title: t(Text::OpenRefusedTitle).to_string(),
        lines: vec![message.to_string()],
    }));
}
