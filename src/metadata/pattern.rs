//! Regular expressions for short texts (a header line, a byline, a date), compiled without the engines that only
//! pay off on long haystacks: a process reads a few such lines per document, and compiling these patterns with
//! every engine took some 5% of the instructions of cleaning the 61 scraped markdown dumps of the dev set.

use std::borrow::Cow;
use std::ops::Range;

use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::MatchKind;

/// A regular expression for short texts: the same syntax and the same matches as `regex::Regex` (leftmost-first,
/// Unicode, no empty match inside a character), run by the Pike VM and the bounded backtracker only. The lazy DFA,
/// the one-pass DFA, the reverse automata they need and the literal prefilters are not built: on a line of a few
/// dozen bytes they save nothing, and building them took some 80% of each compile (callgrind).
#[derive(Debug)]
pub struct Pattern(Regex);

impl Pattern {
    /// Compiles `pattern`, in the syntax of the `regex` crate.
    pub fn new(pattern: &str) -> Result<Pattern, Box<BuildError>> {
        let config = meta::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(NFA_SIZE_LIMIT))
            .auto_prefilter(false)
            .onepass(false)
            .hybrid(false)
            .dfa(false);
        meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map(Pattern)
            .map_err(Box::new)
    }

    /// Whether the pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.0.is_match(text)
    }

    /// The range of the leftmost-first match in `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        self.0.find(text).map(|m| m.range())
    }

    /// The groups of the leftmost-first match in `text`.
    pub fn captures<'t>(&self, text: &'t str) -> Option<Groups<'t>> {
        let mut caps = self.0.create_captures();
        self.0.captures(text, &mut caps);
        caps.is_match().then_some(Groups { text, caps })
    }

    /// The groups of every match in `text`, in order, none overlapping.
    pub fn captures_iter<'p, 't>(&'p self, text: &'t str) -> impl Iterator<Item = Groups<'t>> + 'p
    where
        't: 'p,
    {
        self.0
            .captures_iter(text)
            .map(move |caps| Groups { text, caps })
    }

    /// The pieces of `text` between the matches, as `regex::Regex::split` cuts it.
    pub fn split<'p, 't>(&'p self, text: &'t str) -> impl Iterator<Item = &'t str> + 'p
    where
        't: 'p,
    {
        self.0.split(text).map(move |span| &text[span])
    }

    /// `text` without its leftmost-first match, as `regex::Regex::replace(text, "")` leaves it.
    pub fn without_first<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.find(text) {
            Some(found) => Cow::Owned([&text[..found.start], &text[found.end..]].concat()),
            None => Cow::Borrowed(text),
        }
    }
}

/// The largest compiled program, as `regex::Regex` allows it (its default): the patterns are fixed, so this only
/// keeps the same limit.
const NFA_SIZE_LIMIT: usize = 10 * (1 << 20);

/// The groups of one match of a [`Pattern`].
#[derive(Debug)]
pub struct Groups<'t> {
    text: &'t str,
    caps: Captures,
}

impl<'t> Groups<'t> {
    /// The text of group `i` (0 is the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<&'t str> {
        self.caps.get_group(i).map(|span| &self.text[span.range()])
    }

    /// Where group `i` matched, when it took part in the match.
    pub fn range(&self, i: usize) -> Option<Range<usize>> {
        self.caps.get_group(i).map(|span| span.range())
    }
}

impl std::ops::Index<usize> for Groups<'_> {
    type Output = str;

    /// The text of group `i`; panics when it took no part in the match, as `regex::Captures` does.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

/// Asserts that [`Pattern`] compiles `pattern` and reads each of `texts` as the `regex` crate does: whether it
/// matches, where, the pieces it splits into, the text without its first match, and the groups of every match.
#[cfg(test)]
pub(crate) fn assert_matches_as_regex(pattern: &str, texts: &[&str]) {
    let (ours, theirs) = (
        Pattern::new(pattern).unwrap(),
        regex::Regex::new(pattern).unwrap(),
    );
    for &text in texts {
        assert_eq!(
            ours.is_match(text),
            theirs.is_match(text),
            "{pattern} on {text}"
        );
        assert_eq!(
            ours.find(text),
            theirs.find(text).map(|m| m.range()),
            "{pattern} on {text}"
        );
        let split: Vec<&str> = ours.split(text).collect();
        assert_eq!(
            split,
            theirs.split(text).collect::<Vec<_>>(),
            "{pattern} on {text}"
        );
        assert_eq!(ours.without_first(text), theirs.replace(text, ""));
        let all: Vec<Vec<Option<&str>>> = ours
            .captures_iter(text)
            .map(|c| (0..4).map(|i| c.get(i)).collect())
            .collect();
        let expected: Vec<Vec<Option<&str>>> = theirs
            .captures_iter(text)
            .map(|c| (0..4).map(|i| c.get(i).map(|m| m.as_str())).collect())
            .collect();
        assert_eq!(all, expected, "{pattern} on {text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_matches_as_the_regex_crate_does() {
        let cases: [(&str, &[&str]); 3] = [
            (
                r"(\p{L}+)\.?\s+([0-9]{1,2})(?i:st|nd|rd|th)?,?\s+((?:19|20)[0-9][0-9])\b",
                &[
                    "Oct. 9th, 2018",
                    "le 24 сентября 2018",
                    "Nov 18 2019x",
                    "é 1 2000",
                ],
            ),
            (
                r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\by\b|\be\b|\bи\b|、|・)\s*",
                &["Ann and Bob, Cy", "a、b・c", "", "Andy Bandit"],
            ),
            (r"x*", &["", "aé", "xxé"]),
        ];
        for (pattern, texts) in cases {
            assert_matches_as_regex(pattern, texts);
        }
    }
}
