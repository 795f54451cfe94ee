//! The page's reactive state: one scenario signal, one memoised projection derived from it,
//! how the page is shown, and the little bits of view state the charts share. Every panel gets
//! this `Copy` handle.

use leptos::prelude::*;
use stargate_calc::model::{project, Projection};
use stargate_calc::query::{BandSettings, Link, ParsedQuery, QueryNote, Theme, ViewOptions};
use stargate_calc::uncertainty::{simulate, Bands};

/// Paths drawn for the uncertainty bands.
pub const PATHS: usize = 10_000;
use stargate_calc::scenario::{Input, Scenario};

/// A reactive string for an attribute or a text node. Boxed on purpose: when every dynamic
/// value on the page has this one type, Leptos's rendering code is compiled once for it rather
/// than once per closure, which is most of the difference in the wasm's size.
pub type Text = Box<dyn Fn() -> String + Send>;

/// Wraps a closure as a [`Text`].
pub fn text(value: impl Fn() -> String + Send + 'static) -> Text {
    Box::new(value)
}

#[derive(Clone, Copy)]
pub struct Calculator {
    pub scenario: RwSignal<Scenario>,
    /// The scenario as of the last pause in the reader's changes (see `share::sync_address_bar`):
    /// links and embed code follow it, so a drag does not rebuild them on every move.
    pub settled: RwSignal<Scenario>,
    /// Recomputed once per scenario change, whatever number of panels read it.
    pub projection: Memo<Projection>,
    /// The pinned scenario the page compares against, if any.
    pub baseline: RwSignal<Option<Scenario>>,
    /// Its projection, recomputed only when the baseline changes.
    pub baseline_projection: Memo<Option<Projection>>,
    /// The uncertainty mode's ranges and seed, when it is on.
    pub bands: RwSignal<Option<BandSettings>>,
    /// The bands for the current scenario: [`PATHS`] paths, recomputed on every change.
    pub band_result: Memo<Option<Bands>>,
    /// `embed=1`: the compact page for an iframe. Fixed for the page's life.
    pub embed: bool,
    pub theme: RwSignal<Theme>,
    /// The year the reader is pointing at or has moved to with the keyboard, in either chart.
    pub selected_year: RwSignal<Option<i32>>,
    /// Width available to each chart, CSS pixels.
    pub chart_width: RwSignal<f64>,
    /// What the URL asked for that was ignored or adjusted; emptied when dismissed.
    pub notes: RwSignal<Vec<QueryNote>>,
}

impl Calculator {
    pub fn new(parsed: ParsedQuery) -> Self {
        let link = parsed.link;
        let scenario = RwSignal::new(link.scenario);
        let baseline = RwSignal::new(link.baseline);
        let bands = RwSignal::new(link.bands);
        Calculator {
            scenario,
            settled: RwSignal::new(link.scenario),
            projection: Memo::new(move |_| scenario.with(project)),
            baseline,
            baseline_projection: Memo::new(move |_| baseline.with(|b| b.as_ref().map(project))),
            bands,
            band_result: Memo::new(move |_| {
                let settings = bands.get()?;
                Some(scenario.with(|s| simulate(s, &settings.ranges, settings.seed, PATHS)))
            }),
            embed: link.view.embed,
            theme: RwSignal::new(link.view.theme),
            selected_year: RwSignal::new(None),
            chart_width: RwSignal::new(640.0),
            notes: RwSignal::new(parsed.notes),
        }
    }

    /// One input's value, as a memo so a control re-renders only when its own value changes.
    pub fn input_value(self, input: Input) -> Memo<f64> {
        let scenario = self.scenario;
        Memo::new(move |_| scenario.with(|s| s.get(input)))
    }

    pub fn set_input(self, input: Input, value: f64) {
        self.scenario.update(|s| s.set(input, value));
    }

    /// The link to the settled scenario (with the baseline and theme) shown as `embed` says.
    pub fn settled_link(self, embed: bool) -> Link {
        Link {
            scenario: self.settled.get(),
            view: ViewOptions {
                embed,
                theme: self.theme.get(),
            },
            baseline: self.baseline.get(),
            bands: self.bands.get(),
        }
    }

    /// Brings `settled` up to date at once (before copying a link, say).
    pub fn settle_now(self) {
        let current = self.scenario.get_untracked();
        if self.settled.get_untracked() != current {
            self.settled.set(current);
        }
    }
}
