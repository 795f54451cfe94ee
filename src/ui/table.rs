//! The data table, laid out as MODEL.md specifies: one row per year; Year, Microsoft Azure,
//! Stargate, Oracle, Other clouds, Total; spends in $B with two decimals. `year_table` draws
//! any table of that shape (the comparison's difference table too).

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::model::FIRST_YEAR;
use stargate_calc::providers::Provider;

use super::state::{text, Calculator, Text};

#[component]
pub fn DataTable(calc: Calculator) -> impl IntoView {
    let last_year = Memo::new(move |_| calc.projection.with(|p| p.last_year()));
    let cell = move |year: i32, column: usize| {
        text(move || {
            calc.projection.with(|p| {
                p.row(year)
                    .map(|row| match column {
                        0 => format::year(year),
                        5 => format::grouped(row.total, 2),
                        _ => Provider::ALL
                            .get(column - 1)
                            .map(|provider| format::grouped(provider.spend(row), 2))
                            .unwrap_or_default(),
                    })
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">"The numbers, year by year"</h2>
            {year_table("data-table", "Compute spend by provider, US$ billions per year", last_year, cell)}
        </section>
    }
}

/// A table of Year, the four providers and Total, one row per year from 2024 to `last_year`;
/// `cell(year, column)` gives each cell's text (column 0 is the year). Rows are keyed by year:
/// only a change of the last year adds or removes rows; every other change rewrites the cells'
/// text in place. The scroll region is focusable (a keyboard can scroll it on a narrow screen)
/// and named by the caption, not by the section around it.
pub fn year_table(
    id: &'static str,
    caption: &'static str,
    last_year: Memo<i32>,
    cell: impl Fn(i32, usize) -> Text + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let caption_id = id.to_string() + "-caption";
    let labelled_by = caption_id.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table id=id class="data-table">
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Year"</th>
                        {Provider::ALL
                            .iter()
                            .map(|p| view! { <th scope="col">{p.name()}</th> })
                            .collect_view()}
                        <th scope="col">"Total"</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || FIRST_YEAR..=last_year.get()
                        key=|year| *year
                        children=move |year| {
                            view! {
                                <tr>
                                    <th scope="row">{cell(year, 0)}</th>
                                    <td>{cell(year, 1)}</td>
                                    <td>{cell(year, 2)}</td>
                                    <td>{cell(year, 3)}</td>
                                    <td>{cell(year, 4)}</td>
                                    <td>{cell(year, 5)}</td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}
