//! Sharing the scenario: the address bar kept in step with it, "Copy link", the embed code for
//! a blog, the downloads (CSV, JSON, each chart as SVG and PNG) and opening a saved scenario.
//! The text of every link, snippet and file comes from the core (`link`, `site`, `export`, `saved`);
//! this panel only moves it to the address bar, the clipboard or a file.

use std::time::Duration;

use leptos::prelude::*;
use stargate_calc::chart::ChartKind;
use stargate_calc::embed::{CHART_VIEW_HEIGHT, IFRAME_HEIGHT};
use stargate_calc::export::{chart_svg, csv, file_stem, parameters_json, ChartImage};
use stargate_calc::link::{encode_query, Page};
use stargate_calc::presets::PRESETS;
use stargate_calc::release::{pinned_path, VERSION};
use stargate_calc::site::{
    card_address, host_snippet, iframe_snippet, image_snippet, loader_snippet, page_link,
    with_query,
};
use stargate_calc::words::{around, fill, t, Text};

use super::dom::{self, Debounce};
use super::note::NoteEditor;
use super::open::OpenScenario;
use super::state::{text, use_calculator, Calculator};

/// How long the address bar waits after the last change: browsers throttle `replaceState`
/// (Safari and Firefox throw when it is called too often), and a drag fires dozens of events.
const ADDRESS_DEBOUNCE: Duration = Duration::from_millis(250);
/// How long a copy button's message stays.
const STATUS_FOR: Duration = Duration::from_secs(4);

/// After each pause in the reader's changes: `settled` catches up with the scenario, and the
/// address bar's query becomes its link (only non-default values), replacing the current
/// history entry so dragging never adds any. A move only restarts the timer.
pub fn sync_address_bar(calc: Calculator) {
    let pending = Debounce::new();
    Effect::new(move |_| {
        calc.scenario.track();
        pending.restart(ADDRESS_DEBOUNCE, move || calc.settle_now());
    });
    // The address bar shows the link as the page read it from the start: values canonical,
    // what was ignored gone.
    // On a built site's full page that link is the share link, which may be a preset's page.
    Effect::new(move |_| {
        let _ = if calc.page == Page::Full && dom::site_root().is_some() {
            dom::replace_address(&calc.full_link.get())
        } else {
            dom::replace_query(&encode_query(&calc.settled_link(calc.page)))
        };
    });
}

/// A read-only field showing `text` with a button that copies it, then says whether it
/// worked; when the browser refuses, it selects the field for the reader to copy by hand.
#[component]
fn CopyField(
    /// The field's id.
    field_id: &'static str,
    label: &'static str,
    /// Whether the label is shown (else only screen readers get it).
    show_label: bool,
    /// Lines of text the field shows; 1 is a single line.
    rows: u8,
    /// The button's id and words.
    button_id: &'static str,
    button_label: &'static str,
    /// What the field holds and the button copies.
    text: Memo<String>,
) -> impl IntoView {
    let calc = use_calculator();
    let status = RwSignal::new("");
    let clear = Debounce::new();
    let on_click = move |_| {
        // The text follows the settled scenario; copy what is on screen now.
        calc.settle_now();
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(match dom::copy_text(&value).await {
                Ok(()) => t(Text::ShareCopied),
                Err(_) => {
                    dom::select_field(field_id);
                    t(Text::ShareCopyByHand)
                }
            });
            clear.restart(STATUS_FOR, move || status.set(""));
        });
    };
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
        <button id=button_id type="button" class="button" on:click=on_click>{button_label}</button>
        <span class="copy-status" role="status">{move || status.get()}</span>
    }
}

/// "Copy link" with the link itself, for the full page and the embed alike.
#[component]
pub fn CopyLink(
    /// The link, if not the page's own (`Calculator::full_link`): the share panel's, live or
    /// pinned as the reader chose.
    #[prop(optional)]
    link: Option<Memo<String>>,
) -> impl IntoView {
    let calc = use_calculator();
    view! {
        <div class="copy-link">
            <CopyField
                field_id="share-link"
                label=t(Text::ShareLinkLabel)
                show_label=false
                rows=1
                button_id="copy-link"
                button_label=t(Text::ShareCopyLink)
                text=link.unwrap_or(calc.full_link)
            />
        </div>
    }
}

/// The share panel of the full page: link, downloads, opening a saved scenario, embed code.
/// On a built site, every address it gives (the link, the picture's, the loader's and the
/// frames') is the live calculator's or this release's, pinned, as the reader chooses.
#[component]
pub fn SharePanel() -> impl IntoView {
    let calc = use_calculator();
    // A built site has the one-line loader, the cards and the pinned releases beside the page
    // (not the single file).
    let live = dom::live_root();
    let pinned = RwSignal::new(dom::is_pinned());
    let link = Memo::new(move |_| match shared_root(pinned.get()) {
        Some(root) => page_link(&root, &calc.settled_link(Page::Full)),
        None => calc.full_link.get(),
    });
    let snippet = move |page: Page, height: u32| {
        Memo::new(move |_| {
            let query = encode_query(&calc.settled_link(page));
            let src = match shared_root(pinned.get()) {
                Some(root) => with_query(&root, &query),
                None => dom::page_link(&query),
            };
            iframe_snippet(&src, height)
        })
    };
    let iframe = snippet(Page::Embed, IFRAME_HEIGHT);
    let chart_view = snippet(Page::Chart, CHART_VIEW_HEIGHT);
    let host = Memo::new(move |_| host_snippet(&dom::page_base()));
    view! {
        <section id="share" class="panel share" aria-labelledby="share-title">
            <h2 id="share-title">{t(Text::ShareTitle)}</h2>
            <VersionChoice pinned shown=live.is_some()/>
            // The link, the files and opening one beside the embed's code on a wide screen.
            <div class="share-columns">
                <div>
                    <h3>{t(Text::ShareLinkHeading)}</h3>
                    <p class="panel-note">{t(Text::ShareLinkNote)}</p>
                    <CopyLink link/>
                    <NoteEditor/>
                    <h3>{t(Text::ShareDownloadHeading)}</h3>
                    <Downloads/>
                    {live.clone().map(|_| view! { <ImageCode pinned link/> })}
                    <h3>{t(Text::ShareOpenHeading)}</h3>
                    <OpenScenario/>
                </div>
                <div>
                    <h3>{t(Text::ShareEmbedHeading)}</h3>
                    {live.map(|live| view! { <LoaderCode live pinned/> })}
                    <p class="panel-note">
                        {t(Text::ShareEmbedNote)}
                    </p>
                    <CopyField
                        field_id="embed-code"
                        label=t(Text::ShareEmbedCodeLabel)
                        show_label=true
                        rows=4
                        button_id="copy-embed"
                        button_label=t(Text::ShareCopyEmbed)
                        text=iframe
                    />
                    <p class="panel-note">
                        {t(Text::ShareHostNote)}
                    </p>
                    <CopyField
                        field_id="host-code"
                        label=t(Text::ShareHostCodeLabel)
                        show_label=true
                        rows=11
                        button_id="copy-host"
                        button_label=t(Text::ShareCopyScript)
                        text=host
                    />
                    <p class="panel-note">{t(Text::ShareChartViewNote)}</p>
                    <CopyField
                        field_id="chart-view-code"
                        label=t(Text::ShareChartViewCodeLabel)
                        show_label=true
                        rows=4
                        button_id="copy-chart-view"
                        button_label=t(Text::ShareCopyChartView)
                        text=chart_view
                    />
                </div>
            </div>
        </section>
    }
}

/// The root the share panel's addresses start from on a built site: the live calculator's, or
/// this release's, pinned under it (`v/X.Y.Z/`); `None` for the one-file build.
fn shared_root(pinned: bool) -> Option<String> {
    let live = dom::live_root()?;
    Some(match pinned {
        true => live + &pinned_path(VERSION),
        false => live,
    })
}

/// Live or pinned: whether the panel's addresses follow the calculator's updates (unchecked)
/// or keep this release's numbers (`v/X.Y.Z/`).
#[component]
fn VersionChoice(
    /// True for this release, pinned.
    pinned: RwSignal<bool>,
    /// False where there is nothing to choose (the one-file build).
    shown: bool,
) -> impl IntoView {
    view! {
        <label class="toggle version-choice" hidden=!shown>
            <input
                type="checkbox"
                id="share-pinned"
                prop:checked=move || pinned.get()
                on:change=move |_| pinned.update(|on| *on = !*on)
            />
            " "
            {fill(Text::ShareVersionPinned, &[("version", VERSION)])}
        </label>
    }
}

/// The one-line embed: an element and the live site's loader script (`embed.js`), with
/// `data-version` when pinned.
#[component]
fn LoaderCode(
    /// The live calculator's root, where `embed.js` is.
    live: String,
    /// True for this release, pinned.
    pinned: RwSignal<bool>,
) -> impl IntoView {
    let calc = use_calculator();
    let code = Memo::new(move |_| {
        let query = encode_query(&calc.settled_link(Page::Full));
        loader_snippet(&live, &query, pinned.get().then_some(VERSION))
    });
    view! {
        <p class="panel-note">{t(Text::ShareLoaderNote)}</p>
        <CopyField
            field_id="loader-code"
            label=t(Text::ShareLoaderCodeLabel)
            show_label=true
            rows=3
            button_id="copy-loader"
            button_label=t(Text::ShareCopyLoader)
            text=code
        />
    }
}

/// For newsletters and feeds, which strip frames and scripts: the card of the scenario's page
/// as a picture linked to the scenario, saying when the picture is the report's, not the
/// reader's.
#[component]
fn ImageCode(
    /// True for this release, pinned (its cards).
    pinned: RwSignal<bool>,
    /// The link the picture opens.
    link: Memo<String>,
) -> impl IntoView {
    let calc = use_calculator();
    // Which card is cheap to find again: worked out in both bindings rather than kept in a
    // memo of its own (measured: a memo of a new type cost the page 2.5 KB of wasm).
    let card = move || {
        let root = shared_root(pinned.get()).unwrap_or_default();
        calc.settled.with(|s| card_address(&root, s))
    };
    let code = Memo::new(move |_| {
        let (address, page, _) = card();
        image_snippet(&link.get(), &address, &page.card_alt())
    });
    let note = move || {
        let (_, page, exact) = card();
        match (exact, page.preset.unwrap_or(&PRESETS[0])) {
            (true, preset) => fill(Text::ShareImageNotePreset, &[("preset", preset.name())]),
            _ => t(Text::ShareImageNoteCustom).to_string(),
        }
    };
    view! {
        <h3>{t(Text::ShareImageHeading)}</h3>
        <p class="panel-note" id="image-note">{text(note)}</p>
        <CopyField
            field_id="image-code"
            label=t(Text::ShareImageCodeLabel)
            show_label=true
            rows=3
            button_id="copy-image"
            button_label=t(Text::ShareCopyImage)
            text=code
        />
    }
}

/// One button per file; names carry the scenario.
#[component]
fn Downloads() -> impl IntoView {
    let calc = use_calculator();
    let failed = RwSignal::new(false);
    let stem = move || calc.scenario.with_untracked(file_stem);
    let save = move |extension: &str, mime: &str, content: String| {
        let ok = dom::download_text(&(stem() + extension), mime, &content).is_ok();
        failed.set(!ok);
    };
    let chart_buttons = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let (svg_label, png_label, slug) = match kind {
                ChartKind::Spend => (
                    t(Text::ShareSpendChartSvg),
                    t(Text::ShareSpendChartPng),
                    "-spend",
                ),
                ChartKind::Share => (
                    t(Text::ShareShareChartSvg),
                    t(Text::ShareShareChartPng),
                    "-shares",
                ),
            };
            let on_svg = move |_| {
                leptos::task::spawn_local(async move {
                    match chart_image(calc, kind).await {
                        Some(image) => save(&(slug.to_string() + ".svg"), "image/svg+xml", image.svg),
                        None => failed.set(true),
                    }
                });
            };
            let on_png = move |_| {
                leptos::task::spawn_local(async move {
                    let Some(image) = chart_image(calc, kind).await else {
                        failed.set(true);
                        return;
                    };
                    let name = stem() + slug + ".png";
                    let started = dom::download_svg_as_png(
                        name,
                        &image.svg,
                        image.width,
                        image.height,
                        2.0,
                        move || failed.set(true),
                    );
                    failed.set(started.is_err());
                });
            };
            view! {
                <button type="button" class="button button-quiet" data-export=kind.id().to_string() + "-svg" on:click=on_svg>
                    {svg_label}
                </button>
                <button type="button" class="button button-quiet" data-export=kind.id().to_string() + "-png" on:click=on_png>
                    {png_label}
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
                {t(Text::ShareCsv)}
            </button>
            <button
                type="button"
                class="button button-quiet"
                data-export="json"
                on:click=move |_| {
                    let scenario = calc.scenario.get_untracked();
                    let json = calc.annotation.with_untracked(|a| parameters_json(&scenario, a));
                    save(".json", "application/json", json)
                }
            >
                {t(Text::ShareJson)}
            </button>
            {chart_buttons}
        </div>
        <p class="copy-status" role="status">
            {text(move || if failed.get() { t(Text::ShareDownloadFailed) } else { "" }.to_string())}
        </p>
    }
}

/// A chart's SVG download: its frame (`export::chart_svg`) around its marks as the page draws
/// them. For a moment between two paints (microtasks only, so the reader never sees it), the
/// chart on the page is laid out as its image (`Calculator::drawing_image`); its drawing is
/// read back as text, without what only the page draws (`dom::chart_markup`), and the chart
/// returns to the reader's layout. `None` if the chart could not be read.
async fn chart_image(calc: Calculator, kind: ChartKind) -> Option<ChartImage> {
    calc.drawing_image.set(Some(kind));
    let drawing = dom::chart_markup(kind.id(), super::charts::PAGE_ONLY).await;
    calc.drawing_image.set(None);
    let drawing = drawing?;
    let scenario = calc.scenario.get_untracked();
    Some(calc.annotation.with_untracked(|annotation| {
        calc.projection
            .with_untracked(|p| chart_svg(kind, p, &scenario, annotation, &drawing))
    }))
}

/// The scenario's link written out, for paper: shown only when the page is printed (or saved
/// as PDF), so a printout can be traced back to the scenario it shows.
#[component]
pub fn PrintedLink() -> impl IntoView {
    let calc = use_calculator();
    let (before, after) = around(t(Text::PrintScenarioLink), "link");
    let link = move || calc.full_link.get();
    view! {
        <p class="print-link" id="print-link">
            {before}
            <a href=text(link)>{text(link)}</a>
            {after}
        </p>
    }
}
