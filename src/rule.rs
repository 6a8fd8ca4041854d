//! A rule is a name, a pattern and a production (the shape Duckling made popular):
//! the name describes the surface form (`"<n>億ドル"`), the pattern finds it, and the
//! production turns the captures into a value or rejects them (`None`: month 13,
//! a count of people). Each kind compiles its `RuleSet` once, in a `LazyLock`,
//! and every worker thread shares it by reference.
//!
//! A rule whose pattern holds several forms (relative words moving a year, a
//! month or a day) names each match by the form it took (`Rule::forms`), so
//! the fact's `rule` says which form fired (`date.ja.relative.year`).
//!
//! If a pattern has a capture group named `span`, the fact covers that group only:
//! the rest of the match is context (`$2.69` in `$2.69 a share`).
//!
//! Adding a form: write a `Rule` (name, pattern, production) in the kind's
//! language file (`extract/<kind>/{ja,en}.rs`), next to the forms like it, and a
//! line for it in the corpus beside that file. If the rule set gates its lines
//! on cues (`with_cues`), every match of the new form must contain one of them
//! meeting its conditions (`crate::scan::Cue`: case, what stands before and
//! after): add a cue if it does not, or loosen a condition the new form breaks
//! (the corpus tests check that every corpus line still yields its fact through
//! the gate). A cue list is compiled and searched once per article whichever
//! rule sets share it (`crate::scan`), so a cue list may be reused freely.
//! If the set has a line gate (`with_gate`: the Japanese date rules need a kana
//! or kanji, the percent rules of one language propose nothing in some lines
//! of an article in the other) or a rule gate (`with_rule_gate`: the numeric
//! date rules, a digit, separator and digit, or eight digits), the new form's
//! matches must pass it too, or the gate must be widened; the gate's own doc
//! comment says what it assumes. If the production rejects many matches by
//! what stands around them, give the rule a precheck (`Rule::precheck`) that
//! the production calls first.
//!
//! Deciding common forms by hand: a rule set may be run with a hand-written
//! matcher (`RuleSet::run_with`, the money and percent rules). For each cue
//! line the matcher either finds, for some of the set's rules, exactly the
//! matches their regexes would find there (the same bounds and groups, handed
//! to the same production through `groups::Spans`), or leaves a rule to its
//! regex in that line. A form the matcher does not know is then still found,
//! by the regex; the tests beside each matcher compare the two paths line by
//! line.
//!
//! How a line is searched: a line that holds a cue (or every line, for a set
//! without cues) and passes the gate gets one `RegexSet` scan, which names the
//! rules matching somewhere in it (or, for a set with a rule gate, a byte test
//! names them: `RuleSet::with_rule_gate`); only those rules run there, each
//! compiled on its first use. A set of two or three rules whose cue lines
//! mostly hold a match skips the set's scan (`without_set_scan`) and runs each
//! rule over the line: the set's overlapping scan costs more than the few
//! failing searches it would save. A rule with a precheck (`Rule::precheck`)
//! finds each match with the DFA search alone and takes its capture groups
//! only when the match's bounds pass; the others take them at once.

pub mod groups;

use crate::extract::{Doc, Finder};
use crate::fact::{Candidate, Kind, Value};
use crate::scan::{Cue, Cues};
use regex::{Captures, Regex, RegexSet};

/// A hand-written matcher of some of a set's rules (`RuleSet::run_with`):
/// given the line `doc.text[start..end]`, it pushes onto `out` the candidates
/// that the regexes of the rules it decides would give there, and returns
/// the rules it leaves to their regexes in that line (bit `i` for rule `i`).
pub type Decide = fn(&Doc, usize, usize, &mut Vec<Candidate>) -> u64;

/// A line test (`RuleSet::with_gate`): the article and the line.
pub type Gate = fn(&Doc, &str) -> bool;

/// Names the rules that may match in a line (bit `i` for rule `i`), by a
/// test cheaper than the `RegexSet` scan it replaces (`RuleSet::with_rule_gate`).
pub type RuleGate = fn(&str) -> u64;

/// Turns one match into a value, or rejects it.
pub type Produce = fn(&Captures, &Doc) -> Option<Value>;

/// Names the form one match of a rule took, for a rule whose pattern holds
/// several forms (`昨年`, `先週` and `明日` are one pattern of relative words):
/// the fact's `rule` says which fired (`date.ja.relative.year`).
pub type Form = fn(&Captures) -> &'static str;

pub struct Rule {
    pub name: &'static str,
    pub pattern: String,
    /// Breaks ties between overlapping candidates of equal length: higher wins.
    pub priority: i32,
    pub produce: Produce,
    /// The sub-rule name of each match, for a pattern holding several forms;
    /// `name` when none.
    pub form: Option<Form>,
    /// A test of a match's bounds made before its capture groups are taken
    /// (`Rule::precheck`).
    pub precheck: Option<Precheck>,
}

/// Rejects a match by its bounds alone (`doc.text[start..end]` and what
/// stands around it), before its capture groups are taken: `false` for a
/// match the production would reject whatever its groups hold.
pub type Precheck = fn(&Doc, usize, usize) -> bool;

impl Rule {
    pub fn new(name: &'static str, pattern: impl Into<String>, produce: Produce) -> Rule {
        Rule {
            name,
            pattern: pattern.into(),
            priority: crate::extract::priority::NONE,
            produce,
            form: None,
            precheck: None,
        }
    }

    /// Test each match's bounds with `check` before its capture groups are
    /// taken, so that a match rejected by what stands around it (`3.5%` for a
    /// numeric date, `9日` in `5月9日` for a day alone) costs no capture
    /// search and no production. `check` may reject only matches the
    /// production rejects too; the production calls it first, so the two
    /// cannot drift apart.
    pub fn precheck(mut self, check: Precheck) -> Rule {
        self.precheck = Some(check);
        self
    }

    /// Name each match by the form it took (`Form`) instead of by `name`.
    pub fn forms(mut self, form: Form) -> Rule {
        self.form = Some(form);
        self
    }

    pub fn priority(mut self, priority: i32) -> Rule {
        self.priority = priority;
        self
    }
}

/// The compiled rules of one kind and language.
pub struct RuleSet {
    kind: Kind,
    rules: Vec<Compiled>,
    /// All patterns at once: one scan of a line tells which rules can match in it.
    set: RegexSet,
    /// Cues one of which every accepted match contains (`%`, `ドル` after a
    /// numeral...), if the set has such cues: a line without any is skipped
    /// before the `RegexSet` scan. Finding cues is many times cheaper than the
    /// set's overlapping scan, and most lines of an article hold no money or
    /// percent. Compiled once per distinct list (rule sets with the same cues
    /// share it), and searched once per article (`Doc::cue_lines`).
    cues: Option<Cues>,
    /// A test every line holding a match that the productions accept passes
    /// (the Japanese date rules need a kana or kanji; the Japanese percent rules
    /// propose nothing in an all-ASCII line of an English article): lines
    /// failing it are skipped before the `RegexSet` scan.
    gate: Option<Gate>,
    /// Names the rules that may match in a line, instead of the `RegexSet` scan.
    rule_gate: Option<RuleGate>,
    /// Ask the `RegexSet` which rules match in a line before running them
    /// (else run each rule over the line: `without_set_scan`).
    use_set: bool,
}

/// A rule with its compiled pattern.
struct Compiled {
    rule: Rule,
    /// The pattern alone and the index of its capture group named `span`
    /// (found once rather than by name on every match), compiled the first
    /// time the set's scan names the rule in a line: a run compiles only the
    /// rules its text uses (most of start-up was compiling regexes, many of
    /// rare forms), and the set's compilation has already checked the syntax.
    re: std::sync::OnceLock<(Regex, Option<usize>)>,
}

impl Compiled {
    fn regex(&self) -> &(Regex, Option<usize>) {
        self.re.get_or_init(|| {
            let re = Regex::new(&self.rule.pattern)
                .unwrap_or_else(|e| panic!("rule {}: bad pattern: {e}", self.rule.name));
            let span = re.capture_names().position(|n| n == Some("span"));
            (re, span)
        })
    }
}

impl RuleSet {
    /// Compile the rules' set (each rule's own regex is compiled on first use,
    /// see `Compiled`). Patterns are part of the program, not input, and every
    /// one is exercised by the corpus tests, so a bad pattern is a bug: it panics
    /// with the rule's name at start-up.
    pub fn new(kind: Kind, rules: Vec<Rule>) -> RuleSet {
        let rules = rules
            .into_iter()
            .map(|rule| Compiled {
                rule,
                re: std::sync::OnceLock::new(),
            })
            .collect::<Vec<_>>();
        let set =
            RegexSet::new(rules.iter().map(|c| c.rule.pattern.as_str())).unwrap_or_else(|e| {
                // Name the rule at fault: compile each alone (only on this path).
                for c in &rules {
                    if let Err(e) = Regex::new(&c.rule.pattern) {
                        panic!("rule {}: bad pattern: {e}", c.rule.name);
                    }
                }
                panic!("rule set: {e}")
            });
        RuleSet {
            kind,
            rules,
            set,
            cues: None,
            gate: None,
            rule_gate: None,
            use_set: true,
        }
    }

    /// Run every rule over each line instead of first asking the set which
    /// rules match there. The set's scan finds every rule's matches at once,
    /// overlapping, and costs more per byte than one rule's search: for a set
    /// of two or three rules whose lines mostly hold a match of one of them
    /// (the cue lines of percentages), the rules' own searches, the failing
    /// ones included, cost less (measured: 11% fewer instructions for the
    /// percent rules; the seven English money rules lose by it). The matches
    /// are the same: a rule the set would not name finds nothing.
    pub fn without_set_scan(mut self) -> RuleSet {
        self.use_set = false;
        self
    }

    /// Skip lines failing `gate`, a test every line holding a match that the
    /// productions accept passes (as with cues, the corpus tests hold each rule
    /// to it). For conditions a cue search cannot state (the article's
    /// language) or states at more cost (`scan::has_cjk`).
    pub fn with_gate(mut self, gate: Gate) -> RuleSet {
        self.gate = Some(gate);
        self
    }

    /// Name the rules to run in a line with `gate` instead of the set's
    /// `RegexSet` scan: for a set of a few rules whose matches a byte test
    /// foresees (a digit, a separator and a digit), that scan is a second
    /// pass over the line finding what the test already knew. The test may
    /// name a rule that finds nothing there (it only costs that rule's
    /// search), never leave out one that matches (its facts would be lost;
    /// the corpus tests hold each rule to that). At most 64 rules.
    pub fn with_rule_gate(mut self, gate: RuleGate) -> RuleSet {
        assert!(self.rules.len() <= 64, "a rule gate names at most 64 rules");
        self.rule_gate = Some(gate);
        self
    }

    /// Skip lines that hold no occurrence of `cues` meeting its conditions
    /// (`crate::scan::Cue`). Every match the productions can accept must hold
    /// one; the corpus tests hold each rule to that, since a missing cue loses
    /// the rule's facts.
    pub fn with_cues<I>(mut self, cues: I) -> RuleSet
    where
        I: IntoIterator<Item = Cue>,
    {
        self.cues = Some(Cues::new(cues));
        self
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Run every rule over `doc.text` and push what the productions accept.
    /// Capture offsets seen by a production index `doc.text`, so it can look at
    /// the characters around its match.
    ///
    /// Matches never cross a line break, so the work goes line by line: one
    /// `RegexSet` scan of the line names the rules that match in it, and only
    /// those rules are run there. Most lines match none or one or two rules, so
    /// the text is scanned about twice instead of once per rule. With cues, only
    /// the lines holding one are visited, as the article's one search for those
    /// cues found them.
    pub fn run(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        if let Some(cues) = &self.cues {
            for &(start, end) in doc.cue_lines(cues).iter() {
                let passes = self
                    .gate
                    .is_none_or(|g| doc.text.get(start..end).is_some_and(|l| g(doc, l)));
                if passes {
                    self.run_rules(doc, start, end, out);
                }
            }
            return;
        }
        let text = doc.text;
        let mut start = 0;
        while start < text.len() {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |p| start + p);
            self.run_line(doc, start, end, out);
            start = end + 1;
        }
    }

    /// Run the rules as `run` does, each cue line passing the gate handed to
    /// `decide` first: the rules it leaves undecided there run their regexes
    /// over the line (without the set's scan: those are few). For a set with
    /// cues only (every set run so has them); a set without runs as `run`.
    pub fn run_with(&self, doc: &Doc, out: &mut Vec<Candidate>, decide: Decide) {
        let Some(cues) = &self.cues else {
            self.run(doc, out);
            return;
        };
        for &(start, end) in doc.cue_lines(cues).iter() {
            let passes = self
                .gate
                .is_none_or(|g| doc.text.get(start..end).is_some_and(|l| g(doc, l)));
            if !passes {
                continue;
            }
            let mut left = decide(doc, start, end, out);
            while left != 0 {
                let i = left.trailing_zeros() as usize;
                left &= left - 1;
                self.run_rule(i, doc, start, end, out);
            }
        }
    }

    /// Run the rules over the one line `doc.text[start..end]` (as `run` does for
    /// each line). Returns whether any rule ran there.
    pub fn run_line(&self, doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) -> bool {
        let Some(line) = doc.text.get(start..end) else {
            return false;
        };
        if self.gate.is_some_and(|g| !g(doc, line)) {
            return false;
        }
        if self.cues.as_ref().is_some_and(|c| !c.is_match(line)) {
            return false;
        }
        self.run_rules(doc, start, end, out)
    }

    /// `run_line` once the line is known to hold a cue (or the set has none).
    fn run_rules(&self, doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) -> bool {
        let Some(line) = doc.text.get(start..end) else {
            return false;
        };
        if let Some(gate) = self.rule_gate {
            let mut rules = gate(line);
            let any = rules != 0;
            while rules != 0 {
                let i = rules.trailing_zeros() as usize;
                rules &= rules - 1;
                self.run_rule(i, doc, start, end, out);
            }
            return any;
        }
        if !self.use_set {
            for i in 0..self.rules.len() {
                self.run_rule(i, doc, start, end, out);
            }
            return true;
        }
        let matched = self.set.matches(line);
        if !matched.matched_any() {
            return false;
        }
        for i in matched.iter() {
            self.run_rule(i, doc, start, end, out);
        }
        true
    }

    /// Run rule `i` over `doc.text[start..end]` (the haystack ends at `end`, so
    /// the regex sees the text before `start` as context).
    fn run_rule(&self, i: usize, doc: &Doc, start: usize, end: usize, out: &mut Vec<Candidate>) {
        let Some(compiled) = self.rules.get(i) else {
            return;
        };
        let rule = &compiled.rule;
        let (re, span) = compiled.regex();
        let hay = &doc.text[..end];
        let mut at = start;
        while at <= end {
            let caps = match rule.precheck {
                None => re.captures_at(hay, at),
                Some(check) => {
                    // The bounds first (the DFA search alone): a match they
                    // reject costs no capture search.
                    let Some(m) = re.find_at(hay, at) else {
                        break;
                    };
                    if m.start() == m.end() || !check(doc, m.start(), m.end()) {
                        // What the loop below does after any match, whose
                        // production an empty match never reaches.
                        at = if m.end() > m.start() {
                            m.end()
                        } else {
                            hay[m.end()..]
                                .chars()
                                .next()
                                .map_or(end + 1, |c| m.end() + c.len_utf8())
                        };
                        continue;
                    }
                    // The leftmost match from its own start is itself.
                    re.captures_at(hay, m.start())
                }
            };
            let Some(caps) = caps else {
                break;
            };
            let Some(whole) = caps.get(0) else {
                break;
            };
            at = if whole.end() > whole.start() {
                whole.end()
            } else {
                // An empty match: step over one character.
                hay[whole.end()..]
                    .chars()
                    .next()
                    .map_or(end + 1, |c| whole.end() + c.len_utf8())
            };
            let Some(m) = span.and_then(|g| caps.get(g)).or(Some(whole)) else {
                continue;
            };
            if m.start() == m.end() {
                continue;
            }
            if let Some(value) = (rule.produce)(&caps, doc) {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    rule: rule.form.map_or(rule.name, |form| form(&caps)),
                    priority: rule.priority,
                    value,
                });
            }
        }
    }
}

/// A rule set is a finder of its kind: what it finds is what its rules'
/// productions accept (`RuleSet::run`).
impl Finder for RuleSet {
    fn kind(&self) -> Kind {
        self.kind
    }

    fn find(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        self.run(doc, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Lang;
    use crate::fact::{Percent, PercentUnit, Qualifier};
    use crate::gazetteer::Gazetteer;

    fn number(c: &Captures, _: &Doc) -> Option<Value> {
        let value = c.get(0)?.as_str().parse().ok()?;
        Some(Value::Percent(Percent {
            value,
            value_max: None,
            unit: PercentUnit::Percent,
            qualifier: Qualifier::Exact,
            display: String::new(),
        }))
    }

    fn spans(set: &RuleSet, text: &str) -> Vec<(usize, usize)> {
        let gazetteer = Gazetteer::default();
        let doc = Doc::new(text, Lang::En, None, &gazetteer);
        let mut out = Vec::new();
        set.run(&doc, &mut out);
        out.iter().map(|c| (c.start, c.end)).collect()
    }

    #[test]
    fn cues_skip_only_lines_without_any() {
        let set = RuleSet::new(Kind::Percent, vec![Rule::new("n", "[0-9]+", number)])
            .with_cues(["%", "pct"].map(Cue::any));
        // Line 1 has no cue; line 2 has `PCT` (cues match ignoring ASCII case).
        let text = "up 5 and 6\nup 7 PCT, 8";
        assert_eq!(spans(&set, text), vec![(14, 15), (21, 22)]);
        let plain = RuleSet::new(Kind::Percent, vec![Rule::new("n", "[0-9]+", number)]);
        assert_eq!(spans(&plain, text).len(), 4);
    }
}
