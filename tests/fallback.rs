//! `index.html` shows the page's masthead and the report's numbers before the WebAssembly
//! arrives (and to readers without JavaScript): the kicker, title and deck the app shows, the
//! headline sentence and the default table. They are static HTML, so this test keeps them equal
//! to the app's English words and to what the model computes; when they differ it prints the
//! block to paste between the markers.

use stargate_calc::format;
use stargate_calc::model::project;
use stargate_calc::providers::Provider;
use stargate_calc::scenario::Scenario;
use stargate_calc::summary::headline_sentence;
use stargate_calc::words::{english, Text};

const START: &str = "<!-- fallback:start -->";
const END: &str = "<!-- fallback:end -->";

/// The block as the model gives it, indented as in index.html.
fn expected_block() -> String {
    let projection = project(&Scenario::REPORT);
    let mut html = String::new();
    html += "\n      <header class=\"masthead\">\n        <p class=\"kicker\">";
    html = html + english(Text::MastheadKicker) + "</p>\n        <h1>";
    html = html + english(Text::MastheadTitle) + "</h1>\n        <p class=\"deck\">";
    html = html + english(Text::MastheadDeck) + "</p>\n      </header>";
    html += "\n      <p class=\"explorable\">";
    html += &headline_sentence(Scenario::REPORT.stargate_share_2030, &projection.figures);
    html += "</p>\n      <table class=\"data-table\">\n";
    html += "        <caption>Compute spend by provider, US$ billions per year: the report\u{2019}s figures with our default assumptions</caption>\n";
    html += "        <thead><tr><th scope=\"col\">Year</th>";
    for provider in Provider::ALL {
        html = html + "<th scope=\"col\">" + provider.name() + "</th>";
    }
    html += "<th scope=\"col\">Total</th></tr></thead>\n        <tbody>\n";
    for row in &projection.rows {
        html = html + "          <tr><th scope=\"row\">" + &format::year(row.year) + "</th>";
        for provider in Provider::ALL {
            html = html + "<td>" + &format::grouped(provider.spend(row), 2) + "</td>";
        }
        html = html + "<td>" + &format::grouped(row.total, 2) + "</td></tr>\n";
    }
    html += "        </tbody>\n      </table>\n      ";
    html
}

#[test]
fn index_html_fallback_matches_the_model() {
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
        .expect("index.html is readable");
    let start = index
        .find(START)
        .expect("index.html has the fallback:start marker")
        + START.len();
    let end = index
        .find(END)
        .expect("index.html has the fallback:end marker");
    let expected = expected_block();
    assert!(
        index.get(start..end) == Some(expected.as_str()),
        "index.html's fallback differs from the model; put this between the markers:\n{expected}"
    );
}
