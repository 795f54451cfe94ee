//! The browser UI: one file per panel, each writing its HTML and bindings into a
//! [`markup::Markup`]; the page state in [`state::Page`]; and here, the [`App`] that owns
//! both, routes the reader's events to the state and re-renders what changed.
//!
//! There is no framework: the page is one `innerHTML`, listeners are delegated to `#app`, and a
//! change re-evaluates only the bindings that depend on it (see `markup.rs` for why).

pub mod alloc;
mod announcer;
mod charts;
mod compare;
mod controls;
mod dom;
mod embed;
mod figures;
mod markup;
mod notice;
mod presets;
mod sensitivity;
mod sentence;
mod share;
mod sources;
mod state;
mod table;
mod theme;
mod uncertainty;

use std::cell::RefCell;

use stargate_calc::chart::ChartKind;
use stargate_calc::export::{chart_export_size, chart_svg, csv, file_stem, parameters_json};
use stargate_calc::presets::PRESETS;
use stargate_calc::query::{parse_decimal, parse_query, BandSettings, Theme};
use stargate_calc::scenario::{Input, Ramp, Scenario};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement, KeyboardEvent, PointerEvent};

use markup::{Markup, Region, RegionSpec, Target};
use state::{
    Changed, CopyKind, Page, ALL, ANNOUNCE, BANDS, BASELINE, LINKS, NOTES, SCENARIO, STATUS, THEME,
    WIDTH,
};

/// How long the address bar waits after the last change: browsers throttle `replaceState`
/// (Safari and Firefox throw when it is called too often), and a drag fires dozens of events.
const SETTLE_AFTER_MS: i32 = 250;
/// How long a copy button's message stays.
const STATUS_FOR_MS: i32 = 4000;

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the app unless it is busy (an event fired by the app's own DOM work): nothing
/// waits, nothing panics.
fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|cell| {
        if let Ok(mut app) = cell.try_borrow_mut() {
            if let Some(app) = app.as_mut() {
                f(app);
            }
        }
    });
}

pub fn start() {
    let search = dom::window().location().search().unwrap_or_default();
    let parsed = parse_query(&search);
    let document = dom::document();
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    if parsed.link.view.embed {
        let _ = root.class_list().add_1("is-embed");
    }
    // Whatever index.html shows before the app arrives is replaced, not duplicated.
    let page_region = RegionSpec {
        container_id: "app",
        deps: 0,
        key: |_| 0,
        build: |h, p| {
            if p.embed {
                embed::embed_page(h)
            } else {
                full_page(h)
            }
        },
    };
    let settle = Closure::<dyn Fn()>::new(|| {
        with_app(|app| {
            app.settle_timer = None;
            let changed = app.page.settle();
            app.changed(changed);
        })
    });
    let announce = Closure::<dyn Fn()>::new(|| {
        with_app(|app| {
            app.page.announcement = app.page.headline.clone();
            app.changed(ANNOUNCE);
        })
    });
    let mut app = App {
        page: Page::new(parsed),
        regions: vec![Region::new(root.clone(), page_region)],
        settle_timer: None,
        announce_timer: None,
        settle: settle.into_js_value().unchecked_into(),
        announce: announce.into_js_value().unchecked_into(),
        drag_start: None,
    };
    app.render(ALL);
    if let (Some(html), Some(region)) = (document.document_element(), app.regions.first_mut()) {
        region.bind_node(html, Target::Attr("data-theme"), THEME, |p, _| {
            p.theme.key().to_string()
        });
        region.update(&app.page, THEME);
    }
    // The address bar shows the link as the page reads it: values canonical, what was ignored
    // gone.
    let _ = dom::replace_query(&app.page.address_query());
    APP.with(|cell| *cell.borrow_mut() = Some(app));

    for (kind, name) in EVENTS.iter().enumerate() {
        let listener = Closure::<dyn Fn(Event)>::new(move |event: Event| on_event(kind, event));
        // Capturing, so the events that do not bubble (focus, pointerenter) reach us too.
        let _ = root.add_event_listener_with_callback_and_bool(
            name,
            listener.as_ref().unchecked_ref(),
            true,
        );
        listener.forget();
    }
    // Charts are drawn at their real pixel width, so text stays 12 px on a phone. The observer
    // reports the width after each layout that changed it, the first one included: before the
    // first paint, and without forcing a layout of its own (a page load measures only once
    // the page is laid out anyway). It follows the frame of an embed as well as the window.
    if let Ok(Some(charts)) = root.query_selector(".charts") {
        let on_resize = Closure::<dyn Fn()>::new(|| with_app(App::measure));
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&charts);
        }
        on_resize.forget();
    }
    embed::report_height();
}

/// The full page, in reading order.
fn full_page(h: &mut Markup) {
    h.raw("<header class=\"masthead\">");
    theme::theme_picker(h);
    h.raw(
        "<p class=\"kicker\">OpenAI \u{00b7} cloud compute \u{00b7} 2024\u{2013}2035</p>\
         <h1>From Azure to Stargate: where OpenAI's compute money goes</h1>",
    );
    sentence::sentence(h);
    h.raw(
        "<p class=\"deck\">The report: OpenAI expects three-quarters of its compute to come from \
         Stargate by 2030. Drag the share in the sentence or below, change the assumptions, and \
         see what it means for Microsoft, Oracle and the bill.</p></header>",
    );
    notice::query_notice(h);
    announcer::announcer(h);
    h.raw(
        "<div class=\"layout\"><div class=\"results\"><section class=\"hero\" \
         aria-label=\"The 2030 Stargate share and its result\">",
    );
    controls::headline_control(h);
    figures::headline(h);
    presets::presets(h);
    h.raw("</section>");
    charts::charts(h, true);
    uncertainty::uncertainty(h);
    figures::headline_figures(h, &[]);
    table::data_table(h);
    compare::compare(h);
    sensitivity::sensitivity(h);
    share::share_panel(h);
    h.raw("</div>");
    controls::assumptions(h);
    h.raw("</div>");
    sources::sources(h);
    h.raw(
        "<footer class=\"colophon\"><p>Everything is computed in your browser; nothing is sent \
         anywhere. Facts are from the report; everything tagged \u{201c}assumption\u{201d} is \
         ours.</p></footer>",
    );
}

/// The events the page listens for on `#app`, by index.
const EVENTS: [&str; 12] = [
    "input",
    "change",
    "click",
    "keydown",
    "pointerdown",
    "pointermove",
    "pointerup",
    "pointercancel",
    "pointerenter",
    "pointerleave",
    "focus",
    "blur",
];
const INPUT: usize = 0;
const CHANGE: usize = 1;
const CLICK: usize = 2;
const KEYDOWN: usize = 3;
const POINTER_DOWN: usize = 4;
const POINTER_MOVE: usize = 5;
const POINTER_UP: usize = 6;
const POINTER_CANCEL: usize = 7;
const POINTER_ENTER: usize = 8;
const POINTER_LEAVE: usize = 9;
const FOCUS: usize = 10;
const BLUR: usize = 11;

fn on_event(kind: usize, event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let mut after = After::Nothing;
    with_app(|app| after = app.handle(kind, &target, &event));
    // Outside the app: these fire events (focus) or call back (the clipboard) themselves.
    match after {
        After::Nothing => {}
        After::Focus(id) => dom::focus(id),
        After::Copy(kind, text) => dom::copy_text(&text, move |copied| {
            with_app(|app| app.copied(kind, copied))
        }),
    }
}

/// What an event leaves to do once the app is released.
enum After {
    Nothing,
    Focus(&'static str),
    Copy(CopyKind, String),
}

struct App {
    page: Page,
    /// The page first, then the regions inside it in the order they were found.
    regions: Vec<Region>,
    /// Restarted by every change of the scenario: when they fire, the links catch up and the
    /// headline is announced.
    settle_timer: Option<i32>,
    announce_timer: Option<i32>,
    settle: js_sys::Function,
    announce: js_sys::Function,
    /// Where a drag of the sentence's number started: pointer x and the value then.
    drag_start: Option<(f64, f64)>,
}

impl App {
    /// Recomputes and re-renders what `changed` touched; restarts the pause timers when the
    /// scenario moved; puts the link in the address bar when it changed.
    fn changed(&mut self, changed: Changed) {
        if changed == 0 {
            return;
        }
        if changed & SCENARIO != 0 {
            dom::clear_timeout(self.settle_timer.take());
            dom::clear_timeout(self.announce_timer.take());
            self.settle_timer = dom::set_timeout(&self.settle, SETTLE_AFTER_MS);
            self.announce_timer = dom::set_timeout(&self.announce, announcer::ANNOUNCE_AFTER_MS);
        }
        let changed = self.page.refresh(changed);
        self.render(changed);
        if changed & LINKS != 0 {
            // Only non-default values, replacing the current history entry: dragging never
            // adds any.
            let _ = dom::replace_query(&self.page.address_query());
        }
    }

    fn render(&mut self, changed: Changed) {
        let mut index = 0;
        while let Some(region) = self.regions.get_mut(index) {
            for spec in region.update(&self.page, changed) {
                if let Some(container) = dom::document().get_element_by_id(spec.container_id) {
                    // Updated (built) when the loop reaches it.
                    self.regions.push(Region::new(container, spec));
                }
            }
            index += 1;
        }
    }

    /// Reads the charts' width from the layout (laid out already: called by a ResizeObserver).
    fn measure(&mut self) {
        let Ok(Some(charts)) = dom::document().query_selector(".charts") else {
            return;
        };
        let width = f64::from(charts.client_width());
        if width > 0.0 && (width - self.page.chart_width).abs() >= 1.0 {
            self.page.chart_width = width;
            self.changed(WIDTH);
        }
    }

    fn handle(&mut self, kind: usize, target: &Element, event: &Event) -> After {
        match kind {
            INPUT | CHANGE => self.on_form(kind, target),
            CLICK => {
                if let Ok(Some(button)) = target.closest("button") {
                    return self.on_click(&button);
                }
            }
            KEYDOWN => {
                let key = event.unchecked_ref::<KeyboardEvent>().key();
                if target.id() == "sentence-sg" {
                    let current = self.page.scenario.get(sentence::INPUT);
                    if let Some(next) = sentence::key_step(current, &key) {
                        event.prevent_default();
                        let changed = self.page.set_input(sentence::INPUT, next);
                        self.changed(changed);
                    }
                } else if target.has_attribute("data-chart-focus") {
                    let (first, last) = self.year_span();
                    let delta = match key.as_str() {
                        "ArrowLeft" | "ArrowDown" => -1,
                        "ArrowRight" | "ArrowUp" => 1,
                        "Home" => first - last,
                        "End" => last - first,
                        _ => return After::Nothing,
                    };
                    event.prevent_default();
                    self.move_selection(delta);
                }
            }
            POINTER_DOWN if target.id() == "sentence-sg" => {
                let pointer: &PointerEvent = event.unchecked_ref();
                let _ = target.set_pointer_capture(pointer.pointer_id());
                let value = self.page.scenario.get(sentence::INPUT);
                self.drag_start = Some((f64::from(pointer.client_x()), value));
                event.prevent_default();
            }
            POINTER_MOVE => {
                if let Some(start) = self.drag_start {
                    let x = f64::from(event.unchecked_ref::<PointerEvent>().client_x());
                    let next = sentence::drag_value(start, x);
                    let changed = self.page.set_input(sentence::INPUT, next);
                    self.changed(changed);
                }
            }
            POINTER_UP | POINTER_CANCEL => self.drag_start = None,
            POINTER_ENTER => {
                if let Some(year) = target.get_attribute("data-year") {
                    let year = year.parse::<i32>().ok();
                    let changed = self.page.select_year(year);
                    self.changed(changed);
                }
            }
            POINTER_LEAVE | BLUR
                if target.class_list().contains("chart-frame")
                    || (kind == BLUR && target.has_attribute("data-chart-focus")) =>
            {
                let changed = self.page.select_year(None);
                self.changed(changed);
            }
            FOCUS if target.has_attribute("data-chart-focus") => self.move_selection(0),
            _ => {}
        }
        After::Nothing
    }

    fn year_span(&self) -> (i32, i32) {
        let p = &self.page.projection;
        (p.first_year(), p.last_year())
    }

    /// Moves the selected year (the last one when none is) by `delta`, within the years shown.
    fn move_selection(&mut self, delta: i32) {
        let (first, last) = self.year_span();
        let current = self.page.selected_year.unwrap_or(last);
        let next = current.saturating_add(delta).max(first).min(last);
        let changed = self.page.select_year(Some(next));
        self.changed(changed);
    }

    /// A slider, radio button or checkbox: its name or id says what it sets.
    fn on_form(&mut self, kind: usize, target: &Element) {
        let field: &HtmlInputElement = target.unchecked_ref();
        let id = target.id();
        let value = field.value();
        let mut changed = 0;
        if kind == INPUT {
            // A range input only ever reports a number; anything else is ignored, not trusted.
            let number = parse_decimal(&value);
            if let (Some(key), Some(number)) = (id.strip_prefix("in-"), number) {
                if let Some(input) = Input::from_key(key) {
                    changed = self.page.set_input(input, number);
                }
            } else if let (Some(key), Some(number)) = (id.strip_prefix("range-"), number) {
                if let (Some(input), Some(settings)) = (Input::from_key(key), &mut self.page.bands)
                {
                    settings.ranges.set(input, number);
                    changed = BANDS;
                }
            }
        } else if id == "bands-toggle" {
            self.page.bands = match self.page.bands {
                Some(_) => None,
                None => Some(BandSettings::DEFAULT),
            };
            changed = BANDS;
        } else {
            match field.name().as_str() {
                "ramp" => {
                    if let Some(ramp) = Ramp::from_key(&value) {
                        let mut next = self.page.scenario;
                        next.ramp = ramp;
                        changed = self.page.set_scenario(next);
                    }
                }
                "theme" => {
                    if let Some(theme) = Theme::from_key(&value) {
                        self.page.theme = theme;
                        changed = THEME;
                    }
                }
                _ => {}
            }
        }
        self.changed(changed);
    }

    fn on_click(&mut self, button: &Element) -> After {
        let page = &mut self.page;
        let id = button.id();
        let copy = match id.as_str() {
            "copy-link" => Some(CopyKind::Link),
            "copy-embed" => Some(CopyKind::Embed),
            "copy-host" => Some(CopyKind::Host),
            _ => None,
        };
        if let Some(kind) = copy {
            // The text follows the settled scenario; copy what is on screen now.
            let changed = page.settle();
            self.changed(changed);
            return After::Copy(kind, share::copy_text(&self.page, kind));
        }
        let mut after = After::Nothing;
        let changed = match id.as_str() {
            "reset" => page.set_scenario(Scenario::REPORT),
            "notice-dismiss" => {
                page.notes.clear();
                // The dismissed notice took the focus with it; hand it to the headline slider
                // (the next control, on the full page and in the embed), not to the body.
                after = After::Focus("in-sg");
                NOTES
            }
            "pin" => {
                let changed = page.settle();
                page.baseline = Some(page.scenario);
                changed | BASELINE
            }
            "unpin" => {
                page.baseline = None;
                after = After::Focus("pin");
                BASELINE
            }
            "bands-redraw" => match &mut page.bands {
                Some(settings) => {
                    settings.seed = (settings.seed + 1) % (BandSettings::MAX_SEED + 1);
                    BANDS
                }
                None => 0,
            },
            _ => {
                if let Some(preset) = button
                    .get_attribute("data-preset")
                    .and_then(|name| PRESETS.iter().find(|p| p.id == name))
                {
                    let next = preset.apply(&page.scenario);
                    page.set_scenario(next)
                } else if let Some(file) = button.get_attribute("data-export") {
                    self.download(&file);
                    STATUS
                } else {
                    0
                }
            }
        };
        self.changed(changed);
        after
    }

    /// Offers the file a `data-export` button names; names carry the scenario.
    fn download(&mut self, file: &str) {
        let page = &mut self.page;
        let stem = file_stem(&page.scenario);
        let started = match file {
            "csv" => dom::download_text(&(stem + ".csv"), "text/csv", &csv(&page.projection)),
            "json" => dom::download_text(
                &(stem + ".json"),
                "application/json",
                &parameters_json(&page.scenario),
            ),
            _ => {
                let (kind, slug) = if file.starts_with("share-") {
                    (ChartKind::Share, "-shares")
                } else {
                    (ChartKind::Spend, "-spend")
                };
                let svg = chart_svg(kind, &page.projection, &page.scenario);
                if file.ends_with("-png") {
                    let (width, height) = chart_export_size();
                    dom::download_svg_as_png(stem + slug + ".png", &svg, width, height, 2.0, || {
                        with_app(|app| {
                            app.page.download_failed = true;
                            app.changed(STATUS);
                        })
                    })
                } else {
                    dom::download_text(&(stem + slug + ".svg"), "image/svg+xml", &svg)
                }
            }
        };
        page.download_failed = started.is_err();
    }

    /// After a copy: says whether it worked; when the browser refused, selects the text in its
    /// field for the reader to copy by hand. The message goes after a few seconds.
    fn copied(&mut self, kind: CopyKind, copied: bool) {
        self.page.copy_status[kind as usize] = if copied {
            "Copied."
        } else {
            dom::select_field(share::copy_ids(kind).1);
            "Selected: press Ctrl+C (\u{2318}C on a Mac) to copy."
        };
        self.changed(STATUS);
        dom::after(STATUS_FOR_MS, move || {
            with_app(|app| {
                app.page.copy_status[kind as usize] = "";
                app.changed(STATUS);
            })
        });
    }
}
