//! English date rules: `June 9, 2025`, `9 June 2025`, `25th Apr 2018`, `June 2025`,
//! `June`, `2025`, `Q1 2026`, `1Q26`, `first quarter of 2026`, `fiscal 2025`, `FY25`,
//! `H1 2025`, `first half of 2025`, `the 1990s`, `June 9-10, 2025`, `March-April`,
//! relative words (`yesterday`, `next month`, `this week`, `Tuesday`, `a year ago`).

mod produce;

use crate::extract::priority;
use crate::fact::Kind;
use crate::rule::{Rule, RuleSet};
use produce::*;
use regex::Captures;
use std::sync::LazyLock;

fn mon(s: &str) -> String {
    format!(
        r"(?P<mon{s}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    )
}

const ORDW: &str = r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four|five|six|seven|eight|nine)|thirtieth|thirty[- ](?:first|one)";

fn dayp(s: &str) -> String {
    format!(r"(?:(?P<d{s}>[0-3]?[0-9])(?:st|nd|rd|th)?(?-u:\b)|(?P<dw{s}>{ORDW})(?-u:\b))")
}

const WDN: &str = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";

/// A year in words: `nineteen eighty six`, `two thousand and fifteen`, `seventeen hundred thirty three`.
const YW: &str = r"(?x:
    # two thousand (and) five, two thousand oh five, two thousand twenty-one
    (?:one|two)\s+thousand(?:\s+and\s+|\s+)
    (?:
        (?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)
      | ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen
      | (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
        (?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?
      | one|two|three|four|five|six|seven|eight|nine
    )
    # one thousand, two thousand
  | (?:one|two)\s+thousand
    # nineteen eighty six, seventeen hundred (and) thirty three, twenty oh five
  | (?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)
    (?:\s+hundred(?:\s+and)?)?\s+
    (?:
        (?:zero|oh)\s+(?:one|two|three|four|five|six|seven|eight|nine)
      | ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen
      | (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
        (?:[-\ ](?:one|two|three|four|five|six|seven|eight|nine))?
    )
)";

/// The year after a month and day, if any: `, 2025`, `of 2025`, `, two
/// thousand and five`, `, '25`, `'25`, `-2025`.
fn year_tail() -> String {
    format!(
        r"(?x:
        \s*,?\s*(?:of\s+|in\s+)?(?P<y>[12][0-9]{{3}})(?-u:\b)    # , 2025 / of 2025
      | \s*,?\s*(?:of\s+)?(?P<yw>{YW})(?-u:\b)                  # , two thousand and five
      | \s*(?:,|of)\s*'?(?P<yy>[0-9]{{2}})(?-u:\b)               # , 25 / of '25
      | \s*'(?P<yq>[0-9]{{2}})(?-u:\b)                           # '25
      | [-/](?P<y3>[12][0-9]{{3}})(?-u:\b)                        # -2025
    )?"
    )
}

const QW: &str = r"first|second|third|fourth|1st|2nd|3rd|4th|final|last";

pub(super) static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let (m, m2) = (mon(""), mon("2"));
    let year_tail = year_tail();
    let (d, d2) = (dayp(""), dayp("2"));
    // The second day of `June 5 and 6`: digits only (`June 5 and first-quarter`).
    let d3 = r"(?P<d3>[0-3]?[0-9])(?:st|nd|rd|th)?(?-u:\b)";
    RuleSet::new(Kind::Date, vec![
        Rule::new(
            "date.en.month_day",
            format!(r"(?i)(?-u:\b)(?:{WDN}\.?,?\s+(?:the\s+)?)?{m}(?:\.|,)?\s*(?:[-/]\s*)?(?:the\s+)?{d}(?:\s*(?:-|–|to|through|until)\s*(?:{m2}(?:\.|,)?\s*)?{d2}|\s+(?:and|&)\s+{d3})?{year_tail}"),
            month_day,
        )
        .priority(priority::DAY),
        Rule::new(
            "date.en.between_month_day",
            format!(r"(?i)(?-u:\b)between\s+(?P<span>{m}\.?\s*{d}\s+and\s+(?:{m2}\.?\s*)?{d2}{year_tail})"),
            month_day,
        )
        .priority(priority::DAY),
        Rule::new(
            "date.en.day_month",
            format!(r"(?i)(?-u:\b)(?:{WDN}\.?,?\s+)?(?:the\s+)?{d}(?:\s*(?:-|–|to)\s*{d2})?\s*(?P<sep>of\s+|[-/.]\s*)?{m}(?-u:\b)\.?{year_tail}"),
            day_month,
        )
        .priority(priority::DAY),
        Rule::new(
            "date.en.year_month_day",
            format!(r"(?i)(?-u:\b)(?P<y>[12][0-9]{{3}})\s*[-/]\s*{m}\s*[-/]\s*(?P<d>[0-3]?[0-9])(?-u:\b)"),
            year_month_day,
        )
        .priority(priority::DAY),
        Rule::new(
            "date.en.month_year",
            format!(r"(?i)(?-u:\b){m}(?-u:\b)\.?\s*(?P<sep>,|-|/|of|in)?\s*(?:(?P<y>[12][0-9]{{3}})|'(?P<yq>[0-9]{{2}})|(?P<yy>[0-9]{{2}})|(?P<yw>{YW}))(?-u:\b)"),
            month_year,
        )
        .precheck(month_year_bounds)
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.year_month",
            format!(r"(?i)(?-u:\b)(?P<y>[12][0-9]{{3}})\s*,?\s*{m}(?-u:\b)"),
            year_month,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.en.month_range",
            format!(r"(?i)(?-u:\b)(?:(?P<pre>between|from)\s+)?(?P<span>{m}(?-u:\b)\.?\s*(?P<join>-|–|to|through|until|and)\s*{m2}(?-u:\b)\.?(?:\s*,?\s*(?P<y>[12][0-9]{{3}})(?-u:\b))?)"),
            month_range,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.year_range",
            r"(?i)(?-u:\b)(?:(?P<pre>from|between)\s+)?(?P<span>(?P<y>(?:19|20)[0-9]{2})\s*(?P<join>-|–|—|to|through|until|and)\s*(?P<y2>(?:19|20)[0-9]{2}|[0-9]{2}))(?-u:\b)",
            year_range,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.en.week_of_month",
            format!(r"(?i)(?-u:\b)(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+(?:of|in)\s+{m}(?-u:\b)\.?(?:\s*,?\s*(?P<y>[12][0-9]{{3}})(?-u:\b))?"),
            week_of_month_rule,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.month",
            format!(r"(?i)(?-u:\b)(?:(?P<rel>this|last|next|early|late|mid|end\s+of)[\s-]+)?{m}(?-u:\b)\.?(?:\s+(?P<ry>this|next|last)\s+year(?-u:\b))?"),
            month_alone,
        ),
        Rule::new(
            "date.en.quarter_code",
            r"(?-u:\b)(?:(?P<fyp>FY\s?'?(?P<fyy>[0-9]{4}|[0-9]{2})\s*[-/]?\s*)?[Qq](?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?P<fys>FY|fiscal)\s?'?(?P<fy2>[0-9]{4}|[0-9]{2})|\s*(?:'|/|-)?\s*(?P<y>[0-9]{4}|[0-9]{2}))?(?-u:\b)",
            quarter_code,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.quarter_words",
            format!(r"(?i)(?-u:\b)(?:(?P<fis>fiscal)[- ](?:year[- ])?)?(?P<qw>{QW})[- ]quarter(?-u:\b)(?:\s+(?:of|in)\s+(?:(?P<fis2>fiscal)\s+(?:year\s+)?)?(?:the\s+)?(?:(?:fiscal\s+)?year\s+)?(?P<y>[12][0-9]{{3}})|\s+(?:of\s+)?(?P<fis3>fiscal)\s+(?:year\s+)?(?P<y2>[12][0-9]{{3}})|,?\s+(?P<y3>[12][0-9]{{3}})|\s+(?:of\s+)?(?P<ry>this|next|last)\s+year)?(?-u:\b)"),
            quarter_words,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.en.half",
            r"(?-u:\b)(?:H(?P<h>[12])|(?P<h2>[12])H)\s*(?:'|/|-)?\s*(?:(?P<fy>FY)\s?'?)?(?P<y>[0-9]{4}|[0-9]{2})(?-u:\b)|(?i:(?-u:\b)(?P<hw>first|second)[- ]half\s+(?:of\s+)?(?:(?:(?P<fis>fiscal)\s+(?:year\s+)?)?(?:the\s+year\s+)?(?P<yw>[12][0-9]{3})|(?P<ry>this|next|last)\s+year|(?P<ty>the\s+year))(?-u:\b))",
            half_rule,
        )
        .priority(priority::LOOSE)
        .forms(half_form),
        Rule::new(
            "date.en.fiscal_year",
            format!(r"(?-u:\b)(?:(?i:fiscal)\s+(?i:year\s+)?(?P<y>[12][0-9]{{3}})|(?i:fiscal)\s+'(?P<yq>[0-9]{{2}})|FY\s?'?(?P<y2>[0-9]{{4}}|[0-9]{{2}}))(?-u:\b)(?:\s*(?:(?i:(?P<qw>{QW})[- ]quarter)|[Qq](?P<q>[1-4])|H(?P<h>[12])|(?i:(?P<hw>first|second)[- ]half))(?-u:\b)|,?\s+(?i:ending|ended|that\s+ends|which\s+ends)\s+(?i:in\s+)?(?P<endm>(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec))(?-u:\b)\.?(?:\s+(?P<endd>[0-3]?[0-9])(?-u:\b))?)?"),
            fiscal_year_rule,
        )
        .priority(priority::COMPOUND)
        .forms(fiscal_year_form),
        Rule::new(
            "date.en.decade",
            r"(?i)(?-u:\b)(?:(?P<the>the)\s+)?(?P<span>(?P<mod>early\s+|mid-?|late\s+)?(?:(?P<c>1[0-9]|20)(?P<d>[0-9])0|'(?P<d2>[0-9])0|(?P<d3>[0-9])0)'?s)(?-u:\b)",
            decade_rule,
        ),
        Rule::new(
            "date.en.relative",
            r"(?xi)(?-u:\b)(?:
                # yesterday, the day after tomorrow, the next day
                (?P<dw>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+(?:tomorrow|tmrw)
                    |yesterday|today|tomorrow|tmrw|the\s+(?:next|following|same)\s+day)
                # (early) next month, this quarter, the coming year
              | (?:(?:early|earlier|late|later|mid)[\s-]+)?
                (?P<mod>this|last|next|previous|coming|the\s+coming|following|the\s+following
                    |current|the\s+current|upcoming|the\s+upcoming)
                \s+(?P<unit>year|month|week|weekend|quarter)
                # later in the year
              | (?:earlier|later)\s+in\s+the\s+(?P<unit3>year|month|week)
                # the week after next
              | the\s+(?P<unit2>year|month|week|weekend)\s+after\s+(?:the\s+)?next
                # the weekend
              | (?P<we>(?:the\s+)?weekend)
            )(?-u:\b)",
            relative,
        )
        .priority(priority::LOOSE)
        .forms(relative_form),
        Rule::new(
            "date.en.weekday",
            format!(r"(?i)(?-u:\b)(?:(?P<mod>this\s+past|this\s+coming|this\s+upcoming|this|next|last|previous|coming|upcoming|following|past)\s+)?{WDN}(?-u:\b)\.?(?:(?:\s+of)?\s+(?P<wk>this|next|last|the\s+following|following)\s+week(?-u:\b)|,?\s+(?:the\s+)?(?:(?P<dn>[0-3]?[0-9])(?:st|nd|rd|th)?|(?P<dword>{ORDW}))(?-u:\b))?"),
            weekday,
        ),
        Rule::new(
            "date.en.week_weekday",
            r"(?i)(?-u:\b)(?P<wk>this|next|last|previous|the\s+following|following)\s+week(?:\s*-\s*|\s+on\s+|\s+)(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?-u:\b)",
            week_weekday,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.en.offset",
            r"(?xi)(?-u:\b)(?:
                # in two weeks
                (?P<in>in)\s+(?P<n1>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)
                \s+(?P<u1>day|week|fortnight|month|year)s?
                # two years and three months ago, a few days later, six weeks from now
              | (?P<parts>
                    (?:
                        (?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven
                            |twelve|a\s+couple\s+of|a\s+few|few|several)
                        \s+(?:day|week|fortnight|month|year)s?
                        (?:\s*,\s*|\s+and\s+|\s+)
                    ){0,3}
                    (?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven
                        |twelve|a\s+couple\s+of|a\s+few|few|several)
                    \s+(?:day|week|fortnight|month|year)s?
                )
                \s+(?P<dir>ago|later|from\s+now|hence)
            )(?-u:\b)",
            offset,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.en.nth_weekday",
            format!(r"(?i)(?-u:\b)(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?-u:\b)(?:\s+(?:of|in)\s+(?:(?P<rm>this|next|last|previous|the\s+following)\s+month|{m}(?-u:\b)\.?(?:\s*,?\s*(?P<y>[12][0-9]{{3}}))?))?(?-u:\b)"),
            nth_weekday_rule,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.week_of_year",
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?P<n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+of\s+|week\s+(?P<wn>[0-9]{1,2})(?-u:\b)(?:\s+of\s+)?)(?:(?P<y>[12][0-9]{3})|(?P<ry>this|next|last)\s+year)?(?-u:\b)",
            week_of_year_rule,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.day_of_rel_month",
            format!(r"(?i)(?-u:\b)(?:the\s+)?{d}(?:\s+day)?\s+of\s+(?P<rm>this|next|last|previous|the\s+following)\s+month(?-u:\b)"),
            day_of_rel_month,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.anchored",
            r"(?i)(?-u:\b)(?P<n>[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>from|after|before)\s+(?P<a>today|tomorrow|tmrw|yesterday|now)(?-u:\b)",
            anchored,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.en.the_nth",
            format!(r"(?i)(?-u:\b)(?:on\s+)?(?P<span>the\s+(?:(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)|(?P<dw>{ORDW})))(?-u:\b)"),
            the_nth,
        )
        .precheck(the_nth_bounds),
        Rule::new(
            "date.en.year",
            r"(?i)(?-u:\b)(?:(?P<pre>in|since|from|by|until|till|of|during|before|after|through|to|and|or|for|between|early|late|mid|end|year|calendar\s+year|cy)[\s-]+)?(?P<span>(?P<y>(?:1[6-9]|20|21)[0-9]{2}))(?-u:\b)",
            year_alone,
        )
        .precheck(year_bounds),
        Rule::new("date.en.year_words", format!(r"(?i)(?-u:\b)in\s+(?P<span>{YW})(?-u:\b)"), year_words),
        Rule::new(
            "date.en.to_date",
            r"(?i)(?-u:\b)(?P<u>year|month|quarter)[- ]to[- ]date(?-u:\b)|(?-u:\b)(?P<ab>YTD|MTD|QTD)(?-u:\b)",
            to_date,
        ),
        Rule::new(
            "date.en.holiday",
            r"(?i)(?-u:\b)(?P<h>christmas\s+eve|christmas(?:\s+day)?|new\s+year['’]?s\s+eve|new\s+year['’]?s(?:\s+day)?|independence\s+day|halloween|valentine['’]?s\s+day|juneteenth|boxing\s+day|veterans['’]?\s+day|earth\s+day|(?:saint|st\.?)\s+patrick['’]?s\s+day|thanksgiving(?:\s+day)?|(?-i:Black\s+Friday|BLACK\s+FRIDAY)|cyber\s+monday|labor\s+day|memorial\s+day|(?:martin\s+luther\s+king(?:,?\s+jr\.?)?|mlk)\s+day|presidents['’]?\s+day|mother['’]?s\s+day|father['’]?s\s+day|columbus\s+day|(?-i:Good\s+Friday|GOOD\s+FRIDAY)|easter\s+monday|easter(?:\s+sunday)?)(?:,?\s+(?P<y>[12][0-9]{3}))?(?-u:\b)",
            holiday,
        ),
    ])
});

/// A half written as a code (`H1 2025`, `1H25`) or in words (`first half
/// of 2025`).
fn half_form(c: &Captures) -> &'static str {
    if c.name("hw").is_some() {
        "date.en.half.words"
    } else {
        "date.en.half.code"
    }
}

/// A fiscal year alone (`fiscal 2025`, `FY25`), with a quarter or a half of it
/// (`FY25 Q1`, `fiscal 2025 second half`), or with its closing month (`fiscal
/// 2026 ending in March`).
fn fiscal_year_form(c: &Captures) -> &'static str {
    if c.name("q").is_some() || c.name("qw").is_some() {
        "date.en.fiscal_year.quarter"
    } else if c.name("h").is_some() || c.name("hw").is_some() {
        "date.en.fiscal_year.half"
    } else if c.name("endm").is_some() {
        "date.en.fiscal_year.ending"
    } else {
        "date.en.fiscal_year"
    }
}

/// A relative date by the unit it moves: a day (`yesterday`, `the next day`),
/// a week, a weekend, a month, a quarter or a year (`last week`, `the
/// weekend`, `later in the month`, `next quarter`, `this year`).
fn relative_form(c: &Captures) -> &'static str {
    if c.name("dw").is_some() {
        return "date.en.relative.day";
    }
    if c.name("we").is_some() {
        return "date.en.relative.weekend";
    }
    let unit = ["unit", "unit2", "unit3"]
        .iter()
        .find_map(|g| c.name(g))
        .map_or("", |m| m.as_str());
    match unit.to_ascii_lowercase().as_str() {
        "year" => "date.en.relative.year",
        "month" => "date.en.relative.month",
        "week" => "date.en.relative.week",
        "weekend" => "date.en.relative.weekend",
        "quarter" => "date.en.relative.quarter",
        _ => "date.en.relative",
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Lang;
    use crate::extract::RefSource;
    use crate::fact::{DateValue, Granularity};

    fn run(text: &str, refd: Option<&str>) -> Vec<(String, DateValue)> {
        super::super::dates_in(text, Lang::En, refd.map(|d| (d, RefSource::RefDate)))
    }

    #[test]
    fn date_en_month_day_year() {
        let got = run("Talks began on June 9, 2025 in London.", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "June 9, 2025");
        assert_eq!(got[0].1.iso.as_deref(), Some("2025-06-09"));
        assert_eq!(got[0].1.granularity, Granularity::Day);
    }

    #[test]
    fn date_en_weekday_unresolved_at_sentence_end() {
        let got = run("Shares closed lower on Monday.", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Monday");
        assert_eq!(got[0].1.iso, None);
        assert_eq!(got[0].1.display, "Monday (unresolved)");
    }

    #[test]
    fn date_en_fiscal_quarter_from_context() {
        let got = run(
            "In fiscal 2023 sales rose. The fiscal fourth quarter was weak.",
            Some("2024-01-10"),
        );
        let q = got.iter().find(|(t, _)| t.contains("fourth")).unwrap();
        assert_eq!(q.1.iso.as_deref(), Some("FY2023-Q4"));
        assert_eq!(q.1.granularity, Granularity::FiscalQuarter);
        assert_eq!(q.1.year_source.as_deref(), Some("context"));
    }

    #[test]
    fn date_en_relative_resolved() {
        let got = run("Shares fell yesterday.", Some("2025-06-09"));
        assert_eq!(got[0].0, "yesterday");
        assert_eq!(got[0].1.iso.as_deref(), Some("2025-06-08"));
        assert!(got[0].1.relative);
        assert_eq!(got[0].1.year_source.as_deref(), Some("ref_date"));
    }

    #[test]
    fn date_en_fiscal_year_with_its_end_month() {
        let got = run(
            "A profit in fiscal 2026 ending in March.",
            Some("2025-11-26"),
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "fiscal 2026 ending in March");
        assert_eq!(got[0].1.iso.as_deref(), Some("FY2026"));
        assert_eq!(got[0].1.fy_end.as_deref(), Some("2026-03"));
    }

    #[test]
    fn date_en_may_the_verb() {
        assert!(run("The deal may close soon.", Some("2025-06-09")).is_empty());
        assert!(run("He said 2025 people attended.", Some("2025-06-09")).is_empty());
    }
}
