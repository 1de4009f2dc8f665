//! robots.txt (RFC 9309): the rules of the group that names our product token, or of `*`, and whether a path may
//! be fetched under them.

/// The rules that apply to rinse on one host.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Robots {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Rule {
    allow: bool,
    pattern: String,
}

impl Robots {
    /// No rules: everything may be fetched (no robots.txt, or one that answered 4xx).
    pub fn allow_all() -> Self {
        Robots::default()
    }

    /// Nothing may be fetched (a robots.txt that answered 5xx: RFC 9309 says to assume complete disallow).
    pub fn disallow_all() -> Self {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: "/".to_string(),
            }],
        }
    }

    /// Parses a robots.txt for the crawler whose product token is `agent` (`rinse`): the groups naming it (case
    /// insensitively) if any, else the `*` groups. Unknown lines are ignored.
    pub fn parse(text: &str, agent: &str) -> Self {
        let agent = agent.to_ascii_lowercase();
        let mut groups: Vec<(Vec<String>, Vec<Rule>)> = Vec::new();
        let mut open_group = false;
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim();
            match key.as_str() {
                "user-agent" => {
                    if !open_group {
                        groups.push((Vec::new(), Vec::new()));
                        open_group = true;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.0.push(value.to_ascii_lowercase());
                    }
                }
                "allow" | "disallow" => {
                    open_group = false;
                    // An empty `Disallow:` allows everything: it adds no rule.
                    if value.is_empty() {
                        continue;
                    }
                    if let Some(group) = groups.last_mut() {
                        group.1.push(Rule {
                            allow: key == "allow",
                            pattern: encode_pattern(value),
                        });
                    }
                }
                _ => {}
            }
        }
        let named: Vec<Rule> = groups
            .iter()
            .filter(|(agents, _)| agents.iter().any(|a| a != "*" && agent.starts_with(a)))
            .flat_map(|(_, rules)| rules.iter().cloned())
            .collect();
        let named_group_exists = groups
            .iter()
            .any(|(agents, _)| agents.iter().any(|a| a != "*" && agent.starts_with(a)));
        let rules = if named_group_exists {
            named
        } else {
            groups
                .iter()
                .filter(|(agents, _)| agents.iter().any(|a| a == "*"))
                .flat_map(|(_, rules)| rules.iter().cloned())
                .collect()
        };
        Robots { rules }
    }

    /// Whether `path` (path and query of the URL, percent-encoded) may be fetched: the longest matching rule
    /// decides, and `Allow` wins a tie. `/robots.txt` itself is always allowed.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if !matches(&rule.pattern, path) {
                continue;
            }
            let len = rule.pattern.len();
            best = match best {
                Some((best_len, best_allow))
                    if best_len > len || (best_len == len && best_allow) =>
                {
                    Some((best_len, best_allow))
                }
                _ => Some((len, rule.allow)),
            };
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// Percent-encodes the bytes of a pattern that a URL path would carry encoded (non-ASCII, spaces), so that a
/// pattern written with `é` matches the path `/caf%C3%A9`.
fn encode_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for byte in pattern.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Matches a robots.txt pattern against a path: `*` is any run of characters, a final `$` anchors at the end,
/// otherwise the pattern is a prefix.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return if anchored {
            path == pattern
        } else {
            path.starts_with(pattern)
        };
    }
    let Some(mut rest) = path.strip_prefix(parts[0]) else {
        return false;
    };
    let last = parts[parts.len() - 1];
    for part in &parts[1..parts.len() - 1] {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    if anchored {
        rest.ends_with(last)
    } else {
        rest.contains(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "\
# example
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: otherbot
Disallow: /
";

    #[test]
    fn star_group_applies_when_no_group_names_us() {
        let robots = Robots::parse(TEXT, "rinse");
        assert!(robots.allows("/"));
        assert!(!robots.allows("/private/x"));
        assert!(robots.allows("/private/open/x"));
        assert!(!robots.allows("/files/a.pdf"));
        assert!(robots.allows("/files/a.pdf?download"));
    }

    #[test]
    fn group_naming_us_replaces_the_star_group() {
        let text =
            "User-agent: *\nDisallow: /\n\nUser-agent: Rinse\nUser-agent: other\nDisallow: /tmp\n";
        let robots = Robots::parse(text, "rinse");
        assert!(robots.allows("/page"));
        assert!(!robots.allows("/tmp/x"));
    }

    #[test]
    fn empty_disallow_allows_everything() {
        assert!(Robots::parse("User-agent: *\nDisallow:\n", "rinse").allows("/x"));
    }

    #[test]
    fn longest_match_wins_and_allow_wins_ties() {
        let robots = Robots::parse(
            "User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /ab\n",
            "rinse",
        );
        assert!(robots.allows("/a"));
        assert!(!robots.allows("/abc"));
    }

    #[test]
    fn disallow_all_spares_robots_txt() {
        let robots = Robots::disallow_all();
        assert!(!robots.allows("/"));
        assert!(robots.allows("/robots.txt"));
    }

    #[test]
    fn wildcards_match_in_the_middle() {
        assert!(matches("/*/print", "/a/b/print"));
        assert!(!matches("/*/print$", "/a/print/x"));
        assert!(matches("/caf%C3%A9", "/caf%C3%A9/x"));
        assert_eq!(encode_pattern("/café"), "/caf%C3%A9");
    }
}
