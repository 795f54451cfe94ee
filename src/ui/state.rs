//! The page's state: what the reader chose (the scenario, a pinned baseline, the bands, the
//! theme, the year pointed at) and everything derived from it, computed once per change in
//! [`Page::refresh`] so that the bindings only copy ready strings to the DOM.
//!
//! Every change says what it touched as a set of [`Changed`] bits; a binding names the bits it
//! depends on, and is evaluated only when one of them is set.

use stargate_calc::baseline::{difference_rows, figure_changes, DifferenceRow, FigureChange};
use stargate_calc::chart::{tornado_chart, Chart, ChartKind, Frame, Overlays, Tornado};
use stargate_calc::embed::{host_snippet, iframe_snippet};
use stargate_calc::model::{project, Projection};
use stargate_calc::presets::{matching, Preset};
use stargate_calc::query::{
    encode_query, BandSettings, Link, ParsedQuery, QueryNote, Theme, ViewOptions,
};
use stargate_calc::scenario::{Input, Scenario};
use stargate_calc::sensitivity::{tornado, Output};
use stargate_calc::summary::{
    bands_sentence, chart_description, headline_sentence, sentence_numbers, FigureText, FIGURES,
};
use stargate_calc::uncertainty::{simulate, Bands};

use super::dom;

/// Paths drawn for the uncertainty bands.
pub const PATHS: usize = 10_000;

/// What a change touched, as bits.
pub type Changed = u32;
/// The scenario, and everything computed from it.
pub const SCENARIO: Changed = 1;
/// The width the charts are drawn at.
pub const WIDTH: Changed = 1 << 1;
/// The year selected in the charts.
pub const YEAR: Changed = 1 << 2;
/// The pinned baseline.
pub const BASELINE: Changed = 1 << 3;
/// The uncertainty mode: on or off, its ranges, its seed.
pub const BANDS: Changed = 1 << 4;
pub const THEME: Changed = 1 << 5;
/// The notes about the URL (dismissed or not).
pub const NOTES: Changed = 1 << 6;
/// The links and embed code (they follow the scenario after each pause).
pub const LINKS: Changed = 1 << 7;
/// The copy and download messages.
pub const STATUS: Changed = 1 << 8;
/// The screen-reader announcement.
pub const ANNOUNCE: Changed = 1 << 9;
/// Either chart's axes (set by `refresh` only when they really moved).
pub const AXES: Changed = 1 << 10;
/// Everything: the first render.
pub const ALL: Changed = u32::MAX;
/// What the drawn charts depend on.
pub const CHARTS: Changed = SCENARIO | WIDTH | BASELINE | BANDS;

/// The copy buttons, each with its own status message.
#[derive(Clone, Copy, PartialEq)]
pub enum CopyKind {
    Link,
    Embed,
    Host,
}

pub struct Page {
    pub scenario: Scenario,
    /// The scenario as of the last pause in the reader's changes: links and embed code follow
    /// it, so a drag does not rebuild them (or the address bar) on every move.
    pub settled: Scenario,
    pub baseline: Option<Scenario>,
    pub bands: Option<BandSettings>,
    pub theme: Theme,
    /// `embed=1`: the compact page for an iframe. Fixed for the page's life.
    pub embed: bool,
    /// The year the reader points at, or has moved to with the keyboard, in either chart.
    pub selected_year: Option<i32>,
    /// Width available to each chart, CSS pixels.
    pub chart_width: f64,
    /// What the URL asked for that was ignored or adjusted; emptied when dismissed.
    pub notes: Vec<QueryNote>,
    /// Each copy button's message, by [`CopyKind`] (`as usize`).
    pub copy_status: [&'static str; 3],
    pub download_failed: bool,
    /// What the live region says: the headline, after a pause.
    pub announcement: String,

    // Derived, by `refresh`.
    pub projection: Projection,
    pub baseline_projection: Option<Projection>,
    pub band_result: Option<Bands>,
    pub band_sentence: String,
    /// In [`ChartKind::ALL`] order.
    pub charts: [Chart; 2],
    pub chart_descriptions: [String; 2],
    /// In [`Output::ALL`] order.
    pub tornadoes: [Tornado; 2],
    pub headline: String,
    /// The explorable sentence's derived numbers: 2030 Stargate spend, and its multiple of
    /// Azure spend (`None` when Azure gets nothing).
    pub sentence: (String, Option<String>),
    /// The preset the scenario is, if any.
    pub preset: Option<&'static Preset>,
    /// MODEL.md's headline figures, in [`FIGURES`] order.
    pub figures: Vec<FigureText>,
    pub differences: Vec<DifferenceRow>,
    pub figure_changes: Vec<FigureChange>,
    /// The full page's link to the settled scenario.
    pub full_link: String,
    pub iframe_code: String,
    pub host_code: String,
}

impl Page {
    pub fn new(parsed: ParsedQuery) -> Page {
        let link = parsed.link;
        // Everything derived starts empty and is computed once, by `refresh(ALL)` below.
        let mut page = Page {
            scenario: link.scenario,
            settled: link.scenario,
            baseline: link.baseline,
            bands: link.bands,
            theme: link.view.theme,
            embed: link.view.embed,
            selected_year: None,
            // Until the layout says otherwise (`App::measure`).
            chart_width: 640.0,
            notes: parsed.notes,
            copy_status: [""; 3],
            download_failed: false,
            announcement: String::new(),
            projection: Projection::default(),
            baseline_projection: None,
            band_result: None,
            band_sentence: String::new(),
            charts: Default::default(),
            chart_descriptions: Default::default(),
            tornadoes: Default::default(),
            headline: String::new(),
            sentence: Default::default(),
            preset: None,
            figures: Vec::new(),
            differences: Vec::new(),
            figure_changes: Vec::new(),
            full_link: String::new(),
            iframe_code: String::new(),
            host_code: String::new(),
        };
        page.refresh(ALL);
        page
    }

    /// Recomputes what `changed` invalidates; returns `changed` with [`AXES`] added when either
    /// chart's axes moved.
    pub fn refresh(&mut self, changed: Changed) -> Changed {
        let mut changed = changed;
        if changed & SCENARIO != 0 {
            self.projection = project(&self.scenario);
            self.headline = headline_sentence(&self.projection.figures);
            self.sentence = sentence_numbers(&self.projection.figures);
            self.preset = matching(&self.scenario);
            self.figures = FIGURES
                .iter()
                .map(|figure| (figure.text)(&self.projection, &self.scenario))
                .collect();
            self.chart_descriptions =
                ChartKind::ALL.map(|kind| chart_description(kind, &self.projection));
        }
        if changed & BASELINE != 0 {
            self.baseline_projection = self.baseline.as_ref().map(project);
        }
        if changed & (SCENARIO | BANDS) != 0 {
            self.band_result = self
                .bands
                .map(|settings| simulate(&self.scenario, &settings.ranges, settings.seed, PATHS));
            self.band_sentence = self
                .band_result
                .as_ref()
                .map(bands_sentence)
                .unwrap_or_default();
        }
        if changed & (SCENARIO | BASELINE) != 0 {
            let (differences, figures) = match &self.baseline_projection {
                Some(b) => (
                    difference_rows(&self.projection, b),
                    figure_changes(&self.projection, b),
                ),
                None => (Vec::new(), Vec::new()),
            };
            self.differences = differences;
            self.figure_changes = figures;
        }
        if changed & CHARTS != 0 {
            let frame = Frame::for_width(self.chart_width);
            let overlays = Overlays {
                baseline: self.baseline_projection.as_ref(),
                bands: self.band_result.as_ref(),
            };
            let charts = ChartKind::ALL.map(|kind| kind.draw(&self.projection, overlays, frame));
            if charts[0].axes != self.charts[0].axes || charts[1].axes != self.charts[1].axes {
                changed |= AXES;
            }
            self.charts = charts;
        }
        if changed & (SCENARIO | WIDTH) != 0 {
            let width = self.chart_width;
            self.tornadoes =
                Output::ALL.map(|output| tornado_chart(&tornado(&self.scenario, output), width));
        }
        if changed & (LINKS | BASELINE | BANDS | THEME) != 0 {
            self.full_link = dom::page_link(&encode_query(&self.settled_link(false)));
            self.iframe_code =
                iframe_snippet(&dom::page_link(&encode_query(&self.settled_link(true))));
            if self.host_code.is_empty() {
                self.host_code = host_snippet(&dom::page_base());
            }
            changed |= LINKS;
        }
        changed
    }

    /// The link to the settled scenario (with the baseline, bands and theme) shown as `embed`
    /// says.
    pub fn settled_link(&self, embed: bool) -> Link {
        Link {
            scenario: self.settled,
            view: ViewOptions {
                embed,
                theme: self.theme,
            },
            baseline: self.baseline,
            bands: self.bands,
        }
    }

    /// The address bar's query: the settled scenario as this page shows it.
    pub fn address_query(&self) -> String {
        encode_query(&self.settled_link(self.embed))
    }

    pub fn set_input(&mut self, input: Input, value: f64) -> Changed {
        let mut next = self.scenario;
        next.set(input, value);
        self.set_scenario(next)
    }

    pub fn set_scenario(&mut self, next: Scenario) -> Changed {
        if next == self.scenario {
            return 0;
        }
        self.scenario = next;
        SCENARIO
    }

    /// Brings `settled` up to date at once (before copying a link or pinning, say).
    pub fn settle(&mut self) -> Changed {
        if self.settled == self.scenario {
            return 0;
        }
        self.settled = self.scenario;
        LINKS
    }

    pub fn select_year(&mut self, year: Option<i32>) -> Changed {
        if self.selected_year == year {
            return 0;
        }
        self.selected_year = year;
        YEAR
    }

    /// The year the readouts show: the one selected, else the last one.
    pub fn shown_year(&self) -> i32 {
        self.selected_year
            .unwrap_or_else(|| self.projection.last_year())
    }
}
