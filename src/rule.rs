//! A rule is a name, a pattern and a production (the shape Duckling made popular):
//! the name describes the surface form (`"<n>億ドル"`), the pattern finds it, and the
//! production turns the captures into a value or rejects them (`None`: month 13,
//! a count of people). Each kind compiles its `RuleSet` once, in a `LazyLock`,
//! and every worker thread shares it by reference.
//!
//! If a pattern has a capture group named `span`, the fact covers that group only:
//! the rest of the match is context (`$2.69` in `$2.69 a share`).

use crate::extract::Doc;
use crate::fact::{Candidate, Value};
use regex::{Captures, Regex};

/// Turns one match into a value, or rejects it.
pub type Produce = fn(&Captures, &Doc) -> Option<Value>;

pub struct Rule {
    pub name: &'static str,
    pub pattern: String,
    /// Breaks ties between overlapping candidates of equal length: higher wins.
    pub priority: i32,
    pub produce: Produce,
}

impl Rule {
    pub fn new(name: &'static str, pattern: impl Into<String>, produce: Produce) -> Rule {
        Rule {
            name,
            pattern: pattern.into(),
            priority: 0,
            produce,
        }
    }

    pub fn priority(mut self, priority: i32) -> Rule {
        self.priority = priority;
        self
    }
}

/// The compiled rules of one kind and language.
pub struct RuleSet {
    rules: Vec<(Rule, Regex)>,
}

impl RuleSet {
    /// Compile every rule. Patterns are part of the program, not input, and every
    /// one is exercised by the corpus tests, so a bad pattern is a bug: it panics
    /// with the rule's name at start-up.
    pub fn new(rules: Vec<Rule>) -> RuleSet {
        let rules = rules
            .into_iter()
            .map(|r| {
                let re = Regex::new(&r.pattern)
                    .unwrap_or_else(|e| panic!("rule {}: bad pattern: {e}", r.name));
                (r, re)
            })
            .collect();
        RuleSet { rules }
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
    pub fn run(&self, doc: &Doc, out: &mut Vec<Candidate>) {
        for (rule, re) in &self.rules {
            for caps in re.captures_iter(doc.text) {
                let Some(m) = caps.name("span").or_else(|| caps.get(0)) else {
                    continue;
                };
                if m.start() == m.end() {
                    continue;
                }
                if let Some(value) = (rule.produce)(&caps, doc) {
                    out.push(Candidate {
                        start: m.start(),
                        end: m.end(),
                        rule: rule.name,
                        priority: rule.priority,
                        value,
                    });
                }
            }
        }
    }
}
