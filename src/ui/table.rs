//! The data table, laid out as MODEL.md specifies: one row per year; Year, Microsoft Azure,
//! Stargate, Oracle, Other clouds, Total; spends in $B with two decimals.

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::model::FIRST_YEAR;
use stargate_calc::providers::Provider;

use super::state::Calculator;

#[component]
pub fn DataTable(calc: Calculator) -> impl IntoView {
    // Rows are keyed by year: only a change of the last year adds or removes rows; every other
    // change rewrites the cells' text in place.
    let years = Memo::new(move |_| calc.projection.with(|p| p.last_year()));
    let cell = move |year: i32, value: fn(&stargate_calc::model::YearRow) -> f64| {
        move || {
            calc.projection.with(|p| {
                p.row(year)
                    .map(|row| format::grouped(value(row), 2))
                    .unwrap_or_default()
            })
        }
    };
    view! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">"The numbers, year by year"</h2>
            // Focusable so a keyboard can scroll it on a narrow screen; named by the caption,
            // not the heading, so it does not repeat the name of the section around it.
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="data-table-caption">
                <table id="data-table" class="data-table">
                    <caption id="data-table-caption">"Compute spend by provider, US$ billions per year"</caption>
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
                            each=move || FIRST_YEAR..=years.get()
                            key=|year| *year
                            children=move |year| {
                                view! {
                                    <tr>
                                        <th scope="row">{format::year(year)}</th>
                                        <td>{cell(year, |r| r.microsoft)}</td>
                                        <td>{cell(year, |r| r.stargate)}</td>
                                        <td>{cell(year, |r| r.oracle)}</td>
                                        <td>{cell(year, |r| r.other)}</td>
                                        <td>{cell(year, |r| r.total)}</td>
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
