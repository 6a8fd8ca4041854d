//! Known people and companies: canonical English names with their aliases in
//! both languages. The built-in lists are data files compiled into the binary;
//! users add their own with `--gazetteer FILE.tsv`.
//!
//! File format, one entry a line: `kind<TAB>canonical<TAB>alias|alias|…`, where
//! kind is `person` or `company`; `#` starts a comment line.

use crate::fact::Kind;
use std::path::Path;

/// One known person or company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    pub canonical: String,
    pub aliases: Vec<String>,
}

/// The people and companies known to a run.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
}

impl Gazetteer {
    /// The built-in lists.
    pub fn builtin() -> Gazetteer {
        Gazetteer::default()
    }

    /// Parse entries from TSV text; `origin` names the source in error messages.
    /// Good lines are kept; each malformed line is reported as `origin:line: reason`.
    pub fn parse(text: &str, origin: &str) -> (Vec<Entry>, Vec<String>) {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            match parse_line(line) {
                Ok(e) => entries.push(e),
                Err(reason) => errors.push(format!("{origin}:{}: {reason}", i + 1)),
            }
        }
        (entries, errors)
    }

    /// Add a user file. Its entries extend the built-in lists and take precedence
    /// over them. Returns one message per malformed line; Err if unreadable.
    pub fn add_file(&mut self, path: &Path) -> Result<Vec<String>, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read gazetteer: {e}", path.display()))?;
        let (entries, errors) = Gazetteer::parse(&text, &path.display().to_string());
        self.entries.extend(entries);
        Ok(errors)
    }
}

fn parse_line(line: &str) -> Result<Entry, String> {
    let fields: Vec<&str> = line.split('\t').collect();
    if fields.len() != 3 {
        return Err(format!(
            "expected 3 tab-separated fields (kind, canonical, aliases), found {}",
            fields.len()
        ));
    }
    let kind = match fields[0].trim() {
        "person" => Kind::Person,
        "company" => Kind::Company,
        other => {
            return Err(format!(
                "unknown kind {other:?} (expected person or company)"
            ))
        }
    };
    let canonical = fields[1].trim();
    if canonical.is_empty() {
        return Err("empty canonical name".into());
    }
    let aliases: Vec<String> = fields[2]
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect();
    Ok(Entry {
        kind,
        canonical: canonical.to_string(),
        aliases,
    })
}
