//! Sharing the scenario: the address bar kept in step with it, "Copy link", the embed code
//! for a blog, and the downloads (CSV, JSON, each chart as SVG and PNG). The text of every
//! link, snippet and file comes from the core (`query`, `export`); this panel only moves it to
//! the address bar, the clipboard or a file.

use std::time::Duration;

use leptos::prelude::*;
use stargate_calc::chart::ChartKind;
use stargate_calc::embed::{host_snippet, iframe_snippet};
use stargate_calc::export::{chart_export_size, chart_svg, csv, file_stem, parameters_json};
use stargate_calc::query::encode_query;

use super::dom;
use super::state::Calculator;

/// How long the address bar waits after the last change: browsers throttle `replaceState`
/// (Safari and Firefox throw when it is called too often), and a drag fires dozens of events.
const ADDRESS_DEBOUNCE: Duration = Duration::from_millis(250);

/// After each pause in the reader's changes: `settled` catches up with the scenario, and the
/// address bar's query becomes its link (only non-default values), replacing the current
/// history entry so dragging never adds any. A move only restarts the timer.
pub fn sync_address_bar(calc: Calculator) {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        calc.scenario.track();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || calc.settle_now(), ADDRESS_DEBOUNCE);
        pending.set_value(handle.ok());
    });
    Effect::new(move |_| {
        let _ = dom::replace_query(&encode_query(&calc.settled_link(calc.embed)));
    });
}

/// The link to the full calculator with the current scenario (never the embed).
pub fn full_page_link(calc: Calculator) -> Memo<String> {
    Memo::new(move |_| dom::page_link(&encode_query(&calc.settled_link(false))))
}

/// A button that copies `text`, then says whether it worked. When the browser refuses, it
/// selects the text in `field_id` (a read-only field showing it) for the reader to copy.
#[component]
pub fn CopyButton(
    calc: Calculator,
    id: &'static str,
    label: &'static str,
    text: Memo<String>,
    field_id: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let on_click = move |_| {
        // The text follows the settled scenario; copy what is on screen now.
        calc.settle_now();
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            match dom::copy_text(&value).await {
                Ok(()) => status.set("Copied.".to_string()),
                Err(_) => {
                    select_field(field_id);
                    status.set("Selected: press Ctrl+C (\u{2318}C on a Mac) to copy.".to_string());
                }
            }
            set_timeout(move || status.set(String::new()), Duration::from_secs(4));
        });
    };
    view! {
        <button id=id type="button" class="button" on:click=on_click>{label}</button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}

fn select_field(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(field) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    {
        let _ = field.focus();
        field.select();
    }
}

/// A read-only field showing `text` with a button that copies it (and, when the browser
/// refuses, selects the field for copying by hand). `rows` of 1 is a single line.
#[component]
fn CopyField(
    calc: Calculator,
    field_id: &'static str,
    label: &'static str,
    /// Whether the label is shown (else only screen readers get it).
    show_label: bool,
    rows: u8,
    button_id: &'static str,
    button_label: &'static str,
    text: Memo<String>,
) -> impl IntoView {
    view! {
        <label class=if show_label { "field-label" } else { "visually-hidden" } for=field_id>{label}</label>
        <textarea
            id=field_id
            class="share-field"
            rows=rows
            readonly=true
            spellcheck="false"
            prop:value=move || text.get()
        ></textarea>
        <CopyButton calc id=button_id label=button_label text field_id/>
    }
}

/// "Copy link" with the link itself, for the full page and the embed alike.
#[component]
pub fn CopyLink(calc: Calculator) -> impl IntoView {
    let link = full_page_link(calc);
    view! {
        <div class="copy-link">
            <CopyField
                calc
                field_id="share-link"
                label="Link to this scenario"
                show_label=false
                rows=1
                button_id="copy-link"
                button_label="Copy link"
                text=link
            />
        </div>
    }
}

/// The share panel of the full page: link, downloads, embed code.
#[component]
pub fn SharePanel(calc: Calculator) -> impl IntoView {
    let iframe = Memo::new(move |_| {
        iframe_snippet(&dom::page_link(&encode_query(&calc.settled_link(true))))
    });
    let host = Memo::new(move |_| host_snippet(&dom::page_base()));
    view! {
        <section id="share" class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">"Share, download, embed"</h2>
            <h3>"Link to this scenario"</h3>
            <p class="panel-note">"The address bar always holds the scenario you see; this is the same link."</p>
            <CopyLink calc/>
            <h3>"Download"</h3>
            <Downloads calc/>
            <h3>"Embed in a page"</h3>
            <p class="panel-note">
                "Paste this where your blog accepts HTML. It shows the 2030 share, the spend chart and three figures, with a link back here, and works at a fixed height."
            </p>
            <CopyField
                calc
                field_id="embed-code"
                label="Embed code"
                show_label=true
                rows=4
                button_id="copy-embed"
                button_label="Copy embed code"
                text=iframe
            />
            <p class="panel-note">
                "Optional: add this script once to the host page and the frame takes exactly the height of its content."
            </p>
            <CopyField
                calc
                field_id="host-code"
                label="Auto-height script for the host page"
                show_label=true
                rows=8
                button_id="copy-host"
                button_label="Copy script"
                text=host
            />
        </section>
    }
}

/// One button per file; names carry the scenario.
#[component]
fn Downloads(calc: Calculator) -> impl IntoView {
    let failed = RwSignal::new(false);
    let stem = move || calc.scenario.with(file_stem);
    let save = move |extension: &str, mime: &str, content: String| {
        let ok = dom::download_text(&(stem() + extension), mime, &content).is_ok();
        failed.set(!ok);
    };
    let chart_buttons = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let name = match kind {
                ChartKind::Spend => "Spend chart",
                ChartKind::Share => "Share chart",
            };
            let slug = match kind {
                ChartKind::Spend => "-spend",
                ChartKind::Share => "-shares",
            };
            let svg = move || {
                let scenario = calc.scenario.get_untracked();
                calc.projection
                    .with_untracked(|p| chart_svg(kind, p, &scenario))
            };
            let on_svg = move |_| save(&(slug.to_string() + ".svg"), "image/svg+xml", svg());
            let on_png = move |_| {
                let (width, height) = chart_export_size();
                let name = stem() + slug + ".png";
                let started =
                    dom::download_svg_as_png(name, &svg(), width, height, 2.0, move || {
                        failed.set(true)
                    });
                failed.set(started.is_err());
            };
            view! {
                <button type="button" class="button button-quiet" data-export=kind.id().to_string() + "-svg" on:click=on_svg>
                    {name} " (SVG)"
                </button>
                <button type="button" class="button button-quiet" data-export=kind.id().to_string() + "-png" on:click=on_png>
                    {name} " (PNG)"
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="downloads">
            <button
                type="button"
                class="button button-quiet"
                data-export="csv"
                on:click=move |_| save(".csv", "text/csv", calc.projection.with_untracked(csv))
            >
                "Data table (CSV)"
            </button>
            <button
                type="button"
                class="button button-quiet"
                data-export="json"
                on:click=move |_| {
                    save(".json", "application/json", calc.scenario.with_untracked(parameters_json))
                }
            >
                "Parameters (JSON)"
            </button>
            {chart_buttons}
        </div>
        <p class="copy-status" role="status">
            {move || failed.get().then_some("This browser did not allow the download.")}
        </p>
    }
}
