//! A markdown body seen as blocks (paragraphs, headings, list items, quotes, tables, code), the units that the
//! text-stage rules reason about, plus the small text predicates they share.

use std::cell::OnceCell;
use std::ops::Range;

use crate::metadata::language::is_unspaced_script;

/// A markdown body split into blocks separated by blank lines.
#[derive(Debug)]
pub(crate) struct Body<'a> {
    /// The whole text.
    pub text: &'a str,
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
    /// The [`word_count`] of each block, counted once when a rule first asks.
    words: OnceCell<Vec<usize>>,
    /// The [`ending`] of each block, read once when a rule first asks: the page analysis asks it of a block several
    /// times (as a first half, as a second half, for the chain of continuations), and several rules ask it.
    endings: OnceCell<Vec<Ending>>,
}

/// One block: consecutive non-blank lines (a fenced code block keeps its blank lines).
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// From the first character of the first line to the end of the last line, newline excluded.
    pub range: Range<usize>,
    /// What the block is.
    pub kind: BlockKind,
    /// How many lines it has.
    pub lines: usize,
}

/// The markdown shape of a block, read from its first line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running text.
    Paragraph,
    /// An ATX heading.
    Heading,
    /// A list item (`-`, `*`, `+`, `1.`, `1)`, `a)`).
    ListItem,
    /// A block quote.
    Quote,
    /// Table lines.
    Table,
    /// Fenced or indented code.
    Code,
    /// Raw HTML.
    Html,
    /// A thematic break.
    Rule,
}

impl<'a> Body<'a> {
    /// Splits `text` into blocks.
    pub fn parse(text: &'a str) -> Body<'a> {
        let mut blocks = Vec::new();
        let mut current: Option<Block> = None;
        let mut fence: Option<&str> = None;
        for (start, line) in lines(text) {
            let end = start + line.len();
            if let Some(marker) = fence {
                if let Some(block) = current.as_mut() {
                    block.range.end = end;
                    block.lines += 1;
                }
                if line.trim_start().starts_with(marker) {
                    fence = None;
                    blocks.extend(current.take());
                }
                continue;
            }
            if is_blank(line) {
                blocks.extend(current.take());
                continue;
            }
            let trimmed = line.trim_start();
            if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
                blocks.extend(current.take());
                fence = Some(marker);
                current = Some(Block {
                    range: start..end,
                    kind: BlockKind::Code,
                    lines: 1,
                });
                continue;
            }
            match current.as_mut() {
                Some(block) => {
                    block.range.end = end;
                    block.lines += 1;
                }
                None => {
                    current = Some(Block {
                        range: start..end,
                        kind: kind_of(line),
                        lines: 1,
                    });
                }
            }
        }
        if let Some(mut block) = current {
            if fence.is_some() {
                // An unclosed fence ends at its last non-blank line, so the text still ends in one newline.
                let content = text[block.range.clone()].trim_end();
                block.lines = content.lines().count().max(1);
                block.range.end = block.range.start + content.len();
            }
            blocks.push(block);
        }
        // A table needs a delimiter row under its header: one line between pipes (`| 4 |`, a page number) is text.
        for block in &mut blocks {
            if block.kind == BlockKind::Table && block.lines == 1 {
                block.kind = BlockKind::Paragraph;
            }
        }
        Body {
            text,
            blocks,
            words: OnceCell::new(),
            endings: OnceCell::new(),
        }
    }

    /// The text of block `i`.
    pub fn block_text(&self, i: usize) -> &'a str {
        &self.text[self.blocks[i].range.clone()]
    }

    /// Gives the [`word_count`] of every block's text, in order, when it is known from elsewhere (a count kept from
    /// an earlier pass): the counts are then not made again. Does nothing when they were made already.
    pub fn know_words(&self, words: impl FnOnce() -> Vec<usize>) {
        self.words.get_or_init(words);
    }

    /// The word counts of the blocks, when they were made.
    pub fn into_words(self) -> Option<Vec<usize>> {
        self.words.into_inner()
    }

    /// From the start of the first block to the end of the last, and the number of blocks; `None` without blocks.
    pub fn span(&self) -> Option<(Range<usize>, usize)> {
        let (first, last) = (self.blocks.first()?, self.blocks.last()?);
        Some((first.range.start..last.range.end, self.blocks.len()))
    }

    /// The number of words of block `i` ([`word_count`] of its text).
    pub fn words(&self, i: usize) -> usize {
        self.words.get_or_init(|| {
            (0..self.blocks.len())
                .map(|k| word_count(self.block_text(k)))
                .collect()
        })[i]
    }

    /// How block `i` ends ([`ending`] of its text).
    pub fn ending(&self, i: usize) -> Ending {
        self.endings.get_or_init(|| {
            (0..self.blocks.len())
                .map(|k| ending(self.block_text(k)))
                .collect()
        })[i]
    }
}

/// A line-aligned piece of a body: a block to the end of its last line, or the lines between two blocks (before
/// the first block, after the last). The segments of a body cover its text in order, and every line of the text
/// lies in one segment, so that a rule that reads lines, characters or blocks one at a time finds in the segments
/// what it finds in the whole text (see [`crate::rules::Rule::check_segment`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment<'a> {
    /// Where it starts in the body.
    pub start: usize,
    /// Its text.
    pub text: &'a str,
    /// The kind and the line count of its block; `None` between blocks.
    pub block: Option<(BlockKind, usize)>,
}

impl<'a> Body<'a> {
    /// The segments of the body, in order.
    pub fn segments(&self) -> Vec<Segment<'a>> {
        let text = self.text;
        let mut segments = Vec::with_capacity(2 * self.blocks.len() + 1);
        let mut at = 0;
        for block in &self.blocks {
            segments.push(Segment {
                start: at,
                text: &text[at..block.range.start],
                block: None,
            });
            // An unclosed fence ends before the white space of its last line: the line goes with the block.
            let end = memchr::memchr(b'\n', &text.as_bytes()[block.range.end..])
                .map_or(text.len(), |i| block.range.end + i);
            segments.push(Segment {
                start: block.range.start,
                text: &text[block.range.start..end],
                block: Some((block.kind, block.lines)),
            });
            at = end;
        }
        segments.push(Segment {
            start: at,
            text: &text[at..],
            block: None,
        });
        segments
    }
}

/// The range that removes block `i` with the blank lines after it (for the last block, to the end).
pub(crate) fn removal_range(body: &Body<'_>, i: usize) -> Range<usize> {
    let block = &body.blocks[i];
    if let Some(next) = body.blocks.get(i + 1) {
        block.range.start..next.range.start
    } else {
        // The last block: what is left before it ends in a blank line, which `W002` trims.
        block.range.start..body.text.len()
    }
}

/// The end of block `i`'s text without its trailing whitespace.
pub(crate) fn content_end(body: &Body<'_>, i: usize) -> usize {
    let block = &body.blocks[i];
    block.range.start + body.block_text(i).trim_end().len()
}

/// The lines of `text` with their byte offsets, newline excluded (a final line without newline included): the
/// pieces of `split_inclusive('\n')`. Each pass splits its whole body into lines, so the newlines are found with
/// `memchr` rather than by a character searcher, whose set-up costs more than a short line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    std::iter::from_fn(move || {
        if offset >= text.len() {
            return None;
        }
        let start = offset;
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |at| start + at);
        offset = end + 1;
        Some((start, &text[start..end]))
    })
}

/// Whether a line holds only whitespace (no-break spaces included).
pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// Three or more of the same marker (`-`, `*` or `_`) and nothing else but white space: `---`, `* * *`.
fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(marker @ ('-' | '*' | '_')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != marker {
            return false;
        }
        count += 1;
    }
    count >= 3
}

fn kind_of(line: &str) -> BlockKind {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent >= 4 || line.starts_with('\t') {
        return BlockKind::Code;
    }
    let t = line.trim();
    if is_thematic_break(t) {
        return BlockKind::Rule;
    }
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && t[hashes..].is_empty() | t[hashes..].starts_with(' ') {
        return BlockKind::Heading;
    }
    if t.starts_with('>') {
        return BlockKind::Quote;
    }
    // Two pipes are looked for first, by `memchr` (a character searcher's set-up costs more than a short line),
    // and the delimiter dashes only in a line that has them.
    if t.starts_with('|')
        || (memchr::memchr_iter(b'|', t.as_bytes()).nth(1).is_some() && t.contains("---"))
    {
        return BlockKind::Table;
    }
    if t.starts_with('<')
        && t[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
    {
        return BlockKind::Html;
    }
    // `- 4 -` is a page number, not a list item.
    if is_list_marker(t) && !(t.starts_with("- ") && t.ends_with(" -")) {
        return BlockKind::ListItem;
    }
    BlockKind::Paragraph
}

/// Whether a line starts with a list marker: `- x`, `* x`, `+ x`, `1. x`, `1) x`, `a) x`.
pub(crate) fn is_list_marker(t: &str) -> bool {
    if t.len() >= 2 && ["- ", "* ", "+ ", "• "].iter().any(|m| t.starts_with(m)) {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    if (1..=9).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")) {
        return true;
    }
    let mut chars = t.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some(')'), Some(' ')) if c.is_ascii_lowercase()
    )
}

/// How a block's text ends, for deciding whether the next block may continue it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ending {
    /// A sentence end: `.` `!` `?` `…` and their CJK forms, maybe followed by closing quotes or brackets.
    Terminal,
    /// A colon (a list or a quote follows): never continued.
    Colon,
    /// A dash standing alone (`word —`): never continued.
    Dash,
    /// A hyphen attached to a word (`inter-`).
    Hyphen,
    /// Anything else: a word, a digit or a comma, mid-sentence.
    Open,
}

/// How `text` ends (trailing whitespace ignored).
pub(crate) fn ending(text: &str) -> Ending {
    // Emoji and pictographs after the last word (`the festival! 🙂`), and a quote opened after a sentence end
    // (`the branch. “`), say nothing of how the sentence ended.
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || is_pictograph(c));
    let t = match t.strip_suffix(['“', '„', '«']) {
        Some(rest) if rest.ends_with(char::is_whitespace) => rest.trim_end(),
        _ => t,
    };
    // A footnote mark after a sentence end (`… angenommen. [2]`, `… angenommen.\[2\]`, `… taken.¹`) says
    // nothing of it either; one after a word (`as the study found [2]`) leaves the sentence as open as it was.
    if without_footnote_mark(t).is_some_and(|rest| ending(rest) == Ending::Terminal) {
        return Ending::Terminal;
    }
    // After a word, `“`, `‘` and `«` close a quote as German and other languages print them (`„so.“`, `»so.«`).
    let core = t.trim_end_matches(['"', '\'', '”', '’', '»', '“', '‘', '«', ')', ']', '*', '_']);
    let Some(last) = core.chars().next_back() else {
        return Ending::Terminal;
    };
    match last {
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।' => Ending::Terminal,
        ':' | '：' => Ending::Colon,
        '-' | '‐' => {
            let before = core[..core.len() - last.len_utf8()].chars().next_back();
            match before {
                Some(c) if c.is_alphanumeric() => Ending::Hyphen,
                _ => Ending::Dash,
            }
        }
        '—' | '–' => Ending::Dash,
        _ if core.len() < t.len() && t.ends_with(['"', '”', '»', '“', '«']) => {
            Ending::Terminal
        }
        _ => Ending::Open,
    }
}

/// `text` without a footnote mark at its end (`[2]`, `\[12\]` as markdown escapes it, superscript digits `¹²`), and
/// the white space before the mark; `None` when it ends on none.
fn without_footnote_mark(text: &str) -> Option<&str> {
    const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let superscript = text.trim_end_matches(SUPERSCRIPT_DIGITS);
    if superscript.len() < text.len() {
        return Some(superscript.trim_end());
    }
    let inner = text.strip_suffix(']')?;
    let inner = inner.strip_suffix('\\').unwrap_or(inner);
    let before_digits = inner.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = inner.len() - before_digits.len();
    let rest = before_digits.strip_suffix('[')?;
    let rest = rest.strip_suffix('\\').unwrap_or(rest);
    (1..=MAX_FOOTNOTE_DIGITS)
        .contains(&digits)
        .then(|| rest.trim_end())
}

/// The most digits of a footnote mark: notes run to the hundreds; a year in brackets (`[2019]`) is no mark.
const MAX_FOOTNOTE_DIGITS: usize = 3;

/// Emoji, pictographs, dingbats and the joiners and variation selectors that compose them.
fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{2600}'..='\u{27bf}' // miscellaneous symbols, dingbats
        | '\u{1f000}'..='\u{1faff}' // emoji and pictographs
        | '\u{fe0f}' | '\u{200d}' // variation selector 16, zero-width joiner
    )
}

/// The first letter or digit of `text`, skipping markup and opening punctuation (`[`, `*`, `_`, `(`).
pub(crate) fn leading_char(text: &str) -> Option<char> {
    text.trim_start()
        .chars()
        .find(|c| !matches!(c, '[' | '*' | '_' | '(' | '`'))
        .filter(|c| c.is_alphanumeric())
}

/// The number of words: whitespace-separated ones, plus one per two characters of scripts written without
/// spaces (Chinese, Japanese), so that a long Japanese sentence does not pass for a one-word label.
pub(crate) fn word_count(text: &str) -> usize {
    // One pass: runs of non-space characters, plus half the characters of scripts written without spaces. Runs of
    // ASCII bytes are counted a run at a time and only the other characters decoded: most text is mostly ASCII,
    // with a curly quote or an accented letter here and there.
    let bytes = text.as_bytes();
    let (mut words, mut unspaced, mut in_word) = (0, 0, false);
    let mut at = 0;
    while at < bytes.len() {
        let run = ascii_run_end(bytes, at);
        if run > at {
            let ascii = &bytes[at..run];
            words += usize::from(!in_word && !is_ascii_space(ascii[0])) + word_starts(ascii);
            in_word = !is_ascii_space(ascii[ascii.len() - 1]);
            at = run;
            continue;
        }
        let c = text[at..]
            .chars()
            .next()
            .expect("`at` is at a character boundary");
        at += c.len_utf8();
        unspaced += usize::from(is_unspaced_script(c));
        let space = c.is_whitespace();
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words + unspaced / 2
}

/// Where the run of ASCII bytes from `at` ends: read 16 bytes at a time (`is_ascii` reads them a word at a time),
/// then byte by byte in the last 16.
fn ascii_run_end(bytes: &[u8], at: usize) -> usize {
    let mut end = at;
    while end + 16 <= bytes.len() && bytes[end..end + 16].is_ascii() {
        end += 16;
    }
    bytes[end..]
        .iter()
        .position(|b| !b.is_ascii())
        .map_or(bytes.len(), |k| end + k)
}

/// Whether an ASCII byte is white space.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// How many words start inside ASCII `bytes` after its first byte: a byte that is not a space after one that is.
/// Counted in runs of at most 255 pairs whose count fits in a byte, by comparisons alone, which the compiler turns
/// into vector instructions (a count a pair took some 3 instructions a byte of every block text).
fn word_starts(bytes: &[u8]) -> usize {
    let pairs = bytes.len().saturating_sub(1);
    let mut starts = 0;
    let mut at = 0;
    while at < pairs {
        let end = pairs.min(at + usize::from(u8::MAX));
        let mut n = 0u8;
        for (&a, &b) in bytes[at..end].iter().zip(&bytes[at + 1..=end]) {
            n += u8::from(is_ascii_space(a) & !is_ascii_space(b));
        }
        starts += usize::from(n);
        at = end;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_the_pieces_of_a_split_at_newlines() {
        for text in [
            "",
            "\n",
            "a",
            "a\n",
            "a\nb",
            "\n\nx\r\n y \n",
            "é\nü\n\n",
            "one\ntwo\n\nthree",
        ] {
            let mut offset = 0;
            let split: Vec<(usize, &str)> = text
                .split_inclusive('\n')
                .map(|raw| {
                    let start = offset;
                    offset += raw.len();
                    (start, raw.strip_suffix('\n').unwrap_or(raw))
                })
                .collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), split, "{text:?}");
        }
    }

    #[test]
    fn word_starts_count_a_space_before_a_word_in_runs() {
        let reference = |bytes: &[u8]| {
            bytes
                .windows(2)
                .filter(|pair| is_ascii_space(pair[0]) && !is_ascii_space(pair[1]))
                .count()
        };
        let long = "a b  c\td\n\ne ".repeat(100);
        for text in [
            "",
            " ",
            "a",
            " a",
            "a b",
            "  \x0b\x0cx\ry",
            long.as_str(),
            &long[..255],
            &long[..256],
        ] {
            assert_eq!(
                word_starts(text.as_bytes()),
                reference(text.as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn words_are_counted_in_spaced_and_unspaced_scripts() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one two\tthree\n four  "), 4);
        assert_eq!(word_count("a\u{a0}b"), 2);
        assert_eq!(word_count("日本語の文章です"), 1 + 8 / 2);
        assert_eq!(word_count("слово и ещё"), 3);
        // Runs of ASCII between other characters count as one reading of the characters does.
        let reference = |text: &str| {
            let words = text.split(char::is_whitespace).filter(|w| !w.is_empty());
            let unspaced = text.chars().filter(|&c| is_unspaced_script(c)).count();
            words.count() + unspaced / 2
        };
        for text in [
            "It’s “quoted” text, naïve café.",
            " ’a b’ ",
            "’’ x",
            "x\u{a0}\u{a0}y\u{2003} z",
            "日本 語 the 文章",
            "\u{3000}a\u{3000}",
            "ü",
        ] {
            assert_eq!(word_count(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn thematic_breaks_are_three_of_one_marker() {
        for rule in ["---", "* * *", "_ _ _ _", " -\u{a0}- -"] {
            assert_eq!(kind_of(rule), BlockKind::Rule, "{rule:?}");
        }
        for not_rule in ["--", "-*-", "--- a", "***bold***", ""] {
            assert_ne!(kind_of(not_rule), BlockKind::Rule, "{not_rule:?}");
        }
    }

    #[test]
    fn blocks_split_on_blank_lines_and_keep_fences_whole() {
        let body =
            Body::parse("# Title\n\npara one\nline two\n\n```\ncode\n\nmore\n```\n\n- item\n");
        let kinds: Vec<_> = body.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Code,
                BlockKind::ListItem
            ]
        );
        assert_eq!(body.block_text(1), "para one\nline two");
    }

    #[test]
    fn ending_tells_sentence_ends_from_open_ends() {
        assert_eq!(ending("the end.”"), Ending::Terminal);
        assert_eq!(ending("at the festival! 🙂"), Ending::Terminal);
        assert_eq!(ending("the branch. “"), Ending::Terminal);
        assert_eq!(ending("sagte er: „Das bleibt so.“"), Ending::Terminal);
        assert_eq!(ending("nannte es „einmalig“"), Ending::Terminal);
        assert_eq!(ending("»Wir kommen wieder.«"), Ending::Terminal);
        assert_eq!(ending("just a year"), Ending::Open);
        assert_eq!(ending("inter-"), Ending::Hyphen);
        assert_eq!(ending("as follows:"), Ending::Colon);
        assert_eq!(ending("and then —"), Ending::Dash);
    }

    #[test]
    fn footnote_mark_after_a_sentence_end_ends_the_sentence() {
        assert_eq!(ending("des Themas angenommen. \\[2\\]"), Ending::Terminal);
        assert_eq!(ending("des Themas angenommen.[12]"), Ending::Terminal);
        assert_eq!(ending("was taken.¹"), Ending::Terminal);
        assert_eq!(ending("as the study found [2]"), Ending::Open);
        assert_eq!(ending("as the study found.[2019]"), Ending::Open);
        assert_eq!(ending("see the list [a]"), Ending::Open);
    }
}
