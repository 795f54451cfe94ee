//! The sources panel: each fact from the report with its sentence quoted and what it feeds,
//! then our assumptions, listed as assumptions. The report's sentences and its title stay in
//! English in every language, marked `lang="en"`; on a page in another language a note says
//! so.

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::release::VERSION;
use stargate_calc::scenario::{Input, Ramp};
use stargate_calc::sources::{model_assumptions, FACTS, REPORT_CITES, REPORT_TITLE};
use stargate_calc::words::{around, fill, fill_in, lang, t, Lang, Text};

/// One of our assumptions: its name in bold, its key in links, its default and what it means,
/// in the page's language (`pattern` has `{label}`, then `{key}`, then the rest).
fn assumption(
    pattern: Text,
    label: &'static str,
    key: &'static str,
    value: String,
    help: &'static str,
) -> impl IntoView {
    let (before_label, rest) = around(t(pattern), "label");
    let (before_key, rest) = around(rest, "key");
    let after = fill_in(rest, &[("value", &value), ("help", help)]);
    view! { <li>{before_label} <strong>{label}</strong> {before_key} <code>{key}</code> {after}</li> }
}

#[component]
pub fn Sources() -> impl IntoView {
    let assumptions = Input::ALL
        .iter()
        .filter(|input| input.spec().assumption)
        .map(|input| {
            let spec = input.spec();
            assumption(
                Text::SourcesAssumptionItem,
                spec.label(),
                spec.key,
                format::input_value(spec.default, spec.unit),
                spec.help(),
            )
        })
        .collect_view();
    // The report's title stays in English, marked so.
    let (before_title, after_title) = around(t(Text::SourcesIntro), "title");
    let cites = [("cites", REPORT_CITES)];
    let intro = view! {
        {fill_in(before_title, &cites)}
        <span lang="en">{REPORT_TITLE}</span>
        {fill_in(after_title, &cites)}
    };
    // The English page needs no note that its quotes are in English.
    let quoted_in_english = (lang() != Lang::En).then(|| {
        view! { <p class="panel-note quoted-in-english">{t(Text::SourcesQuotedInEnglish)}</p> }
    });
    view! {
        <section id="sources" class="panel sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{t(Text::SourcesTitle)}</h2>
            <p>{intro}</p>
            {quoted_in_english}
            <div class="facts">
                {FACTS
                    .iter()
                    .map(|fact| {
                        let (before_value, after_value) =
                            around(t(Text::SourcesFactHeading), "value");
                        let heading = view! {
                            {fill_in(before_value, &[("fact", &fact.say(fact.fact))])}
                            <span class="fact-value">{fact.say(fact.value)}</span>
                            {after_value}
                        };
                        view! {
                            <article class="fact">
                                <h3>{heading}</h3>
                                {fact
                                    .quotes
                                    .iter()
                                    .map(|quote| view! { <blockquote lang="en">{*quote}</blockquote> })
                                    .collect_view()}
                                <p class="feeds">
                                    {fill(Text::SourcesFeeds, &[("feeds", &fact.say(fact.feeds))])}
                                </p>
                            </article>
                        }
                    })
                    .collect_view()}
            </div>
            <h3>{t(Text::SourcesAssumptionsTitle)}</h3>
            <ul class="assumption-list">
                {assumptions}
                {assumption(
                    Text::SourcesRampItem,
                    t(Text::ControlRampLegend),
                    "ramp",
                    Ramp::DEFAULT.label().to_string(),
                    Ramp::DEFAULT.description(),
                )}
                {model_assumptions().map(|text| view! { <li>{text}</li> }).into_iter().collect_view()}
            </ul>
            <ReleaseLine/>
        </section>
    }
}

/// Which release of the calculator the page is, on paper too.
#[component]
fn ReleaseLine() -> impl IntoView {
    view! {
        <p class="release-line" id="calculator-version">
            {fill(Text::ReleaseVersion, &[("version", VERSION)])}
        </p>
    }
}
