//! The shapes of one line or text that the page analysis reads: its parts between separators, its sentences, a label,
//! a name, a domain or a link, and the shape of a running header.

use std::sync::LazyLock;

use crate::metadata::pattern::Pattern;
use crate::rules::body::{ending, Ending};

/// Whether a line reads as text rather than as a header or a footer: it ends a sentence, or holds a sentence end
/// followed by another sentence.
pub(super) fn text_like(text: &str) -> bool {
    let t = text.trim();
    ending(t) == Ending::Terminal || sentence_inside(t)
}

/// Whether a sentence ends inside `text` and another starts: two lower-case letters, `.`, `!` or `?`, white space, an
/// upper-case letter (maybe after emphasis or a quote mark).
pub(super) fn sentence_inside(text: &str) -> bool {
    sentence_starts(text).next().is_some()
}

/// The text of the last sentence of `text` (all of it when no sentence ends inside it).
pub(super) fn last_sentence(text: &str) -> &str {
    &text[sentence_starts(text).next_back().unwrap_or(0)..]
}

/// Where the sentences after the first start in `text`, by the shape of [`sentence_inside`], in order from either
/// end. The sentence ends are found by a byte searcher: `.`, `!` and `?` are ASCII, so no byte of another character
/// is one, and only the two characters before each are read (most of a paragraph is no sentence end; reading it
/// character by character cost more than any other part of the page analysis, issue 19).
pub(super) fn sentence_starts(text: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).filter_map(move |i| {
        let mut before = text[..i].chars().rev();
        let after_word = before.next().is_some_and(char::is_lowercase)
            && before.next().is_some_and(char::is_lowercase);
        if !after_word {
            return None;
        }
        // The next sentence may open with emphasis or a quote (`from? *Cindy, SC*`).
        let rest = &text[i + 1..];
        let start = rest.len() - rest.trim_start().len();
        let opening = rest[start..].trim_start_matches(['*', '_', '"', '“', '„', '«', '‘', '(']);
        (start > 0 && opening.starts_with(char::is_uppercase)).then_some(i + 1 + start)
    })
}
/// A line in capitals is a header only from this many letters on: shorter ones are initials, units and roman
/// numerals of the text (`UK`, `KG`, `IV`).
const MIN_CAPITALS_LETTERS: usize = 3;
/// A part of a header that names something (a site, a section) has this many letters at least: fewer is a
/// number's label or an abbreviation (`p.`, `No`).
pub(super) const MIN_NAME_LETTERS: usize = 3;

/// A year of the last two centuries, as a word of its own (see [`header_shape`]).
pub(super) const YEAR_PATTERN: &str = r"\b(19|20)[0-9]{2}\b";

/// Whether a line has the shape of a running header or footer: parts between separators (`Site | Section`, `Site · 4`),
/// a year (`Forbes, November 18, 2019`), a title cut short (`…`), capitals only, or a domain name. A number alone is no
/// such shape: list lines start with quantities (`1 cup spinach, …`).
pub(super) fn header_shape(text: &str) -> bool {
    let t = text.trim();
    static YEAR: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(YEAR_PATTERN).expect("the year pattern is valid"));
    // Lowering the case changes no separator, so the parts are counted on the line as it is. A year needs four
    // digits: a line with fewer is not searched.
    split_parts(t).nth(1).is_some()
        || (t.bytes().filter(u8::is_ascii_digit).nth(3).is_some() && YEAR.is_match(t))
        || t.ends_with('…')
        || t.ends_with("...")
        || in_capitals(t)
        || holds_domain(t)
}

/// Whether the letters of `text` are capitals only, [`MIN_CAPITALS_LETTERS`] of them at least.
pub(super) fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(MIN_CAPITALS_LETTERS - 1).is_some() && letters.all(char::is_uppercase)
}

/// Whether a word of `text` is a domain name (`example.com`), punctuation around it aside. A word without a dot
/// holds no domain: only the others are trimmed and read.
pub(super) fn holds_domain(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.contains('.') && is_domain(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// The parts of [`parts`], one by one: the text between separators, which are [`SEPARATORS`], ` - ` and `::`.
/// One scan from left to right cuts where the first separator starts (none of them shares a character with
/// another).
///
/// [`parts`]: super::near::parts
pub(super) fn split_parts(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(template);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let cut = match bytes[at] {
                b' ' if bytes[at + 1..].starts_with(b"- ") => 3,
                b':' if bytes.get(at + 1) == Some(&b':') => 2,
                b'|' | b'/' => 1,
                // The other separators are not ASCII: only a character starting with a byte that one of them
                // starts with is decoded.
                0xC2 | 0xE2 => {
                    let c = text[at..]
                        .chars()
                        .next()
                        .expect("`at` is at a character boundary");
                    if SEPARATORS.contains(&c) {
                        c.len_utf8()
                    } else {
                        0
                    }
                }
                _ => 0,
            };
            if cut > 0 {
                rest = Some(&text[at + cut..]);
                return Some(&text[..at]);
            }
            at += 1;
        }
        rest = None;
        Some(text)
    })
    .map(str::trim)
    .filter(|p| !p.is_empty())
}

/// The characters that divide the parts of a header (see [`split_parts`]).
const SEPARATORS: [char; 11] = ['|', '·', '—', '–', '/', '•', '»', '«', '\u{2023}', '❯', '⟩'];

/// Whether a line is one capitalised word of letters (`Politics`, `Kultur`): a section name in a running header,
/// when its copies stand beside page numbers, or at page boundaries a page apart.
pub(super) fn one_word_label(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && t.starts_with(char::is_uppercase)
        && t.chars().all(char::is_alphabetic)
        && names_something(t)
}

/// Whether `text` holds a markdown link or image (`](`): such a line is an item of the text, not a header. One
/// byte searcher, not a substring searcher set up for each line.
pub(super) fn holds_link(text: &str) -> bool {
    // Each `]` is found by a byte searcher and the byte after it read: a substring searcher set up for each line
    // costs more than most lines take to read.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b']', bytes).any(|at| bytes.get(at + 1) == Some(&b'('))
}

/// Whether a part of a header names something (a site, a section): it has [`MIN_NAME_LETTERS`] letters or more.
pub(super) fn names_something(part: &str) -> bool {
    part.chars()
        .filter(|c| c.is_alphabetic())
        .nth(MIN_NAME_LETTERS - 1)
        .is_some()
}

/// The digits a page number inside a running header has at most (`Site / Section / 3`): a printed document of
/// a thousand pages or more is rare, and four digits are as often a year (`Olympics · 2024`).
const MAX_HEADER_PAGE_DIGITS: usize = 3;
/// The letters a word in lower case has at most inside the name a running header holds (`Zeit für Kultur`, `The
/// Times of India`, `Le Monde de l’éducation` hold `für`, `of`, `de`): the function words of a title, which
/// are short in the languages of the word lists. A longer word in lower case (`He scored – 3`) reads as a
/// clause, not as a name.
const MAX_LOWER_NAME_WORD_LETTERS: usize = 3;

/// Whether a short line is a running header holding its page number: a number alone at one end, set apart by a
/// spaced separator, and a part naming something (`Site / Section / 3`, `3 · Site`, `Site – 12`); no link and no
/// sentence. A fraction (`1/2 cup sugar`) has no spaces around its slash. A heading of that shape (`Lisbon | 2`)
/// looks alike, so the line is furniture only where a page boundary is corroborated.
pub(super) fn numbered_header(text: &str) -> bool {
    let t = text.trim();
    let page = |p: &str| {
        (1..=MAX_HEADER_PAGE_DIGITS).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && !p.starts_with('0')
    };
    // `rest` is the line without the number, starting (or ending) with the separator.
    let separated = |rest: &str, at_start: bool| {
        let c = if at_start {
            rest.chars().next()
        } else {
            rest.chars().next_back()
        };
        let named =
            rest.trim_matches(|c: char| c == '-' || SEPARATORS.contains(&c) || c.is_whitespace());
        c.is_some_and(|c| c == '-' || SEPARATORS.contains(&c))
            && split_parts(named).any(names_something)
            && named.split_whitespace().all(name_word)
    };
    // The last and the first space, found by `memchr` (a character searcher's set-up costs more than most lines).
    let at_end = memchr::memrchr(b' ', t.as_bytes())
        .is_some_and(|space| page(&t[space + 1..]) && separated(t[..space].trim_end(), false));
    let at_start = memchr::memchr(b' ', t.as_bytes())
        .is_some_and(|space| page(&t[..space]) && separated(t[space + 1..].trim_start(), true));
    (at_end || at_start) && !holds_link(t) && is_label(t)
}

/// Whether a word can stand in the name a running header holds: it opens with a capital, a digit or a mark
/// (`Panorama`, `BMZ`, `·`), it is an address (`example.com`), or it is a short function word in lower case (see
/// [`MAX_LOWER_NAME_WORD_LETTERS`]). Scripts without case pass: no case is no evidence of a clause.
pub(super) fn name_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !word
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        || word.contains('.') && is_domain(word.trim_matches(|c: char| !c.is_alphanumeric()))
        || letters <= MAX_LOWER_NAME_WORD_LETTERS
}

/// Whether a short line reads as a label, not a sentence: no sentence inside, no sentence end or colon at its end
/// (a title cut short by `…` aside). A label (`Read more:`) or a sentence (`It ended.`) is no header.
pub(super) fn is_label(text: &str) -> bool {
    let t = text.trim();
    let truncated = t.ends_with('…') || t.ends_with("...");
    // The end is read first: most lines of text end a sentence, and a sentence inside is sought by reading all.
    (truncated || !matches!(ending(t), Ending::Terminal | Ending::Colon)) && !sentence_inside(t)
}

/// The parts of a line for [`Masthead`]: those of [`split_parts`], divided at commas too (a date beside
/// the site name).
///
/// [`Masthead`]: super::masthead::Masthead
pub(super) fn masthead_parts(line: &str) -> impl Iterator<Item = &str> {
    split_parts(line)
        .flat_map(|p| p.split(", "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// The parts of a line below the text that [`Masthead`] compares with its own: those of [`masthead_parts`], and
/// a name in brackets closing a part set apart from what stands before it (`Title of the story (Example News)`:
/// a printed page's header puts the site's name after the title so, as it does after a separator). The lines
/// above the text keep their brackets whole: a title's own brackets (`The Health Record (HR)`) name no site.
///
/// [`Masthead`]: super::masthead::Masthead
pub(super) fn header_parts(line: &str) -> impl Iterator<Item = &str> {
    masthead_parts(line)
        .flat_map(bracketed_tail)
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// `part` cut before a closing name in brackets (`Title (Example News)` gives `Title` and `Example News`), or
/// `part` alone (and an empty part) when it does not end on one.
fn bracketed_tail(part: &str) -> [&str; 2] {
    part.strip_suffix(')')
        .and_then(|open| open.rsplit_once(" ("))
        .filter(|(_, name)| !name.contains(['(', ')']))
        .map_or([part, ""], |(before, name)| [before, name])
}

/// A bare domain name: dot-separated labels of letters, digits and hyphens, the last one of two letters or more.
pub(super) fn is_domain(text: &str) -> bool {
    let Some((rest, top)) = text.rsplit_once('.') else {
        return false;
    };
    top.chars().nth(1).is_some()
        && top.chars().all(char::is_alphabetic)
        && rest
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_cut_at_every_separator_in_one_scan() {
        let by_steps = |template: &str| -> Vec<String> {
            template
                .split(SEPARATORS)
                .flat_map(|p| p.split(" - "))
                .flat_map(|p| p.split("::"))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        };
        for template in [
            "",
            " ",
            "politics | national review",
            "a - b - - c",
            " - - ",
            "a:::b::::c",
            "site · 4 — section – x/y • z » w « v \u{2023} u ❯ t ⟩ s",
            "é·ü|ß—",
            "-- a --b - c-d ::e: :f",
            "x - ",
            "::",
            "ab\u{a0}- cd",
            "日本 · 東京 | 大阪",
            "«a» ‹b› “c” ©d",
        ] {
            let parts: Vec<String> = split_parts(template).map(String::from).collect();
            assert_eq!(parts, by_steps(template), "{template:?}");
        }
    }

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
    fn last_sentence_starts_after_emphasis_or_a_quote() {
        assert_eq!(
            last_sentence("where do they come from? *Cindy, SC*"),
            "*Cindy, SC*"
        );
        assert_eq!(last_sentence("it ended. “Then it"), "“Then it");
        assert_eq!(last_sentence("no end here"), "no end here");
    }

    #[test]
    fn sentence_starts_read_the_two_letters_before_each_end() {
        let text = "ça va. Très bien! ok.. no?  «Oui» e.g. X ends.";
        let starts: Vec<usize> = sentence_starts(text).collect();
        assert_eq!(
            starts
                .iter()
                .map(|&s| text[s..].chars().take(2).collect::<String>())
                .collect::<Vec<_>>(),
            ["Tr", "«O"]
        );
        assert_eq!(sentence_starts(text).next_back(), starts.last().copied());
    }

    #[test]
    fn headers_holding_their_page_number_are_told_by_their_shape() {
        assert!(numbered_header("Schweizer Jäger Online / Panorama / 3"));
        assert!(numbered_header("3 · Washington Examiner"));
        assert!(numbered_header("Example Times – 12"));
        assert!(!numbered_header("1/2 cup sugar, sifted"));
        assert!(!numbered_header("Olympics · 2024"));
        assert!(!numbered_header("2 / 3"));
        assert!(!numbered_header("He scored – 3"));
        assert!(!numbered_header("The vote ended 3."));
        // A step of a numbered list: `flour` reads as a clause, not as a name.
        assert!(!numbered_header("3 · Sift the flour"));
    }
}
