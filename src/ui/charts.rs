//! The two SVG charts: spend by provider (stacked areas) and provider shares (lines). All
//! geometry comes from `chart.rs`; this module copies it into attributes. Elements are written
//! once, in fixed slots (a tick, a year column, a label per slot), so moving a slider only
//! rewrites attributes and text, never the element tree.

use stargate_calc::chart::{marker_symbol, Axes, AxisTick, Chart, ChartKind, EndLabel, YearColumn};
use stargate_calc::format;
use stargate_calc::model::{Projection, FIRST_YEAR};
use stargate_calc::providers::Provider;

use super::markup::{Markup, Target};
use super::state::{Page, AXES, BANDS, CHARTS, SCENARIO, YEAR};

/// Years 2024..=2035: the most a projection shows.
const YEAR_SLOTS: usize = 12;
/// `nice_ticks` gives at most 11 values; the share axis 5.
const TICK_SLOTS: usize = 12;
/// Coordinate given to an unused slot (which is also hidden): SVG rejects an empty length.
const HIDDEN_AT: &str = "0";

/// A provider's value in `year` as the readout prints it.
fn value_in(kind: ChartKind, provider: Provider, projection: &Projection, year: i32) -> String {
    projection.row(year).map_or_else(
        || format::NOT_A_NUMBER.to_string(),
        |row| kind.value_text(provider, row),
    )
}

/// A binding's argument for a chart and a slot in it (a provider, a tick, a year).
fn arg(kind: ChartKind, slot: usize) -> u32 {
    let chart = match kind {
        ChartKind::Spend => 0,
        ChartKind::Share => 1,
    };
    chart << 8 | slot as u32
}

fn kind_of(a: u32) -> ChartKind {
    if a >> 8 == 1 {
        ChartKind::Share
    } else {
        ChartKind::Spend
    }
}

fn slot_of(a: u32) -> usize {
    (a & 0xff) as usize
}

/// The chart a binding's argument names.
fn chart(p: &Page, a: u32) -> &Chart {
    let [spend, share] = &p.charts;
    match kind_of(a) {
        ChartKind::Spend => spend,
        ChartKind::Share => share,
    }
}

fn axes(p: &Page, a: u32) -> &Axes {
    &chart(p, a).axes
}

fn y_tick(p: &Page, a: u32) -> Option<&AxisTick> {
    axes(p, a).y_ticks.get(slot_of(a))
}

fn x_tick(p: &Page, a: u32) -> Option<&AxisTick> {
    axes(p, a).x_ticks.get(slot_of(a))
}

fn end_label(p: &Page, a: u32) -> Option<&EndLabel> {
    chart(p, a).end_labels.get(slot_of(a))
}

/// A chart path's `d`: `part` picks it from the chart, by the argument's slot.
fn path_d(p: &Page, a: u32, part: fn(&Chart) -> &[String]) -> String {
    part(chart(p, a))
        .get(slot_of(a))
        .cloned()
        .unwrap_or_default()
}

/// The selected year's point of the argument's provider: x, y.
fn point(p: &Page, a: u32) -> Option<(f64, f64)> {
    let index = usize::try_from(p.selected_year? - FIRST_YEAR).ok()?;
    let c = chart(p, a);
    Some((
        c.axes.columns.get(index)?.x,
        *c.points.get(index)?.get(slot_of(a))?,
    ))
}

/// The year column of the argument's slot.
fn column(p: &Page, a: u32) -> Option<YearColumn> {
    axes(p, a).columns.get(slot_of(a)).copied()
}

/// The x of the selected year in the argument's chart.
fn guide_x(p: &Page, a: u32) -> Option<f64> {
    let index = usize::try_from(p.selected_year? - FIRST_YEAR).ok()?;
    axes(p, a).columns.get(index).map(|c| c.x)
}

/// A pixel coordinate to 0.1 px; a hidden slot's coordinate when there is none.
fn px(value: Option<f64>) -> String {
    value.map_or_else(|| HIDDEN_AT.to_string(), |v| format::fixed(v, 1))
}

fn visible(shown: bool) -> String {
    if shown { "visible" } else { "hidden" }.to_string()
}

/// Both charts, or (`share=false`, the embed) the spend chart alone.
pub fn charts(h: &mut Markup, share: bool) {
    h.raw("<div class=\"charts\">");
    chart_figure(h, ChartKind::Spend);
    if share {
        chart_figure(h, ChartKind::Share);
    }
    h.raw("</div>");
}

/// One chart: title, readout (which doubles as the legend), and the SVG with axes, the data
/// series, year columns for pointer and keyboard, and end labels.
fn chart_figure(h: &mut Markup, kind: ChartKind) {
    let id = kind.id();
    let a = arg(kind, 0);
    h.open("figure");
    h.attr("id", id);
    if kind == ChartKind::Spend {
        h.bind(Target::Attr("class"), BANDS, a, |p, _| {
            if p.bands.is_some() {
                "chart with-bands"
            } else {
                "chart"
            }
            .to_string()
        });
    } else {
        h.raw(" class=\"chart\"");
    }
    h.raw("><figcaption class=\"chart-title\">");
    h.text(kind.title());
    h.raw("</figcaption>");
    readout(h, kind);
    h.raw("<div class=\"chart-frame\"><svg role=\"img\"");
    h.attr("aria-labelledby", &(id.to_string() + "-title"));
    h.attr("aria-describedby", &(id.to_string() + "-desc"));
    h.bind(Target::Attr("viewBox"), AXES, a, |p, a| {
        let f = axes(p, a).frame;
        "0 0 ".to_string() + &format::fixed(f.width, 0) + " " + &format::fixed(f.height, 0)
    });
    h.bind(Target::Attr("width"), AXES, a, |p, a| {
        format::fixed(axes(p, a).frame.width, 0)
    });
    h.bind(Target::Attr("height"), AXES, a, |p, a| {
        format::fixed(axes(p, a).frame.height, 0)
    });
    h.raw("><title");
    h.attr("id", &(id.to_string() + "-title"));
    h.raw(">");
    h.text(kind.title());
    h.raw("</title>");
    h.open("desc");
    h.attr("id", &(id.to_string() + "-desc"));
    h.bind(Target::Text, SCENARIO, a, |p, a| {
        p.chart_descriptions
            .get(a as usize >> 8)
            .cloned()
            .unwrap_or_default()
    });
    h.raw("></desc>");
    y_axis(h, kind);
    series(h, kind);
    x_axis(h, kind);
    year_columns(h, kind);
    end_labels(h, kind);
    // The keyboard's way into the chart: a year slider laid over it (it draws the focus ring
    // round the chart and lets the pointer through). A slider, so screen readers pass the
    // arrow keys to it and say each year's values as it moves; over the SVG rather than around
    // it, so the chart stays an image with its own name and description.
    h.raw(
        "</svg><div class=\"chart-keys\" data-chart-focus=\"\" tabindex=\"0\" role=\"slider\" \
         aria-orientation=\"horizontal\"",
    );
    h.attr(
        "aria-label",
        &("Year to read in the chart: ".to_string() + kind.title()),
    );
    h.attr("aria-valuemin", &format::year(FIRST_YEAR));
    h.bind(Target::Attr("aria-valuemax"), SCENARIO, a, |p, _| {
        format::year(p.projection.last_year())
    });
    h.bind(Target::Attr("aria-valuenow"), SCENARIO | YEAR, a, |p, _| {
        format::year(p.shown_year())
    });
    h.bind(
        Target::Attr("aria-valuetext"),
        SCENARIO | YEAR,
        a,
        |p, a| {
            let year = p.shown_year();
            let mut said = format::year(year) + ":";
            for (i, &provider) in Provider::ALL.iter().enumerate() {
                said.push_str(if i > 0 { ", " } else { " " });
                said.push_str(provider.name());
                said.push(' ');
                said.push_str(&value_in(kind_of(a), provider, &p.projection, year));
            }
            said
        },
    );
    h.raw("></div></div></figure>");
}

/// The readout above a chart: the year shown and each provider with its marker, name and
/// value. It is the legend as well, so no provider is told apart by colour alone.
fn readout(h: &mut Markup, kind: ChartKind) {
    h.raw("<div class=\"readout\">");
    h.text_of(
        "span class=\"readout-year\"",
        "span",
        SCENARIO | YEAR,
        0,
        |p, _| format::year(p.shown_year()),
    );
    h.raw("<ul class=\"legend\">");
    for (i, provider) in Provider::ALL.into_iter().enumerate() {
        h.raw("<li");
        h.attr("data-provider", provider.slug());
        h.raw(
            "><svg class=\"swatch\" width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" \
             aria-hidden=\"true\"><path",
        );
        h.attr("fill", provider.colour());
        h.attr("d", &marker_symbol(provider.marker(), 7.0, 7.0));
        h.raw("></path></svg><span class=\"legend-name\">");
        h.text(provider.name());
        h.raw("</span>");
        h.text_of(
            "span class=\"legend-value\"",
            "span",
            SCENARIO | YEAR,
            arg(kind, i),
            |p, a| match Provider::ALL.get(slot_of(a)) {
                Some(&provider) => value_in(kind_of(a), provider, &p.projection, p.shown_year()),
                None => String::new(),
            },
        );
        h.raw("</li>");
    }
    if kind == ChartKind::Spend {
        h.raw("<li class=\"legend-total\"><span class=\"legend-name\">Total</span>");
        h.text_of(
            "span class=\"legend-value\"",
            "span",
            SCENARIO | YEAR,
            0,
            |p, _| {
                p.projection
                    .row(p.shown_year())
                    .map(|row| format::billions_exact(row.total))
                    .unwrap_or_default()
            },
        );
        h.raw("</li>");
    }
    h.raw("</ul></div>");
}

/// The data of one chart: per provider, its area (spend) or its line and markers (share);
/// the bands (spend only); the baseline's outlines; and a dot per provider on the selected
/// year. Both charts bind the same [`Chart`] fields; only the way a series is painted differs.
fn series(h: &mut Markup, kind: ChartKind) {
    for (i, provider) in Provider::ALL.iter().enumerate() {
        // Areas are filled; lines are stroked and carry a marker per year.
        let start = match kind {
            ChartKind::Spend => "path class=\"area\"",
            ChartKind::Share => "path class=\"line\" fill=\"none\"",
        };
        h.open(start);
        h.attr("data-provider", provider.slug());
        if kind == ChartKind::Spend {
            h.attr("fill", provider.colour());
        }
        h.attr("stroke", provider.colour());
        h.bind(Target::Attr("d"), CHARTS, arg(kind, i), |p, a| {
            path_d(p, a, |c| &c.series)
        });
        h.raw("></path>");
        if kind == ChartKind::Share {
            h.open("path class=\"markers\"");
            h.attr("data-provider", provider.slug());
            h.attr("fill", provider.colour());
            h.bind(Target::Attr("d"), CHARTS, arg(kind, i), |p, a| {
                path_d(p, a, |c| &c.markers)
            });
            h.raw("></path>");
        }
    }
    // Uncertainty bands (spend chart only): total and Stargate, 5–95 % and 25–75 %, and the
    // medians; above the areas, which turn pale while bands are on.
    if kind == ChartKind::Spend {
        let bands = [
            "path class=\"band band-total band-outer\"",
            "path class=\"band band-total band-inner\"",
            "path class=\"band band-stargate band-outer\"",
            "path class=\"band band-stargate band-inner\"",
        ];
        for (i, start) in bands.into_iter().enumerate() {
            h.open(start);
            h.bind(Target::Attr("d"), CHARTS, arg(kind, i), |p, a| {
                path_d(p, a, |c| &c.bands)
            });
            h.raw("></path>");
        }
        let medians = [
            "path class=\"median median-total\" fill=\"none\"",
            "path class=\"median median-stargate\" fill=\"none\"",
        ];
        for (i, start) in medians.into_iter().enumerate() {
            h.open(start);
            h.bind(Target::Attr("d"), CHARTS, arg(kind, i), |p, a| {
                path_d(p, a, |c| &c.medians)
            });
            h.raw("></path>");
        }
    }
    // The pinned baseline's outlines, above every area so none is hidden.
    for (i, provider) in Provider::ALL.iter().enumerate() {
        h.open("path class=\"ghost\" fill=\"none\"");
        h.attr("data-baseline", provider.slug());
        h.attr("stroke", provider.colour());
        h.bind(Target::Attr("d"), CHARTS, arg(kind, i), |p, a| {
            path_d(p, a, |c| &c.ghosts)
        });
        h.raw("></path>");
    }
    for (i, provider) in Provider::ALL.iter().enumerate() {
        let a = arg(kind, i);
        h.open("circle class=\"hover-dot\" r=\"4\"");
        h.attr("fill", provider.colour());
        h.bind(Target::Attr("cx"), CHARTS | YEAR, a, |p, a| {
            px(point(p, a).map(|(x, _)| x))
        });
        h.bind(Target::Attr("cy"), CHARTS | YEAR, a, |p, a| {
            px(point(p, a).map(|(_, y)| y))
        });
        h.bind(Target::Attr("visibility"), CHARTS | YEAR, a, |p, a| {
            visible(point(p, a).is_some())
        });
        h.raw("></circle>");
    }
}

/// `x1` and `x2` of a line across the plot, from its left to its right edge.
fn across_plot(h: &mut Markup, a: u32) {
    h.bind(Target::Attr("x1"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.left))
    });
    h.bind(Target::Attr("x2"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.right))
    });
}

fn y_axis(h: &mut Markup, kind: ChartKind) {
    for slot in 0..TICK_SLOTS {
        let a = arg(kind, slot);
        h.open("line class=\"gridline\"");
        h.bind(Target::Attr("visibility"), AXES, a, |p, a| {
            visible(y_tick(p, a).is_some())
        });
        across_plot(h, a);
        h.bind(Target::Attr("y1"), AXES, a, |p, a| {
            px(y_tick(p, a).map(|t| t.position))
        });
        h.bind(Target::Attr("y2"), AXES, a, |p, a| {
            px(y_tick(p, a).map(|t| t.position))
        });
        h.raw("></line>");
        h.open("text class=\"tick-label y-tick\" text-anchor=\"end\"");
        h.bind(Target::Attr("x"), AXES, a, |p, a| {
            px(Some(axes(p, a).plot.left - 6.0))
        });
        h.bind(Target::Attr("y"), AXES, a, |p, a| {
            px(y_tick(p, a).map(|t| t.position + 4.0))
        });
        h.bind(Target::Attr("visibility"), AXES, a, |p, a| {
            visible(y_tick(p, a).is_some())
        });
        h.bind(Target::Text, AXES, a, |p, a| {
            y_tick(p, a).map(|t| t.label.clone()).unwrap_or_default()
        });
        h.raw("></text>");
    }
}

fn x_axis(h: &mut Markup, kind: ChartKind) {
    let a = arg(kind, 0);
    h.open("line class=\"baseline\"");
    across_plot(h, a);
    h.bind(Target::Attr("y1"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.bottom))
    });
    h.bind(Target::Attr("y2"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.bottom))
    });
    h.raw("></line>");
    for slot in 0..YEAR_SLOTS {
        let a = arg(kind, slot);
        h.open("text class=\"tick-label x-tick\" text-anchor=\"middle\"");
        h.bind(Target::Attr("x"), AXES, a, |p, a| {
            px(x_tick(p, a).map(|t| t.position))
        });
        h.bind(Target::Attr("y"), AXES, a, |p, a| {
            px(Some(axes(p, a).plot.bottom + 18.0))
        });
        h.bind(Target::Attr("visibility"), AXES, a, |p, a| {
            visible(x_tick(p, a).is_some())
        });
        h.bind(Target::Text, AXES, a, |p, a| {
            x_tick(p, a).map(|t| t.label.clone()).unwrap_or_default()
        });
        h.raw("></text>");
    }
}

/// The guide line marking the selected year; and transparent columns, one per year, that
/// select their year under the pointer (the page listens for `pointerenter` on
/// `rect[data-year]`).
fn year_columns(h: &mut Markup, kind: ChartKind) {
    let a = arg(kind, 0);
    h.open("line class=\"guide\"");
    h.bind(Target::Attr("x1"), AXES | YEAR, a, |p, a| px(guide_x(p, a)));
    h.bind(Target::Attr("x2"), AXES | YEAR, a, |p, a| px(guide_x(p, a)));
    h.bind(Target::Attr("y1"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.top))
    });
    h.bind(Target::Attr("y2"), AXES, a, |p, a| {
        px(Some(axes(p, a).plot.bottom))
    });
    h.bind(Target::Attr("visibility"), AXES | YEAR, a, |p, a| {
        visible(guide_x(p, a).is_some())
    });
    h.raw("></line>");
    for slot in 0..YEAR_SLOTS {
        let a = arg(kind, slot);
        h.open("rect class=\"year-column\"");
        h.attr("data-year", &format::year(FIRST_YEAR + slot as i32));
        h.bind(Target::Attr("x"), AXES, a, |p, a| {
            px(column(p, a).map(|c| c.left))
        });
        h.bind(Target::Attr("width"), AXES, a, |p, a| {
            px(column(p, a).map(|c| c.width))
        });
        h.bind(Target::Attr("y"), AXES, a, |p, a| {
            px(Some(axes(p, a).plot.top))
        });
        h.bind(Target::Attr("height"), AXES, a, |p, a| {
            let plot = axes(p, a).plot;
            px(Some(plot.bottom - plot.top))
        });
        h.bind(Target::Attr("visibility"), AXES, a, |p, a| {
            visible(column(p, a).is_some())
        });
        h.raw("></rect>");
    }
}

fn end_labels(h: &mut Markup, kind: ChartKind) {
    for slot in 0..Provider::ALL.len() {
        let a = arg(kind, slot);
        h.open("text class=\"end-label\" text-anchor=\"start\"");
        h.bind(Target::Attr("x"), CHARTS, a, |p, a| {
            px(end_label(p, a).map(|l| l.x))
        });
        h.bind(Target::Attr("y"), CHARTS, a, |p, a| {
            px(end_label(p, a).map(|l| l.y))
        });
        h.bind(Target::Attr("visibility"), CHARTS, a, |p, a| {
            visible(end_label(p, a).is_some())
        });
        h.bind(Target::Text, CHARTS, a, |p, a| {
            end_label(p, a).map(|l| l.text.clone()).unwrap_or_default()
        });
        h.raw("></text>");
    }
}
