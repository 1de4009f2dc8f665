//! Page-boundary evidence shared by the `B` rules: which blocks are page furniture (by shape, by repetition, by
//! position) and where a paragraph was cut by a page break.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::function_words::{self, Language};
use crate::rules::body::{ending, leading_char, word_count, BlockKind, Body, Ending};

/// The longest line that can be a running header or footer.
const MAX_FURNITURE_CHARS: usize = 200;
/// The most furniture blocks between the two halves of a split.
const MAX_BETWEEN: usize = 4;
/// A first half this short could be a heading or a label that happens to end on a function word (`Where to`):
/// mid-clause evidence counts only from this many words on.
const MIN_MID_CLAUSE_WORDS: usize = 6;
/// A paragraph of this many words is running text, whose ending tells whether the document ends its paragraphs
/// with sentence ends.
const MIN_RUNNING_WORDS: usize = 8;
/// A second half starting with a capital must be a paragraph in its own right: this many words, or a sentence end.
const MIN_CAPITAL_CONTINUATION_WORDS: usize = 12;
/// A document "ends its paragraphs with sentences" when at most one long paragraph in this many (plus one) ends
/// without punctuation before a capital. Only there is an open end evidence of a cut: recipes, job ads and lists
/// end their lines without punctuation everywhere.
const OPEN_END_SHARE: usize = 8;

/// A paragraph cut by a page break: block `prev` is continued by block `next`; the blocks in between are furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Break {
    /// The first half.
    pub prev: usize,
    /// The second half.
    pub next: usize,
    /// How the halves are joined.
    pub join: Join,
}

/// How the two halves of a split are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// Mid-sentence: one space.
    Space,
    /// Ends in a hyphen attached to a word: decided by `B002`.
    Hyphen,
}

/// What the page-boundary analysis found in a body.
#[derive(Debug, Default)]
pub(crate) struct Pages {
    /// The splits, in order.
    pub breaks: Vec<Break>,
    /// Blocks that are page furniture outside a split (at a boundary between real paragraphs).
    pub furniture: Vec<usize>,
}

/// Finds the splits and the furniture of a body.
pub(crate) fn analyse(body: &Body<'_>) -> Pages {
    let n = body.blocks.len();
    let language = function_words::guess(body.text);
    let short: Vec<bool> = (0..n).map(|i| is_short_line(body, i)).collect();
    let closed = ends_in_sentences(body);
    let shaped: Vec<bool> = (0..n)
        .map(|i| short[i] && furniture_shape(body.block_text(i)))
        .collect();
    let templates: Vec<Option<String>> = (0..n)
        .map(|i| short[i].then(|| template(body.block_text(i))))
        .collect();
    let mut copies: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in templates.iter().enumerate() {
        if let Some(t) = t {
            copies.entry(t.as_str()).or_default().push(i);
        }
    }
    let copies_of = |i: usize| -> &[usize] {
        templates[i]
            .as_deref()
            .and_then(|t| copies.get(t))
            .map_or(&[], Vec::as_slice)
    };
    let repeated = |i: usize| copies_of(i).len() >= 2;
    let running: HashSet<&str> = copies
        .iter()
        .filter(|(_, at)| at.len() >= 2 && between_long_prose(body, at))
        .map(|(t, _)| *t)
        .collect();

    // Candidate continuations, found without the "the paragraph ends somewhere" condition.
    let mut candidates: Vec<Option<Break>> = vec![None; n];
    for (i, slot) in candidates.iter_mut().enumerate() {
        *slot = candidate(body, i, language, closed, &short, &shaped, &repeated);
    }
    // A split paragraph ends in a sentence end: follow the chain of continuations to its last block.
    let mut chain_ends = vec![false; n];
    for i in (0..n).rev() {
        chain_ends[i] = ending(body.block_text(i)) == Ending::Terminal
            || candidates[i].is_some_and(|b| chain_ends[b.next]);
    }
    // Two candidates share a second half when a short line between is itself open-ended. The outer one is the
    // split when its first half is a long paragraph or ends in a hyphen; when it is a short line itself (a site
    // name above the text), the inner one is, if it reads as text (mostly lowercase words, seen once).
    let mut breaks: Vec<Break> = Vec::new();
    for b in candidates
        .into_iter()
        .flatten()
        .filter(|b| chain_ends[b.next])
    {
        if let Some(last) = breaks.last_mut().filter(|last| last.next == b.next) {
            let inner_is_text =
                !shaped[b.prev] && !repeated(b.prev) && mostly_lowercase(body.block_text(b.prev));
            let outer_is_label = word_count(body.block_text(last.prev)) <= 6;
            if last.join == Join::Space && outer_is_label && inner_is_text {
                *last = b;
            }
            continue;
        }
        breaks.push(b);
    }

    // Furniture found between the halves of a split anchors its template: the same line elsewhere is furniture too.
    let mut inside = HashSet::new();
    let mut anchored = HashSet::new();
    for b in &breaks {
        inside.extend(b.prev + 1..b.next);
        anchored.extend(
            templates[b.prev + 1..b.next]
                .iter()
                .flatten()
                .map(String::as_str),
        );
    }
    let furniture = (0..n)
        .filter(|i| !inside.contains(i) && short[*i])
        .filter(|&i| {
            let text = body.block_text(i);
            templates[i]
                .as_deref()
                .is_some_and(|t| anchored.contains(t))
                || (shaped[i] && strong_shape(text))
                || templates[i].as_deref().is_some_and(|t| running.contains(t))
                || (shaped[i] && url_line(text.trim()) && repeated(i))
                || (shaped[i]
                    && !url_line(text.trim())
                    && (repeated(i) || between_prose(body, i, &shaped)))
        })
        .collect();
    Pages { breaks, furniture }
}

/// A continuation of paragraph `i` after at most [`MAX_BETWEEN`] furniture lines, if its shape allows one.
fn candidate(
    body: &Body<'_>,
    i: usize,
    language: Option<Language>,
    closed: bool,
    short: &[bool],
    shaped: &[bool],
    repeated: &dyn Fn(usize) -> bool,
) -> Option<Break> {
    let block = &body.blocks[i];
    // A short line that repeats is a running header, not the first half of a paragraph.
    if block.kind != BlockKind::Paragraph || shaped[i] || (short[i] && repeated(i)) {
        return None;
    }
    let text = body.block_text(i);
    let join = match ending(text) {
        Ending::Open => Join::Space,
        Ending::Hyphen => Join::Hyphen,
        _ => return None,
    };
    if word_count(text) < 3 || text.trim_end().ends_with(',') && word_count(text) < 4 {
        return None;
    }
    let mut between = Vec::new();
    for k in i + 1..body.blocks.len().min(i + 2 + MAX_BETWEEN) {
        let next = &body.blocks[k];
        let next_text = body.block_text(k);
        if next.kind == BlockKind::Paragraph && !shaped[k] && word_count(next_text) >= 2 {
            // A dash (dialogue) or a quote opens a new paragraph; only a letter or a digit continues one, or a
            // quoted word after a first half that stops mid-clause (`described as` / `“paradigmatic”`).
            let first = leading_char(next_text).unwrap_or('"');
            let quoted = next_text
                .trim_start()
                .strip_prefix(['"', '“', '„', '«', '‘', '\''])
                .and_then(leading_char);
            // Evidence that the first half stops mid-clause, strongest first. Without furniture between the
            // halves only the strong kinds count, on a first half too long to be a heading; furniture between is
            // evidence of its own, so weaker kinds add up with it.
            let last = last_word(text);
            let strong = stops_mid_clause(text, language);
            let seldom = language.is_some_and(|l| l.seldom_final(last));
            let comma = text.trim_end().ends_with(',');
            let furniture_between = between.iter().all(|&b: &usize| shaped[b] || repeated(b));
            let long_first = word_count(text) >= MIN_MID_CLAUSE_WORDS;
            let continues = match join {
                // `Eva-` / `Marie`, `mid-` / `2020s`: a capital or a digit after a hyphen, but a short open line
                // there is a running header.
                Join::Hyphen => {
                    first.is_lowercase()
                        || (first.is_alphanumeric()
                            && (!short[k] || ending(next_text) == Ending::Terminal))
                }
                Join::Space if first.is_lowercase() => true,
                // A capital (a name, "I", an acronym, a German noun) or a digit: the case of the next word is no
                // evidence either way, the first half is. It continues where the first half plainly stops
                // mid-clause, or seldom ends and page furniture stands between. Either way the second half is a
                // paragraph of its own that ends a sentence.
                Join::Space if first.is_alphanumeric() => {
                    let sentence = ending(next_text) == Ending::Terminal;
                    let long = !short[k] || word_count(next_text) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    if between.is_empty() {
                        long_first && (strong || comma && closed) && long && sentence
                    } else {
                        (long || sentence) && furniture_between && (strong || seldom || comma)
                    }
                }
                Join::Space => {
                    let long = !short[k] || word_count(next_text) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    quoted.is_some_and(char::is_alphanumeric)
                        && long_first
                        && strong
                        && long
                        && ending(next_text) == Ending::Terminal
                }
            };
            if continues {
                return Some(Break {
                    prev: i,
                    next: k,
                    join,
                });
            }
        }
        if !short[k] || next.kind != BlockKind::Paragraph {
            return None;
        }
        let t = next_text.trim();
        // A line holding a sentence end followed by another sentence is text, not a header or a footer.
        let text_like = ending(t) == Ending::Terminal || sentence_inside(t);
        if matches!(ending(t), Ending::Colon | Ending::Hyphen)
            || (!shaped[k] && !repeated(k) && text_like)
        {
            return None;
        }
        between.push(k);
    }
    None
}

/// Whether a sentence ends inside `text` and another starts: two lower-case letters, `.`, `!` or `?`, white space, an
/// upper-case letter.
fn sentence_inside(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        matches!(c, '.' | '!' | '?')
            && i >= 2
            && chars[i - 2].is_lowercase()
            && chars[i - 1].is_lowercase()
            && chars.get(i + 1).is_some_and(|c| c.is_whitespace())
            && chars[i + 1..]
                .iter()
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_uppercase())
    })
}

/// Whether a first half stops mid-clause: on a word after which no sentence of the document's language ends (an
/// article, a preposition, a conjunction, a determiner), or inside an open quote or bracket.
/// Without a known language, only one- and two-letter lower-case words count (`in`, `of`, `на`, `de`): they are
/// function words in almost every language written with spaces.
fn stops_mid_clause(text: &str, language: Option<Language>) -> bool {
    let t = text.trim_end();
    if unclosed(t) {
        return true;
    }
    let last = last_word(t);
    match language {
        Some(language) => language.never_final(last),
        None => (1..=2).contains(&last.chars().count()) && last.chars().all(char::is_lowercase),
    }
}

/// The last word of `text` without the punctuation or markup before it.
fn last_word(text: &str) -> &str {
    text.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the document ends its paragraphs with sentence ends: few long paragraphs end open before a block that
/// starts with a capital (an open end before a lower-case start is a split, not a style).
fn ends_in_sentences(body: &Body<'_>) -> bool {
    let (mut long, mut open) = (0, 0);
    for (i, block) in body.blocks.iter().enumerate() {
        let text = body.block_text(i);
        if block.kind != BlockKind::Paragraph || word_count(text) < MIN_RUNNING_WORDS {
            continue;
        }
        long += 1;
        let next_upper = body
            .blocks
            .get(i + 1)
            .and_then(|_| leading_char(body.block_text(i + 1)))
            .is_some_and(|c| !c.is_lowercase());
        open += usize::from(ending(text) == Ending::Open && next_upper);
    }
    open <= 1 + long / OPEN_END_SHARE
}

/// Whether `text` leaves a quote or a bracket open: `(as in`, `“the`, `„die`, `« les`. Straight double quotes
/// count by parity; `“` closes a German `„` and opens an English quote; guillemets pointing inwards (`»die«`, as
/// German prints them) are read the other way round.
fn unclosed(text: &str) -> bool {
    // A lone `»` closes a French quote opened in an earlier paragraph: only a pair tells the direction.
    let inward = matches!((text.find('»'), text.find('«')), (Some(a), Some(b)) if a < b);
    let mut open: Vec<char> = Vec::new();
    let mut straight = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1).copied();
        let c = match c {
            '»' if inward => '«',
            '«' if inward => '»',
            '›' if inward => '‹',
            '‹' if inward => '›',
            c => c,
        };
        match c {
            '(' | '[' | '„' | '«' | '‹' => open.push(c),
            '“' if open.last() == Some(&'„') => {
                open.pop();
            }
            '“' => open.push(c),
            // A straight quote opens after a space or a bracket and before a word; elsewhere it closes one, or it
            // is an inch or a second mark (`65"`) and closes nothing.
            '"' if opens_quote(prev, next) => straight = true,
            '"' => straight = false,
            ')' | ']' | '”' | '»' | '›' => {
                let opener = match c {
                    ')' => &['('][..],
                    ']' => &['['][..],
                    '”' => &['“', '„'][..],
                    _ => &['«', '‹'][..],
                };
                if let Some(at) = open.iter().rposition(|o| opener.contains(o)) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
    }
    straight || !open.is_empty()
}

fn opens_quote(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))
        && next.is_some_and(char::is_alphanumeric)
}

/// Whether most cased words of a line start in lowercase: running text rather than a title.
fn mostly_lowercase(text: &str) -> bool {
    let (mut lower, mut cased) = (0, 0);
    for word in text.split_whitespace() {
        if let Some(c) = word.chars().find(|c| c.is_alphabetic()) {
            if c.is_lowercase() {
                lower += 1;
                cased += 1;
            } else if c.is_uppercase() {
                cased += 1;
            }
        }
    }
    cased > 0 && lower * 2 > cased
}

/// A single-line paragraph short enough to be a header, a footer or a page number.
fn is_short_line(body: &Body<'_>, i: usize) -> bool {
    let block = &body.blocks[i];
    let text = body.block_text(i).trim();
    block.kind == BlockKind::Paragraph
        && block.lines == 1
        && text.chars().count() <= MAX_FURNITURE_CHARS
        && word_count(text) <= 24
}

/// A furniture line between two paragraphs of running text (not inside a table, a list or a run of short lines).
fn between_prose(body: &Body<'_>, i: usize, shaped: &[bool]) -> bool {
    let prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph && word_count(body.block_text(k)) >= 8
    };
    let n = body.blocks.len();
    let before = (i.saturating_sub(MAX_BETWEEN)..i)
        .rev()
        .find(|&k| !shaped[k]);
    let after = (i + 1..n.min(i + 1 + MAX_BETWEEN)).find(|&k| !shaped[k]);
    before.is_some_and(prose) || after.is_some_and(prose)
}

/// A line that repeats is a running header when every copy of it stands between two long paragraphs of running
/// text, where no heading or label would stand, and it is not a sentence or a label itself.
fn between_long_prose(body: &Body<'_>, copies: &[usize]) -> bool {
    let long_prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph
            && word_count(body.block_text(k)) >= 12
            && ending(body.block_text(k)) == Ending::Terminal
    };
    !matches!(
        ending(body.block_text(copies[0])),
        Ending::Terminal | Ending::Colon
    ) && copies
        .iter()
        .all(|&k| k > 0 && k + 1 < body.blocks.len() && long_prose(k - 1) && long_prose(k + 1))
}

/// A line's shape with its numbers blanked, for finding running headers that repeat with a changing page number.
fn template(text: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            last_digit = false;
            out.push(c);
        }
    }
    out
}

/// Whether a line has the shape of page furniture: a page number or counter, a URL, a print time stamp or a
/// copyright line with a year.
pub(crate) fn furniture_shape(text: &str) -> bool {
    let t = text.trim();
    page_number(t) || url_line(t) || strong_shape(t) || copyright_line(t)
}

/// Shapes that are furniture wherever they stand: a URL with a page counter, a browser-print time stamp.
fn strong_shape(text: &str) -> bool {
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}(,?\s+|T)[0-9]{1,2}:[0-9]{2}(\s?[AaPp]\.?[Mm]\.?)?(\s|$)",
        )
        .expect("the time stamp pattern is valid")
    });
    static COUNTED_URL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(https?://|www\.)\S+\s+[0-9]{1,4}\s*/\s*[0-9]{1,4}$")
            .expect("the counted URL pattern is valid")
    });
    let t = text.trim();
    STAMP.is_match(t) || COUNTED_URL.is_match(t)
}

/// A page number in any language: `12`, `- 4 -`, `3/9`, `Page 3`, `Page 3 of 9`, `Seite 3 von 9`, `стр. 3`.
fn page_number(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || digits > 8 {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    let numeric_words_are_plain = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .all(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || "/-–—|.()[]#".contains(c))
        });
    words.len() <= 5
        && (1..=2).contains(&numbers)
        && letters <= 16
        && numeric_words_are_plain
        && !text.contains([':', ','])
}

/// A line that is only a URL or a domain name (maybe with a page counter).
fn url_line(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim();
    let url =
        first.starts_with("http://") || first.starts_with("https://") || first.starts_with("www.");
    (url || is_domain(first)) && (rest.is_empty() || page_number(rest))
}

/// A bare domain name: dot-separated labels of letters, digits and hyphens, the last one of two letters or more.
fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    let Some((top, rest)) = labels.split_last() else {
        return false;
    };
    !rest.is_empty()
        && top.chars().count() >= 2
        && top.chars().all(char::is_alphabetic)
        && rest
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// A copyright line with a year: `© 2019 Site. All rights reserved.`
fn copyright_line(text: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(1[89]|20)[0-9][0-9]\b").expect("the year pattern is valid")
    });
    (text.contains('©') || text.contains("(c)") || text.contains("(C)"))
        && YEAR.is_match(text)
        && word_count(text) <= 16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_and_sentences_are_told_by_their_shape() {
        for domain in [
            "example.com",
            "news.bbc.co.uk",
            "xn--bcher-kva.de",
            "пример.рф",
        ] {
            assert!(is_domain(domain), "{domain}");
        }
        for other in [
            "example",
            "example.c",
            "a..com",
            "v2.0",
            "e.g.",
            "example.com1",
        ] {
            assert!(!is_domain(other), "{other}");
        }
        assert!(sentence_inside("It ended there. Then came the rain"));
        assert!(sentence_inside("он ушёл.  Она"));
        assert!(!sentence_inside("Dr. Smith and U.S. Army"));
        assert!(!sentence_inside("it ended there."));
    }

    #[test]
    fn page_numbers_of_many_styles_have_furniture_shape() {
        for line in [
            "12",
            "- 4 -",
            "3/9",
            "Page 3",
            "Page 3 of 9",
            "Seite 3 von 9",
            "стр. 3 из 9",
            "— 4 —",
            "[3]",
            "p. 3",
            "페이지 3",
            "https://example.com/a/b 2/7",
            "2019-11-19T10:32 Example News",
            "© 2019 Example News. All rights reserved.",
        ] {
            assert!(furniture_shape(line), "{line}");
        }
        for line in [
            "1 Kyle Busch 5040 5 1 17 27",
            "1 Orange, 2 tsp.",
            "© Reuters",
            "Q: 12",
        ] {
            assert!(!furniture_shape(line), "{line}");
        }
    }

    #[test]
    fn split_across_a_page_number_is_found() {
        let body = Body::parse("It was just a year\n\n3\n\nafter the war ended.\n");
        let pages = analyse(&body);
        assert_eq!(
            pages.breaks,
            [Break {
                prev: 0,
                next: 2,
                join: Join::Space
            }]
        );
    }

    #[test]
    fn open_quotes_and_brackets_are_found() {
        assert!(unclosed("he called it “the best"));
        assert!(unclosed("sie nannte es „die beste"));
        assert!(unclosed("(as seen in"));
        assert!(unclosed("sie nannte es »die beste« und »die"));
        assert!(!unclosed("qu’il a dit » et"));
        assert!(!unclosed("sie nannte es »die beste« und"));
        assert!(!unclosed("sie nannte es „die beste“ und"));
        assert!(!unclosed("he called it “the best” and (rightly) so"));
        assert!(!unclosed("a 65\" TV and a 15\" laptop with"));
        assert!(unclosed("he called it \"the best"));
    }

    #[test]
    fn capital_after_a_function_word_continues() {
        let body = Body::parse(
            "Die Regierung hat in der Nacht den Plan für die Stadt und das Land mit der\n\nOpposition abgestimmt, wie es am Morgen aus dem Rathaus der Stadt hieß.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        let heading = Body::parse(
            "Die Regierung hat in der Nacht den Plan für die Stadt vorgelegt.\n\nAktuelle Lage in der Stadt\n\nOpposition und Regierung stimmten ab, wie es hieß.\n",
        );
        assert!(analyse(&heading).breaks.is_empty());
    }

    #[test]
    fn question_and_answer_stay_apart() {
        let body = Body::parse("What do you plan?\n\nwe plan more.\n");
        assert!(analyse(&body).breaks.is_empty());
    }
}
