//! Pin a baseline and compare: "Pin this scenario" keeps the current one; the charts then draw
//! it as outlines, and this panel shows current − baseline per year and provider and for the
//! headline figures. The numbers come from `baseline.rs`; the baseline lives in the URL.

use leptos::prelude::*;
use stargate_calc::baseline::{difference_cells, difference_rows, figure_changes};
use stargate_calc::model::FIRST_YEAR;

use super::state::{text, Calculator};
use super::table::year_table;

#[component]
pub fn Compare(calc: Calculator) -> impl IntoView {
    let pinned = Memo::new(move |_| calc.baseline.with(Option::is_some));
    let pin = move |_| {
        calc.settle_now();
        calc.baseline.set(Some(calc.scenario.get_untracked()));
    };
    view! {
        <section id="compare" class="panel compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare with a pinned scenario"</h2>
            <p class="panel-note">
                {text(move || {
                    if pinned.get() {
                        "The charts draw the pinned scenario as dashed outlines; the tables show now minus pinned. The link carries both.".to_string()
                    } else {
                        "Pin the scenario on screen, change the assumptions, and see what moved: the charts keep the pinned one as outlines.".to_string()
                    }
                })}
            </p>
            <div class="compare-actions">
                <button id="pin" type="button" class="button" on:click=pin>
                    {text(move || if pinned.get() { "Pin this scenario instead" } else { "Pin this scenario" }.to_string())}
                </button>
                <Show when=move || pinned.get()>
                    <button id="unpin" type="button" class="button button-quiet" on:click=move |_| calc.baseline.set(None)>
                        "Unpin"
                    </button>
                </Show>
            </div>
            <Show when=move || pinned.get()>
                <Differences calc/>
            </Show>
        </section>
    }
}

/// The two difference tables: headline figures, then year by year.
#[component]
fn Differences(calc: Calculator) -> impl IntoView {
    let rows = Memo::new(move |_| {
        calc.baseline_projection.with(|baseline| {
            baseline.as_ref().map_or_else(Vec::new, |b| {
                calc.projection.with(|p| difference_rows(p, b))
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
    let last_year = Memo::new(move |_| rows.with(|r| r.last().map_or(FIRST_YEAR, |row| row.year)));
    let cell = move |year: i32, column: usize| {
        text(move || {
            rows.with(|r| {
                r.iter()
                    .find(|row| row.year == year)
                    .and_then(|row| difference_cells(row).get(column).cloned())
                    .unwrap_or_default()
            })
        })
    };
    let figure_count = figures.with_untracked(Vec::len);
    let figure = move |index: usize, part: fn(&stargate_calc::baseline::FigureChange) -> String| {
        text(move || figures.with(|f| f.get(index).map(part).unwrap_or_default()))
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="figure-changes-caption">
            <table id="figure-changes" class="data-table">
                <caption id="figure-changes-caption">"Headline figures, now against pinned"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Figure"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"Pinned"</th>
                        <th scope="col">"Change"</th>
                    </tr>
                </thead>
                <tbody>
                    {(0..figure_count)
                        .map(|i| {
                            view! {
                                <tr data-figure=figures.with_untracked(|f| f.get(i).map(|c| c.name).unwrap_or_default())>
                                    <th scope="row">{figure(i, |c| c.title.to_string())}</th>
                                    <td>{figure(i, |c| c.current.clone())}</td>
                                    <td>{figure(i, |c| c.baseline.clone())}</td>
                                    <td>{figure(i, |c| c.change.clone())}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        {year_table("difference-table", "Now minus pinned, US$ billions per year", last_year, cell)}
    }
}
