//! N002 `trailer-lines`: boilerplate after the article: share and subscribe lines, tags, related links, copyright.

use super::{
    has_rights_phrase, is_cookie_notice, is_menu, is_more_label, is_notice_phrase, POINTERS,
};
use crate::document::Edit;
use crate::rules::body::{ending, word_count, BlockKind, Body, Ending};
use crate::rules::{Context, Question, Rule};

/// Boilerplate lines at the bottom of a body (see [`Rule::doc`]).
pub(crate) struct TrailerLines;

/// How many blocks from the bottom may be boilerplate.
const BOTTOM_BLOCKS: usize = 10;

impl Rule for TrailerLines {
    fn code(&self) -> &'static str {
        "N002"
    }

    fn trims(&self) -> bool {
        true
    }

    fn name(&self) -> &'static str {
        "trailer-lines"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Boilerplate a scraper kept below the article: share and subscribe calls, `Related posts`, `Back to top`,
`Tags: a, b`, menus and link lists, copyright lines. It walks up from the last line and stops at the first
line that is not boilerplate-shaped, so the article is never touched.

## Example
raw: `The article ends here.` / `Share this:` / `© 2024 Example News. All rights reserved.`
clean: `The article ends here.`

## Evidence
Shapes, not words of one language: a short line (up to seven words, arrows and guillemets such as `« Previous
post` or `↑ Top` aside) without sentence punctuation, digits or brackets (a handle aside: `Follow @site`); a
menu (short items between separators, spaced dashes included when there are three items or more); a `Label: a,
b` line; a teaser, a label of up to three words, a colon and a title of four to twenty words (`Lesen Sie auch:
…`, `Previous: …`); a count (`42 comments`, `Kommentare (29)`); a share row, one word repeated three times or more (`Share on
Facebook Share on Twitter Share via Email`); a copyright line of up to 16 words with a copyright sign or word
and a year anywhere (`All content © 2020 Site`) or a rights phrase (`Wszelkie prawa zastrzeżone`); a cookie
notice (a cookie and the site or browsing named, or the site saying that it uses them, `Wir verwenden Cookies`,
by the word stems and phrases of `boilerplate_words.txt`; the privacy policy named beside cookies is not enough, a
story on data protection ends on such a sentence). Words, for the few lines whose shape is a sentence's: a line
that is as a whole a banner's button or a closed comment section (`Got it!`, `OK, verstanden`, `Comments are
closed.`, `Комментарии закрыты`), and the label of a list of other articles (`Read more`, `Lesen Sie auch: …`,
`Te puede interesar: …`), by the phrases of `boilerplate_words.txt` in the languages rinse reads. Up to five
teaser titles ending the text (5 to 16 words without a full stop, opening with a capital, a digit, a quote or a
link, maybe behind an arrow or a list marker) go when a line of those shapes stands right above them (`Read
more` / `→ Another story's headline`), a label naming the first of them too (`À lire aussi : Title` / `- Title`);
under such a label of other articles, up to five lines of any headline's length (one to twenty words) go,
whatever they end on (`- Burg & Garten`, `» Trois ans et demi à la mairie : …`, a title ending on `!` or `?`).

Below the first line of those shapes, short notices written as sentences (`Comments are closed.`, a cookie
notice of up to 24 words) go too, when they are no more than half of the lines removed; a notice named by its
words counts as one of them there, though it may end a run alone.

A run that opens on a heading of the article over its sentences is the article's last section, and starts under
them: a line of one or two words opening on a capital (`Linux`) over two sentences or more of no trailer shape,
whose shape the article above gives its own headings over paragraphs of running text (`Windows`, `Mac`).

## Safety
A real last line of those shapes (a sign-off such as `Best wishes`, a heading-like closing line, an article's last
line that is only `OK!`, the last lines of a short list under a `Related` or `Next` heading) can be removed;
a run of lines that look alike (the same punctuation, each run of digits read as
one mark: `150 g sugar` / `3 eggs`) is kept as a list, with what stands under it unless a line of those shapes
heads it, and a run of ten such lines is taken for a document of short lines and left alone. A footer longer than one window of ten blocks is followed up to the article's text and
taken in one pass, unless it holds more words than all the text above it: a document of short lines and short
sentences, whose runs cascade up to its top, is left alone, and so is the long footer of an article shorter than
it (one window of trailer lines is taken whatever stands above it). A short sentence below a line of those
shapes (`Read more` / `He was 84.`) can be taken; a line that ends a sentence is never taken above them all, a cookie notice aside. A closing list of headline-like
lines under a short label (`Sources` / `The Book of Titles, by A. Author`) can be taken for teasers."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        let n = body.blocks.len();
        // Taking a run can bring another run of trailer shape to the bottom (a window of `BOTTOM_BLOCKS` stops
        // inside a longer footer): the rule takes them all in one pass, as passes of it would one by one, so its
        // own edit never enables its next one. Each step reads a window of the blocks above the last run, so the
        // cascade is linear in the blocks it passes.
        let mut first = n;
        let mut steps = 0;
        while let Some(above) = trailer_start(cx, first) {
            first = above;
            steps += 1;
        }
        if first == n || (steps > 1 && outweighs_the_text_above(body, first)) {
            return Vec::new();
        }
        // One edit for the whole run, from the newline that ends the last kept block.
        let start = match first {
            0 => 0,
            _ => (body.blocks[first - 1].range.end + 1).min(body.text.len()),
        };
        vec![Edit::delete(start..body.text.len())]
    }
}

/// Whether a cascade of trailer runs from block `first` to the bottom holds more words than the text above it: a
/// footer closes an article and is no longer than it; a document of short lines and short sentences (alternating,
/// so no window of the bottom reaches a line of running text above them) cascades up to its top, where a few
/// blocks remain. Such a bottom is left alone, as a run of look-alike lines is. One window's run is taken however
/// short the text above it, as every version of the rule took it (`The article ends here.` / `Share this:` / `©`).
/// Words, not blocks: a footer's lines are short and an article's paragraphs long, so an article of three
/// paragraphs outweighs a footer of thirty lines.
fn outweighs_the_text_above(body: &Body<'_>, first: usize) -> bool {
    let words = |blocks: std::ops::Range<usize>| blocks.map(|i| body.words(i)).sum::<usize>();
    words(first..body.blocks.len()) > words(0..first)
}

/// Where the trailer run ending the first `n` blocks of the body starts, if they end in one: the blocks up to the
/// `n`th are the body a text cut after block `n - 1` would parse to, blocks being split on blank lines.
fn trailer_start(cx: &Context<'_>, n: usize) -> Option<usize> {
    let body = &cx.body;
    // Teasers: up to five titles that end the text under a trailer line (`Read more`, `Lesen Sie auch: …`)
    // are trailer lines too.
    // The label line may name the first teaser (`À lire aussi : Title` / `- Title`) and so have a title's shape
    // itself: a run of title-shaped lines headed by a trailer line starts under it.
    let teasers = (0..n)
        .rev()
        .take(MAX_TEASERS + 2)
        .take_while(|&i| is_teaser_title(body, i))
        .last()
        .and_then(|top| {
            if top > 0 && is_trailer_line(cx, top - 1) {
                Some(top)
            } else {
                is_trailer_line(cx, top).then_some(top + 1)
            }
        })
        .filter(|&from| from < n && n - from <= MAX_TEASERS)
        .unwrap_or(n)
        .min(labelled_teasers(cx, n));
    // A notice named as a whole by the words of `boilerplate_words.txt` (`Got it!`, `Comments are closed.`) ends a
    // run as a line of trailer shape does; but it is no short line of a document of short lines (below).
    let named_notice = |i: usize| {
        let block = &body.blocks[i];
        block.lines == 1
            && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && is_notice_phrase(body.block_text(i))
    };
    let is_trailer = |i: usize| i >= teasers || is_trailer_line(cx, i) || named_notice(i);
    let mut first = n;
    while first > 0
        && n - first < BOTTOM_BLOCKS
        && (is_trailer(first - 1) || is_notice(body, first - 1))
    {
        first -= 1;
    }
    // Sentence-shaped notices count only below a line of trailer shape (the run starts with one, so the
    // article's own short last sentences stay), and only as many as there are such lines: a text of short
    // sentences under a `Click here` line is no trailer.
    while first < n && !is_trailer(first) {
        first += 1;
    }
    // A named notice is weighed as a notice: it does not make the sentences above it a footer's (a running header
    // `site.com — Science` over the last results of a report, then `Comments are closed.`).
    let notices = (first..n)
        .filter(|&i| !is_trailer(i) || named_notice(i))
        .count();
    if notices * 2 > n - first {
        first = n;
        while first > 0 && n - first < BOTTOM_BLOCKS && is_trailer(first - 1) {
            first -= 1;
        }
    }
    // The run must sit below the article's text; a document of short lines has no trailer to find.
    if first == 0 || (is_trailer(first - 1) && !named_notice(first - 1)) {
        return None;
    }
    // A run of look-alike lines ending the text is a list, not boilerplate: keep the lines shaped like the
    // line above the run.
    if first < n {
        // A line named by the words of `boilerplate_words.txt` (`Comments are closed.` under `He was 84.`) is no
        // item of a list.
        let above = skeleton(body.block_text(first - 1));
        while first < n
            && skeleton(body.block_text(first)) == above
            && !above.is_empty()
            && !is_named_boilerplate(body.block_text(first))
        {
            first += 1;
        }
        // What the list leaves must again start with a line of trailer shape, as above.
        while first < n && !is_trailer(first) {
            first += 1;
        }
    }
    // A run that opens on one of the article's own headings over its sentences (`Linux` / `**For Debian**,
    // install …` / … over `Tweet Share Email`) starts under them: the sentences are that section's text.
    if first < n && opens_on_a_heading_of_the_article(cx, first, n) {
        first += 1;
        while first < n && !is_trailer(first) {
            first += 1;
        }
    }
    (first < n).then_some(first)
}

/// The most words of a heading a footer's call can be taken for (`Linux`, `Getting started`).
const MAX_HEADING_WORDS: usize = 2;
/// The fewest words of the paragraphs a heading of the article stands between: running text, not labels.
const MIN_SECTION_WORDS: usize = 12;
/// The fewest sentences under a heading for a section of the article: a footer's call stands over one notice
/// (`Follow us` / `Comments are closed.`), a section over its text.
const MIN_SECTION_SENTENCES: usize = 2;

/// Whether block `top` (of the first `n`), of a call's shape, is a heading of the article with its sentences under
/// it: a line of at most [`MAX_HEADING_WORDS`] words opening on a capital, over [`MIN_SECTION_SENTENCES`] or more
/// sentence-shaped notices of no trailer shape (a cookie notice has one), whose shape (as many words, a capital
/// first) the article above gives a heading of its own over a paragraph of running text, under another (maybe
/// with a page number between: `Windows`, `Mac` over their sections, then `Linux` over its sentences). A footer's
/// call (`Share this`) stands under the article's last paragraph, and the article's headings are no evidence for
/// it unless they have its shape.
fn opens_on_a_heading_of_the_article(cx: &Context<'_>, top: usize, n: usize) -> bool {
    let body = &cx.body;
    let shape = |i: usize| {
        let t = body.block_text(i).trim();
        let words = word_count(t);
        (body.blocks[i].lines == 1
            && (1..=MAX_HEADING_WORDS).contains(&words)
            && t.starts_with(char::is_uppercase)
            && has_trailer_shape(t))
        .then_some(words)
    };
    let running = |i: usize| {
        body.blocks[i].kind == BlockKind::Paragraph && body.words(i) >= MIN_SECTION_WORDS
    };
    let Some(words) = shape(top) else {
        return false;
    };
    let sentences = (top + 1..n)
        .take_while(|&k| is_notice(body, k) && !is_trailer_line(cx, k))
        .count();
    sentences >= MIN_SECTION_SENTENCES
        && (1..top.saturating_sub(1)).any(|j| {
            running(j + 1)
                && (running(j - 1) || (j >= 2 && running(j - 2)))
                && shape(j) == Some(words)
        })
}

/// The most words of a notice between trailer lines (a cookie notice: `We use cookies to better your
/// visit. By continuing to browse, you agree to this use of cookies.`).
const MAX_NOTICE_WORDS: usize = 24;

/// A one-line sentence or two, short (`Comments are closed.`, `Got it!`, a cookie notice): boilerplate when a
/// line of trailer shape stands above it, at the bottom.
fn is_notice(body: &Body<'_>, i: usize) -> bool {
    let block = &body.blocks[i];
    block.lines == 1
        && block.kind == BlockKind::Paragraph
        && body.words(i) <= MAX_NOTICE_WORDS
        && ending(body.block_text(i)) == Ending::Terminal
}

/// A line of one of the shapes of [`TrailerLines`], asked once per distinct text (see [`Question`]).
fn is_trailer_line(cx: &Context<'_>, i: usize) -> bool {
    let block = &cx.body.blocks[i];
    if block.lines != 1 || !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return false;
    }
    cx.answer(Question::Trailer, cx.body.block_text(i), |text| {
        has_trailer_shape(text.trim())
    })
}

/// Whether a line's text has one of the shapes of [`TrailerLines`].
fn has_trailer_shape(t: &str) -> bool {
    is_menu(t)
        || is_short_call(t)
        || is_share_row(t)
        || is_cookie_notice(t)
        || is_tag_line(t)
        || is_teaser(t)
        || is_count(t)
        || is_copyright(t)
        || (is_more_label(t) && word_count(t) <= MAX_MORE_LINE_WORDS)
}

/// A line that the phrases of `boilerplate_words.txt` name as a whole: a button, a closed comment section, a
/// label of other articles.
fn is_named_boilerplate(t: &str) -> bool {
    is_notice_phrase(t) || is_more_label(t)
}

/// A label of other articles with the first title after it (`Das könnte Sie auch interessieren: …`) is no longer
/// than the longest label and the longest headline.
const MAX_MORE_LINE_WORDS: usize = 5 + MAX_LABELLED_TEASER_TITLE_WORDS;

/// The most words of a call to action (`Follow us on Facebook, Twitter and Instagram`).
const MAX_CALL_WORDS: usize = 7;
/// See [`MAX_CALL_WORDS`]: seven long words are a sentence's start, not a button.
const MAX_CALL_CHARS: usize = 60;
/// A handle has two characters at least: a lone `@x` is a mention in a sentence or a typo.
const MIN_HANDLE_CHARS: usize = 2;
/// The label of a teaser (`Read more`, `Lesen Sie auch`, `See also`) is a short phrase.
const MAX_TEASER_LABEL_WORDS: usize = 3;
/// A teaser's title after its label is a headline: four words or more (`Read more: Contact` is a link, not a
/// story)…
const MIN_TEASER_TITLE_WORDS: usize = 4;
/// …and at most a long headline; more words are a sentence of the article.
const MAX_TEASER_TITLE_WORDS: usize = 16;
/// After a label and a colon (`Previous: …`, `Read more: …`) the line is a teaser by its label, and its title may
/// be a news site's longest headline (`Norwind inks $7 billion order for 28 Skyline 900 jets, will revive plans
/// to widen network by late 2020s`, 19 words): headlines seldom pass twenty words, and one ending a sentence
/// is never taken.
const MAX_LABELLED_TEASER_TITLE_WORDS: usize = 20;
/// A teaser title on its own line, without a label, needs a word more than after a label: five short words
/// ending no sentence are as often a caption or a subheading.
const MIN_TEASER_LINE_WORDS: usize = 5;
/// The items of a tag line are tags, one to three words each (`Politics`, `Middle East`).
const MAX_TAG_WORDS: usize = 3;
/// The word a share row repeats is a verb or a network (`Share`, `Tweet`, `Email`), three letters or more.
const MIN_SHARE_WORD_CHARS: usize = 3;
/// A written-out share row is a dozen words at most (three or four buttons of three words).
const MAX_SHARE_ROW_WORDS: usize = 12;
/// A share row repeats its word this many times (one a button); a sentence seldom starts three of its phrases
/// with its first word.
const MIN_SHARE_BUTTONS: usize = 3;

/// A short call to action or pointer (`Share this:`, `Newsletter abonnieren`, `« Previous post`): a few words
/// without digits, brackets or quotes, that end no sentence (an article's last line may be `Thanks Junior!`).
fn is_short_call(t: &str) -> bool {
    let t = t.trim_matches(|c: char| POINTERS.contains(&c) || c.is_whitespace());
    // A lone domain name (`www.example.com.br`) is a credit line, not a call to action.
    let lone_domain = word_count(t) == 1 && t.trim_end_matches('.').contains('.');
    !lone_domain
        && (1..=MAX_CALL_WORDS).contains(&word_count(t))
        && matches!(ending(t), Ending::Open | Ending::Colon)
        && t.chars().count() <= MAX_CALL_CHARS
        && !t
            .split_whitespace()
            .filter(|w| !is_handle(w))
            .flat_map(str::chars)
            .any(|c| c.is_ascii_digit() || "()[]\"“”«»@#".contains(c))
        && t.starts_with(char::is_alphabetic)
}

/// A social-network handle (`@example_news`), as in `Follow @example_news`.
fn is_handle(word: &str) -> bool {
    word.strip_prefix('@').is_some_and(|name| {
        name.chars().count() >= MIN_HANDLE_CHARS
            && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    })
}

/// `Read more: A teaser's title`, `Lesen Sie auch: …`: a label of up to three words, a colon and a title of four
/// to twenty words that ends no sentence. (`Wales (Group E): Second appearance` is a line of a list.)
fn is_teaser(t: &str) -> bool {
    let t = t.trim_start_matches(|c: char| POINTERS.contains(&c) || c.is_whitespace());
    let Some((label, title)) = t.split_once(':') else {
        return false;
    };
    t.starts_with(char::is_alphabetic)
        && (1..=MAX_TEASER_LABEL_WORDS).contains(&word_count(label))
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace())
        && (MIN_TEASER_TITLE_WORDS..=MAX_LABELLED_TEASER_TITLE_WORDS).contains(&word_count(title))
        && ending(title) != Ending::Terminal
}

/// `42 comments`, `30 Kommentare`, `Comments (42)`: a number and a word.
fn is_count(t: &str) -> bool {
    let number = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    let word = |w: &str| w.chars().all(char::is_alphabetic);
    let mut words = t.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(n), Some(w), None) if number(n) && word(w) => true,
        (Some(w), Some(n), None) if word(w) => n
            .strip_prefix('(')
            .and_then(|n| n.strip_suffix(')'))
            .is_some_and(number),
        _ => false,
    }
}

/// `Tags: a, b, c`: a label and a comma list of short items.
fn is_tag_line(t: &str) -> bool {
    let Some((label, rest)) = t.split_once(':') else {
        return false;
    };
    word_count(label) == 1
        && !rest.trim().is_empty()
        && ending(t) != Ending::Terminal
        && rest
            .split(',')
            .all(|item| (1..=MAX_TAG_WORDS).contains(&word_count(item)))
}

/// `© 2019 Site. All rights reserved.`, `All content © 2020 Site`, `Wszelkie prawa zastrzeżone © Site`: a line
/// with a copyright sign or word and a year, or with a rights phrase of `boilerplate_words.txt`; a credit without
/// either (`© Reuters`) is part of the article.
fn is_copyright(t: &str) -> bool {
    let lower = t.to_lowercase();
    let year = t
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
    let sign = t.contains('©') || lower.starts_with("(c)") || lower.starts_with("copyright");
    ((sign && year) || has_rights_phrase(t)) && word_count(t) <= MAX_COPYRIGHT_WORDS
}

/// The most words of a copyright line; a longer notice (`© 2019 Agency. All Rights Reserved. This material may not
/// be published, …`) is the article's credit.
const MAX_COPYRIGHT_WORDS: usize = 16;

/// A row of share buttons written out (`Share on Facebook Share on Twitter Share via Email`): one word opening
/// the line and repeated at least three times in it, in a dozen words that end no sentence.
fn is_share_row(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    first.chars().count() >= MIN_SHARE_WORD_CHARS
        && first.chars().all(char::is_alphabetic)
        && words.len() <= MAX_SHARE_ROW_WORDS
        && words
            .iter()
            .filter(|w| w.eq_ignore_ascii_case(first))
            .count()
            >= MIN_SHARE_BUTTONS
        && ending(t) != Ending::Terminal
}

/// A teaser's title under a `Read more` line: a line of 5 to 16 words (a headline, longer than a label) that ends no sentence with a full stop or
/// an exclamation mark, opening (after a list marker or an arrow) with a capital, a digit, a quote or a link.
fn is_teaser_title(body: &Body<'_>, i: usize) -> bool {
    let block = &body.blocks[i];
    if block.lines != 1 || !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
        return false;
    }
    let t = title_text(body.block_text(i));
    let opens = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "[\"“„«'‘".contains(c));
    let closes_sentence = t
        .trim_end_matches(|c: char| ")]*_\"”’»".contains(c))
        .ends_with(['.', '!']);
    opens
        && (MIN_TEASER_LINE_WORDS..=MAX_TEASER_TITLE_WORDS).contains(&word_count(t))
        && !closes_sentence
}

/// A teaser's title without the list marker or the pointer before it (`- Title`, `→ Title`, `» Title`).
fn title_text(line: &str) -> &str {
    let t = line.trim();
    t.strip_prefix(['-', '*', '+', '•'])
        .unwrap_or(t)
        .trim_start_matches(|c: char| POINTERS.contains(&c) || c.is_whitespace())
}

/// The most teaser titles under a `Read more` line.
const MAX_TEASERS: usize = 5;

/// Where the titles under a label of other articles start (`Read more`, `Lesen Sie auch: …`, by the phrases of
/// `boilerplate_words.txt`), when such a label heads up to [`MAX_TEASERS`] one-line titles that end the text; `n`
/// otherwise. Under such a label a title has any headline's shape: it may end on `!`, `?` or a full stop, be short
/// (`- Burg & Garten`) or hold digits, as long as it stays one line of a headline's length.
fn labelled_teasers(cx: &Context<'_>, n: usize) -> usize {
    let body = &cx.body;
    let title = |i: usize| {
        let block = &body.blocks[i];
        block.lines == 1
            && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && (1..=MAX_LABELLED_TEASER_TITLE_WORDS)
                .contains(&word_count(title_text(body.block_text(i))))
    };
    let mut from = n;
    for i in (n.saturating_sub(MAX_TEASERS + 1)..n).rev() {
        if title(i) && is_more_label(body.block_text(i)) {
            from = i + 1;
        }
        if !title(i) {
            break;
        }
    }
    from
}

/// The punctuation of a line, each run of digits as one `0`: lines of one list share it (`Spain (Group F): 11th`
/// / `Wales (Group E): Second appearance`; `150 g sugar` / `3 eggs`, where the count's shape alone would make the
/// last items of an ingredient list a `3 comments` line).
fn skeleton(text: &str) -> String {
    let mut shape = String::new();
    let mut digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !digits {
                shape.push('0');
            }
            digits = true;
            continue;
        }
        digits = false;
        if !c.is_alphanumeric() && !c.is_whitespace() {
            shape.push(c);
        }
    }
    shape
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_lines_and_copyright_at_the_end_go() {
        let cx = Context::markdown(
            "The article ends here.\n\nShare this:\n\nTags: news, local\n\n© 2019 Site. All rights reserved.\n",
        );
        assert_eq!(TrailerLines.check(&cx).len(), 1);
    }

    #[test]
    fn trailers_in_other_languages_go_by_their_shape() {
        let cx = Context::markdown(
            "Der Artikel endet hier.\n\nLesen Sie auch: Die Zukunft der Bahn in vier Bildern\n\n30 Kommentare\n\nImpressum – Datenschutz – Kontakt\n\nFolgen Sie uns auf Facebook und Twitter\n\nWeiter »\n",
        );
        let edits = TrailerLines.check(&cx);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range.start, "Der Artikel endet hier.\n".len());
    }

    /// Where the one edit the rule makes in `text` starts (it asserts there is exactly one).
    fn trailer_start(text: &str) -> usize {
        let edits = TrailerLines.check(&Context::markdown(text));
        assert_eq!(edits.len(), 1, "{text}");
        edits[0].range.start
    }

    /// The blank line above the first paragraph of `text` that starts with `first`: where a trailer cut starts.
    fn blank_line_above(text: &str, first: &str) -> usize {
        text.find(&format!("\n\n{first}")).expect("the paragraph") + 1
    }

    #[test]
    fn notices_below_a_trailer_line_go() {
        let text = "The article ends here, as articles do, with a sentence.\n\n© 2019 Site\n\nFollow @site_news\n\nComments are closed.\n\nKommentare (29)\n\nWe use cookies. By continuing to browse, you agree to this use of cookies.\n";
        assert_eq!(trailer_start(text), blank_line_above(text, "©"));
    }

    #[test]
    fn short_sentences_of_the_article_stay() {
        // The last sentences stand above every trailer line; and a text of short sentences under a call to
        // action is no trailer.
        let cx = Context::markdown("Long text here.\n\nHe was 84.\n\nShare this\n");
        let edits = TrailerLines.check(&cx);
        assert_eq!(
            edits[0].range.start,
            "Long text here.\n\nHe was 84.\n".len()
        );
        let cx = Context::markdown(
            "Results of the day, as reported by the coaches\n\nClick for the full results\n\nAnna won the 200 metres.\n\nBen won the relay.\n\nCarla was second.\n",
        );
        assert!(TrailerLines.check(&cx).is_empty());
    }

    #[test]
    fn a_section_of_sentences_under_a_heading_of_the_article_stays() {
        // `Linux` has a call's shape and each sentence under it a notice's; the article's own headings of that
        // shape (`Windows`, `Mac`) tell it for a heading, and the footer under its sentences goes alone.
        let section = "The installer for this system comes in two flavours, and the smaller one is enough for most of the readers who only want to try the language before they decide to keep it for good.";
        let text = format!(
            "{section}\n\nWindows\n\n{section}\n\nMac\n\n{section}\n\nLinux\n\n**For Debian**, install the packages.\n\n**For Gentoo**, install the ebuild.\n\n**For other systems**, see the [download page](https://example.org/download).\n\nTweet Share Email\n\nNext story »\n"
        );
        assert_eq!(trailer_start(&text), blank_line_above(&text, "Tweet"));
        // A call over one notice, or over a cookie notice, is the footer's, whatever the article's headings.
        let footer = text.replace(
            "Linux\n\n**For Debian**, install the packages.\n\n**For Gentoo**, install the ebuild.\n\n**For other systems**, see the [download page](https://example.org/download).\n\n",
            "Follow us\n\nWe use cookies. By continuing to browse, you agree to this use of cookies.\n\n",
        );
        assert_eq!(trailer_start(&footer), blank_line_above(&footer, "Follow"));
    }

    #[test]
    fn a_button_or_a_closed_comment_section_alone_at_the_bottom_goes() {
        for last in [
            "Got it!",
            "Comments are closed.",
            "OK, verstanden",
            "Комментарии закрыты.",
        ] {
            let text =
                format!("The article ends here, as articles do, with a sentence.\n\n{last}\n");
            assert_eq!(trailer_start(&text), blank_line_above(&text, ""));
        }
        // A sign-off of a button's shape is the article's.
        let text = "He was 84.\n\nComments are closed.\n";
        let edits = TrailerLines.check(&Context::markdown(text));
        assert_eq!(edits.len(), 1, "a notice is no item of a list of sentences");
        let cx = Context::markdown("The article ends here, as articles do.\n\nEnjoy!\n");
        assert!(TrailerLines.check(&cx).is_empty());
    }

    #[test]
    fn titles_of_any_ending_under_a_label_of_other_articles_go() {
        let text = "The article ends here, as articles do, with a sentence.\n\nLire la suite\n\n→ [The Harbour: Tale of Min Sorae] The Colours of Busan Shown at ‘2019 Hello Seomyeon Fair’! To the Real Place!\n\n» L’inventaire et les listes de prix\n\n» Trois ans et demi à la mairie : un procès, huit plaintes déposées et deux enquêtes en cours\n\n- Burg & Garten\n\n- Brunnen in neuem Glanz.\n";
        assert_eq!(trailer_start(text), blank_line_above(text, "Lire"));
        let text = "The article ends here, as articles do, with a sentence.\n\nAuch interessant: Wie entsteht Bernstein?\n";
        let edits = TrailerLines.check(&Context::markdown(text));
        assert_eq!(edits.len(), 1);
        // Without the label, such lines are the article's.
        let cx = Context::markdown("The article ends here, as articles do.\n\nIn short\n\n- Burg & Garten\n\n- Brunnen in neuem Glanz.\n");
        assert!(TrailerLines.check(&cx).is_empty());
    }

    #[test]
    fn a_named_notice_is_weighed_as_a_notice_and_ends_a_run_alone() {
        // Three sentences and `Comments are closed.` under a running header outweigh the lines of trailer shape:
        // the run is the lines at the bottom only.
        let text = "Summary: the swimmer took the county title in the relay with a fast time.\n\nnews.example.com — Science\n\nBrookfield North's Omar Lindqvist won the diving for the Hornets.\n\nBrookfield West's Pavel Novak was second in the 50 yard butterfly.\n\nBrookfield East's Tom Ashdown won the 100 yard backstroke.\n\nTopics: Hornets, West, Brookfield\n\nPrevious article\n\nComments are closed.\n";
        assert_eq!(trailer_start(text), blank_line_above(text, "Topics"));
    }

    #[test]
    fn a_sentence_with_a_dashed_aside_is_no_menu() {
        assert!(!is_menu("The vote – a surprise to many – passed"));
        assert!(is_menu("About us – Careers – Contact"));
    }

    #[test]
    fn teasers_under_a_read_more_line_go() {
        let text = "The article ends here, as articles do.\n\nRead more\n\n→ A teaser that names another story\n\n- [Another story, with a link](https://example.com/a)\n";
        assert_eq!(trailer_start(text), blank_line_above(text, "Read more"));
        // Without a trailer line above them, closing lines of title shape are the article's.
        let cx = Context::markdown(
            "The article ends here.\n\nA closing line of title shape that the article keeps\n",
        );
        assert!(TrailerLines.check(&cx).is_empty());
    }

    #[test]
    fn teasers_under_a_label_line_of_title_shape_go() {
        // The label line names the first teaser (`Read more: Title` / `- Title`), so it has a teaser title's
        // shape too: the teasers start under it, not at it.
        let text = "The article ends here, as articles do, with a last paragraph that holds more words than the lines under it, which a reader leaves for the next story.\n\nÀ lire aussi : Le ministre de la Santé sommé de démissionner\n\n- Le ministre de la Santé sommé de démissionner\n\nThèmes : Comme, Selon\n\nPrevious article\n";
        assert_eq!(trailer_start(text), blank_line_above(text, "À lire"));
    }

    #[test]
    fn a_labelled_teaser_may_carry_a_long_headline() {
        assert!(is_teaser(
            "Previous: Norwind inks $7 billion order for 28 Skyline 900 jets, will revive plans to widen network by late 2020s"
        ));
        // A sentence is no headline, however long; nor are more than twenty words after a label.
        assert!(!is_teaser(
            "Note: the figures were compiled by the agency over twelve months and may still change."
        ));
        assert!(!is_teaser(
            "Note: the figures in this report were compiled by the agency over twelve months and may still change as the last surveys come in"
        ));
    }

    #[test]
    fn copyright_share_rows_and_cookie_notices_in_other_shapes_go() {
        assert!(is_copyright("All content © 2019 Example News"));
        assert!(is_copyright(
            "Wszelkie prawa zastrzeżone © Example Sp. z o.o."
        ));
        assert!(!is_copyright("© Reuters"));
        assert!(is_share_row(
            "Share on Facebook Share on Twitter Share via Email"
        ));
        assert!(!is_share_row("The end of the end of the end."));
        let text = "The article ends here, as articles do.\n\nThis website uses cookies to ensure you get the best experience.\n";
        assert_eq!(TrailerLines.check(&Context::markdown(text)).len(), 1);
    }

    /// Running text of `words` words in two paragraphs, long lines none of which has a trailer's shape.
    fn article(words: usize) -> String {
        let word = |i: usize| ["the", "river", "rose", "over", "its", "banks", "again"][i % 7];
        let half = words / 2;
        let paragraph = |from: usize, to: usize| (from..to).map(word).collect::<Vec<_>>().join(" ");
        format!("{}.\n\n{}.\n\n", paragraph(0, half), paragraph(half, words))
    }

    #[test]
    fn a_footer_longer_than_the_window_goes_in_one_pass() {
        // Fourteen blocks of calls and notices: a window of ten takes the last ten, and taking them brings the
        // other four to the bottom; the rule takes all fourteen at once.
        let article = article(60);
        let footer = "Share this story\n\nComments are closed.\n\n".repeat(7);
        let edits = TrailerLines.check(&Context::markdown(&format!("{article}{footer}")));
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range.start, article.len() - 1);
    }

    #[test]
    fn a_long_footer_under_running_text_goes() {
        // A comment area, newsletter and about blurbs, calls each over a notice: 46 blocks,
        // four windows and more, under an article that outweighs them.
        let article = article(400);
        let footer = [
            "Leave a comment\n\nComments are closed.\n\n",
            "Log in to reply\n\nYou must be signed in to write a comment.\n\n",
            "Sign up for our newsletter\n\nWe send one letter a week.\n\n",
            "About the author\n\nShe writes on rivers and floods.\n\n",
        ]
        .iter()
        .cycle()
        .take(23)
        .copied()
        .collect::<String>();
        let text = format!("{article}{footer}");
        let cx = Context::markdown(&text);
        assert_eq!(cx.body.blocks.len(), 2 + 46);
        let edits = TrailerLines.check(&cx);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range, article.len() - 1..text.len());
    }

    #[test]
    fn a_cascade_is_taken_up_to_as_many_words_as_the_text_above() {
        // Two windows of footer, 42 words: taken under 42 words of running text, left alone under 41.
        let footer = "Share this story\n\nComments are closed.\n\n".repeat(7);
        let words = |text: &str| text.split_whitespace().count();
        assert_eq!(words(&footer), 42);
        for (above, taken) in [(42, true), (41, false)] {
            let article = article(above);
            assert_eq!(words(&article), above);
            let edits = TrailerLines.check(&Context::markdown(&format!("{article}{footer}")));
            assert_eq!(!edits.is_empty(), taken, "{above} words above");
        }
    }

    #[test]
    fn one_window_of_trailer_lines_goes_under_a_short_text() {
        // A run no longer than a window is taken however short the text above it, as the rule always took it.
        let text =
            "The article ends here.\n\nShare this story\n\nComments are closed.\n\nFollow us\n";
        let edits = TrailerLines.check(&Context::markdown(text));
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range.start, "The article ends here.\n".len());
    }

    #[test]
    fn a_document_of_short_lines_and_sentences_is_left_alone() {
        // Short open lines alternating with short sentences far past any footer's length: no window of the
        // bottom reaches running text above them, and their cascade outweighs what stands above it.
        let text: String = (0..40)
            .map(|i| format!("Mary walked past the old Store{i}\n\nHouses sell the shares of the company {i}.\n\n"))
            .collect();
        assert!(TrailerLines.check(&Context::markdown(&text)).is_empty());
    }

    #[test]
    fn the_last_items_of_a_list_of_counts_and_a_closing_sentence_stay() {
        // `3 eggs` has a count's shape (`42 comments`), but the lines above it count too: one list, and the
        // sentence under it is the article's.
        let text = "The secret is to use the zest of two lemons and to let the cake rest overnight.\n\n\
            Ingredients\n\n200 g flour\n\n150 g sugar\n\n3 eggs\n\n2 lemons\n\n\
            Bake for forty minutes at 180 degrees and let the cake cool completely before glazing.\n";
        assert!(TrailerLines.check(&Context::markdown(text)).is_empty());
        let text = "Der Kuchen gelingt immer, wenn man ihn über Nacht ruhen lässt.\n\nZutaten\n\n200 g Mehl\n\n\
            3 Eier\n\n2 Zitronen\n";
        assert!(TrailerLines.check(&Context::markdown(text)).is_empty());
    }

    #[test]
    fn a_closing_list_is_kept() {
        let cx = Context::markdown(
            "Text here.\n\nSpain (Group F): 11th\n\nWales (Group E): Second appearance\n",
        );
        assert!(TrailerLines.check(&cx).is_empty());
    }
}
