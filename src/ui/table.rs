//! The data table, laid out as docs/model.md specifies: one row per year; Year, Microsoft Azure,
//! Stargate, Oracle, Other clouds, Total; spends in $B with two decimals. [`YearTable`] draws
//! any table of that shape (the comparison's difference table too).

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::model::FIRST_YEAR;
use stargate_calc::providers::Provider;
use stargate_calc::words::{t, Text};

use super::state::{text, use_calculator};

/// One row of a year table: the year and five numbers, as the cells print them (the year cell
/// itself is written once, from the row's place: every year table starts in 2024).
pub type RowCells = [String; 6];

#[component]
pub fn DataTable() -> impl IntoView {
    let calc = use_calculator();
    let rows = Memo::new(move |_| {
        calc.projection.with(|p| {
            p.rows
                .iter()
                .map(|row| {
                    let [a, b, c, d] =
                        Provider::ALL.map(|provider| format::grouped(provider.spend(row), 2));
                    [
                        format::year(row.year),
                        a,
                        b,
                        c,
                        d,
                        format::grouped(row.total, 2),
                    ]
                })
                .collect::<Vec<RowCells>>()
        })
    });
    view! {
        <section class="panel table-panel" aria-labelledby="table-title">
            <h2 id="table-title">{t(Text::TableTitle)}</h2>
            <YearTable id="data-table" caption=t(Text::TableCaption) rows marks=true/>
        </section>
    }
}

/// A table of Year, the four providers and Total, one row per entry of `rows`. Rows are keyed
/// by position (a year): only a change in the number of years adds or removes rows; every other
/// change rewrites the cells' text in place, each row reading its own memo. The scroll region
/// is focusable (a keyboard can scroll it on a narrow screen) and named by the caption, not by
/// the section around it.
#[component]
pub fn YearTable(
    /// The table's id; its caption's is `ID-caption`.
    id: &'static str,
    caption: &'static str,
    /// The rows' cells, first year first.
    rows: Memo<Vec<RowCells>>,
    /// Whether the marked year's row says so (`data-marked`).
    #[prop(optional)]
    marks: bool,
) -> impl IntoView {
    let calc = use_calculator();
    let caption_id = id.to_string() + "-caption";
    let labelled_by = caption_id.clone();
    let count = Memo::new(move |_| rows.with(Vec::len));

    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=labelled_by>
            <table id=id class="data-table">
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(Text::TableYear)}</th>
                        {Provider::ALL
                            .iter()
                            .map(|p| view! { <th scope="col">{p.name()}</th> })
                            .collect_view()}
                        <th scope="col">{t(Text::Total)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For
                        each=move || 0..count.get()
                        key=|index| *index
                        children=move |index| {
                            let row = Memo::new(move |_| {
                                rows.with(|r| r.get(index).cloned().unwrap_or_default())
                            });
                            let cell = move |column: usize| {
                                text(move || row.with(|r| r.get(column).cloned().unwrap_or_default()))
                            };
                            let year = FIRST_YEAR + index as i32;
                            let marked = move || {
                                (marks && calc.mark_shown() == Some(year)).then_some("")
                            };
                            view! {
                                <tr data-marked=marked>
                                    // The year is the row's place: it never changes.
                                    <th scope="row">{format::year(FIRST_YEAR + index as i32)}</th>
                                    <td>{cell(1)}</td>
                                    <td>{cell(2)}</td>
                                    <td>{cell(3)}</td>
                                    <td>{cell(4)}</td>
                                    <td>{cell(5)}</td>
                                </tr>
                            }
                        }
                    />
                </tbody>
            </table>
        </div>
    }
}
