//! What a text leaves open or closes at its end: quotes, brackets, links, emphasis, a quote that awaits its speaker.

use memchr::memmem;

use crate::rules::body::word_count;

/// Whether emphasis opened in `first` is closed in `second`: the last run of `*` in `first` opens (after a space or
/// a bracket, before a word) and is the odd one of the runs of its length there, and the first run of that length
/// in `second` closes (after a word, not before one) and is the odd one there too. A paragraph holds its emphasis
/// whole, so a span across two is a paragraph cut in two, in any language.
pub(super) fn emphasis_across(first: &str, second: &str) -> bool {
    let (first, second) = (first.trim_end(), second.trim_start());
    let runs = |text: &str| -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(found) = memchr::memchr(b'*', &bytes[at..]) {
            let start = at + found;
            let len = bytes[start..].iter().take_while(|&&b| b == b'*').count();
            runs.push((start, len));
            at = start + len;
        }
        runs
    };
    let (before, after) = (runs(first), runs(second));
    let Some(&(start, len)) = before.last() else {
        return false;
    };
    let opens = first[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([\"“„«‘".contains(c))
        && first[start + len..].starts_with(char::is_alphanumeric);
    let Some(&(close, _)) = after.iter().find(|&&(_, l)| l == len) else {
        return false;
    };
    let closes = second[..close].ends_with(|c: char| !c.is_whitespace())
        && !second[close + len..].starts_with(char::is_alphanumeric);
    let odd = |runs: &[(usize, usize)]| runs.iter().filter(|&&(_, l)| l == len).count() % 2 == 1;
    opens && closes && odd(&before) && odd(&after)
}

/// The text of the markdown link that opens `text` (`[Trista Best](https://…). “You …` gives `Trista Best`), or
/// `None` when `text` opens otherwise: an image (`![…](…)`), a footnote mark (`[^1]`) or a bracket without a link
/// target (`[Editor's note: …]`) is no word of the sentence.
pub(super) fn link_text(text: &str) -> Option<&str> {
    let inner = text.trim_start().strip_prefix('[')?;
    let close = inner.find(']')?;
    inner[close + 1..]
        .starts_with('(')
        .then_some(&inner[..close])
}

/// Whether `text` ends on a quote mark closed right after a word or a comma, with no sentence end inside the quote
/// (`… is “small and contained”`, `… of parts,"`, `„Hilfe“`, `„Fall ‚ohne Folgen‘“`): [`ending`] reads every
/// closing quote as the end of a sentence, since a quoted title may end a paragraph, but the sentence around the
/// quote has not ended. A word may end on an apostrophe inside the quote (`“the workers’”`).
///
/// [`ending`]: crate::rules::body::ending
pub(super) fn quote_closed_mid_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let core = without_closing_quotes(t);
    let word_end = |c: char| c.is_alphanumeric() || c == ',';
    core.len() < t.len()
        && (core.ends_with(word_end)
            || core
                .strip_suffix(['’', '\''])
                .is_some_and(|word| word.ends_with(char::is_alphanumeric)))
}

/// `text` (white space at its end aside) without the quote marks that close quotes at its end. `"`, `”`, `»` and,
/// as German prints them, `“` and `«` close a quote wherever they end a text after a word. The single marks double
/// as apostrophes (`the workers’`, `the players'`), so `’`, `'` and the German `‘` close one only where the text
/// opens a quote with their opening mark at the start of a word (`‘` or `’`, `'`, `‚`) that is still open.
pub(super) fn without_closing_quotes(text: &str) -> &str {
    let mut core = text.trim_end();
    while let Some(c) = core.chars().next_back() {
        let rest = &core[..core.len() - c.len_utf8()];
        let closes = match c {
            '"' | '”' | '»' | '“' | '«' => true,
            '’' => single_quote_open(rest, &['‘', '’'], '’'),
            '\'' => single_quote_open(rest, &['\''], '\''),
            '‘' => single_quote_open(rest, &['‚'], '‘'),
            _ => false,
        };
        if !closes {
            break;
        }
        core = rest;
    }
    core
}

/// Whether `text` leaves a quote open that one of `openers` opened at the start of a word (after a space, a bracket
/// or another quote mark, before a letter or a digit) and no `closer` closed at the end of a word. A mark between two
/// letters (`it’s`, `don't`) is an apostrophe, which neither opens nor closes.
fn single_quote_open(text: &str, openers: &[char], closer: char) -> bool {
    let mut open = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if openers.contains(&c)
            && prev.is_none_or(|p| p.is_whitespace() || "([\"“„«»—–".contains(p))
            && next.is_some_and(char::is_alphanumeric)
        {
            open = true;
        } else if c == closer
            && prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| !n.is_alphanumeric())
        {
            open = false;
        }
        prev = Some(c);
    }
    open
}

/// Whether `text` (white space at its end aside) stops mid-clause in any language: inside an open quote or bracket
/// ([`unclosed`]), on a conjunction written as a sign (`Olive &` / `Herb`), or before a quote's speaker
/// ([`awaits_speaker`]).
pub(super) fn opened(text: &str) -> bool {
    let t = text.trim_end();
    unclosed(t) || [" &", " +"].iter().any(|sign| t.ends_with(sign)) || awaits_speaker(t)
}

/// Whether `text` ends on the start of a quote's attribution: a quote closed with a comma, then at most
/// [`MAX_ATTRIBUTION_WORDS`] words and no end punctuation (`… there,” said` / `Megan Holloway`, `„…“, sagte` /
/// `Müller`, `« … », a déclaré` / `Macron`). A comma at the close of a quote says the sentence goes on, in any
/// language that sets quotes apart with a comma.
fn awaits_speaker(text: &str) -> bool {
    let Some(at) = attribution_start(text) else {
        return false;
    };
    let tail = text[at..].trim_start_matches(|c: char| c == ',' || QUOTE_CLOSERS.contains(&c));
    let words = word_count(tail);
    (1..=MAX_ATTRIBUTION_WORDS).contains(&words)
        && tail.starts_with(char::is_whitespace)
        && !tail.contains([
            '"', '”', '“', '„', '«', '»', '(', ')', '.', '!', '?', ':', ';', ',',
        ])
}

/// The marks that close a quote, in the languages whose quotes [`awaits_speaker`] reads.
const QUOTE_CLOSERS: [char; 6] = ['"', '”', '’', '»', '«', '“'];

/// Where the attribution after a quote closed with a comma starts: after the last comma that a closing quote mark
/// follows (`,”`) or precedes (`”,`). Every such pair holds a comma, so only the commas are read, from the end (at
/// one comma, the pair after it ends later than the pair before it), not every character of the text.
fn attribution_start(text: &str) -> Option<usize> {
    memchr::memrchr_iter(b',', text.as_bytes()).find_map(|comma| {
        if text[comma + 1..].starts_with(QUOTE_CLOSERS) {
            Some(comma + 1)
        } else {
            text[..comma].ends_with(QUOTE_CLOSERS).then_some(comma)
        }
    })
}

/// The most words between a quote closed with a comma and the end of a first half that still wait for the speaker
/// (`,” said` / `Megan`, `,” she told` / `Reuters`).
const MAX_ATTRIBUTION_WORDS: usize = 3;

/// Whether `text` leaves a quote or a bracket open: `(as in`, `“the`, `„die`, `« les`. Straight double quotes
/// count by parity; `“` closes a German `„` and opens an English quote; guillemets pointing inwards (`»die«`, as
/// German prints them) are read the other way round.
fn unclosed(text: &str) -> bool {
    // Without a bracket or a quote mark (`“„«»‹›` all start with byte 0xC2 or 0xE2) nothing is open.
    if !text
        .bytes()
        .any(|b| matches!(b, b'(' | b'[' | b'"' | 0xC2 | 0xE2))
    {
        return false;
    }
    // A lone `»` closes a French quote opened in an earlier paragraph: only a pair tells the direction.
    let inward = matches!((text.find('»'), text.find('«')), (Some(a), Some(b)) if a < b);
    let mut open: Vec<char> = Vec::new();
    let mut straight = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(read) = chars.next() {
        let next = chars.peek().copied();
        let c = match read {
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
        prev = Some(read);
    }
    straight || !open.is_empty()
}

/// Whether `text` closes a markdown link whose `[` stands before it: a `](` outside every bracket `text` opens.
pub(super) fn closes_link_opened_before(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memmem::find(bytes, b"](").is_none() {
        return false;
    }
    let mut depth = 0usize;
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' if bytes.get(at + 1) == Some(&b'(') => return true,
            _ => {}
        }
    }
    false
}

fn opens_quote(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))
        && next.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::super::page_number::{copyright_mark, split_at_colon};
    use super::*;

    #[test]
    fn a_quote_closed_with_a_comma_waits_for_its_speaker() {
        assert!(awaits_speaker("“They were there,” said"));
        assert!(awaits_speaker("„Wir sind da“, sagte die"));
        assert!(awaits_speaker("\"It works,\" she told"));
        assert!(!awaits_speaker(
            "“They were there,” said the dean of the school of law"
        ));
        assert!(!awaits_speaker("“They were there.” She left"));
        assert!(!awaits_speaker("he called it a day, and left"));
    }

    #[test]
    fn a_quote_closed_after_a_word_ends_no_sentence() {
        assert!(quote_closed_mid_sentence(
            "the leak is “small and contained”"
        ));
        assert!(quote_closed_mid_sentence("on a wide range of goods,\""));
        // Single marks close a quote they opened, nested or alone, in English and German.
        assert!(quote_closed_mid_sentence(
            "he called it \"the 'final offer'\""
        ));
        assert!(quote_closed_mid_sentence(
            "he called it “the ‘final offer’”"
        ));
        assert!(quote_closed_mid_sentence(
            "sie sprach von einem „Fall ‚ohne Folgen‘“"
        ));
        assert!(quote_closed_mid_sentence("he spoke of ’the real deal’"));
        // A word may end on an apostrophe inside the quote.
        assert!(quote_closed_mid_sentence("he spoke of “the workers’”"));
        // An apostrophe closes no quote.
        assert!(!quote_closed_mid_sentence("the pay of the workers’"));
        assert!(!quote_closed_mid_sentence("the pay of the players'"));
        assert!(!quote_closed_mid_sentence(
            "it’s what ‘they said’ of the workers’"
        ));
        assert!(!quote_closed_mid_sentence("the case is “closed.”"));
        assert!(!quote_closed_mid_sentence("the case is closed"));
    }

    #[test]
    fn only_closing_quotes_are_trimmed() {
        assert_eq!(
            without_closing_quotes("\"Salt, pepper, oil,\" "),
            "\"Salt, pepper, oil,"
        );
        assert_eq!(
            without_closing_quotes("'Salt, pepper, oil,'"),
            "'Salt, pepper, oil,"
        );
        assert_eq!(without_closing_quotes("the players'"), "the players'");
        assert_eq!(
            without_closing_quotes("don't say 'no' to the workers’"),
            "don't say 'no' to the workers’"
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
    fn emphasis_across_the_cut_is_told_by_both_halves() {
        assert!(emphasis_across(
            "the singer spoke to *Woman’s",
            "Weekly* about her tale."
        ));
        assert!(emphasis_across(
            "as *Le* said in **The New",
            "York Times** and *Le* again."
        ));
        assert!(!emphasis_across(
            "as *Le Point* wrote",
            "Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "the singer spoke to *Woman’s",
            "*Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "a list of items *",
            "Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "the singer spoke to *Woman’s",
            "Weekly about her tale."
        ));
    }

    #[test]
    fn marks_found_by_bytes_are_those_the_string_searches_find() {
        // What each answered before it read bytes: every character from the end, `split_once`, `contains`.
        let by_chars = |text: &str| {
            text.char_indices().rev().find_map(|(i, c)| {
                let after = &text[i + c.len_utf8()..];
                let closed = (c == ',' && after.starts_with(QUOTE_CLOSERS))
                    || (QUOTE_CLOSERS.contains(&c) && after.starts_with(','));
                closed.then_some(i + c.len_utf8())
            })
        };
        let lines = [
            "“We were there,” said",
            "„Wir waren da“, sagte",
            "« Nous étions là », a déclaré",
            "one, two,” said, he",
            "”,”,",
            ",",
            ",”",
            "a ,”b",
            "no quote, here",
            "(c) 2019 Site",
            "© 2019 Site. All rights reserved.",
            "Copyright (C) 2019",
            "(c 2019",
            "Ã© 2019 Â",
            "Source: https://example.com/a",
            "Page URL:https://example.com",
            "a: b: c",
            "12:30",
            ": ",
            "Page 3",
        ];
        for line in lines {
            assert_eq!(attribution_start(line), by_chars(line), "{line}");
            assert_eq!(split_at_colon(line), line.split_once(": "), "{line}");
            assert_eq!(
                copyright_mark(line),
                line.contains('©') || line.contains("(c)") || line.contains("(C)"),
                "{line}"
            );
        }
    }
}
