//! Pin a baseline and compare: "Pin this scenario" keeps the current one; the charts then draw
//! it as outlines, and this panel shows current − baseline per year and provider and for the
//! headline figures. The numbers come from `baseline.rs`; the baseline lives in the URL.

use leptos::prelude::*;
use stargate_calc::baseline::{difference_cells, difference_rows, figure_changes, FigureChange};

use stargate_calc::words::{t, Text};

use super::dom;
use super::state::{text, use_calculator};
use super::table::{RowCells, YearTable};

#[component]
pub fn Compare() -> impl IntoView {
    let calc = use_calculator();
    let pinned = Memo::new(move |_| calc.baseline.with(Option::is_some));
    let pin = move |_| {
        calc.settle_now();
        calc.baseline.set(Some(calc.scenario.get_untracked()));
    };
    let unpin = move |_| {
        calc.baseline.set(None);
        // The button goes with the baseline; keep the focus in the panel, on Pin.
        dom::focus("pin");
    };
    view! {
        <section id="compare" class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{t(Text::CompareTitle)}</h2>
            <p class="panel-note">
                {text(move || {
                    t(if pinned.get() { Text::CompareNotePinned } else { Text::CompareNoteUnpinned })
                        .to_string()
                })}
            </p>
            <div class="compare-actions">
                <button id="pin" type="button" class="button" on:click=pin>
                    {text(move || t(if pinned.get() { Text::ComparePinAgain } else { Text::ComparePin }).to_string())}
                </button>
                <button
                    id="unpin"
                    type="button"
                    class="button button-quiet"
                    hidden=move || !pinned.get()
                    on:click=unpin
                >
                    {t(Text::CompareUnpin)}
                </button>
            </div>
            <Show when=move || pinned.get()>
                <Differences/>
            </Show>
        </section>
    }
}

/// The two difference tables: headline figures, then year by year.
#[component]
fn Differences() -> impl IntoView {
    let calc = use_calculator();
    let rows = Memo::new(move |_| {
        calc.baseline_projection.with(|baseline| {
            baseline.as_ref().map_or_else(Vec::new, |b| {
                calc.projection.with(|p| {
                    difference_rows(p, b)
                        .iter()
                        .map(difference_cells)
                        .collect::<Vec<RowCells>>()
                })
            })
        })
    });
    let figures = Memo::new(move |_| {
        calc.baseline_projection.with(|baseline| {
            baseline
                .as_ref()
                .map_or_else(Vec::new, |b| calc.projection.with(|p| figure_changes(p, b)))
        })
    });
    // The figures compared are always the same ones, in the same order: a fixed row each.
    let names: Vec<(&'static str, String)> =
        figures.with_untracked(|f| f.iter().map(|c| (c.name, c.title.clone())).collect());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figure-changes-caption">
            <table id="figure-changes" class="data-table">
                <caption id="figure-changes-caption">{t(Text::CompareFiguresCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Text::CompareFigure)}</th>
                        <th scope="col">{t(Text::CompareNow)}</th>
                        <th scope="col">{t(Text::ComparePinned)}</th>
                        <th scope="col">{t(Text::CompareChange)}</th>
                    </tr>
                </thead>
                <tbody>
                    {names
                        .into_iter()
                        .enumerate()
                        .map(|(index, (name, title))| {
                            let change = Memo::new(move |_| figures.with(|f| f.get(index).cloned()));
                            let part = move |pick: fn(&FigureChange) -> String| {
                                text(move || change.with(|c| c.as_ref().map(pick).unwrap_or_default()))
                            };
                            view! {
                                <tr data-figure=name>
                                    <th scope="row">{title}</th>
                                    <td>{part(|c| c.current.clone())}</td>
                                    <td>{part(|c| c.baseline.clone())}</td>
                                    <td>{part(|c| c.change.clone())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <YearTable id="difference-table" caption=t(Text::CompareDifferenceCaption) rows/>
    }
}
