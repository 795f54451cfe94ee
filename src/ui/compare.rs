//! Pin a baseline and compare: "Pin this scenario" keeps the current one; the charts then draw
//! it as outlines, and this panel shows current − baseline per year and provider and for the
//! headline figures. The numbers come from `baseline.rs`; the baseline lives in the URL.

use stargate_calc::baseline::{difference_cells, FigureChange};

use super::controls::flag;
use super::markup::{Markup, RegionSpec, Target};
use super::state::{Page, BASELINE, SCENARIO};
use super::table::{cell_of, year_rows, year_table};

pub fn compare(h: &mut Markup) {
    h.raw(
        "<section id=\"compare\" class=\"panel compare\" aria-labelledby=\"compare-title\">\
         <h2 id=\"compare-title\">Compare with a pinned scenario</h2>",
    );
    h.text_of("p class=\"panel-note\"", "p", BASELINE, 0, |p, _| {
        if p.baseline.is_some() {
            "The charts draw the pinned scenario as dashed outlines; the tables show now minus pinned. The link carries both."
        } else {
            "Pin the scenario on screen, change the assumptions, and see what moved: the charts keep the pinned one as outlines."
        }
        .to_string()
    });
    h.raw("<div class=\"compare-actions\">");
    let pin = "button id=\"pin\" type=\"button\" class=\"button\"";
    h.text_of(pin, "button", BASELINE, 0, |p, _| {
        if p.baseline.is_some() {
            "Pin this scenario instead"
        } else {
            "Pin this scenario"
        }
        .to_string()
    });
    h.open("button id=\"unpin\" type=\"button\" class=\"button button-quiet\"");
    h.bind(Target::Hidden, BASELINE, 0, |p, _| {
        flag(p.baseline.is_none())
    });
    h.raw(">Unpin</button></div><div id=\"compare-tables\"></div></section>");
    // The tables exist only while a baseline is pinned; rows follow the years both show.
    h.region(RegionSpec {
        container_id: "compare-tables",
        deps: SCENARIO | BASELINE,
        key: |p| match p.baseline {
            Some(_) => 1 + p.differences.len() as i64,
            None => 0,
        },
        build: differences,
    });
}

/// The two difference tables: headline figures, then year by year.
fn differences(h: &mut Markup, page: &Page) {
    if page.baseline.is_none() {
        return;
    }
    const DEPS: u32 = SCENARIO | BASELINE;
    h.raw(
        "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" \
         aria-labelledby=\"figure-changes-caption\"><table id=\"figure-changes\" \
         class=\"data-table\"><caption id=\"figure-changes-caption\">Headline figures, now \
         against pinned</caption><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Now\
         </th><th scope=\"col\">Pinned</th><th scope=\"col\">Change</th></tr></thead><tbody>",
    );
    for (i, change) in page.figure_changes.iter().enumerate() {
        h.raw("<tr");
        h.attr("data-figure", change.name);
        h.raw("><th scope=\"row\">");
        h.text(change.title);
        h.raw("</th>");
        for part in 0..3 {
            h.text_of("td", "td", DEPS, (i * 4 + part) as u32, |p, a| {
                let change = p.figure_changes.get(a as usize / 4);
                let part: fn(&FigureChange) -> &String = match a % 4 {
                    0 => |c| &c.current,
                    1 => |c| &c.baseline,
                    _ => |c| &c.change,
                };
                change.map(|c| part(c).clone()).unwrap_or_default()
            });
        }
        h.raw("</tr>");
    }
    h.raw("</tbody></table></div>");
    year_table(
        h,
        "difference-table",
        "Now minus pinned, US$ billions per year",
    );
    h.raw("<tbody>");
    let last_year = page.differences.last().map_or(0, |row| row.year);
    year_rows(h, last_year, DEPS, |p, a| {
        let (year, column) = cell_of(a);
        p.differences
            .iter()
            .find(|row| row.year == year)
            .and_then(|row| difference_cells(row).get(column).cloned())
            .unwrap_or_default()
    });
    h.raw("</tbody></table></div>");
}
