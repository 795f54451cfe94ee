//! The words around the numbers: the headline sentence and, for each of MODEL.md's headline
//! figures, its value as shown and one plain sentence saying what it means in this scenario.

use crate::chart::ChartKind;
use crate::format;
use crate::model::{
    Figures, Projection, COMMITMENT_YEARS, FIRST_YEAR, FUNDING_RAISED, SHARE_TARGET_YEAR,
    STARGATE_COMMITMENT,
};
use crate::providers::Provider;
use crate::scenario::Scenario;
use crate::uncertainty::Bands;

/// The page's masthead: its kicker, title and deck. The app shows them, and `index.html` shows
/// them too before the app arrives (and without JavaScript; `tests/fallback.rs` keeps the two
/// equal), so the page's largest text is painted with the HTML, not after the WebAssembly.
pub const KICKER: &str = "OpenAI \u{00b7} cloud compute \u{00b7} 2024\u{2013}2035";
pub const TITLE: &str = "From Azure to Stargate: where OpenAI's compute money goes";
pub const DECK: &str =
    "The report: OpenAI expects three-quarters of its compute to come from Stargate by 2030. \
    Drag the share in the sentence or below, change the assumptions, and see what it means for \
    Microsoft, Oracle and the bill.";

/// "By 2030, OpenAI spends …": the result in one sentence.
pub fn headline_sentence(f: &Figures) -> String {
    let comparison = if f.microsoft_2030 <= 0.0 {
        ", and nothing on Azure.".to_string()
    } else if f.stargate_2030 >= f.microsoft_2030 {
        ", ".to_string()
            + &format::multiple(f.stargate_2030 / f.microsoft_2030)
            + " its Azure spend."
    } else {
        // Below parity a multiple such as 0.8 reads badly; compare in dollars instead.
        ", against ".to_string() + &format::billions(f.microsoft_2030) + " on Azure."
    };
    "By 2030, OpenAI spends ".to_string()
        + &format::billions(f.total_2030)
        + " a year on compute, "
        + &format::billions(f.stargate_2030)
        + " of it with Stargate"
        + &comparison
}

/// The derived numbers of the explorable sentence ("By 2030, OpenAI gets [75%] of its compute
/// from Stargate and spends [$60.0B] there, [3.0×] its Azure spend."): the 2030 Stargate spend
/// and its multiple of Azure spend, or `None` when Azure gets nothing.
pub fn sentence_numbers(f: &Figures) -> (String, Option<String>) {
    let multiple =
        (f.microsoft_2030 > 0.0).then(|| format::multiple(f.stargate_2030 / f.microsoft_2030));
    (format::billions(f.stargate_2030), multiple)
}

/// What the uncertainty bands say in words: how often Stargate passes Microsoft, by 2028 and
/// by 2030, over the paths drawn.
pub fn bands_sentence(bands: &Bands) -> String {
    "In ".to_string()
        + &format::grouped(bands.paths as f64, 0)
        + " scenarios drawn within the ranges, Stargate spend passes Microsoft\u{2019}s by 2028 in "
        + &format::percent(bands.passes_by_2028 * 100.0, 0)
        + " of them, and by 2030 in "
        + &format::percent(bands.passes_by_2030 * 100.0, 0)
        + "."
}

/// One figure's value and sentence for the current scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureText {
    pub value: String,
    pub sentence: String,
}

/// Computes one figure's text from a projection and the scenario behind it.
pub type FigureFn = fn(&Projection, &Scenario) -> FigureText;

/// One headline figure of MODEL.md: a stable name (the page's `data-figure`), a title, and
/// how to compute its text.
#[derive(Clone, Copy)]
pub struct HeadlineFigure {
    pub name: &'static str,
    pub title: &'static str,
    pub text: FigureFn,
}

/// MODEL.md's headline figures in reading order.
pub const FIGURES: [HeadlineFigure; 9] = [
    HeadlineFigure {
        name: "total-2030",
        title: "Compute spend in 2030",
        text: total_2030,
    },
    HeadlineFigure {
        name: "stargate-2030",
        title: "Stargate spend in 2030",
        text: stargate_2030,
    },
    HeadlineFigure {
        name: "microsoft-change",
        title: "Microsoft Azure, 2030 vs 2024",
        text: microsoft_change,
    },
    HeadlineFigure {
        name: "crossover-year",
        title: "Stargate overtakes Azure",
        text: crossover_year,
    },
    HeadlineFigure {
        name: "cumulative-spend",
        title: "Spend since 2024",
        text: cumulative_spend,
    },
    HeadlineFigure {
        name: "cumulative-overflow",
        title: "Overflow to Oracle and others",
        text: cumulative_overflow,
    },
    HeadlineFigure {
        name: "cumulative-savings",
        title: "Stargate savings",
        text: cumulative_savings,
    },
    HeadlineFigure {
        name: "funding-year",
        title: "Spend passes the $17.9B raised",
        text: funding_year,
    },
    HeadlineFigure {
        name: "commitment-share",
        title: "Share of Stargate's $500B",
        text: commitment_share,
    },
];

/// Text alternative for a chart (its SVG `<desc>`).
pub fn chart_description(kind: ChartKind, p: &Projection) -> String {
    match kind {
        ChartKind::Spend => spend_chart_description(p),
        ChartKind::Share => share_chart_description(p),
    }
}

/// Text alternative for the spend chart (its SVG `<desc>`).
pub fn spend_chart_description(p: &Projection) -> String {
    let mut text = "Stacked areas of OpenAI's compute spend per year by provider, ".to_string()
        + &span_text(p)
        + ", in billions of dollars.";
    if let Some(last) = p.rows.last() {
        text = text + " In " + &format::year(last.year) + ": ";
        for (i, provider) in Provider::ALL.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text = text + provider.name() + " " + &format::billions_exact(provider.spend(last));
        }
        text = text + "; total " + &format::billions_exact(last.total) + ".";
    }
    if let Some(year) = p.figures.crossover_year {
        text = text + " Stargate passes Azure in " + &format::year(year) + ".";
    }
    text + " The data table lists every year."
}

/// Text alternative for the share chart (its SVG `<desc>`).
pub fn share_chart_description(p: &Projection) -> String {
    let mut text = "Lines of each provider's share of OpenAI's compute spend per year, "
        .to_string()
        + &span_text(p)
        + ", in percent.";
    if let Some(last) = p.rows.last() {
        text = text + " In " + &format::year(last.year) + ": ";
        for (i, provider) in Provider::ALL.iter().enumerate() {
            if i > 0 {
                text.push_str(", ");
            }
            text = text + provider.name() + " " + &format::percent(provider.share(last), 1);
        }
        text.push('.');
    }
    text
}

fn last_year_text(p: &Projection) -> String {
    format::year(p.last_year())
}

fn span_text(p: &Projection) -> String {
    format::year(FIRST_YEAR) + "\u{2013}" + &last_year_text(p)
}

fn total_2030(p: &Projection, _: &Scenario) -> FigureText {
    let first = p.rows.first().map_or(0.0, |row| row.total);
    let f = &p.figures;
    FigureText {
        value: format::billions(f.total_2030),
        sentence: "OpenAI's compute bill in 2030, all providers together, against ".to_string()
            + &format::billions(first)
            + " in 2024 ("
            + &format::multiple(if first > 0.0 {
                f.total_2030 / first
            } else {
                0.0
            })
            + ").",
    }
}

fn stargate_2030(p: &Projection, s: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.stargate_2030),
        sentence: format::percent(s.stargate_share_2030, 0)
            + " of the 2030 bill goes to Stargate, the share set by the slider above.",
    }
}

fn microsoft_change(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    let peak = if f.microsoft_peak_year == SHARE_TARGET_YEAR {
        " and is still growing in 2030.".to_string()
    } else {
        "; it peaks in ".to_string() + &format::year(f.microsoft_peak_year) + "."
    };
    match f.microsoft_change {
        Some(change) => FigureText {
            value: format::multiple(change),
            sentence: "Azure spend goes from ".to_string()
                + &format::billions(f.microsoft_2024)
                + " in 2024 to "
                + &format::billions(f.microsoft_2030)
                + " in 2030"
                + &peak,
        },
        None => FigureText {
            value: "n/a".to_string(),
            sentence: "With no Azure capacity in 2024 there is nothing to compare 2030's "
                .to_string()
                + &format::billions(f.microsoft_2030)
                + " with.",
        },
    }
}

fn crossover_year(p: &Projection, _: &Scenario) -> FigureText {
    match p.figures.crossover_year {
        Some(year) => FigureText {
            value: format::year(year),
            sentence: "The first year OpenAI spends more with Stargate than with Microsoft Azure."
                .to_string(),
        },
        None => FigureText {
            value: "not by ".to_string() + &last_year_text(p),
            sentence: "Stargate spend stays at or below Azure spend in every year shown."
                .to_string(),
        },
    }
}

fn cumulative_spend(p: &Projection, _: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.cumulative_total),
        sentence: "All compute spend from ".to_string() + &span_text(p) + ", every provider.",
    }
}

fn cumulative_overflow(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    FigureText {
        value: format::billions(f.cumulative_oracle + f.cumulative_other),
        sentence: "Demand Microsoft could not meet, ".to_string()
            + &span_text(p)
            + ": "
            + &format::billions(f.cumulative_oracle)
            + " to Oracle and "
            + &format::billions(f.cumulative_other)
            + " to other clouds.",
    }
}

fn cumulative_savings(p: &Projection, s: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.cumulative_savings),
        sentence: "What Stargate compute would have cost on top at Azure prices, ".to_string()
            + &span_text(p)
            + ", with Stargate "
            + &format::percent(s.stargate_discount, 0)
            + " cheaper.",
    }
}

fn funding_year(p: &Projection, _: &Scenario) -> FigureText {
    let raised = format::billions(FUNDING_RAISED);
    match p.figures.funding_passed_year {
        Some(year) => FigureText {
            value: format::year(year),
            sentence: "The year OpenAI's compute spend since 2024 passes the ".to_string()
                + &raised
                + " it has raised in funding.",
        },
        None => FigureText {
            value: "not by ".to_string() + &last_year_text(p),
            sentence: "Compute spend since 2024 stays below the ".to_string()
                + &raised
                + " raised.",
        },
    }
}

fn commitment_share(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    FigureText {
        value: format::percent(f.stargate_commitment_share, 1),
        sentence: "OpenAI's Stargate spend in ".to_string()
            + &format::year(COMMITMENT_YEARS.0)
            + "\u{2013}"
            + &format::year(COMMITMENT_YEARS.1)
            + ", "
            + &format::billions(f.stargate_commitment_years)
            + ", against the project's ~"
            + &format::billions(STARGATE_COMMITMENT)
            + " commitment.",
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;
    use crate::model::project;

    #[test]
    fn the_explorable_sentence_has_the_report_numbers() {
        let mut scenario = Scenario::REPORT;
        assert_eq!(
            sentence_numbers(&project(&scenario).figures),
            ("$60.0B".to_string(), Some("3.0×".to_string()))
        );
        scenario.microsoft_capacity_2024 = 0.0;
        assert_eq!(sentence_numbers(&project(&scenario).figures).1, None);
    }

    #[test]
    fn the_bands_sentence_gives_both_probabilities() {
        let bands = crate::uncertainty::simulate(
            &Scenario::REPORT,
            &crate::uncertainty::Ranges::DEFAULT,
            1,
            10_000,
        );
        assert_eq!(
            bands_sentence(&bands),
            "In 10,000 scenarios drawn within the ranges, Stargate spend passes Microsoft\u{2019}s by 2028 in 73% of them, and by 2030 in 100%."
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;

    fn text(name: &str, scenario: &Scenario) -> FigureText {
        let projection = project(scenario);
        let figure = FIGURES.iter().find(|f| f.name == name).copied();
        figure
            .map(|f| (f.text)(&projection, scenario))
            .unwrap_or(FigureText {
                value: String::new(),
                sentence: String::new(),
            })
    }

    #[test]
    fn default_figures_read_as_model_md_says() {
        let s = Scenario::REPORT;
        assert_eq!(text("total-2030", &s).value, "$79.9B");
        assert_eq!(text("stargate-2030", &s).value, "$60.0B");
        assert_eq!(text("microsoft-change", &s).value, "4.0×");
        assert_eq!(text("crossover-year", &s).value, "2028");
        assert_eq!(text("cumulative-spend", &s).value, "$208B");
        assert_eq!(text("cumulative-overflow", &s).value, "$1.98B");
        assert_eq!(text("cumulative-savings", &s).value, "$30.7B");
        assert_eq!(text("funding-year", &s).value, "2026");
        assert_eq!(text("commitment-share", &s).value, "5.6%");
        assert_eq!(
            headline_sentence(&project(&s).figures),
            "By 2030, OpenAI spends $79.9B a year on compute, $60.0B of it with Stargate, 3.0× its Azure spend."
        );
    }

    #[test]
    fn chart_descriptions_state_the_last_year() {
        let p = project(&Scenario::REPORT);
        assert_eq!(
            spend_chart_description(&p),
            "Stacked areas of OpenAI's compute spend per year by provider, 2024–2030, in billions \
             of dollars. In 2030: Microsoft Azure $19.98B, Stargate $59.95B, Oracle $0.00B, Other \
             clouds $0.00B; total $79.94B. Stargate passes Azure in 2028. The data table lists \
             every year."
        );
        assert!(share_chart_description(&p)
            .ends_with("Stargate 75.0%, Oracle 0.0%, Other clouds 0.0%."));
    }

    #[test]
    fn figures_that_may_not_happen_say_so() {
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 0.0;
        assert_eq!(text("crossover-year", &s).value, "not by 2030");
        s.spend_2024 = 0.5;
        s.spend_2027 = 1.0;
        s.growth_after_2027 = 0.0;
        assert_eq!(text("funding-year", &s).value, "not by 2030");
        s.stargate_share_2030 = 30.0;
        let sentence = headline_sentence(&project(&s).figures);
        assert!(
            sentence.ends_with(" on Azure.") && sentence.contains(", against $"),
            "{sentence}"
        );
        s.microsoft_capacity_2024 = 0.0;
        assert_eq!(text("microsoft-change", &s).value, "n/a");
        assert!(headline_sentence(&project(&s).figures).ends_with("and nothing on Azure."));
    }

    #[test]
    fn every_figure_has_a_value_and_a_sentence_in_every_kind_of_scenario() {
        let mut extreme = Scenario::REPORT;
        extreme.microsoft_capacity_growth = 0.0;
        extreme.last_year = 2035.0;
        for scenario in [Scenario::REPORT, extreme] {
            let projection = project(&scenario);
            for figure in FIGURES {
                let t = (figure.text)(&projection, &scenario);
                assert!(!t.value.is_empty(), "{}", figure.name);
                assert!(t.sentence.ends_with('.'), "{}: {}", figure.name, t.sentence);
            }
        }
        let peak = text("microsoft-change", &extreme);
        assert!(peak.sentence.contains("peaks in"), "{}", peak.sentence);
    }
}
