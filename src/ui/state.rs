//! The page's reactive state: what the reader chose, as signals, and what the page derives from
//! it, as memos. One [`Calculator`] (a `Copy` handle) is provided as context at the root; every
//! panel takes it with [`use_calculator`].
//!
//! The shape of the graph is deliberate. Leptos keeps each signal's and memo's subscribers in
//! an ordered set and removes a re-running effect from it with an O(n) shift, so a value read
//! directly by a hundred effects costs O(n²) per change. Here the scenario feeds a few memos
//! (the projection, the matching preset, each control's value), the projection feeds a few
//! more (the table, each chart, the figures, the sentences), and each of those is read by a
//! handful of effects: one change of the scenario recomputes the projection once, and no
//! signal or memo has more than a few dozen direct subscribers.

use leptos::prelude::*;
use stargate_calc::annotation::Annotation;
use stargate_calc::chart::ChartKind;
use stargate_calc::link::{
    encode_query, BandSettings, Link, Page, ParsedQuery, Theme, ViewOptions,
};
use stargate_calc::model::{project, Projection};
use stargate_calc::notes::{notice_lines, Note, NoteSource};
use stargate_calc::presets::{matching, PRESETS};
use stargate_calc::scenario::{Input, Scenario};
use stargate_calc::summary::{headline_sentence, FigureText, FIGURES};
use stargate_calc::uncertainty::{simulate, Bands};
use stargate_calc::words::{fill, t, Lang, Text as Words};

use super::dom;
pub use super::drawing::{field, text, visible_when};

/// Paths drawn for the uncertainty bands.
pub const PATHS: usize = 10_000;

/// A read-only signal that follows `compute` and notifies its readers only when the value
/// really changes. A `Memo` does not stop the traversal: on every change upstream, Leptos marks
/// each of its readers, and theirs, to be checked, and polls every effect among them, even when
/// the memo then turns out equal. Behind this signal (an effect that sets it only on a real
/// change, the pattern of Leptos's own `Selector`), its readers are not visited at all until it
/// changes. Used where many bindings hang off a value that rarely changes while the scenario
/// does: a chart's axes, a slider's own value, the last year shown.
pub fn changes_of<T>(compute: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let (read, write) = signal(untrack(&compute));
    Effect::new(move |_| {
        let next = compute();
        if read.with_untracked(|now| *now != next) {
            write.set(next);
        }
    });
    read
}

/// What the page tells the reader it ignored, adjusted or could not open: a title and a line
/// per thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub title: String,
    pub lines: Vec<String>,
}

impl Notice {
    /// The notes about a link or a file, if there are any: a handful of lines at most.
    pub fn about(title: String, notes: &[Note], source: NoteSource) -> Option<Notice> {
        (!notes.is_empty()).then(|| Notice {
            title,
            lines: notice_lines(notes, source),
        })
    }
}

#[derive(Clone, Copy)]
pub struct Calculator {
    pub scenario: RwSignal<Scenario>,
    /// The scenario as of the last pause in the reader's changes (`share::sync_address_bar`):
    /// links and embed code follow it, so a drag does not rebuild them on every move.
    pub settled: RwSignal<Scenario>,
    /// The pinned scenario the page compares against, if any.
    pub baseline: RwSignal<Option<Scenario>>,
    /// The uncertainty mode's ranges and seed, when it is on.
    pub bands: RwSignal<Option<BandSettings>>,
    /// The author's marked year and note (`mark=`, `note=`).
    pub annotation: RwSignal<Annotation>,
    pub theme: RwSignal<Theme>,
    /// The page the link asked for: the full calculator, the embed or its chart view. Fixed
    /// for the page's life.
    pub page: Page,
    /// The page's language (`lang=`), fixed for the page's life (`words.rs`).
    pub lang: Lang,
    /// The year the reader points at, or has moved to with the keyboard, in either chart.
    pub selected_year: RwSignal<Option<i32>>,
    /// A chart being drawn as its download (`export::image_chart`), for the few microtasks it
    /// takes to read it back, between two paints (`share::chart_image`).
    pub drawing_image: RwSignal<Option<ChartKind>>,
    /// What a link or a file asked for that was ignored or adjusted; `None` once dismissed.
    pub notice: RwSignal<Option<Notice>>,
    /// True once the page has built all its parts (`ui::build_in_steps`).
    pub mounted: RwSignal<bool>,

    /// Recomputed once per change of the scenario, whatever number of panels read it.
    pub projection: Memo<Projection>,
    /// The last year shown (the scenario's `h`): the table's rows and the charts' years.
    pub last_year: ReadSignal<i32>,
    /// The year the readouts show: the one selected, else the marked one, else the last one.
    pub shown_year: Memo<i32>,
    /// The baseline's projection, recomputed only when the baseline changes.
    pub baseline_projection: Memo<Option<Projection>>,
    /// The bands for the current scenario: [`PATHS`] paths, recomputed on every change while on.
    pub band_result: Memo<Option<Bands>>,
    pub bands_on: Memo<bool>,
    /// docs/model.md's headline figures as words, in [`FIGURES`] order.
    pub figure_texts: Memo<Vec<FigureText>>,
    /// The page's headline, the explorable sentence, as plain text (for the announcer).
    pub headline: Memo<String>,
    /// Index in [`PRESETS`] of the preset the scenario is, if any.
    pub preset: Memo<Option<usize>>,
    /// The link to the full page with the settled scenario (never the embed).
    pub full_link: Memo<String>,
}

/// The page's state, from the context the root provides.
pub fn use_calculator() -> Calculator {
    expect_context::<Calculator>()
}

impl Calculator {
    /// The page's state from the link; `missing_words` is a language whose words did not load
    /// (the page is in English and its notice says so).
    pub fn new(parsed: ParsedQuery, missing_words: Option<Lang>) -> Self {
        let link = parsed.link;
        let scenario = RwSignal::new(link.scenario);
        let settled = RwSignal::new(link.scenario);
        let baseline = RwSignal::new(link.baseline);
        let bands = RwSignal::new(link.bands);
        let annotation = RwSignal::new(link.annotation.clone());
        let theme = RwSignal::new(link.view.theme);
        let selected_year = RwSignal::new(None);
        let projection = Memo::new(move |_| scenario.with(project));
        let last_year = changes_of(move || scenario.with(Scenario::last_year_shown));
        let mark_shown = move || {
            let last = last_year.get();
            annotation.with(|a| a.mark_shown(last))
        };
        let figure_texts = Memo::new(move |_| {
            scenario.with(|s| {
                projection.with(|p| FIGURES.iter().map(|figure| (figure.text)(p, s)).collect())
            })
        });
        let mut notice = Notice::about(
            t(Words::NoteLinkTitle).to_string(),
            &parsed.notes,
            NoteSource::Link,
        );
        if let Some(lang) = missing_words {
            let line = fill(Words::WordsMissing, &[("language", lang.name())]);
            match notice.as_mut() {
                Some(notice) => notice.lines.push(line),
                None => {
                    notice = Some(Notice {
                        title: line,
                        lines: Vec::new(),
                    })
                }
            }
        }
        let calc = Calculator {
            scenario,
            settled,
            baseline,
            bands,
            annotation,
            theme,
            page: link.view.page,
            lang: link.view.lang,
            selected_year,
            drawing_image: RwSignal::new(None),
            notice: RwSignal::new(notice),
            mounted: RwSignal::new(false),
            projection,
            last_year,
            shown_year: Memo::new(move |_| {
                selected_year
                    .get()
                    .or_else(mark_shown)
                    .unwrap_or_else(|| last_year.get())
            }),
            baseline_projection: Memo::new(move |_| baseline.with(|b| b.as_ref().map(project))),
            band_result: Memo::new(move |_| {
                let settings = bands.get()?;
                Some(scenario.with(|s| simulate(s, &settings.ranges, settings.seed, PATHS)))
            }),
            bands_on: Memo::new(move |_| bands.with(Option::is_some)),
            figure_texts,
            headline: Memo::new(move |_| {
                let share = scenario.with(|s| s.stargate_share_2030);
                projection.with(|p| headline_sentence(share, &p.figures))
            }),
            preset: Memo::new(move |_| {
                scenario.with(|s| {
                    matching(s).and_then(|found| PRESETS.iter().position(|p| p.id == found.id))
                })
            }),
            full_link: Memo::new(move |_| {
                let link = settled_link(
                    settled,
                    theme,
                    baseline,
                    bands,
                    annotation,
                    Page::Full,
                    link.view.lang,
                );
                // On a built site a preset is shared as its own page (it unfurls with its card).
                match dom::site_root() {
                    Some(root) => stargate_calc::site::page_link(&root, &link),
                    None => dom::page_link(&encode_query(&link)),
                }
            }),
        };
        provide_context(calc);
        calc
    }

    /// The marked year, if it is among the years shown. Tracks what it reads.
    pub fn mark_shown(self) -> Option<i32> {
        let last = self.last_year.get();
        self.annotation.with(|a| a.mark_shown(last))
    }

    /// One input's value, followed so a control's bindings are not even visited when another
    /// input moves.
    pub fn input_value(self, input: Input) -> ReadSignal<f64> {
        let scenario = self.scenario;
        changes_of(move || scenario.with(|s| s.get(input)))
    }

    pub fn set_input(self, input: Input, value: f64) {
        let mut next = self.scenario.get_untracked();
        next.set(input, value);
        self.set_scenario(next);
    }

    /// Replaces the scenario; nothing is notified when it is the same.
    pub fn set_scenario(self, next: Scenario) {
        if self.scenario.with_untracked(|s| *s != next) {
            self.scenario.set(next);
        }
    }

    /// The link to the settled scenario (with the baseline, bands and theme) on `page`.
    /// Tracks what it reads.
    pub fn settled_link(self, page: Page) -> Link {
        settled_link(
            self.settled,
            self.theme,
            self.baseline,
            self.bands,
            self.annotation,
            page,
            self.lang,
        )
    }

    /// Brings `settled` up to date at once (before copying a link or pinning, say).
    pub fn settle_now(self) {
        let current = self.scenario.get_untracked();
        if self.settled.get_untracked() != current {
            self.settled.set(current);
        }
    }
}

/// [`Calculator::settled_link`], from the signals themselves (the memos built before the
/// handle exists use it too).
fn settled_link(
    settled: RwSignal<Scenario>,
    theme: RwSignal<Theme>,
    baseline: RwSignal<Option<Scenario>>,
    bands: RwSignal<Option<BandSettings>>,
    annotation: RwSignal<Annotation>,
    page: Page,
    lang: Lang,
) -> Link {
    Link {
        scenario: settled.get(),
        view: ViewOptions {
            page,
            theme: theme.get(),
            lang,
        },
        baseline: baseline.get(),
        bands: bands.get(),
        annotation: annotation.get(),
    }
}
