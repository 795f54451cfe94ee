//! Property tests over the full input ranges (and beyond them: the model sanitizes its inputs,
//! so any floats at all must give a valid projection).

use proptest::prelude::*;
use stargate_calc::format::{self, parse_decimal};
use stargate_calc::link::{
    encode_query, parse_query, BandSettings, Link, Page, Theme, ViewOptions,
};
use stargate_calc::model::{project, Projection};
use stargate_calc::scenario::{Input, Ramp, Scenario};
use stargate_calc::uncertainty::Ranges;
use stargate_calc::words::{self, Lang};

fn ramp() -> impl Strategy<Value = Ramp> {
    prop::sample::select(Ramp::ALL.to_vec())
}

/// A value anywhere in an input's range, its ends included.
fn in_range(input: Input) -> BoxedStrategy<f64> {
    let spec = input.spec();
    prop_oneof![
        1 => Just(spec.min),
        1 => Just(spec.max),
        8 => spec.min..=spec.max,
    ]
    .boxed()
}

fn scenario_in_range() -> impl Strategy<Value = Scenario> {
    let values: Vec<BoxedStrategy<f64>> = Input::ALL.iter().map(|&i| in_range(i)).collect();
    (values, ramp()).prop_map(|(values, ramp)| {
        let mut scenario = Scenario::REPORT;
        for (input, value) in Input::ALL.iter().zip(values) {
            scenario.set(*input, value);
        }
        scenario.ramp = ramp;
        scenario
    })
}

/// A scenario a reader can reach with the sliders: every value on its input's step grid.
fn scenario_on_slider_steps() -> impl Strategy<Value = Scenario> {
    (prop::collection::vec(0u32..=2000, Input::ALL.len()), ramp()).prop_map(|(steps, ramp)| {
        let mut scenario = Scenario::REPORT;
        for (input, k) in Input::ALL.iter().zip(steps) {
            let spec = input.spec();
            // Every step is a multiple of 0.1; round away the float error of k × step.
            let value = ((spec.min + f64::from(k) * spec.step).min(spec.max) * 10.0).round() / 10.0;
            scenario.set(*input, value);
        }
        scenario.ramp = ramp;
        scenario
    })
}

/// Any float, including NaN, infinities, subnormals and huge values.
fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(f64::MIN_POSITIVE / 2.0),
        Just(-0.0),
        Just(f64::MAX),
        any::<f64>(),
        -1e4..1e4f64,
    ]
}

fn scenario_from_any_floats() -> impl Strategy<Value = Scenario> {
    (prop::collection::vec(any_float(), 10), ramp()).prop_map(|(values, ramp)| Scenario {
        stargate_share_2030: values[0],
        spend_2024: values[1],
        spend_2027: values[2],
        growth_after_2027: values[3],
        first_stargate_year: values[4],
        ramp,
        microsoft_capacity_2024: values[5],
        microsoft_capacity_growth: values[6],
        oracle_part_of_overflow: values[7],
        stargate_discount: values[8],
        last_year: values[9],
    })
}

fn check_invariants(projection: &Projection) -> Result<(), TestCaseError> {
    prop_assert!(!projection.rows.is_empty());
    prop_assert_eq!(projection.first_year(), 2024);
    prop_assert!((2030..=2035).contains(&projection.last_year()));
    for row in &projection.rows {
        for value in [
            row.total,
            row.microsoft,
            row.stargate,
            row.oracle,
            row.other,
            row.microsoft_capacity,
            row.stargate_savings,
        ] {
            prop_assert!(value.is_finite() && value >= 0.0, "{:?}", row);
        }
        let sum = row.microsoft + row.stargate + row.oracle + row.other;
        prop_assert!(
            (sum - row.total).abs() <= 1e-9 * row.total.max(1.0),
            "{:?}",
            row
        );
        prop_assert!(row.microsoft <= row.microsoft_capacity, "{:?}", row);
    }
    let f = &projection.figures;
    for value in [
        f.total_2030,
        f.stargate_2030,
        f.cumulative_total,
        f.cumulative_oracle,
        f.cumulative_other,
        f.cumulative_savings,
        f.stargate_commitment_share,
    ] {
        prop_assert!(value.is_finite() && value >= 0.0);
    }
    if let Some(change) = f.microsoft_change {
        prop_assert!(change.is_finite() && change >= 0.0);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every language's reader-facing number reads back to the machine-readable one: take out
    /// the language's grouping, put back a `.`; grouped exactly where the language groups.
    #[test]
    fn every_language_writes_numbers_that_read_back(
        x in -1e12..1e12f64,
        decimals in 0u8..=3,
        lang in prop::sample::select(Lang::ALL.to_vec()),
    ) {
        let style = format::style_of(lang);
        let (printed, machine) = words::with_language(lang, "{}", || {
            (format::grouped(x, decimals), format::fixed(x, decimals))
        });
        let read = printed.replace(style.group, "").replace(style.decimal, ".");
        prop_assert_eq!(&read, &machine, "{:?}: {}", lang, printed);
        let whole = machine.trim_start_matches('-').split('.').next().unwrap_or("");
        prop_assert_eq!(printed.contains(style.group), whole.len() >= style.group_from, "{:?}: {}", lang, printed);
        // Money and percentages never panic and keep the number's digits.
        let (money, percent) = words::with_language(lang, "{}", || {
            (format::billions(x / 1e3), format::percent(x / 1e10, decimals))
        });
        prop_assert!(money.chars().any(|c| c.is_ascii_digit()), "{}", money);
        prop_assert!(percent.ends_with('%'), "{}", percent);
    }

    #[test]
    fn every_series_is_finite_non_negative_and_adds_up(scenario in scenario_in_range()) {
        check_invariants(&project(&scenario))?;
    }

    #[test]
    fn any_floats_at_all_give_a_valid_projection(scenario in scenario_from_any_floats()) {
        check_invariants(&project(&scenario))?;
    }

    #[test]
    fn stargate_2030_never_falls_as_its_share_rises(
        scenario in scenario_in_range(),
        a in 0.0..=100.0f64,
        b in 0.0..=100.0f64,
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let mut lower = scenario;
        lower.stargate_share_2030 = low;
        let mut higher = scenario;
        higher.stargate_share_2030 = high;
        prop_assert!(project(&lower).figures.stargate_2030 <= project(&higher).figures.stargate_2030);
    }

    #[test]
    fn figures_agree_with_the_rows(scenario in scenario_in_range()) {
        let projection = project(&scenario);
        let f = &projection.figures;
        let total: f64 = projection.rows.iter().map(|r| r.total).sum();
        prop_assert!((f.cumulative_total - total).abs() <= 1e-9 * total);
        if let Some(year) = f.crossover_year {
            let row = projection.row(year).copied();
            prop_assert!(row.is_some_and(|r| r.stargate > r.microsoft));
            for earlier in projection.rows.iter().filter(|r| r.year < year) {
                prop_assert!(earlier.stargate <= earlier.microsoft);
            }
        } else {
            prop_assert!(projection.rows.iter().all(|r| r.stargate <= r.microsoft));
        }
        let peak = projection.row(f.microsoft_peak_year).map(|r| r.microsoft);
        prop_assert!(projection.rows.iter().all(|r| Some(r.microsoft) <= peak));
    }

    #[test]
    fn any_query_string_parses_to_a_scenario_in_range(query in ".{0,200}") {
        let parsed = parse_query(&query, &Scenario::REPORT);
        prop_assert_eq!(parsed.link.scenario.sanitized(), parsed.link.scenario);
        for note in &parsed.notes {
            prop_assert!(!note.message().is_empty());
        }
    }

    #[test]
    fn any_value_for_any_key_parses_to_a_scenario_in_range(
        key in prop::sample::select(vec!["sg", "s24", "s27", "g", "y0", "ramp", "mc", "mg", "ora", "disc", "h"]),
        value in prop_oneof![
            "[-+]?[0-9]{0,6}(\\.[0-9]{0,6})?([eE][-+]?[0-9]{1,4})?",
            "[ -~]{0,30}",
            "(%[0-9A-Fa-f]{2}){0,8}",
        ],
    ) {
        let parsed = parse_query(&(key.to_string() + "=" + &value), &Scenario::REPORT);
        prop_assert_eq!(parsed.link.scenario.sanitized(), parsed.link.scenario);
        check_invariants(&project(&parsed.link.scenario))?;
    }

    #[test]
    fn in_range_values_read_back_exactly(input in prop::sample::select(Input::ALL.to_vec()), steps in 0u32..=2000) {
        // Every slider position survives a trip through the URL's canonical form.
        let spec = input.spec();
        let value = (spec.min + f64::from(steps) * spec.step).min(spec.max);
        let value = (value * 10.0).round() / 10.0;
        let parsed = parse_query(&(spec.key.to_string() + "=" + &format::canonical(value)), &Scenario::REPORT);
        prop_assert_eq!(parsed.link.scenario.get(input), input.sanitize(value));
    }

    #[test]
    fn a_written_link_reads_back_as_the_same_link(
        scenario in scenario_on_slider_steps(),
        baseline in prop::option::of(scenario_on_slider_steps()),
        page in prop::sample::select(vec![Page::Full, Page::Embed, Page::Chart]),
        theme in prop::sample::select(Theme::ALL.to_vec()),
        lang in prop::sample::select(Lang::ALL.to_vec()),
        bands in prop::option::of((prop::collection::vec(0u32..=300, 5), 0..=BandSettings::MAX_SEED)),
    ) {
        let bands = bands.map(|(halves, seed)| {
            let mut ranges = Ranges::DEFAULT;
            for (input, half) in Ranges::INPUTS.iter().zip(halves) {
                // Slider steps of 0.5 points (whole years for y0, which `set` rounds).
                ranges.set(*input, f64::from(half) / 2.0);
            }
            BandSettings { ranges, seed }
        });
        let link = Link { scenario, view: ViewOptions { page, theme, lang }, baseline, bands, annotation: Default::default() };
        let query = encode_query(&link);
        let parsed = parse_query(&query, &Scenario::REPORT);
        prop_assert_eq!(&parsed.link, &link, "{}", query);
        prop_assert!(parsed.notes.is_empty());
        // Canonical: no trailing zeros, no default values.
        prop_assert!(!query.contains(".0&") && !query.ends_with(".0"), "{}", query);
        prop_assert_eq!(query.is_empty(), link == Link::to(Scenario::REPORT));
    }

    #[test]
    fn short_decimals_read_exactly_as_rust_reads_them(text in "[-+]?[0-9]{0,7}\\.?[0-9]{0,7}([eE][-+]?[0-9])?") {
        // Up to 14 digits and powers of ten within ±22: the values links and sliders use. Exact.
        if let Some(value) = parse_decimal(&text) {
            prop_assert_eq!(text.parse::<f64>().ok(), Some(value), "{}", text);
        }
    }

    #[test]
    fn any_decimal_reads_within_a_few_ulps_of_rust(text in "[-+]?[0-9]{0,30}\\.?[0-9]{0,30}([eE][-+]?[0-9]{1,4})?") {
        if let Some(value) = parse_decimal(&text) {
            let exact = text.parse::<f64>().unwrap_or(f64::NAN);
            if exact.is_infinite() || value.is_infinite() {
                // Near the overflow threshold the two may land either side; both then clamp.
                prop_assert!(exact.abs() > 1e307 && value.abs() > 1e307, "{} {} {}", text, value, exact);
            } else {
                let tolerance = 1e-14 * exact.abs() + 1e-300;
                prop_assert!((value - exact).abs() <= tolerance, "{} -> {} vs {}", text, value, exact);
            }
        }
    }

    #[test]
    fn fixed_formatting_reads_back_within_half_a_unit(x in -1e9..1e9f64, decimals in 0u8..=4) {
        let text = format::fixed(x, decimals);
        let back: f64 = text.parse().unwrap_or(f64::NAN);
        let unit = 10f64.powi(-i32::from(decimals));
        prop_assert!((back - x).abs() <= unit / 2.0 + 1e-9 * x.abs(), "{} -> {}", x, text);
    }
}

/// Hostile query text: long values, invalid UTF-8 escapes, markup, repeated and odd keys.
fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "sg",
            "s24",
            "s27",
            "g",
            "y0",
            "ramp",
            "mc",
            "mg",
            "ora",
            "disc",
            "h",
            "embed",
            "theme",
            "__proto__",
            "",
            "%FF",
            "sg%00",
        ])
        .prop_map(str::to_string),
        "[ -~]{0,12}",
    ];
    let value = prop_oneof![
        "[-+]?[0-9]{0,40}(\\.[0-9]{0,40})?([eE][-+]?[0-9]{1,6})?",
        "(%[0-9A-Fa-f]{2}|%[^0-9A-Fa-f]{0,2}|[ -~]){0,40}",
        "[0-9]{1000,10000}",
        ".{0,50}",
        Just("<script>alert(1)</script>".to_string()),
        Just("%C0%AF%ED%A0%80%F4%90%80%80%FF%FE".to_string()),
    ];
    prop::collection::vec((key, value), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| k + "=" + &v)
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn hostile_queries_never_panic_and_give_valid_numbers(query in hostile_query()) {
        let parsed = parse_query(&query, &Scenario::REPORT);
        prop_assert_eq!(parsed.link.scenario.sanitized(), parsed.link.scenario);
        check_invariants(&project(&parsed.link.scenario))?;
        for note in &parsed.notes {
            // A 10,000-character value is quoted back shortened.
            prop_assert!(note.message().chars().count() < 400, "{}", note.message());
        }
        // What the page writes back reads as the same scenario, with nothing to report.
        let written = encode_query(&parsed.link);
        let again = parse_query(&written, &Scenario::REPORT);
        prop_assert!(again.notes.is_empty(), "{} -> {:?}", written, again.notes);
        prop_assert_eq!(again.link.view, parsed.link.view);
        prop_assert_eq!(again.link.baseline.is_some(), parsed.link.baseline.is_some());
        prop_assert_eq!(again.link.bands.is_some(), parsed.link.bands.is_some());
        prop_assert_eq!(again.link.scenario.ramp, parsed.link.scenario.ramp);
        for input in Input::ALL {
            // Canonical form keeps six decimals: a subnormal comes back as 0, and a value such
            // as 0.0000045 as 0.000005, half a unit away (give or take a float's last bit).
            let (a, b) = (again.link.scenario.get(input), parsed.link.scenario.get(input));
            prop_assert!((a - b).abs() <= 5e-7 + 1e-15, "{:?}: {} vs {}", input, a, b);
        }
    }

    #[test]
    fn any_floats_give_printable_exports(scenario in scenario_from_any_floats()) {
        let projection = project(&scenario);
        let csv = stargate_calc::export::csv(&projection);
        prop_assert!(!csv.contains(format::NOT_A_NUMBER), "{}", csv);
        for kind in stargate_calc::chart::ChartKind::ALL {
            // The image's frame, and the chart its marks are drawn from.
            let svg = stargate_calc::export::chart_svg(kind, &projection, &scenario, &Default::default(), "").svg;
            prop_assert!(!svg.contains("NaN") && !svg.contains("inf"));
            let chart = stargate_calc::export::image_chart(kind, &projection, &scenario, &Default::default());
            for d in chart.series.iter().chain(&chart.markers) {
                prop_assert!(!d.contains("NaN") && !d.contains("inf"), "{}", d);
            }
        }
        let json = stargate_calc::export::parameters_json(&scenario, &Default::default());
        prop_assert!(!json.contains(format::NOT_A_NUMBER));
        prop_assert!(!stargate_calc::export::file_stem(&scenario).is_empty());
    }

    #[test]
    fn formatting_any_float_never_panics(x in any_float(), decimals in 0u8..=10) {
        for text in [
            format::fixed(x, decimals),
            format::grouped(x, decimals),
            format::billions(x),
            format::percent(x, decimals),
            format::multiple(x),
            format::canonical(x),
        ] {
            prop_assert!(!text.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any text as a note: never a panic, at most 140 characters, no control character and no
    /// bidi override; a link, a file and a message carry it and read it back the same.
    #[test]
    fn any_note_is_kept_as_plain_text_and_travels_whole(text in any::<String>(), mark in 2000i32..2040) {
        use stargate_calc::annotation::{read_note, Annotation, NOTE_LIMIT};
        let (note, _) = read_note(&text);
        if let Some(note) = &note {
            prop_assert!(note.chars().count() <= NOTE_LIMIT);
            let hidden = |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
            prop_assert!(!note.chars().any(hidden), "{:?}", note);
            prop_assert_eq!(note.trim(), note.as_str());
            prop_assert_eq!(read_note(note).0, Some(note.clone()), "reading it again changes nothing");
        }
        let annotation = Annotation { mark: Some(mark.clamp(2024, 2030)), note };
        let link = Link { annotation: annotation.clone(), ..Link::to(Scenario::REPORT) };
        let query = encode_query(&link);
        let parsed = parse_query(&query, &Scenario::REPORT);
        prop_assert!(parsed.notes.is_empty(), "{} -> {:?}", query, parsed.notes);
        prop_assert_eq!(&parsed.link, &link);
        let json = stargate_calc::export::parameters_json(&Scenario::REPORT, &annotation);
        let saved = stargate_calc::saved::read_json(&json);
        prop_assert_eq!(saved.map(|s| s.annotation), Ok(annotation.clone()));
        // Drawn on the spend chart at any width, inside the plot.
        let projection = stargate_calc::model::project(&Scenario::REPORT);
        for width in [240.0, 700.0] {
            let chart = stargate_calc::chart::spend_chart(&projection, stargate_calc::chart::Frame::for_width(width));
            if let Some(note) = &annotation.note {
                let callout = stargate_calc::chart::note_callout(&chart, 2030, note, true);
                let c = callout.ok_or_else(|| TestCaseError::fail("a callout"))?;
                prop_assert!(c.x >= chart.axes.plot.left && c.x + c.width <= chart.axes.plot.right + 0.01);
                prop_assert_eq!(c.lines.concat(), note.clone());
            }
        }
    }
}

/// Any JSON value: numbers (some huge or tiny), text (some numbers as text, some hostile),
/// `true`/`false`, `null`, and lists and objects nested a few deep.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<i64>().prop_map(J::from),
        any::<f64>().prop_map(J::from),
        (-1e6..1e6f64).prop_map(J::from),
        "[-+]?[0-9]{0,6}(\\.[0-9]{0,6})?".prop_map(J::String),
        ".{0,40}".prop_map(J::String),
        Just(J::String("9".repeat(5000))),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
            prop::collection::vec((any_key(), inner), 0..6)
                .prop_map(|pairs| J::Object(pairs.into_iter().collect())),
        ]
    })
}

/// A key: one of the scenario's (most of the time), a link's own, or anything.
fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "sg", "s24", "s27", "g", "y0", "ramp", "mc", "mg", "ora", "disc", "h", "mark", "note",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec!["embed", "theme", "b.sg", "r.g", "seed", "__proto__", ""])
            .prop_map(str::to_string),
        1 => ".{0,12}",
    ]
}

/// A JSON object's text with these pairs in this order (repeated keys kept, as a host may
/// write them by hand).
fn object_text(pairs: &[(String, serde_json::Value)]) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(key, value)| {
            serde_json::Value::String(key.clone()).to_string() + ": " + &value.to_string()
        })
        .collect();
    "{".to_string() + &body.join(", ") + "}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Whatever a host sends as `set`'s params: never a panic, always a reply, a scenario in
    /// range, and a notice of a handful of short lines at most.
    #[test]
    fn any_params_of_a_message_are_answered(pairs in prop::collection::vec((any_key(), any_json()), 0..20)) {
        use stargate_calc::annotation::Annotation;
        use stargate_calc::messages::{apply, read, HostMessage};
        let text = format!("{{\"type\":\"stargate-calc:set\",\"params\":{}}}", object_text(&pairs));
        let message = read(&text);
        prop_assert!(matches!(message, Some(HostMessage::Set { .. })), "{}", text);
        let Some(message) = message else { return Ok(()) };
        let outcome = apply(message, &Scenario::REPORT, &Annotation::default());
        prop_assert!(outcome.reply);
        prop_assert_eq!(outcome.scenario.sanitized(), outcome.scenario);
        prop_assert!(outcome.notes.len() <= stargate_calc::notes::NOTICE_LINES + 1);
        for line in &outcome.notes {
            prop_assert!(!line.is_empty() && line.chars().count() < 400, "{}", line);
        }
    }

    /// Whatever a file holds: never a panic; it opens (a scenario in range, each note a short
    /// sentence) or is refused with one sentence that names it.
    #[test]
    fn any_file_opens_or_is_refused_with_a_reason(
        pairs in prop::collection::vec((any_key(), any_json()), 0..20),
        document in any_json(),
        whole in any::<bool>(),
    ) {
        use stargate_calc::notes::NoteSource;
        let text = if whole { document.to_string() } else { object_text(&pairs) };
        match stargate_calc::saved::read_json(&text) {
            Ok(saved) => {
                prop_assert_eq!(saved.scenario.sanitized(), saved.scenario);
                for note in &saved.notes {
                    let line = note.message_from(NoteSource::File);
                    prop_assert!(!line.is_empty() && line.chars().count() < 400, "{}", line);
                }
            }
            Err(error) => {
                let message = error.message("scenario.json");
                prop_assert!(message.starts_with("\u{201c}scenario.json\u{201d} was not opened: "), "{}", message);
                prop_assert!(message.ends_with(". Nothing was changed."), "{}", message);
            }
        }
    }

    /// A preset's page reads its link on top of the preset: any of the scenario's keys, given
    /// in range, is taken without a note, and every other setting stays the preset's.
    #[test]
    fn a_preset_page_takes_its_links_keys_on_top_of_the_preset(
        preset in prop::sample::select(stargate_calc::presets::PRESETS.to_vec()),
        input in prop::sample::select(Input::ALL.to_vec()),
        steps in 0u32..=2000,
    ) {
        let start = preset.apply(&Scenario::REPORT);
        let spec = input.spec();
        let value = (spec.min + f64::from(steps) * spec.step).min(spec.max);
        let query = spec.key.to_string() + "=" + &format::canonical(value);
        let parsed = parse_query(&query, &start);
        prop_assert!(parsed.notes.is_empty(), "{} on {}: {:?}", query, preset.id, parsed.notes);
        let mut expected = start;
        expected.set(input, parse_decimal(&format::canonical(value)).unwrap_or(value));
        prop_assert_eq!(parsed.link.scenario, expected);
    }
}
