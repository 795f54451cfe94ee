//! The words around the numbers: the headline sentence and, for each of docs/model.md's headline
//! figures, its value as shown and one plain sentence saying what it means in this scenario.

use crate::annotation::Annotation;
use crate::chart::ChartKind;
use crate::format;
use crate::model::{
    Figures, Projection, COMMITMENT_YEARS, FIRST_YEAR, FUNDING_RAISED, SHARE_TARGET_YEAR,
    STARGATE_COMMITMENT,
};
use crate::providers::Provider;
use crate::scenario::{Input, Scenario};
use crate::uncertainty::Bands;
use crate::words::{around, fill, t, Text};

// The page's masthead, its kicker, title and deck, are texts (`Text::MastheadKicker`,
// `MastheadTitle`, `MastheadDeck`). The app shows them, and every page the publisher writes
// shows them too, in English, before the app arrives (and without JavaScript:
// `publish::fallback_html`, from the same texts), so the page's largest text is painted with
// the HTML, not after the WebAssembly.

/// How the page's one sentence compares Stargate with Azure in 2030.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comparison {
    /// Stargate at or above Azure: "3.0× its Azure spend".
    Multiple,
    /// Below parity a multiple such as 0.4× reads badly: "against $20.0B on Azure".
    Against,
    /// Azure gets nothing: "and nothing on Azure".
    NoAzure,
}

/// The derived numbers of the page's sentence, its headline ("By 2030, OpenAI gets [75%] of
/// its compute from Stargate and spends [$60.0B] there, [3.0×] its Azure spend."): the 2030
/// Stargate spend, how it compares with Azure, and the comparison's number (the multiple,
/// Azure's spend, or nothing).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentenceNumbers {
    pub stargate: String,
    pub comparison: Comparison,
    pub azure: String,
}

pub fn sentence_numbers(f: &Figures) -> SentenceNumbers {
    let (comparison, azure) = if f.microsoft_2030 <= 0.0 {
        (Comparison::NoAzure, String::new())
    } else if f.stargate_2030 >= f.microsoft_2030 {
        let multiple = format::multiple(f.stargate_2030 / f.microsoft_2030);
        (Comparison::Multiple, multiple)
    } else {
        (Comparison::Against, format::billions(f.microsoft_2030))
    };
    SentenceNumbers {
        stargate: format::billions(f.stargate_2030),
        comparison,
        azure,
    }
}

/// The sentence's words around its three numbers, which the page keeps as live elements:
/// before `{share}`, between it and `{stargate}`, between that and the comparison's number,
/// and after. Each piece is given for each [`Comparison`], in its order, from
/// `sentence_explorable` (`{multiple}`), `sentence_explorable_against` (`{azure}`) and
/// `sentence_explorable_no_azure` (no third number: its last words come third, and the empty
/// number sits after them). Translations keep the names in this order.
pub fn sentence_words() -> [[&'static str; 3]; 4] {
    let cut = |text: &'static str, third: &str| {
        let (before_share, rest) = around(text, "share");
        let (before_stargate, rest) = around(rest, "stargate");
        let (before_third, after) = around(rest, third);
        [before_share, before_stargate, before_third, after]
    };
    let multiple = cut(t(Text::SentenceExplorable), "multiple");
    let against = cut(t(Text::SentenceExplorableAgainst), "azure");
    let none = cut(t(Text::SentenceExplorableNoAzure), "multiple");
    let mut pieces = [[""; 3]; 4];
    for (piece, ((multiple, against), none)) in pieces
        .iter_mut()
        .zip(multiple.into_iter().zip(against).zip(none))
    {
        *piece = [multiple, against, none];
    }
    pieces
}

/// The page's headline as plain text: the sentence the page shows, with `share` (the 2030
/// Stargate share, %) and the numbers of `f`, joined from the same pieces, so what the
/// announcer reads is what the sentence on screen says.
pub fn headline_sentence(share: f64, f: &Figures) -> String {
    let numbers = sentence_numbers(f);
    let side = numbers.comparison as usize;
    let share = format::input_value(share, Input::StargateShare2030.spec().unit);
    let values = [share, numbers.stargate, numbers.azure, String::new()];
    let mut out = String::new();
    for (piece, value) in sentence_words().iter().zip(values) {
        out = out + piece.get(side).copied().unwrap_or_default() + &value;
    }
    out
}

/// Numbers as wide as the sentence usually shows, for each [`Comparison`]: the share, the
/// Stargate spend and the comparison's number. The page lays the sentence out over the room
/// all three forms take with them, so the chart below does not move when a drag changes the
/// sentence's form or its numbers' widths.
pub fn sentence_room_numbers() -> [[String; 3]; 3] {
    // The widest of each: three digits and a %, "$88.8B" (one decimal from ten billion, none
    // from a hundred), "8.8×" (one decimal below ten).
    let share = format::input_value(100.0, Input::StargateShare2030.spec().unit);
    let money = format::billions(88.8);
    [
        [share.clone(), money.clone(), format::multiple(8.8)],
        [share.clone(), money.clone(), money.clone()],
        [share, money, String::new()],
    ]
}

/// What the author's annotation adds to a chart's description, to follow it: the marked year,
/// and on the spend chart the note with the year it stands at. Empty without either.
pub fn annotation_description(annotation: &Annotation, last_year: i32, kind: ChartKind) -> String {
    let mut words = String::new();
    if let Some(year) = annotation.mark_shown(last_year) {
        words = words + " " + &fill(Text::ChartMarkDesc, &[("year", &format::year(year))]);
    }
    if let Some(note) = annotation
        .note
        .as_deref()
        .filter(|_| kind == ChartKind::Spend)
    {
        let year = format::year(annotation.note_year(last_year));
        words = words + " " + &fill(Text::ChartNoteDesc, &[("year", &year), ("note", note)]);
    }
    words
}

/// What the uncertainty bands say in words: how often Stargate passes Microsoft, by 2028 and
/// by 2030, over the paths drawn.
pub fn bands_sentence(bands: &Bands) -> String {
    fill(
        Text::SummaryBands,
        &[
            ("paths", &format::grouped(bands.paths as f64, 0)),
            (
                "share_2028",
                &format::percent(bands.passes_by_2028 * 100.0, 0),
            ),
            (
                "share_2030",
                &format::percent(bands.passes_by_2030 * 100.0, 0),
            ),
        ],
    )
}

/// One figure's value and sentence for the current scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FigureText {
    pub value: String,
    pub sentence: String,
}

/// Computes one figure's text from a projection and the scenario behind it.
pub type FigureFn = fn(&Projection, &Scenario) -> FigureText;

/// One headline figure of docs/model.md: a stable name (the page's `data-figure`), a title (read
/// through [`figure_title`]), and how to compute its text.
#[derive(Clone, Copy)]
pub struct HeadlineFigure {
    pub name: &'static str,
    pub title: Text,
    pub text: FigureFn,
}

/// A figure's title in the page's language, with the amounts some titles name (`{raised}`,
/// the funding raised; `{commitment}`, Stargate's commitment) filled in.
pub fn figure_title(title: Text) -> String {
    fill(
        title,
        &[
            ("raised", &format::billions(FUNDING_RAISED)),
            ("commitment", &format::billions(STARGATE_COMMITMENT)),
        ],
    )
}

/// docs/model.md's headline figures in reading order.
pub const FIGURES: [HeadlineFigure; 9] = [
    HeadlineFigure {
        name: "total-2030",
        title: Text::FigureTotal2030Title,
        text: total_2030,
    },
    HeadlineFigure {
        name: "stargate-2030",
        title: Text::FigureStargate2030Title,
        text: stargate_2030,
    },
    HeadlineFigure {
        name: "microsoft-change",
        title: Text::FigureMicrosoftChangeTitle,
        text: microsoft_change,
    },
    HeadlineFigure {
        name: "crossover-year",
        title: Text::FigureCrossoverYearTitle,
        text: crossover_year,
    },
    HeadlineFigure {
        name: "cumulative-spend",
        title: Text::FigureCumulativeSpendTitle,
        text: cumulative_spend,
    },
    HeadlineFigure {
        name: "cumulative-overflow",
        title: Text::FigureCumulativeOverflowTitle,
        text: cumulative_overflow,
    },
    HeadlineFigure {
        name: "cumulative-savings",
        title: Text::FigureCumulativeSavingsTitle,
        text: cumulative_savings,
    },
    HeadlineFigure {
        name: "funding-year",
        title: Text::FigureFundingYearTitle,
        text: funding_year,
    },
    HeadlineFigure {
        name: "commitment-share",
        title: Text::FigureCommitmentShareTitle,
        text: commitment_share,
    },
];

/// "not by 2030": a year figure that does not happen in the years shown.
pub fn not_by(last_year: i32) -> String {
    fill(Text::FigureNotBy, &[("year", &format::year(last_year))])
}

/// Text alternative for a chart (its SVG `<desc>`).
pub fn chart_description(kind: ChartKind, p: &Projection) -> String {
    match kind {
        ChartKind::Spend => spend_chart_description(p),
        ChartKind::Share => share_chart_description(p),
    }
}

/// Each provider's value in a year, as a chart description lists them: "Stargate $59.95B, …".
fn provider_values(value: impl Fn(Provider) -> String) -> String {
    let mut text = String::new();
    for provider in Provider::ALL {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text += &fill(
            Text::ChartValueLabel,
            &[("provider", provider.name()), ("value", &value(provider))],
        );
    }
    text
}

/// Text alternative for the spend chart (its SVG `<desc>`).
pub fn spend_chart_description(p: &Projection) -> String {
    let mut text = fill_span(Text::SummarySpendChart, p, &[]);
    if let Some(last) = p.rows.last() {
        let values = provider_values(|provider| format::billions_exact(provider.spend(last)));
        text = text
            + " "
            + &fill(
                Text::SummaryChartValuesTotal,
                &[
                    ("year", &format::year(last.year)),
                    ("values", &values),
                    ("total", &format::billions_exact(last.total)),
                ],
            );
    }
    if let Some(year) = p.figures.crossover_year {
        text = text
            + " "
            + &fill(
                Text::SummaryChartCrossover,
                &[("year", &format::year(year))],
            );
    }
    text + " " + t(Text::SummaryChartTable)
}

/// Text alternative for the share chart (its SVG `<desc>`).
pub fn share_chart_description(p: &Projection) -> String {
    let mut text = fill_span(Text::SummaryShareChart, p, &[]);
    if let Some(last) = p.rows.last() {
        let values = provider_values(|provider| format::percent(provider.share(last), 1));
        text = text
            + " "
            + &fill(
                Text::SummaryChartValues,
                &[("year", &format::year(last.year)), ("values", &values)],
            );
    }
    text
}

/// `text` filled with `values` and the years shown, `{first}` to `{last}`.
fn fill_span(text: Text, p: &Projection, values: &[(&str, &str)]) -> String {
    let (first, last) = (format::year(FIRST_YEAR), format::year(p.last_year()));
    let mut all = vec![("first", first.as_str()), ("last", last.as_str())];
    all.extend_from_slice(values);
    fill(text, &all)
}

fn total_2030(p: &Projection, _: &Scenario) -> FigureText {
    let first = p.rows.first().map_or(0.0, |row| row.total);
    let f = &p.figures;
    let multiple = format::multiple(if first > 0.0 {
        f.total_2030 / first
    } else {
        0.0
    });
    FigureText {
        value: format::billions(f.total_2030),
        sentence: fill(
            Text::FigureTotal2030Sentence,
            &[("first", &format::billions(first)), ("multiple", &multiple)],
        ),
    }
}

fn stargate_2030(p: &Projection, s: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.stargate_2030),
        sentence: fill(
            Text::FigureStargate2030Sentence,
            &[("share", &format::percent(s.stargate_share_2030, 0))],
        ),
    }
}

fn microsoft_change(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    match f.microsoft_change {
        Some(change) => {
            let (start, end) = (
                format::billions(f.microsoft_2024),
                format::billions(f.microsoft_2030),
            );
            let sentence = if f.microsoft_peak_year == SHARE_TARGET_YEAR {
                fill(
                    Text::FigureMicrosoftChangeGrowing,
                    &[("start", &start), ("end", &end)],
                )
            } else {
                fill(
                    Text::FigureMicrosoftChangePeak,
                    &[
                        ("start", &start),
                        ("end", &end),
                        ("year", &format::year(f.microsoft_peak_year)),
                    ],
                )
            };
            FigureText {
                value: format::multiple(change),
                sentence,
            }
        }
        None => FigureText {
            value: t(Text::FigureNotAvailable).to_string(),
            sentence: fill(
                Text::FigureMicrosoftChangeNone,
                &[("amount", &format::billions(f.microsoft_2030))],
            ),
        },
    }
}

fn crossover_year(p: &Projection, _: &Scenario) -> FigureText {
    match p.figures.crossover_year {
        Some(year) => FigureText {
            value: format::year(year),
            sentence: t(Text::FigureCrossoverYearSentence).to_string(),
        },
        None => FigureText {
            value: not_by(p.last_year()),
            sentence: t(Text::FigureCrossoverYearNever).to_string(),
        },
    }
}

fn cumulative_spend(p: &Projection, _: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.cumulative_total),
        sentence: fill_span(Text::FigureCumulativeSpendSentence, p, &[]),
    }
}

fn cumulative_overflow(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    FigureText {
        value: format::billions(f.cumulative_oracle + f.cumulative_other),
        sentence: fill_span(
            Text::FigureCumulativeOverflowSentence,
            p,
            &[
                ("oracle", &format::billions(f.cumulative_oracle)),
                ("other", &format::billions(f.cumulative_other)),
            ],
        ),
    }
}

fn cumulative_savings(p: &Projection, s: &Scenario) -> FigureText {
    FigureText {
        value: format::billions(p.figures.cumulative_savings),
        sentence: fill_span(
            Text::FigureCumulativeSavingsSentence,
            p,
            &[("discount", &format::percent(s.stargate_discount, 0))],
        ),
    }
}

fn funding_year(p: &Projection, _: &Scenario) -> FigureText {
    let raised = format::billions(FUNDING_RAISED);
    match p.figures.funding_passed_year {
        Some(year) => FigureText {
            value: format::year(year),
            sentence: fill(Text::FigureFundingYearSentence, &[("raised", &raised)]),
        },
        None => FigureText {
            value: not_by(p.last_year()),
            sentence: fill(Text::FigureFundingYearNever, &[("raised", &raised)]),
        },
    }
}

fn commitment_share(p: &Projection, _: &Scenario) -> FigureText {
    let f = &p.figures;
    FigureText {
        value: format::percent(f.stargate_commitment_share, 1),
        sentence: fill(
            Text::FigureCommitmentShareSentence,
            &[
                ("first", &format::year(COMMITMENT_YEARS.0)),
                ("last", &format::year(COMMITMENT_YEARS.1)),
                ("amount", &format::billions(f.stargate_commitment_years)),
                ("commitment", &format::billions(STARGATE_COMMITMENT)),
            ],
        ),
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;
    use crate::model::project;

    #[test]
    fn the_explorable_sentence_has_the_report_numbers() {
        let mut scenario = Scenario::REPORT;
        let numbers = |s: &Scenario| sentence_numbers(&project(s).figures);
        assert_eq!(
            numbers(&scenario),
            SentenceNumbers {
                stargate: "$60.0B".to_string(),
                comparison: Comparison::Multiple,
                azure: "3.0×".to_string(),
            }
        );
        // Below parity, Azure's spend in dollars; at parity still a multiple.
        scenario.stargate_share_2030 = 30.0;
        let below = numbers(&scenario);
        assert_eq!(below.comparison, Comparison::Against);
        assert!(below.azure.starts_with('$'), "{below:?}");
        scenario.stargate_share_2030 = 50.0;
        assert_eq!(numbers(&scenario).comparison, Comparison::Multiple);
        scenario.microsoft_capacity_2024 = 0.0;
        let none = numbers(&scenario);
        assert_eq!(
            (none.comparison, none.azure.as_str()),
            (Comparison::NoAzure, "")
        );
    }

    #[test]
    fn the_sentence_room_holds_each_form_with_the_usual_numbers() {
        // The page reserves the room of each form written with these numbers; in the usual
        // scenarios no sentence of that form is longer, so none reflows into a new line.
        let room = sentence_room_numbers();
        let words = sentence_words();
        let room_text = |side: usize| -> usize {
            let numbers = &room[side];
            let pieces = words.iter().map(|w| w[side].chars().count()).sum::<usize>();
            pieces + numbers.iter().map(|n| n.chars().count()).sum::<usize>()
        };
        let mut scenario = Scenario::REPORT;
        for capacity in [0.0, 2.5, 5.0, 10.0, 20.0] {
            for share in 0..=100 {
                scenario.microsoft_capacity_2024 = capacity;
                scenario.stargate_share_2030 = f64::from(share);
                let figures = project(&scenario).figures;
                let sentence = headline_sentence(f64::from(share), &figures);
                let side = sentence_numbers(&figures).comparison as usize;
                assert!(
                    sentence.chars().count() <= room_text(side),
                    "{sentence} is longer than its room"
                );
            }
        }
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
mod language_tests {
    use super::*;
    use crate::model::project;
    use crate::words::{with_language, Lang};

    const GERMAN: &str = include_str!("../lang/de.json");
    const TRANSLATIONS: [(Lang, &str); 3] = [
        (Lang::De, GERMAN),
        (Lang::Fr, include_str!("../lang/fr.json")),
        (Lang::Es, include_str!("../lang/es.json")),
    ];

    /// The sentence [`sentence_words`] writes with `numbers`, for one [`Comparison`].
    fn write(side: usize, numbers: [&str; 3]) -> String {
        let words = sentence_words();
        let mut out = String::new();
        for (piece, number) in words.iter().zip(numbers.iter().chain([&""])) {
            out = out + piece[side] + number;
        }
        out
    }

    #[test]
    fn the_headline_reads_in_german() {
        let figures = project(&Scenario::REPORT).figures;
        let (sentence, stargate, multiple) = with_language(Lang::De, GERMAN, || {
            (
                headline_sentence(75.0, &figures),
                format::billions(figures.stargate_2030),
                format::multiple(figures.stargate_2030 / figures.microsoft_2030),
            )
        });
        assert_eq!(
            sentence,
            format!(
                "Im Jahr 2030 bezieht OpenAI 75\u{a0}% seiner Rechenleistung von Stargate und gibt \
                 dort {stargate} aus, {multiple} so viel wie bei Azure."
            )
        );
        // And English is back afterwards.
        assert!(headline_sentence(75.0, &figures).starts_with("By 2030, OpenAI gets 75%"));
    }

    #[test]
    fn german_figure_titles_and_year_figures_fill_their_amounts() {
        let mut s = Scenario::REPORT;
        s.stargate_share_2030 = 0.0;
        let p = project(&s);
        let (title, not_by_year, raised) = with_language(Lang::De, GERMAN, || {
            (
                figure_title(Text::FigureFundingYearTitle),
                (FIGURES[3].text)(&p, &s).value,
                format::billions(FUNDING_RAISED),
            )
        });
        assert_eq!(
            title,
            format!("Ausgaben übersteigen die eingeworbenen {raised}")
        );
        assert_eq!(not_by_year, "bis 2030 nicht");
        assert_eq!(
            figure_title(Text::FigureCommitmentShareTitle),
            "Share of Stargate's $500B"
        );
        assert_eq!(
            figure_title(Text::FigureFundingYearTitle),
            "Spend passes the $17.9B raised"
        );
    }

    #[test]
    fn the_explorable_sentence_is_cut_at_its_numbers() {
        assert_eq!(
            write(0, ["75%", "$60.0B", "3.0×"]),
            "By 2030, OpenAI gets 75% of its compute from Stargate and spends $60.0B there, 3.0× \
             its Azure spend."
        );
        assert_eq!(
            write(1, ["30%", "$12.3B", "$40.1B"]),
            "By 2030, OpenAI gets 30% of its compute from Stargate and spends $12.3B there, \
             against $40.1B on Azure."
        );
        assert_eq!(
            write(2, ["100%", "$79.9B", ""]),
            "By 2030, OpenAI gets 100% of its compute from Stargate and spends $79.9B there, and \
             nothing on Azure."
        );
        // Every translation reads whole again from its pieces, every way.
        for (lang, file) in TRANSLATIONS {
            with_language(lang, file, || {
                let all = [
                    (Text::SentenceExplorable, "{multiple}"),
                    (Text::SentenceExplorableAgainst, "{azure}"),
                    (Text::SentenceExplorableNoAzure, ""),
                ];
                for (side, (text, third)) in all.into_iter().enumerate() {
                    assert_eq!(
                        write(side, ["{share}", "{stargate}", third]),
                        t(text),
                        "{lang:?}"
                    );
                }
            });
        }
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
            headline_sentence(s.stargate_share_2030, &project(&s).figures),
            "By 2030, OpenAI gets 75% of its compute from Stargate and spends $60.0B there, 3.0× \
             its Azure spend."
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
        let sentence = headline_sentence(30.0, &project(&s).figures);
        assert!(
            sentence.starts_with("By 2030, OpenAI gets 30% of its compute")
                && sentence.ends_with(" on Azure.")
                && sentence.contains(", against $"),
            "{sentence}"
        );
        s.microsoft_capacity_2024 = 0.0;
        assert_eq!(text("microsoft-change", &s).value, "n/a");
        assert!(headline_sentence(30.0, &project(&s).figures).ends_with("and nothing on Azure."));
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
