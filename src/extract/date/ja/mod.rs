//! Japanese date rules: `2025年6月9日`, `令和7年`, `6月9日(月)`, `5月`, `2026年第1四半期`,
//! `2025年度`, `2026年3月期`, `1~3月期`, `上半期`, `1990年代`, `6月9~10日`, relative words
//! (`昨年`, `来月`, `先週`, `同日`, `前期`), weekdays and `3日前`. Input is width-folded:
//! full-width digits are ASCII and `〜`/`～` are `~`.

mod produce;

use super::relative::period_to_date;
use crate::extract::priority;
use crate::fact::Kind;
use crate::rule::{Rule, RuleSet};
use produce::*;
use regex::Captures;
use std::sync::LazyLock;

/// Month or day number: Arabic or kanji.
const N: &str = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})";

/// A weekday written after a date: `(月)`, `(月・祝)`, `火曜日`, `、月曜日`, `の土曜日`.
const WD: &str = r"(?: ?\((?P<wdp>[月火水木金土日])(?:曜日?)?(?:・祝)?\)|(?:、|,| )?(?:の)?(?P<wdw>[月火水木金土日])曜日?)";

/// The same, without capture groups (for a range's second date).
const WD2: &str = r"(?: ?\((?:[月火水木金土日])(?:曜日?)?(?:・祝)?\)|(?:、|,| )?(?:の)?(?:[月火水木金土日])曜日?)";

/// Range joiners.
const TO: &str = r"(?:~|-|から|–)";

fn year_group(suffix: &str) -> String {
    format!(
        r"(?:(?P<era{s}>令和|平成|昭和|大正|明治) ?(?P<ey{s}>元|[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})|(?P<y{s}>[0-9]{{4}}|[0-9]{{2}}|[〇一二三四五六七八九]{{4}}|二千[一二三四五六七八九十]{{0,3}}))",
        s = suffix
    )
}

pub(super) static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let y = year_group("");
    RuleSet::new(Kind::Date, vec![
        Rule::new(
            "date.ja.year_month_day",
            format!(r"(?:{y}|(?P<y3>[1-9][0-9]{{2}})) ?年(?:の)? ?(?P<m>{N}) ?月(?:の)? ?(?P<d>{N}) ?(?P<nichi>日)?(?:{WD})?(?: ?{TO} ?(?:(?P<m2>{N}) ?月)? ?(?P<d2>{N}) ?日(?:{WD2})?| ?(?:、|,|・|と) ?(?P<d3>{N}) ?日(?:{WD2})?)?"),
            ymd,
        )
        .priority(priority::DAY),
        Rule::new(
            "date.ja.year_month",
            format!(r"{y} ?年(?:の)? ?(?P<m>{N}) ?(?P<tsuki>月)?(?P<tail>上旬|中旬|下旬|初旬|初め|末|中)?(?: ?{TO} ?(?P<m2>{N}) ?月)?(?P<ki>期)?(?:(?:の)? ?第(?P<q>[1-4一二三四])四半期)?"),
            ym,
        )
        .priority(priority::COMPOUND)
        .forms(year_month_form),
        Rule::new(
            "date.ja.year",
            format!(r"{y} ?年(?P<suf>度|代)?(?:(?:の)? ?(?:第(?P<q>[1-4一二三四])四半期|(?P<h>上|下)半?期|(?P<hh>前|後)半期?)|(?P<tail>末|初め|初頭|中|以降|以来)| ?{TO} ?(?P<y2>[0-9]{{4}}|[0-9]{{2}}) ?年(?P<suf2>度)?)?"),
            year_rule,
        )
        .priority(priority::LOOSE)
        .forms(year_form),
        Rule::new(
            "date.ja.month_day",
            format!(r"(?P<m>{N}) ?月(?:の)? ?(?P<d>{N}) ?(?P<nichi>日)?(?:{WD})?(?: ?{TO} ?(?:(?P<m2>{N}) ?月)? ?(?P<d2>{N}) ?日(?:{WD2})?| ?(?:、|,|・|と) ?(?P<d3>{N}) ?日(?:{WD2})?)?"),
            md,
        )
        .precheck(clean_left_bounds)
        .priority(priority::COMPOUND),
        Rule::new(
            "date.ja.month",
            format!(r"(?:(?P<m1>{N}) ?(?:月)? ?(?:{TO}|、|・) ?)?(?P<m>{N}) ?月(?P<tail>上旬|中旬|下旬|初旬|初め|末|中|頃|ごろ)?(?P<ki>期)?"),
            month_rule,
        )
        .precheck(clean_left_bounds),
        Rule::new(
            "date.ja.day",
            // `日` is required, except in a range whose second day carries it (`15~20日`).
            format!(r"(?P<rm>今月|来月|先月|前月|翌月|同月|次の月)?(?:の)? ?(?P<d>{N}) ?(?:(?P<nichi>日)(?:{WD})?(?: ?{TO} ?(?P<d2>{N}) ?日)?|(?:{WD2})? ?{TO} ?(?P<d2r>{N}) ?日)"),
            day_rule,
        )
        .precheck(day_bounds),
        Rule::new(
            "date.ja.quarter",
            r"第(?P<q>[1-4一二三四]) ?四半期|(?P<h>上|下)半?期|(?P<p>今|前|来|当|本)期",
            quarter_half,
        )
        .forms(quarter_half_form),
        Rule::new(
            "date.ja.relative",
            format!(r"(?P<w>一昨年|おととし|再来年|今年|本年|昨年|去年|前年|来年|翌年|同年|先々月|再来月|今月|先月|前月|来月|翌月|同月|先々週|再来週|今週末|来週末|先週末|今週|先週|前週|来週|翌週|週末|一昨昨日|一昨日|おととい|おとつい|いっさくじつ|明々後日|弥明後日|しあさって|明後日|あさって|今日|本日|きょう|明日|あす|あした|昨日|きのう|さくじつ|前日|翌日|次の日|同日|当日|その日|この日|次の週|その週|前の年|その年)(?P<fy>度)?(?:(?P<tail>上旬|中旬|下旬|初旬|初め|末|中)|(?:の)? ?(?P<m>{N}) ?月(?:(?:の)? ?(?P<d>{N}) ?日)?|(?:の)? ?(?P<wd>[月火水木金土日])曜日?)?"),
            relative,
        )
        .precheck(relative_bounds)
        .priority(priority::LOOSE)
        .forms(relative_form),
        Rule::new(
            "date.ja.weekday",
            r"(?P<mod>この|次の|前の)?(?P<wd>[月火水木金土日])曜日?",
            weekday,
        ),
        Rule::new(
            "date.ja.nth_weekday",
            format!(r"(?:(?:(?P<y>[0-9]{{4}}) ?年(?:の)? ?)?(?P<m>{N}) ?月|(?P<rm>今月|来月|先月|翌月|前月))?(?:の)? ?(?:第(?P<n>[1-5一二三四五])|(?P<first>最初)|(?P<last>最後))(?:の)? ?(?P<wd>[月火水木金土日])曜日?"),
            nth_weekday_rule,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.ja.year_range",
            r"(?P<y>[0-9]{4}) ?(?:~|-|–|—|から) ?(?P<y2>[0-9]{4}|[0-9]{2}) ?年(?P<suf>度)?",
            year_range,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.ja.week_of_month",
            format!(r"(?:(?P<y>[0-9]{{4}}) ?年(?:の)? ?)?(?P<m>{N}) ?月(?:の)? ?第(?P<n>[1-5一二三四五]) ?週"),
            week_of_month_rule,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.ja.week_of_year",
            r"(?:(?:(?P<y>[0-9]{4}) ?年|(?P<ry>今年|来年|去年|昨年))(?:の)? ?)?(?:第(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3}) ?週|(?P<first>最初)の週|(?P<last>最後)の週)",
            week_of_year_rule,
        )
        .priority(priority::LOOSE),
        Rule::new(
            "date.ja.anchored",
            r"(?P<a>今日|明日|昨日|今)(?P<rel>から|の) ?(?P<n>[0-9]{1,3}|[一二三四五六七八九十]{1,3}) ?(?P<u>日|週間?|か月|ヶ月|カ月|ヵ月|年)(?P<dir>後|前|先)?(?:の ?(?P<wd>[月火水木金土日])曜日?)?",
            anchored,
        )
        .priority(priority::COMPOUND),
        Rule::new(
            "date.ja.weeks_weekday",
            r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十]{1,3}) ?週(?:間)?(?P<dir>後|先|前)の ?(?P<wd>[月火水木金土日])曜日?",
            weeks_weekday,
        )
        .priority(priority::COMPOUND),
        Rule::new("date.ja.holiday", r"元旦|元日|大晦日|大みそか", holiday),
        Rule::new("date.ja.to_date", r"年初来", |c, doc| {
            period_to_date(doc, c.get(0)?.as_str(), "year")
        }),
        Rule::new(
            "date.ja.offset",
            r"(?P<parts>(?:(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3}|数) ?(?:日|週間?|か月|ヶ月|カ月|ヵ月|ケ月|箇月|年)(?:と|、|,)? ?){1,3}) ?(?:間)? ?(?P<dir>前|後)",
            offset,
        )
        .priority(priority::LOOSE),
    ])
    // Every form above holds a kana or kanji (`年`, `月`, `日`, `期`, `週`, a weekday,
    // a relative word): lines without one are skipped.
    .with_gate(|_, line| crate::scan::has_cjk(line))
});

/// `date.ja.year` by the form written: a decade (`1990年代`), a range of
/// years (`2020年~2025年`), a quarter or half of a year (`2025年第1四半期`,
/// `2025年度上期`), a fiscal year (`2025年度`), or the year itself.
fn year_form(c: &Captures) -> &'static str {
    let suffix = c.name("suf").map(|m| m.as_str());
    if suffix == Some("代") {
        "date.ja.decade"
    } else if c.name("y2").is_some() {
        "date.ja.year_range"
    } else if c.name("q").is_some() {
        "date.ja.year.quarter"
    } else if c.name("h").is_some() || c.name("hh").is_some() {
        "date.ja.year.half"
    } else if suffix == Some("度") {
        "date.ja.fiscal_year"
    } else {
        "date.ja.year"
    }
}

/// `date.ja.year_month` by the form written: a range of months
/// (`2025年4~6月`), a fiscal year named by its closing month (`2026年3月期`),
/// a quarter of one (`2026年3月期第1四半期`), or the month itself.
fn year_month_form(c: &Captures) -> &'static str {
    if c.name("m2").is_some() {
        "date.ja.year_month.range"
    } else if c.name("ki").is_some() && c.name("q").is_some() {
        "date.ja.fiscal_year_end.quarter"
    } else if c.name("ki").is_some() {
        "date.ja.fiscal_year_end"
    } else {
        "date.ja.year_month"
    }
}

/// A quarter (`第1四半期`), a half (`上期`, `下半期`), or a fiscal period
/// relative to the article (`今期`, `前期`).
fn quarter_half_form(c: &Captures) -> &'static str {
    if c.name("q").is_some() {
        "date.ja.quarter"
    } else if c.name("h").is_some() {
        "date.ja.half"
    } else {
        "date.ja.relative.fiscal_period"
    }
}

/// A relative word by the unit it moves: a year (`昨年`, `来年度`), a month
/// (`先月`), a week (`先週`), a weekend (`今週末`), or a day (`明日`, `同日`).
fn relative_form(c: &Captures) -> &'static str {
    let word = c.name("w").map_or("", |m| m.as_str());
    if word.ends_with('年') || word == "おととし" {
        if c.name("fy").is_some() {
            "date.ja.relative.fiscal_year"
        } else {
            "date.ja.relative.year"
        }
    } else if word.ends_with('月') {
        "date.ja.relative.month"
    } else if word.ends_with("週末") {
        "date.ja.relative.weekend"
    } else if word.contains('週') {
        "date.ja.relative.week"
    } else {
        "date.ja.relative.day"
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Lang;
    use crate::extract::RefSource;
    use crate::fact::{DateValue, Granularity};

    fn run(text: &str, refd: Option<&str>) -> Vec<(String, DateValue)> {
        super::super::dates_in(text, Lang::Ja, refd.map(|d| (d, RefSource::ArticleDate)))
    }

    #[test]
    fn date_ja_full_date() {
        let got = run("皆さんは、2025年6月9日にイギリス", None);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "2025年6月9日");
        assert_eq!(got[0].1.iso.as_deref(), Some("2025-06-09"));
        assert_eq!(got[0].1.granularity, Granularity::Day);
        assert!(!got[0].1.year_inferred);
    }

    #[test]
    fn date_ja_month_inferred_from_first_date() {
        let got = run("2025年6月9日に協議。5月の合意", None);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, "5月");
        assert_eq!(got[1].1.iso.as_deref(), Some("2025-05"));
        assert!(got[1].1.year_inferred);
        assert_eq!(got[1].1.year_source.as_deref(), Some("first_date"));
    }

    #[test]
    fn date_ja_fiscal_year_end() {
        let got = run("2026年3月期の業績", Some("2025-06-09"));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.iso.as_deref(), Some("FY2026"));
        assert_eq!(got[0].1.fy_end.as_deref(), Some("2026-03"));
        assert_eq!(got[0].1.granularity, Granularity::FiscalYear);
    }

    #[test]
    fn date_ja_relative_last_year() {
        let got = run("昨年の売上", Some("2025-06-09"));
        assert_eq!(got[0].1.iso.as_deref(), Some("2024"));
        assert!(got[0].1.relative);
        assert_eq!(got[0].1.year_source.as_deref(), Some("article_date"));
        let got = run("昨年の売上", None);
        assert_eq!(got[0].1.iso, None);
        assert_eq!(got[0].1.display, "昨年 (unresolved)");
    }

    #[test]
    fn date_ja_durations_are_not_dates() {
        assert!(run("90日間の関税猶予", Some("2025-06-09")).is_empty());
        assert!(run("2日間にわたり", Some("2025-06-09")).is_empty());
        assert!(run("前年比で5%増", Some("2025-06-09")).is_empty());
    }

    #[test]
    fn date_ja_dateline_is_the_reference() {
        let text = "米中協議、ロンドンで再開\n2025年6月9日 12:00 配信\n両国は昨日協議した。";
        let got = super::super::dates_in(text, Lang::Ja, Some(("2024-01-01", RefSource::RefDate)));
        let (_, y) = got.iter().find(|(t, _)| t == "昨日").unwrap();
        assert_eq!(y.iso.as_deref(), Some("2025-06-08"));
        assert_eq!(y.year_source.as_deref(), Some("dateline"));
        // Without a dateline the --ref-date is in force.
        let text = "米中協議\n両国は2025年6月9日と昨日協議した。";
        let got = super::super::dates_in(text, Lang::Ja, Some(("2024-01-01", RefSource::RefDate)));
        let (_, y) = got.iter().find(|(t, _)| t == "昨日").unwrap();
        assert_eq!(y.iso.as_deref(), Some("2023-12-31"));
        assert_eq!(y.year_source.as_deref(), Some("ref_date"));
    }
}
