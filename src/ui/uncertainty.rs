//! Uncertainty bands: an optional mode where five assumptions get ± ranges. The spend chart
//! then shows 5–95 % and 25–75 % bands around the median of total and Stargate spend over
//! 10,000 seeded paths, and this panel says how often Stargate passes Microsoft. The seed is in
//! the link, so the same link always draws the same bands.

use leptos::prelude::*;
use stargate_calc::format;
use stargate_calc::format::parse_decimal;
use stargate_calc::link::{BandSettings, RANGE_PREFIX};
use stargate_calc::scenario::{Input, Unit};
use stargate_calc::summary::bands_sentence;
use stargate_calc::uncertainty::Ranges;
use stargate_calc::words::{fill, t, Text};

use super::state::{text, use_calculator, PATHS};

#[component]
pub fn Uncertainty() -> impl IntoView {
    let calc = use_calculator();
    let toggle = move |_| {
        calc.bands.update(|b| {
            *b = if b.is_some() {
                None
            } else {
                Some(BandSettings::DEFAULT)
            }
        })
    };
    let sentence = Memo::new(move |_| {
        calc.band_result
            .with(|b| b.as_ref().map(bands_sentence).unwrap_or_default())
    });
    view! {
        <section id="uncertainty" class="panel uncertainty" aria-labelledby="uncertainty-title">
            <h2 id="uncertainty-title">{t(Text::UncertaintyTitle)}</h2>
            <p class="panel-note">
                {fill(
                    Text::UncertaintyNote,
                    &[
                        ("paths", &format::grouped(PATHS as f64, 0)),
                        ("limit", &format::percent(100.0, 0)),
                    ],
                )}
            </p>
            <label class="toggle">
                <input type="checkbox" id="bands-toggle" prop:checked=move || calc.bands_on.get() on:change=toggle/>
                " " {t(Text::BandsShow)}
            </label>
            <Show when=move || calc.bands_on.get()>
                <p id="bands-probability" class="bands-probability" aria-live="polite">
                    {text(move || sentence.get())}
                </p>
                <div class="ranges">
                    {Ranges::INPUTS.into_iter().map(|input| view! { <RangeSlider input/> }).collect_view()}
                </div>
                <p class="seed">
                    {t(Text::BandsSeed)} " "
                    <strong id="bands-seed">{text(move || calc.bands.with(|b| b.map(|s| format::whole(s.seed)).unwrap_or_default()))}</strong>
                    " "
                    <button
                        id="bands-redraw"
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| calc.bands.update(|b| {
                            if let Some(settings) = b {
                                settings.seed = (settings.seed + 1) % (BandSettings::MAX_SEED + 1);
                            }
                        })
                    >
                        {t(Text::BandsDrawAgain)}
                    </button>
                </p>
            </Show>
        </section>
    }
}

/// The ± range of one input.
#[component]
fn RangeSlider(
    /// The input whose range it sets (one of [`Ranges::INPUTS`]).
    input: Input,
) -> impl IntoView {
    let calc = use_calculator();
    let spec = input.spec();
    let half = Memo::new(move |_| {
        calc.bands
            .with(|b| b.and_then(|s| s.ranges.get(input)).unwrap_or(0.0))
    });
    let id = "range-".to_string() + spec.key;
    let step = if spec.unit == Unit::Year { 1.0 } else { 0.5 };
    let on_input = move |ev: leptos::ev::Event| {
        if let Some(number) = parse_decimal(&event_target_value(&ev)) {
            calc.bands.update(|b| {
                if let Some(settings) = b {
                    settings.ranges.set(input, number);
                }
            });
        }
    };
    view! {
        <div class="control">
            <div class="control-head">
                <label for=id.clone()>{spec.label()}</label>
                <output for=id.clone() class="control-value">
                    {text(move || "\u{b1}".to_string() + &format::input_value(half.get(), spec.unit))}
                </output>
            </div>
            <input
                type="range"
                id=id
                name=RANGE_PREFIX.to_string() + spec.key
                min="0"
                max=format::canonical(spec.max - spec.min)
                step=format::canonical(step)
                prop:value=text(move || format::canonical(half.get()))
                aria-valuetext=text(move || {
                    fill(
                        Text::BandsRangeValuetext,
                        &[("value", &format::input_value_spoken(half.get(), spec.unit))],
                    )
                })
                on:input=on_input
            />
        </div>
    }
}
