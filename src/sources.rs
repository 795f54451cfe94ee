//! The report's facts, each with the sentence it comes from and what it feeds in the model.
//! Quotes are copied verbatim from the report (`tests/fixtures/openai-stargate-article.txt`, a
//! copy of the project's seed); a test checks that every one still appears there. They stay in
//! English in every language (the page marks them `lang="en"`); what the page says about them
//! is in the page's language.

use crate::format;
use crate::scenario::{Input, Unit};
use crate::words::{fill, t, Text};

/// Where the facts come from.
pub const REPORT_TITLE: &str = "OpenAI secures new partnership amidst Asia expansion";
/// Who the report itself cites.
pub const REPORT_CITES: &str = "The Information";

/// Something a fact's texts name by `{name}`: a number, printed the page's way, or an input,
/// by its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Named {
    /// Billions of dollars, printed as an input's value is: `$5B`, `$17.9B`.
    Billions(f64),
    /// A percentage, printed as an input's value is: `75%`.
    Percent(f64),
    /// A count: `10`.
    Count(u64),
    /// An input's label.
    Label(Input),
}

impl Named {
    pub fn text(self) -> String {
        match self {
            Named::Billions(x) => format::input_value(x, Unit::BillionsUsd),
            Named::Percent(x) => format::input_value(x, Unit::Percent),
            Named::Count(n) => format::grouped(n as f64, 0),
            Named::Label(input) => input.spec().label().to_string(),
        }
    }
}

/// One fact from the report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    /// What the fact is about.
    pub fact: Text,
    /// The fact itself, short.
    pub value: Text,
    /// The report's own words (one or two sentences), in English.
    pub quotes: &'static [&'static str],
    /// Which input or figure of the calculator the fact feeds.
    pub feeds: Text,
    /// What `fact`, `value` and `feeds` name by `{name}`.
    pub named: &'static [(&'static str, Named)],
}

impl Fact {
    /// One of the fact's texts in the page's language, its `{name}`s filled in.
    pub fn say(&self, text: Text) -> String {
        let values: Vec<(&str, String)> = self
            .named
            .iter()
            .map(|(name, named)| (*name, named.text()))
            .collect();
        let values: Vec<(&str, &str)> = values
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        fill(text, &values)
    }
}

pub const FACTS: [Fact; 8] = [
    Fact {
        fact: Text::SourcesSpend2024Fact,
        value: Text::SourcesSpend2024Value,
        quotes: &["According to the report, OpenAI expects to spend $20 billion in 2027, which is much more than the $5 billion it spent in 2024."],
        feeds: Text::SourcesSpend2024Feeds,
        named: &[
            ("amount", Named::Billions(5.0)),
            ("input", Named::Label(Input::Spend2024)),
        ],
    },
    Fact {
        fact: Text::SourcesSpend2027Fact,
        value: Text::SourcesSpend2027Value,
        quotes: &["According to the report, OpenAI expects to spend $20 billion in 2027, which is much more than the $5 billion it spent in 2024."],
        feeds: Text::SourcesSpend2027Feeds,
        named: &[
            ("amount", Named::Billions(20.0)),
            ("input", Named::Label(Input::Spend2027)),
        ],
    },
    Fact {
        fact: Text::SourcesShareFact,
        value: Text::SourcesShareValue,
        quotes: &["But as per the report, by 2030, OpenAI expects three-quarters of its computing power to come from Stargate, meaning Microsoft will no longer be the dominant provider."],
        feeds: Text::SourcesShareFeeds,
        named: &[("share", Named::Percent(75.0))],
    },
    Fact {
        fact: Text::SourcesCommitmentFact,
        value: Text::SourcesCommitmentValue,
        quotes: &["Under this project, these companies intend to allocate around $500 billion over the next four years to strengthen AI infrastructure in the US."],
        feeds: Text::SourcesCommitmentFeeds,
        named: &[("amount", Named::Billions(500.0))],
    },
    Fact {
        fact: Text::SourcesMicrosoftFact,
        value: Text::SourcesMicrosoftValue,
        quotes: &[
            "Currently, Microsoft is OpenAI\u{2019}s biggest cloud provider and investor, supplying vast amounts of AI computing power via Azure.",
            "As part of the amended agreement, Microsoft retains the first right to provide cloud resources to OpenAI, but OpenAI now has the option to turn to other cloud providers, such as Oracle, should Microsoft be unable to meet its needs.",
        ],
        feeds: Text::SourcesMicrosoftFeeds,
        named: &[],
    },
    Fact {
        fact: Text::SourcesTransitionFact,
        value: Text::SourcesTransitionValue,
        quotes: &["However, OpenAI\u{2019}s increasing spending on Microsoft\u{2019}s data centers in the short term suggests the transition to Stargate will be gradual."],
        feeds: Text::SourcesTransitionFeeds,
        named: &[],
    },
    Fact {
        fact: Text::SourcesPricingFact,
        value: Text::SourcesPricingValue,
        quotes: &["It could reshape the market dynamics, possibly offering AI-specialized cloud services at lower costs."],
        feeds: Text::SourcesPricingFeeds,
        named: &[],
    },
    Fact {
        fact: Text::SourcesFundingFact,
        value: Text::SourcesFundingValue,
        quotes: &[
            "OpenAI has raised a total of $17.9 billion in funding over 10 rounds.",
            "The Altman led company reached a valuation of approximately $157 billion in its last funding round in October 2024.",
        ],
        feeds: Text::SourcesFundingFeeds,
        named: &[
            ("raised", Named::Billions(17.9)),
            ("rounds", Named::Count(10)),
            ("valuation", Named::Billions(157.0)),
        ],
    },
];

/// How the model turns the facts into a projection, beyond the inputs' own assumptions.
pub fn model_assumptions() -> [String; 4] {
    [
        fill(
            Text::SourcesModelGrowth,
            &[
                ("from", &Named::Billions(5.0).text()),
                ("to", &Named::Billions(20.0).text()),
            ],
        ),
        t(Text::SourcesModelShare).to_string(),
        t(Text::SourcesModelOrder).to_string(),
        t(Text::SourcesModelSavings).to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{english, with_language, Lang};

    const REPORT: &str = include_str!("../tests/fixtures/openai-stargate-article.txt");

    #[test]
    fn every_quote_is_verbatim_from_the_report() {
        assert!(REPORT.starts_with(REPORT_TITLE));
        assert!(REPORT.contains(REPORT_CITES));
        for fact in FACTS {
            assert!(!fact.quotes.is_empty());
            for quote in fact.quotes {
                assert!(REPORT.contains(quote), "not in the report: {quote}");
            }
        }
    }

    const TRANSLATIONS: [(Lang, &str); 3] = [
        (Lang::De, include_str!("../lang/de.json")),
        (Lang::Fr, include_str!("../lang/fr.json")),
        (Lang::Es, include_str!("../lang/es.json")),
    ];

    #[test]
    fn facts_read_as_today_in_english_and_whole_in_every_language() {
        let funding = FACTS[7];
        assert_eq!(
            funding.say(funding.value),
            "$17.9B raised over 10 rounds; ~$157B valuation (Oct 2024)"
        );
        assert_eq!(
            FACTS[0].say(FACTS[0].feeds),
            "Default of \u{201c}Compute spend in 2024\u{201d} (s24)."
        );
        assert_eq!(
            model_assumptions()[0],
            "Total spend grows at a constant rate between 2024 and 2027 (the rate that turns $5B into $20B), then at the growth-after-2027 rate."
        );
        for (lang, file) in TRANSLATIONS {
            with_language(lang, file, || {
                for fact in FACTS {
                    for text in [fact.fact, fact.value, fact.feeds] {
                        let said = fact.say(text);
                        assert!(!said.contains('{'), "{lang:?} {said}");
                    }
                    // The feeds are always translated (a title may read the same: Transition).
                    assert_ne!(t(fact.feeds), english(fact.feeds), "{lang:?}");
                }
                for text in model_assumptions() {
                    assert!(!text.contains('{'), "{lang:?} {text}");
                }
            });
        }
        let german = with_language(Lang::De, TRANSLATIONS[0].1, || FACTS[2].say(FACTS[2].fact));
        assert_eq!(
            german,
            "Anteil von Stargate an der Rechenleistung von OpenAI bis 2030"
        );
    }
}
