//! The data table, laid out as MODEL.md specifies: one row per year; Year, Microsoft Azure,
//! Stargate, Oracle, Other clouds, Total; spends in $B with two decimals. [`year_table`] and
//! [`year_rows`] draw any table of that shape (the comparison's difference table too).

use stargate_calc::format;
use stargate_calc::model::FIRST_YEAR;
use stargate_calc::providers::Provider;

use super::markup::Value;
use super::markup::{Markup, RegionSpec};
use super::state::{Changed, Page, SCENARIO};

pub fn data_table(h: &mut Markup) {
    h.raw(
        "<section class=\"panel table-panel\" aria-labelledby=\"table-title\">\
         <h2 id=\"table-title\">The numbers, year by year</h2>",
    );
    year_table(
        h,
        "data-table",
        "Compute spend by provider, US$ billions per year",
    );
    // The rows are a region keyed by the last year: only a change of the last year adds or
    // removes rows; every other change rewrites the cells' text in place.
    h.raw("<tbody id=\"data-table-body\"></tbody></table></div></section>");
    h.region(RegionSpec {
        container_id: "data-table-body",
        deps: SCENARIO,
        key: |p| i64::from(p.projection.last_year()),
        build: |h, p| year_rows(h, p.projection.last_year(), SCENARIO, spend_cell),
    });
}

/// A cell of the data table: column 1–4 a provider's spend, 5 the total.
fn spend_cell(p: &Page, a: u32) -> String {
    let (year, column) = cell_of(a);
    let Some(row) = p.projection.row(year) else {
        return String::new();
    };
    match Provider::ALL.get(column.wrapping_sub(1)) {
        Some(provider) => format::grouped(provider.spend(row), 2),
        None => format::grouped(row.total, 2),
    }
}

/// The start of a table of Year, the four providers and Total, up to its `<thead>`: the
/// caller writes the `<tbody>` and closes with `</table></div>`. The scroll region is
/// focusable (a keyboard can scroll it on a narrow screen) and named by the caption, not by
/// the section around it.
pub fn year_table(h: &mut Markup, id: &str, caption: &str) {
    let caption_id = id.to_string() + "-caption";
    h.raw("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\"");
    h.attr("aria-labelledby", &caption_id);
    h.raw("><table class=\"data-table\"");
    h.attr("id", id);
    h.raw("><caption");
    h.attr("id", &caption_id);
    h.raw(">");
    h.text(caption);
    h.raw("</caption><thead><tr><th scope=\"col\">Year</th>");
    for provider in Provider::ALL {
        h.raw("<th scope=\"col\">");
        h.text(provider.name());
        h.raw("</th>");
    }
    h.raw("<th scope=\"col\">Total</th></tr></thead>");
}

/// One `<tr>` per year from 2024 to `last_year`: the year as a row header, then columns 1–5,
/// each bound to `deps` and `cell` with the argument [`cell_of`] reads back.
pub fn year_rows(h: &mut Markup, last_year: i32, deps: Changed, cell: Value) {
    for year in FIRST_YEAR..=last_year {
        h.raw("<tr><th scope=\"row\">");
        h.text(&format::year(year));
        h.raw("</th>");
        for column in 1..6 {
            let a = (year - FIRST_YEAR) as u32 * 8 + column;
            h.text_of("td", "td", deps, a, cell);
        }
        h.raw("</tr>");
    }
}

/// The year and column (1–5) of a cell's argument.
pub fn cell_of(a: u32) -> (i32, usize) {
    (FIRST_YEAR + (a / 8) as i32, (a % 8) as usize)
}
