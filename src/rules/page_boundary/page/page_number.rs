//! The shapes of what a page prints beside its text: page numbers and counters, page addresses (URLs), print time
//! stamps, copyright lines and dated domains.

use std::sync::LazyLock;

use super::shapes::{
    holds_domain, is_domain, is_label, names_something, split_parts, MIN_NAME_LETTERS,
};
use crate::metadata::pattern::Pattern;
use crate::rules::body::word_count;

/// Whether `text` is a label that names a site in a part of its own, as a print footer does (`Druckversion –
/// example.de`, `Version imprimable – example.fr`): two parts between separators, one a bare domain name, the
/// other a label of at most [`MAX_DOMAIN_LABEL_WORDS`] words without a digit. A domain alone on its line
/// (`Booking.com`) is as often a site named in the text; a line holding an address (whose slashes separators
/// would cut), a sentence end or a link is no such footer.
pub(super) fn labelled_domain(text: &str) -> bool {
    let t = text.trim();
    if t.contains("://") {
        return false;
    }
    let mut parts = split_parts(t);
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let domain = |part: &str| is_domain(part.strip_prefix("www.").unwrap_or(part));
    let label = |part: &str| {
        names_something(part)
            && word_count(part) <= MAX_DOMAIN_LABEL_WORDS
            && !part.bytes().any(|b| b.is_ascii_digit())
            && !domain(part)
    };
    ((domain(first) && label(second)) || (label(first) && domain(second))) && is_label(t)
}

/// The most words of the label beside a site's name in a print footer (`Druckversion`, `Version imprimable`,
/// `Versión para imprimir`): more are a sentence or a title naming the site.
const MAX_DOMAIN_LABEL_WORDS: usize = 3;

/// Whether `text` is a label that names a domain beside a date, as a browser or an archive prints it under a page
/// (`Printed on 31.01.2022 from example.com`, `Downloaded from example.com on December 1, 2016`): a print stamp,
/// not a sentence of the text. Another number is the text's own: a version (`Node.js 18`), a year alone
/// (`Founded in 2004 as Amazon.com`).
pub(super) fn dated_domain(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && holds_domain(text)
        && is_label(text)
        && holds_date(text)
}

/// A date in numbers, day, month and year in either order or ISO's (see [`holds_date`]). This and the other
/// patterns of lines read here are compiled as [`Pattern`]s: they read one line at a time, and only the engines
/// for short texts are built.
const NUMERIC_DATE: &str =
    r"\b([0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\b";

/// Whether `text` holds a date in any language: digits and separators in a date's order (`31.01.2022`,
/// `12/3/26`, `2022-01-31`), or a four-digit year beside a day's number (`December 1, 2016`, `1 décembre 2016`).
pub(super) fn holds_date(text: &str) -> bool {
    static NUMERIC: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(NUMERIC_DATE).expect("the date pattern is valid"));
    let runs = || {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
    };
    let year = runs().any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
    let day =
        runs().any(|run| run.len() <= 2 && run.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
    (year && day) || NUMERIC.is_match(text)
}

/// The words a bare page counter holds beside its numbers (split at anything not a letter, lowercased): `page`
/// and its abbreviations and the word between a page and the count, in the languages whose print footers we
/// know (a list of words, not of lines: `Page 3 of 9`, `S. 3`, `стр. 3 из 9`, `Página 3 de 9`). A number beside
/// any other word names a thing of the text (`Figure 3`, `Table 2`, `Step 2`, `Chapter 4`).
const PAGE_WORDS: &[&str] = &[
    "page",
    "pages",
    "pg",
    "p",
    "pp",
    "of",
    "seite",
    "s",
    "von",
    "blatt",
    "página",
    "pág",
    "pagina",
    "pag",
    "de",
    "di",
    "sur",
    "strona",
    "str",
    "z",
    "ze",
    "страница",
    "стр",
    "с",
    "из",
    "sida",
    "av",
    "side",
    "af",
    "blz",
    "van",
    "sivu",
    "oldal",
    "sayfa",
    "σελίδα",
    "σελ",
    "από",
    "trang",
    "halaman",
    "hal",
    "dari",
    "stránka",
    "strana",
    "ページ",
    "页",
    "頁",
    "第",
    "페이지",
];

/// Whether `word` is one of [`PAGE_WORDS`], whatever its case.
fn is_page_word(word: &str) -> bool {
    PAGE_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether `text` is a page number that is only a counter: digits and separators (`3`, `- 3 -`, `3/10`), with
/// [`PAGE_WORDS`] at most (`Page 3`, `page 2 of 3`). [`page_number`] takes any short label (`Seite 3 von 9` in
/// a language no list holds); beside an address footer, where no page boundary is seen by position, a caption
/// (`Figure 3` over `Source: https://…`) must not pass for one.
pub(super) fn bare_page_number(text: &str) -> bool {
    page_number(text)
        && text
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .all(is_page_word)
}

/// Whether `text`, an [`url_line`], names a page's address as a footer does: after a label (`Source:
/// example.com/a`), or with a scheme or a path (`https://example.com`, `example.com/a`). A domain alone on its
/// line (`Booking.com`) is as often a site named in the text, in a list of sites with their ranks.
pub(super) fn page_address(text: &str) -> bool {
    let labelled = split_at_colon(text).is_some_and(|(label, _)| {
        word_count(label) <= MAX_URL_LABEL_WORDS && !label.contains("://")
    });
    labelled
        || text
            .split_whitespace()
            .next()
            .is_some_and(|first| first.contains('/'))
}
/// A page number line holds at most this many digits (`Page 123 of 456` has six); more are a date, a phone
/// number or a figure of the text.
const MAX_PAGE_NUMBER_DIGITS: usize = 8;
/// A page number line has at most this many words (`Page 3 of 9` has four, `- 4 -` three).
const MAX_PAGE_NUMBER_WORDS: usize = 5;
/// The letters of a page number line: its label in any language (`Page`, `Seite … von`, `стр.`), never a sentence.
const MAX_PAGE_NUMBER_LETTERS: usize = 16;
/// A page label written after the number is an abbreviation of this many letters at most (`3 S.`, `4 Bl.`).
const MAX_ABBREVIATION_LETTERS: usize = 3;
/// A label before an address in a footer (`Source:`, `Page URL:`) has at most this many words.
const MAX_URL_LABEL_WORDS: usize = 2;
/// A copyright footer is a short line (`© 2019 Site. All rights reserved.`); a longer one with a year is a
/// sentence of the text about rights.
const MAX_COPYRIGHT_WORDS: usize = 16;

/// Whether a line has the shape of page furniture ([`LineFacts::shaped`], which asks its parts once).
#[cfg(test)]
fn furniture_shape(text: &str) -> bool {
    let t = text.trim();
    page_number(t) || url_line(t) || strong_shape(t) || copyright_line(t)
}

/// A date with a time of day between white space or the line's ends, as a browser prints it (see [`strong_shape`]).
const TIME_STAMP: &str = r"(^|\s)[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}(,?\s+|T)[0-9]{1,2}:[0-9]{2}(\s?[AaPp]\.?[Mm]\.?)?(\s|$)";

/// Shapes that are furniture wherever they stand: a URL with a page counter, a browser-print time stamp.
pub(super) fn strong_shape(text: &str) -> bool {
    // A date with a time of day, where a browser prints it: at either end of the line, the page title beside it.
    static STAMP: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(TIME_STAMP).expect("the time stamp pattern is valid"));
    let t = text.trim();
    let bytes = t.as_bytes();
    // Both shapes hold a digit (a time of day, a page counter): a line without one, as most lines of text are, is
    // told so by one reading of its bytes.
    if !bytes.iter().any(u8::is_ascii_digit) {
        return false;
    }
    // The time of day is digits around a colon: a line without them is not searched. The colons are found by a
    // byte searcher, and the bytes around each read.
    let stamp = memchr::memchr_iter(b':', bytes).any(|at| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    }) && STAMP
        .find(t)
        .is_some_and(|m| m.start == 0 || m.end == t.len());
    stamp || counted_url(t)
}

/// The page's address with a page counter after it, in any brackets: `https://example.com/a 2/7`,
/// `example.com/a (2/3)`, `https://example.com/a — 1 of 2`.
fn counted_url(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim();
    is_address(first) && !rest.is_empty() && page_number(rest)
}

/// A URL or a domain name.
fn is_address(word: &str) -> bool {
    word.starts_with("http://")
        || word.starts_with("https://")
        || word.starts_with("www.")
        || is_domain(word)
}

/// A page number in any language: `12`, `- 4 -`, `3/9`, `Page 3`, `Page 3 of 9`, `Seite 3 von 9`, `стр. 3`.
pub(super) fn page_number(text: &str) -> bool {
    // The cheap tests first, which a line of text mostly fails: no digit (a digit is one byte, never part of
    // another character, and most lines of text have none: counted a byte at a time, with no characters decoded),
    // a comma or a colon, more words than a page number line has. Each one alone says no, so their order changes
    // no answer.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0
        || digits > MAX_PAGE_NUMBER_DIGITS
        || memchr::memchr2(b':', b',', text.as_bytes()).is_some()
        || text.split_whitespace().nth(MAX_PAGE_NUMBER_WORDS).is_some()
    {
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
    (1..=2).contains(&numbers)
        && letters <= MAX_PAGE_NUMBER_LETTERS
        && numeric_words_are_plain
        && !words.iter().any(|w| is_decimal(w))
        && label_stands_where_a_page_label_does(&words)
        && !ends_sentence_on_word(text)
        && !ends_sentence_on_number(text)
}

/// The first number of a line (`3` of `Page 3 of 9`), if it fits a `u32`.
pub(super) fn first_number(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits = &text[start..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// Whether `word` is a decimal number (`4.5`, `2,5` never reaches here): a score or a measure, never a page.
fn is_decimal(word: &str) -> bool {
    word.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
}

/// Whether the words of a page number line that are not numbers stand where a page number's label does: before
/// the number (`Page 3`, `стр. 3`), between two numbers (`3 of 9`, `Seite 3 von 9`), after a separator (`12 |
/// Site`), or as an abbreviation after it (`3 S.`). A word after the only number is what it counts (`3 eggs`, `1
/// tsp cinnamon`, `30 minutes before bed`): a line of the text (an ingredient, a step), in any language.
fn label_stands_where_a_page_label_does(words: &[&str]) -> bool {
    let is_number = |w: &&str| w.chars().any(|c| c.is_ascii_digit());
    let Some(last) = words.iter().rposition(is_number) else {
        return true;
    };
    let mut after = words[last + 1..].iter();
    match after.next() {
        None => true,
        Some(w) if !w.chars().any(char::is_alphabetic) => true,
        Some(w) => is_abbreviation(w) && after.next().is_none(),
    }
}

/// A short abbreviation with its full stop (`S.`, `pp.`, `Bl.`): a page label written after the number.
fn is_abbreviation(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|w| {
        (1..=MAX_ABBREVIATION_LETTERS).contains(&w.chars().count())
            && w.chars().all(char::is_alphabetic)
    })
}

/// Whether `text` ends a sentence right after a word of [`MIN_NAME_LETTERS`] letters or more (`within 20
/// years."`): a short sentence of the text, not a label around a page number, which ends on the number or on an
/// abbreviation (`p. 3`, `Seite 3 von 9`, `3 S.`).
fn ends_sentence_on_word(text: &str) -> bool {
    let Some(rest) = before_sentence_end(text) else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.chars().nth(MIN_NAME_LETTERS - 1).is_some()
}

/// Whether `text` ends a sentence right after a number and holds a word of [`MIN_NAME_LETTERS`] letters or more
/// that no page counter holds ([`PAGE_WORDS`]): a short sentence of the text that ends on a year or a count
/// (`Riverside flyby in 1997.`, `Version 2 to version 3.)`), not a page label, which ends on its number without a
/// full stop (`Page 3`, `Seite 3 von 9`, `Oldal 3 / 9`). It can be wrong on a page label in a language the list
/// lacks, printed with a full stop after its number.
fn ends_sentence_on_number(text: &str) -> bool {
    before_sentence_end(text).is_some_and(|rest| {
        rest.ends_with(|c: char| c.is_ascii_digit())
            && rest
                .split(|c: char| !c.is_alphabetic())
                .filter(|word| word.chars().nth(MIN_NAME_LETTERS - 1).is_some())
                .any(|word| !is_page_word(word))
    })
}

/// The text of `text` before its sentence end (`.`, `!`, `?`, `…`, maybe inside closing quotes, brackets or
/// emphasis), if it ends a sentence.
fn before_sentence_end(text: &str) -> Option<&str> {
    text.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', '“', '‘', '«', ')', ']', '*', '_'])
        .strip_suffix(['.', '!', '?', '…'])
}

/// A line that is only a URL or a domain name (maybe with a page counter).
pub(super) fn url_line(text: &str) -> bool {
    // An address holds a dot (`www.`, a domain) or a colon (`http://`): a line without either, as most lines of
    // text are, is told so by one byte searcher.
    if memchr::memchr2(b'.', b':', text.as_bytes()).is_none() {
        return false;
    }
    // A label before the address (`Source: https://…`, `URL: …`) is part of the footer.
    let text = match split_at_colon(text) {
        Some((label, rest))
            if word_count(label) <= MAX_URL_LABEL_WORDS && !label.contains("://") =>
        {
            rest.trim()
        }
        _ => text,
    };
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim();
    is_address(first) && (rest.is_empty() || page_number(rest))
}

/// `text` split at its first `: ` (as `str::split_once` splits it), the colon found by a byte searcher: a substring
/// searcher set up for each short line costs more than the line takes to read.
pub(super) fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes)
        .find(|&at| bytes.get(at + 1) == Some(&b' '))
        .map(|at| (&text[..at], &text[at + 2..]))
}

/// Whether `text` holds `©`, `(c)` or `(C)`. `©` is the bytes C2 A9 in UTF-8, and C2 starts no other character
/// that way: each `(` and each C2 byte is read with the bytes after it, found by one byte searcher.
pub(super) fn copyright_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'(', 0xC2, bytes).any(|at| {
        matches!(
            &bytes[at..],
            [b'(', b'c' | b'C', b')', ..] | [0xC2, 0xA9, ..]
        )
    })
}

/// A year a copyright line names (see [`copyright_line`]).
const COPYRIGHT_YEAR: &str = r"\b(1[89]|20)[0-9][0-9]\b";

/// A copyright line with a year: `© 2019 Site. All rights reserved.`
pub(super) fn copyright_line(text: &str) -> bool {
    static YEAR: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(COPYRIGHT_YEAR).expect("the year pattern is valid"));
    copyright_mark(text) && YEAR.is_match(text) && word_count(text) <= MAX_COPYRIGHT_WORDS
}

#[cfg(test)]
mod tests {
    use super::super::shapes::YEAR_PATTERN;
    use super::*;
    use crate::metadata::pattern::assert_matches_as_regex;

    #[test]
    fn line_patterns_match_as_the_regex_crate_does() {
        let lines = [
            "Printed on 3/14/2031, 9:05 PM",
            "2031-03-14T09:05 Example Page",
            "Example Page 14.3.2031 21:05",
            "Issue 1999 of the Example Almanac",
            "© 1888–2031 Example Press. All rights reserved.",
            "Copyright (c) 20315 Example",
            "Read 12/3/31 at 9:05pm ok",
            "no digits at all",
            "été 2031-3-14 à 9:05 h",
            "",
        ];
        for pattern in [NUMERIC_DATE, TIME_STAMP, COPYRIGHT_YEAR, YEAR_PATTERN] {
            assert_matches_as_regex(pattern, &lines);
        }
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
            "3 S.",
            "Seite 3 von 9.",
            "12 | Example",
            "3 of 9",
            "페이지 3",
            "https://example.com/a/b 2/7",
            "2019-11-19T10:32 Example News",
            "12/3/26, 9:41 AM Example News",
            "© 2019 Example News. All rights reserved.",
        ] {
            assert!(furniture_shape(line), "{line}");
        }
        for line in [
            "1 Rex Tamblin 4870 4 2 15 25",
            "1 Orange, 2 tsp.",
            "3 eggs",
            "1 tsp cinnamon",
            "30 minutes before bed",
            "Score 4.5 out of 5",
            "© Reuters",
            "Mars within 20 years.\"",
            "Riverside flyby in 1997.",
            "Version 2 to version 3.)",
            "Q: 12",
            "12/3/26, 9: 41 AM Example News",
        ] {
            assert!(!furniture_shape(line), "{line}");
        }
    }
}
