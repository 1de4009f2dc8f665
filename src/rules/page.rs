//! Page-boundary evidence shared by the `B` rules: which blocks are page furniture (by shape, by repetition, by
//! position) and where a paragraph was cut by a page break.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::body::{ending, leading_char, word_count, BlockKind, Body, Ending};

/// The longest line that can be a running header or footer.
const MAX_FURNITURE_CHARS: usize = 200;
/// The most furniture blocks between the two halves of a split.
const MAX_BETWEEN: usize = 4;

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
    let short: Vec<bool> = (0..n).map(|i| is_short_line(body, i)).collect();
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
        *slot = candidate(body, i, &short, &shaped, &repeated);
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
            // A dash (dialogue) or a quote opens a new paragraph; only a letter or a digit continues one.
            let first = leading_char(next_text).unwrap_or('"');
            let page_like = |b: usize| {
                let t = body.block_text(b);
                page_number(t.trim()) || strong_shape(t) || copyright_line(t.trim())
            };
            let evidence = between.iter().any(|&b: &usize| page_like(b))
                && between.iter().all(|&b: &usize| shaped[b] || repeated(b));
            let continues = match join {
                // `Eva-` / `Marie`: a capital after a hyphen, but a short open line there is a running header.
                Join::Hyphen => {
                    first.is_lowercase()
                        || (first.is_alphabetic()
                            && (!short[k] || ending(next_text) == Ending::Terminal))
                }
                Join::Space if first.is_lowercase() => true,
                // A capital (a name, "I") or a digit continues only where a page break is certain: furniture
                // between, and a first half that stops mid-phrase.
                // Without furniture, a capital continues a first half that plainly stops mid-clause: after a
                // comma or a function word (`the`, `in`, `an`), when both halves are long.
                Join::Space if between.is_empty() && stops_mid_clause(text) => {
                    first.is_uppercase()
                        && (!short[k] || word_count(next_text) >= 12)
                        && ending(next_text) == Ending::Terminal
                }
                Join::Space => {
                    evidence && (!short[k] || ending(next_text) == Ending::Terminal) && {
                        // A lowercase word, not a name (`the AMAs`), or a comma.
                        let t = text.trim_end();
                        let last_word = t.split_whitespace().next_back().unwrap_or("");
                        t.ends_with(',')
                            || last_word
                                .chars()
                                .next_back()
                                .is_some_and(char::is_lowercase)
                                && last_word
                                    .chars()
                                    .filter(|c| c.is_alphabetic())
                                    .all(char::is_lowercase)
                    }
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

/// Whether a long first half ends after a comma or a function word, mid-clause.
fn stops_mid_clause(text: &str) -> bool {
    let t = text.trim_end();
    if word_count(t) < 8 {
        return false;
    }
    if t.ends_with(',') {
        return true;
    }
    let last = t.split_whitespace().next_back().unwrap_or("");
    let n = last.chars().count();
    // Two letters (`in`, `to`, `an`, `of`, `на`, `de`) are almost always function words; of three-letter words
    // only the English article is safe (`way`, `see`, `now` end headings).
    ((1..=2).contains(&n) && last.chars().all(char::is_lowercase)) || last == "the"
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
    fn question_and_answer_stay_apart() {
        let body = Body::parse("What do you plan?\n\nwe plan more.\n");
        assert!(analyse(&body).breaks.is_empty());
    }
}
