//! The report's facts, each with the sentence it comes from and what it feeds in the model.
//! Quotes are copied verbatim from `shared/seed/openai-stargate-article.txt`; a test checks
//! that every one still appears there.

/// Where the facts come from.
pub const REPORT_TITLE: &str = "OpenAI secures new partnership amidst Asia expansion";
/// Who the report itself cites.
pub const REPORT_CITES: &str = "The Information";

/// One fact from the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub fact: &'static str,
    pub value: &'static str,
    /// The report's own words (one or two sentences).
    pub quotes: &'static [&'static str],
    /// Which input or figure of the calculator the fact feeds.
    pub feeds: &'static str,
}

pub const FACTS: [Fact; 8] = [
    Fact {
        fact: "OpenAI compute spend, 2024",
        value: "$5B",
        quotes: &["According to the report, OpenAI expects to spend $20 billion in 2027, which is much more than the $5 billion it spent in 2024."],
        feeds: "Default of \u{201c}Compute spend in 2024\u{201d} (s24).",
    },
    Fact {
        fact: "OpenAI expected compute spend, 2027",
        value: "$20B",
        quotes: &["According to the report, OpenAI expects to spend $20 billion in 2027, which is much more than the $5 billion it spent in 2024."],
        feeds: "Default of \u{201c}Compute spend in 2027\u{201d} (s27); with 2024, the 2024\u{2013}27 growth and the default growth after 2027 (g).",
    },
    Fact {
        fact: "Share of OpenAI compute from Stargate by 2030",
        value: "three-quarters (75%)",
        quotes: &["But as per the report, by 2030, OpenAI expects three-quarters of its computing power to come from Stargate, meaning Microsoft will no longer be the dominant provider."],
        feeds: "Default of the headline control (sg). The report speaks of computing power; the model reads it as a share of compute spend, which is our assumption.",
    },
    Fact {
        fact: "Stargate Project commitment",
        value: "~$500B over four years (2025\u{2013}2028)",
        quotes: &["Under this project, these companies intend to allocate around $500 billion over the next four years to strengthen AI infrastructure in the US."],
        feeds: "The figure \u{201c}Stargate spend 2025\u{2013}2028 as a share of $500B\u{201d}.",
    },
    Fact {
        fact: "Microsoft's position",
        value: "biggest provider and investor; now a right of first refusal (ROFR)",
        quotes: &[
            "Currently, Microsoft is OpenAI\u{2019}s biggest cloud provider and investor, supplying vast amounts of AI computing power via Azure.",
            "As part of the amended agreement, Microsoft retains the first right to provide cloud resources to OpenAI, but OpenAI now has the option to turn to other cloud providers, such as Oracle, should Microsoft be unable to meet its needs.",
        ],
        feeds: "The model's order: spend not on Stargate is offered to Microsoft first, up to its capacity (mc, mg); what it cannot meet goes to Oracle (ora) and other clouds.",
    },
    Fact {
        fact: "Transition",
        value: "gradual; short-term Microsoft spending still rising",
        quotes: &["However, OpenAI\u{2019}s increasing spending on Microsoft\u{2019}s data centers in the short term suggests the transition to Stargate will be gradual."],
        feeds: "Default shape of the move, the S-curve (ramp), and the first Stargate year (y0).",
    },
    Fact {
        fact: "Stargate pricing",
        value: "possibly lower costs",
        quotes: &["It could reshape the market dynamics, possibly offering AI-specialized cloud services at lower costs."],
        feeds: "The Stargate discount (disc) and the figure \u{201c}cumulative Stargate savings\u{201d}; the size of the discount is our assumption.",
    },
    Fact {
        fact: "OpenAI funding",
        value: "$17.9B raised over 10 rounds; ~$157B valuation (Oct 2024)",
        quotes: &[
            "OpenAI has raised a total of $17.9 billion in funding over 10 rounds.",
            "The Altman led company reached a valuation of approximately $157 billion in its last funding round in October 2024.",
        ],
        feeds: "The figure \u{201c}year cumulative spend passes the $17.9B raised\u{201d}.",
    },
];

/// How the model turns the facts into a projection, beyond the inputs' own assumptions.
pub const MODEL_ASSUMPTIONS: [&str; 4] = [
    "Total spend grows at a constant rate between 2024 and 2027 (the rate that turns $5B into $20B), then at the growth-after-2027 rate.",
    "The Stargate share of spend rises from 0 in the year before the first Stargate year to its 2030 level along the chosen shape, and stays there after 2030.",
    "Spend not on Stargate goes to Microsoft up to the Azure capacity it can offer (its right of first refusal); the rest is split between Oracle and other clouds.",
    "Savings price Stargate compute at Azure rates: what it would have cost on Azure, minus what was paid at the discount.",
];

#[cfg(test)]
mod tests {
    use super::*;

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
}
