//! The evidence of `B001`: whether a block stops mid-clause and the block after the furniture can continue it
//! ([`candidate`]), and how the document ends its paragraphs ([`Reading`]).

use std::cell::OnceCell;
use std::rc::Rc;

use super::super::function_words::Language;
use super::facts::{LineFacts, TextFacts, MIN_MID_CLAUSE_WORDS, MOSTLY_LOWER_SHARE};
use super::shapes::{is_label, last_sentence, one_word_label, sentence_starts, text_like};
use super::unclosed::{
    closes_link_opened_before, emphasis_across, link_text, quote_closed_mid_sentence,
    without_closing_quotes,
};
use super::words::Words;
use super::{Break, Join};
use crate::rules::body::{leading_char, word_count, BlockKind, Body, Ending};
use crate::rules::whitespace::invisible_chars::INVISIBLE;

/// The most furniture blocks between the two halves of a split.
pub(super) const MAX_BETWEEN: usize = 4;
/// A paragraph of this many words is running text, whose ending tells whether the document ends its paragraphs
/// with sentence ends.
pub(super) const MIN_RUNNING_WORDS: usize = 8;
/// A second half starting with a capital must be a paragraph in its own right: this many words, or a sentence end.
const MIN_CAPITAL_CONTINUATION_WORDS: usize = 12;
/// A document "ends its paragraphs with sentences" when at most one long paragraph in this many (plus one) ends
/// without punctuation before a capital. Only there is an open end evidence of a cut: recipes, job ads and lists
/// end their lines without punctuation everywhere.
const OPEN_END_SHARE: usize = 8;
/// A first half shorter than this is a label or a heading (`Read more`, `Related:`) even when it ends open.
const MIN_FIRST_HALF_WORDS: usize = 3;
/// A first half ending on a comma needs a word more: a comma also ends the items of a short list line.
const MIN_COMMA_FIRST_HALF_WORDS: usize = 4;
/// A second half of one word is a page number's label or a stray word of the layout, not the rest of a sentence.
const MIN_SECOND_HALF_WORDS: usize = 2;
/// Without a known language, a last word of one or two lower-case letters is a function word (`in`, `of`, `на`,
/// `de`) in almost every language written with spaces; longer words need the language's own list.
const MAX_FUNCTION_WORD_CHARS: usize = 2;

/// A continuation of paragraph `i` after at most [`MAX_BETWEEN`] furniture lines, if its shape allows one.
pub(super) fn candidate(
    body: &Body<'_>,
    i: usize,
    reading: &Reading<'_>,
    short: &[bool],
    facts: &[Option<Rc<LineFacts>>],
    shaped: &[bool],
    repeated: &dyn Fn(usize) -> bool,
) -> Option<Break> {
    let language = reading.language;
    let block = &body.blocks[i];
    // A short line that repeats is a running header, not the first half of a paragraph.
    if block.kind != BlockKind::Paragraph || shaped[i] || (short[i] && repeated(i)) {
        return None;
    }
    let text = body.block_text(i);
    let facts_i = &*reading.texts[i];
    // A first half that holds a sentence end inside is running text of several sentences: right above its second
    // half, it reads the document's style where such paragraphs end, not where its headings and labels (one
    // sentence each) do. Across furniture, which a page of comments or teasers also prints between its items, it
    // reads the style of all paragraphs.
    let closed_running = reading.closed_running && facts_i.sentence_inside(text);
    // A quote closed right after a word or a comma (`“small and contained”`, `parts,"`) ends no sentence: the
    // sentence goes on where the next paragraph starts in lower case.
    let quote_open = body.ending(i) == Ending::Terminal && quote_closed_mid_sentence(text);
    // A dash standing alone after a word (`that I would do it --`) breaks a sentence off or opens an aside: the
    // sentence goes on where the next paragraph starts in lower case.
    let dash = body.ending(i) == Ending::Dash && dash_after_space(text);
    let join = match body.ending(i) {
        Ending::Open => Join::Space,
        Ending::Hyphen => Join::Hyphen,
        _ if quote_open || dash => Join::Space,
        _ => return None,
    };
    // A comma inside the closing quote of a short line ends a list item too (`"Salt, pepper, oil,"`).
    if body.words(i) < MIN_FIRST_HALF_WORDS
        || without_closing_quotes(text).ends_with(',') && body.words(i) < MIN_COMMA_FIRST_HALF_WORDS
    {
        return None;
    }
    // What the first half tells, read once and only when a second half starting with a capital asks.
    let told = OnceCell::new();
    let evidence = || {
        *told.get_or_init(|| {
            let last = last_word(text);
            (
                stops_mid_clause(text, facts_i, language),
                language().is_some_and(|l| l.seldom_final(last)),
            )
        })
    };
    // The lines between are short lines, whose facts hold whether they read as labels or as one word.
    let label = |b: usize| {
        let text = body.block_text(b);
        facts[b]
            .as_ref()
            .map_or_else(|| is_label(text), |f| f.label(text))
    };
    let one_word = |b: usize| {
        let text = body.block_text(b);
        facts[b]
            .as_ref()
            .map_or_else(|| one_word_label(text), |f| f.one_word(text))
    };
    // A line cut in parts by separators (`June 7, 2018 | Site`, `Title – Section – 2`) has the shape of a running
    // header, whatever it repeats.
    let parted = |b: usize| reading.texts[b].parted(body.block_text(b));
    let mut between = Vec::new();
    for k in i + 1..body.blocks.len().min(i + 2 + MAX_BETWEEN) {
        let next = &body.blocks[k];
        let next_text = body.block_text(k);
        if next.kind == BlockKind::Paragraph && !shaped[k] && body.words(k) >= MIN_SECOND_HALF_WORDS
        {
            let closed = reading.closed || (closed_running && between.is_empty());
            // A dash (dialogue) or a quote opens a new paragraph; only a letter or a digit continues one, a dash
            // before a lower-case word (`find no benefit` / `— and some even assert …`: dialogue opens with a
            // capital), or a quoted word after a first half that stops mid-clause (`described as` /
            // `“paradigmatic”`).
            let first = leading_char(next_text).unwrap_or('"');
            let quoted = next_text
                .trim_start()
                .strip_prefix(['"', '“', '„', '«', '‘', '\''])
                .and_then(leading_char);
            // Evidence that the first half stops mid-clause, strongest first. Without furniture between the
            // halves only the strong kinds count, on a first half too long to be a heading; furniture between is
            // evidence of its own, so weaker kinds add up with it.
            let comma = text.trim_end().ends_with(',');
            let furniture_between = between.iter().all(|&b: &usize| shaped[b] || repeated(b));
            // A page number (or another line of furniture shape) marks the page boundary; the labels beside
            // it in the same run (a running header without punctuation) go with it.
            let marked = between.iter().any(|&b: &usize| shaped[b])
                && between
                    .iter()
                    .all(|&b: &usize| shaped[b] || repeated(b) || label(b));
            let long_first = body.words(i) >= MIN_MID_CLAUSE_WORDS;
            // A line on top cut in parts by a separator (`Title « Site`, `Title | Site`, `Title :: Site`) is a
            // headline with its site name: its last part names the site, and a separator read as a quote mark
            // (`«`) or a name at its end says nothing of a sentence going on. Right above the lead or a date line,
            // with nothing between, it starts no paragraph that a capital continues.
            let headline = || i < reading.top_blocks && facts_i.parted(text);
            // A first half of many words below the lines on top is no heading even as one sentence (a
            // title above the text may be a long one), unless it holds parts between separators (a
            // teaser: `SECTION — August 13, 2015, 11:32 am Title of another story`).
            let long_sentence = || {
                i >= reading.top_blocks
                    && body.words(i) >= MIN_LONG_SENTENCE_WORDS
                    && !facts_i.parted(text)
            };
            let continues = match join {
                // After a dash only a lower-case word goes on with the sentence (`do it --` / `and I just …`); a
                // capital may start the next one after a sentence broken off.
                Join::Space if dash => long_first && first.is_lowercase(),
                // After a quote closed mid-sentence only a lower-case word goes on with it (a capital may start
                // the next sentence after a quoted title or a quote that ends one), and only across furniture by
                // shape or repetition: a heading in quotes above a short first half (`„… partner UE”` / `Charles
                // Michel napisał na Twitterze,` / `że …`) must not take its second half.
                // A comma inside the closing quote (`… in our front lobby,”` / `Farid said …`) says the
                // sentence goes on to the quote's speaker, often a name: a capital continues it as one continues a
                // first half ending on a comma, a paragraph of its own after a first half too long for a heading,
                // and with nothing between only in a document that ends its paragraphs with sentences.
                Join::Space if quote_open => {
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let sentence = body.ending(k) == Ending::Terminal;
                    let comma_quote = || without_closing_quotes(text).ends_with(',');
                    furniture_between
                        && (first.is_lowercase()
                            || (first.is_alphanumeric()
                                && long_first
                                && (long || sentence)
                                && (!between.is_empty() || (closed && long && sentence))
                                && comma_quote()))
                }
                // `Eva-` / `Marie`, `mid-` / `2020s`: a capital or a digit after a hyphen, but a short open line
                // there is a running header.
                Join::Hyphen => {
                    first.is_lowercase()
                        || (first.is_alphanumeric()
                            && (!short[k] || body.ending(k) == Ending::Terminal))
                }
                Join::Space if first.is_lowercase() || dash_before_lowercase(next_text) => true,
                // A capital (a name, "I", an acronym, a German noun) or a digit: the case of the next word is no
                // evidence either way, the first half is. It continues where the first half plainly stops
                // mid-clause, or seldom ends and page furniture stands between (not before a capitalised word that a
                // language capitalising its nouns writes in lower case elsewhere: `Die`, `Er` open a sentence). Either
                // way the second half is a paragraph of its own that ends a sentence.
                Join::Space if first.is_alphanumeric() => {
                    let next_word = first_word(next_text);
                    // The evidence of the first half is read only where the rest leaves it a say.
                    // Emphasis opened in the first half and closed in the second (`spoke to *Woman’s` / `p. 2` /
                    // `Weekly* about …`) spans the cut: markdown emphasis never crosses paragraphs.
                    let strong = || evidence().0 || emphasis_across(text, next_text);
                    let seldom = || evidence().1;
                    // In a language that writes its nouns with a capital, a capitalised word that the document also
                    // writes in lower case (an article, a pronoun, an adverb: `Die`, `Er`, `Wir`, `Gestern`) is
                    // capitalised because a sentence starts there: no noun or name goes on with the sentence.
                    let opens_sentence = || {
                        language().is_some_and(Language::capitalises_nouns)
                            && next_word.starts_with(char::is_uppercase)
                            && reading.words.in_lower_case(next_word)
                    };
                    let sentence = body.ending(k) == Ending::Terminal;
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let running = || {
                        closed
                            && open_before_capital(
                                text,
                                facts_i,
                                body.words(i),
                                next_text,
                                language,
                                reading.words,
                            )
                    };
                    // The weakest evidence asks the most of the rest: a second half that is a paragraph ending a
                    // sentence, and furniture between by its shape, not by repetition alone.
                    let shaped_between = between.iter().all(|&b| shaped[b]);
                    // A word the document writes with a capital inside its sentences (a name, a German noun)
                    // starts no sentence by its capital, after a first half that holds a sentence end or is one
                    // long sentence (a heading or a teaser is one short sentence without its end).
                    let name = || {
                        closed
                            && reading.words.as_name(next_word)
                            && running_text(text, facts_i, body.words(i), language)
                            && (facts_i.sentence_inside(text) || long_sentence())
                            && language().is_none_or(|l| {
                                !l.never_final(next_word) && !l.seldom_final(next_word)
                            })
                    };
                    // Weak evidence continues only a cut between two words: not after a bracket, a link or an
                    // image (a photo credit, `Click To Tweet`, a caption), not before a footnote mark or emphasis
                    // (an italic note under a caption). A link opening the second half is read by its words: a
                    // name linked to its page (`as noted by registered dietitian` / `[Trista Bell](…). “You …`)
                    // goes on with the sentence as the plain name would, after a first half that holds a sentence
                    // end; a subheading is one sentence, long or not, and a paragraph under it may open on a
                    // linked name (`Focus on what counts for the next year of your small shop` / `[Plan &
                    // Build BIG](…) helps …`). `linked` says whether the first half may go on in a link: where it
                    // holds a sentence end, or where it also stops on a word after which sentences seldom end
                    // (below) and is one long sentence (`… to function, as noted by` / `[Northfield Medical
                    // School](…). …`): a subheading is short, and one ending on a particle (`What we are working
                    // on`) holds no more than a label's words.
                    let plain_seam = |linked: bool| {
                        let opens_on = |t: &str| t.trim_start().starts_with(char::is_alphanumeric);
                        text.trim_end().ends_with(char::is_alphanumeric)
                            && (opens_on(next_text)
                                || (link_text(next_text).is_some_and(opens_on) && linked))
                    };
                    let sentence_inside = || facts_i.sentence_inside(text);
                    // Running text that holds a sentence end, or is one long sentence below the first paragraph
                    // of running text (which may be a deck without its period under the title), stops on a word
                    // before a capitalised word that the document never writes in lower case: a name or a noun
                    // goes on with the sentence, a common word (`Last week`, `We use`) would start one. A word of
                    // one letter before any apostrophe (English `I`, `I'm`) has its capital everywhere: its case
                    // says nothing.
                    let never_lower = || {
                        next_word
                            .split(['\'', '’'])
                            .next()
                            .is_some_and(|stem| stem.chars().nth(1).is_some())
                            && !reading.words.in_lower_case(next_word)
                    };
                    let cut_alone = || {
                        closed
                            && cut_on_word(
                                text,
                                facts_i,
                                body.words(i),
                                i > reading.top_blocks && long_sentence(),
                                next_text,
                                language,
                                Some(reading.words),
                            )
                            && never_lower()
                    };
                    // A word after which sentences seldom end (`in`, `through`, `by`, an auxiliary) right before
                    // such a capitalised word, a name or a month (`took effect in` / `July 2018, …`), in any
                    // document: the first half need not be running text, nor the document end its paragraphs with
                    // sentences. The seldom-final word is half of the evidence, the name the other half: a heading
                    // ending on a particle (`What we are working on`) is followed by a sentence that opens on a
                    // common word (`We`, `Our`, `The`), which the document writes in lower case elsewhere. Not in a
                    // language that writes its nouns with a capital, whose clauses end on separable prefixes (`sieht
                    // … aus` / `Doch …`) before any capitalised word. A capitalised word that is itself seldom final (an
                    // auxiliary: `May`, `Will`) is a name only before a number (`through` / `May 2017.`): an auxiliary
                    // or a conjunction opening a sentence (`While …`) is followed by a word.
                    let seldom_before_name = || {
                        seldom()
                            && next_word.starts_with(char::is_uppercase)
                            && language().is_some_and(|l| {
                                !l.capitalises_nouns()
                                    && !l.never_final(next_word)
                                    && (!l.seldom_final(next_word)
                                        || second_word_a_number(next_text))
                            })
                            && never_lower()
                    };
                    // The document writes the two words at the cut side by side elsewhere (`Emmanuel` / `Macron`
                    // where `Emmanuel Macron` stands in another paragraph, `Supreme` / `Court`): the join makes a
                    // phrase of the text's own, in any language, which a heading and the paragraph below it seldom
                    // make by chance.
                    let phrase = || reading.words.together(last_word(text), next_word);
                    // Running text that stops a word or two into a sentence opened by a function word (`… des Landes
                    // Niedersachsen. Auf` / `Grundlage des § 3 …`, `… were in Ostland. The Northfield` / `Board on
                    // …`): no sentence ends there.
                    let begun = || closed && sentence_begun(text, next_text, language);
                    // Running text that holds a sentence end and stops on a comma, before a capitalised word that is
                    // no function word and that the document never writes in lower case (`you get unlimited parking,
                    // free buses,` / `River Ferry Pass and more.`): the list or the clause goes on with a
                    // name. A longer second half needs no more than the comma (below); a short one could be a label.
                    // A number goes on so too (`przyjęta przy 578 głosach „za”,` / `51 - „przeciw” i 68 …`, a count
                    // in a list of counts): it is no function word and has no case, in any language.
                    let comma_before_name = || {
                        let opening = next_text.trim_start();
                        (opening.starts_with(char::is_numeric)
                            || (opening.starts_with(char::is_uppercase)
                                && language().is_none_or(|l| {
                                    !l.never_final(next_word) && !l.seldom_final(next_word)
                                })
                                && never_lower()))
                            && running_text(text, facts_i, body.words(i), language)
                            && facts_i.sentence_inside(text)
                    };
                    // A name begun right after an article or a preposition (`extradition to the United` / `Al
                    // Bawaba · 2` / `States, which …`, `since the Industrial` / `Revolution is …`): a phrase opened by
                    // a function word is cut inside the name, in a first half of lower-case words (a title in
                    // capitals ends on names after articles), beside a page number or, with nothing between, before
                    // a paragraph that ends a sentence in a document whose paragraphs end with sentences.
                    let name_begun = || {
                        closed
                            && name_after_function_word(text, facts_i, language)
                            && language().is_some_and(|l| {
                                !l.never_final(next_word) && !l.seldom_final(next_word)
                            })
                            && never_lower()
                    };
                    if between.is_empty() {
                        long_first
                            && !headline()
                            && (((long || sentence) && strong())
                                || (sentence
                                    && plain_seam(sentence_inside() || long_sentence())
                                    && seldom_before_name())
                                || (comma && closed && sentence && (long || comma_before_name()))
                                || (sentence
                                    && plain_seam(sentence_inside())
                                    && (running() || name() || cut_alone() || phrase() || begun()))
                                || (sentence && long && plain_seam(false) && name_begun()))
                    } else {
                        let cut = || {
                            closed
                                && cut_on_word(
                                    text,
                                    facts_i,
                                    body.words(i),
                                    long_sentence(),
                                    next_text,
                                    language,
                                    None,
                                )
                        };
                        // No heading stands after a sentence cut mid-way: after running text below the lines on
                        // top that plainly stops mid-clause, one section name between the halves (one capitalised
                        // word: `sold in the` / `Politics` / `United States …`) or one line cut in parts by
                        // separators, a running header printed once (`the Salon, the` / `June 7, 2018 | Site` /
                        // `CPD Policy Blog …`, `den eingeschlagenen` / `Wissen | Site` / `Weg …`), is furniture
                        // too, beside furniture by shape or repetition. A longer line of words could be the rest
                        // of the sentence (a caption's second line, `at the` / `Ecuador Embassy in London`); more
                        // lines without a shape are a block of their own; a title on top may stop on a separator
                        // read as a quote mark (`Title « Site`) above a byline or a date.
                        let section = || {
                            let mut unmarked =
                                between.iter().filter(|&&b| !shaped[b] && !repeated(b));
                            i >= reading.top_blocks
                                && unmarked.clone().all(|&b| one_word(b) || parted(b))
                                && unmarked.nth(1).is_none()
                                && running_text(text, facts_i, body.words(i), language)
                        };
                        (long || sentence)
                            && ((furniture_between
                                && (comma
                                    || strong()
                                    || (seldom() && !opens_sentence())
                                    || (shaped_between && running())
                                    || name()
                                    || phrase()
                                    || begun()))
                                || (strong() && section())
                                || (marked && (cut() || phrase() || name_begun())))
                    }
                }
                // A quote opening the second half (`described as` / `“paradigmatic”`) continues on the
                // evidence a capital needs: with nothing between, a plain mid-clause stop, or, in a document whose
                // paragraphs end with sentences, before a paragraph ending a sentence, a comma after a first half
                // too long for a list item (`you may be thinking,` / `“What about …`) or running text stopping on
                // a word after which sentences seldom end (`fame through violence in` / `“Joker” has swept …`)
                // that holds a sentence end or is one long sentence: a subheading is one short sentence, and may
                // end on such a word (`Der Regen gibt Energie und Tempo vor` / `«Rain» aber …`).
                Join::Space => {
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let sentence = body.ending(k) == Ending::Terminal;
                    let evidence = || {
                        let (strong, seldom) = evidence();
                        if between.is_empty() {
                            strong
                                || (closed
                                    && sentence
                                    && ((comma && long)
                                        || (seldom
                                            && running_text(
                                                text,
                                                facts_i,
                                                body.words(i),
                                                language,
                                            )
                                            && (facts_i.sentence_inside(text) || long_sentence()))))
                        } else {
                            furniture_between && (strong || seldom || comma)
                        }
                    };
                    // A quoted word in lower case (`jak okiwała` / `“libków” i …`) goes on as a word in lower case
                    // does, after a first half too long for a label: a paragraph of its own opens a quote with a
                    // capital. A word with a capital inside (`“iPhone”`) is a name.
                    let lower_quoted = || {
                        quoted.is_some_and(char::is_lowercase)
                            && !first_word(next_text).contains(char::is_uppercase)
                    };
                    (quoted.is_some_and(char::is_alphanumeric)
                        && long_first
                        && !(between.is_empty() && headline())
                        && (long || sentence)
                        && evidence())
                        || (long_first && furniture_between && lower_quoted())
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
        // A short line has its facts: whether it reads as text is asked of each of its texts once.
        let text_like = || {
            facts[k]
                .as_ref()
                .map_or_else(|| text_like(next_text), |f| f.text_like(next_text))
        };
        // A line that closes a markdown link opened above it (`* [![](photo.jpg)` / `Title of a story](/story)`)
        // is the rest of that link's text, not furniture, however often its words repeat: taking it out would
        // leave the link open and run the text below into it.
        if matches!(body.ending(k), Ending::Colon | Ending::Hyphen)
            || (!shaped[k] && !repeated(k) && text_like())
            || closes_link_opened_before(next_text)
        {
            return None;
        }
        between.push(k);
    }
    None
}

/// Whether `text` opens with a dash and a space before a lower-case word (`— and some even assert …`, `– was für
/// manche …`): the rest of a sentence after a parenthesis or an aside, which no paragraph opens with. A line of
/// dialogue opens with a dash before a capital (`— Yes, he said.`), a list item with a dash and no more.
fn dash_before_lowercase(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(['—', '–'])
        .and_then(|t| t.strip_prefix(' '))
        .and_then(leading_char)
        .is_some_and(char::is_lowercase)
}

/// Whether `text` ends on a dash that stands alone after white space (`do it --`, `so —`), not on one attached to
/// a word or to a character that is no white space (`langfri\u{200b}-`, a hyphen behind an invisible character).
fn dash_after_space(text: &str) -> bool {
    let t = text.trim_end();
    let before = t.trim_end_matches(['-', '‐', '—', '–']);
    before.len() < t.len() && before.ends_with(char::is_whitespace)
}

/// Whether the second word of `text` is a number (`May 2017`, `June 5`): a month or a name before a date, not an
/// auxiliary, which a verb follows.
fn second_word_a_number(text: &str) -> bool {
    text.split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// What the whole document tells about how its paragraphs end, for finding where one was cut.
pub(super) struct Reading<'r> {
    /// The language of its function words, worked out when first asked.
    pub(super) language: &'r dyn Fn() -> Option<Language>,
    /// Whether it ends its paragraphs with sentence ends ([`ends_in_sentences`]).
    pub(super) closed: bool,
    /// Whether it ends with sentence ends its paragraphs that hold a sentence end inside ([`ends_in_sentences`]).
    pub(super) closed_running: bool,
    /// How many blocks stand above its first paragraph of running text (the masthead, the title).
    pub(super) top_blocks: usize,
    /// What the text of each block tells alone.
    pub(super) texts: &'r [Rc<TextFacts>],
    /// Which words it writes, and how.
    pub(super) words: &'r Words<'r>,
}

/// Whether `text` (of `words` words) is running text: long, mostly lowercase, its last sentence not a short line
/// of its own. In a language that writes its nouns with a capital (`language`), two words in five in lower case
/// are enough: a German sentence capitalises its nouns, a heading rarely runs to that many words.
/// `facts` are the [`TextFacts`] of `text`.
pub(super) fn running_text(
    text: &str,
    facts: &TextFacts,
    words: usize,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    words >= MIN_RUNNING_WORDS
        && facts.long_last_sentence(text)
        && (facts.mostly_lowercase(text)
            || (facts.lowercase_share(text, NOUN_CASE_LOWER_SHARE)
                && language().is_some_and(Language::capitalises_nouns)))
}

/// Whether `text` (of `words` words) is running text once the words the document writes as names (`document`:
/// capitalised right after a lower-case word elsewhere, `Rudolph`, `NFL`) are set aside: a news paragraph full of
/// names is not mostly lower case, yet reads as text. It must end on a lower-case word (a title capitalises its last
/// word), or hold a sentence end and end on a capitalised word right after a lower-case word or a comma: a list of
/// names runs on in a sentence (`… in Alder, Dace, Elmsford and Van` / `Holt counties.`), where a title would
/// capitalise the word before too. Its last sentence is no short line of its own.
fn running_beside_names(text: &str, facts: &TextFacts, words: usize, document: &Words<'_>) -> bool {
    let t = text.trim_end();
    let last = last_word(t);
    let before = t[..t.len() - last.len()].trim_end();
    let name_in_sentence = || {
        last.starts_with(char::is_uppercase)
            && (before.ends_with(',') || last_word(before).starts_with(char::is_lowercase))
            && facts.sentence_inside(text)
    };
    if words < MIN_RUNNING_WORDS
        || !facts.long_last_sentence(text)
        || !(last.starts_with(char::is_lowercase) || name_in_sentence())
    {
        return false;
    }
    let (mut lower, mut cased) = (0, 0);
    for token in text.split_whitespace() {
        let word = first_word(token);
        match word.chars().next() {
            Some(c) if c.is_lowercase() => {
                lower += 1;
                cased += 1;
            }
            Some(c) if c.is_uppercase() && !document.as_name(word) => cased += 1,
            _ => {}
        }
    }
    cased > 0 && lower * MOSTLY_LOWER_SHARE.1 > cased * MOSTLY_LOWER_SHARE.0
}

/// The share of lower-case words (numerator, denominator) over which running text in a language that capitalises
/// its nouns reads as text.
pub(super) const NOUN_CASE_LOWER_SHARE: (usize, usize) = (2, 5);

/// Whether a first half stops mid-clause: on a word after which no sentence of the document's language ends (an
/// article, a preposition, a conjunction, a determiner), on a number after such a word
/// ([`count_after_function_word`]), inside a German noun phrase (`eine ökumenische`, `für positive`, `frei
/// werdenden`), or inside an open quote or bracket.
/// Without a known language, only one- and two-letter lower-case words count (`in`, `of`, `на`, `de`): they are
/// function words in almost every language written with spaces.
/// `facts` are the [`TextFacts`] of `text`.
pub(super) fn stops_mid_clause(
    text: &str,
    facts: &TextFacts,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    let t = text.trim_end();
    if facts.opened(text) {
        return true;
    }
    let last = last_word(t);
    match language() {
        Some(language) => {
            let before = last_word(&t[..t.len() - last.len()]);
            language.never_final(last)
                || language.awaits_noun(before, last)
                || language.awaits_noun_after_function_word(before, last)
                || language.attributive_participle(last)
                || count_after_function_word(t, before, last, language)
        }
        None => {
            (1..=MAX_FUNCTION_WORD_CHARS).contains(&last.chars().count())
                && last.chars().all(char::is_lowercase)
        }
    }
}

/// Whether `text` ends on a number in digits (`last`) right after `before`, a word after which no sentence of
/// `language` ends or a preposition (`dass 20` / `Millionen`, `neben 16` / `Zinkeimern`): the number counts a noun
/// still to come. A count is digits, grouped by thousands (`1.500`, `10,000`) or with one decimal separator (`9,1`):
/// not a date (`am 06.11.2023`, other groups) nor a year (four digits: `seit 2019`), which end a clause; and not
/// where the last sentence holds another number (`4 out of 5`, `from 5 to 10`: a score or a range ends on its
/// second number).
fn count_after_function_word(text: &str, before: &str, last: &str, language: Language) -> bool {
    let groups: Vec<&str> = last.split(['.', ',']).collect();
    let digits = |g: &&str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let number = groups.iter().all(digits)
        && (groups.len() <= 2
            || (groups[0].len() <= THOUSANDS_DIGITS
                && groups[1..].iter().all(|g| g.len() == THOUSANDS_DIGITS)));
    let year = last.len() == YEAR_DIGITS && last.chars().all(|c| c.is_ascii_digit());
    let sentence = sentence_starts(text)
        .next_back()
        .map_or(text, |s| &text[s..]);
    let other_number =
        sentence[..sentence.len() - last.len()].contains(|c: char| c.is_ascii_digit());
    number
        && !year
        && !other_number
        && (language.never_final(before) || language.preposition(before))
}

/// The digits of a year, a number that ends clauses after a preposition (`in 2019`).
const YEAR_DIGITS: usize = 4;

/// The digits of each group after the first of a number grouped by thousands (`1.000.000`).
const THOUSANDS_DIGITS: usize = 3;

/// Whether running text (`words` words, mostly lowercase, its last sentence not a short line of its own) that ends
/// without punctuation stops mid-clause before `next`, which starts with a capital, by evidence weaker than
/// [`stops_mid_clause`] that needs a document whose paragraphs end with sentence ends:
/// - in a language that writes only names with a capital, a name in progress: the last word is capitalised and
///   follows a word or a comma, so it starts no sentence and is no site name after a separator, in a first half of
///   twelve words or more or holding a comma, which a heading seldom does (`said Ronald` / `Fenwick`, `in the San` /
///   `Diego`, not `… | CNBC`, not `Le trésorier du Modem`);
/// - a word after which a sentence seldom ends (`in` / `Japan`, `sollen alle` / `Ärzte`), also at the end of a last
///   sentence of [`MIN_BEGUN_CLAUSE_WORDS`] words or more in a paragraph otherwise running text (`… Egal, ob bei` /
///   `Transfers`);
/// - in a language that writes its nouns with a capital, an adjective waiting for its noun (`angesichts schwacher`
///   / `Konsumwerte`, `an weiteren` / `Neuerungen`).
///
/// The second half must not start with a function word (`The`, `El`, `From`): a capitalised function word starts
/// a sentence, a name or a noun continues one. Running text may be full of the document's names
/// ([`running_beside_names`], `document`).
fn open_before_capital(
    text: &str,
    facts: &TextFacts,
    words: usize,
    next: &str,
    language: &dyn Fn() -> Option<Language>,
    document: &Words<'_>,
) -> bool {
    // A heading or a label above the text is short, or ends a longer paragraph as a short sentence of its own
    // (`… on the bus? A Reader Thread`).
    // A short last sentence that stops on a word after which sentences seldom end is a clause begun, not a label
    // (`… Egal, ob bei` / `Transfers …`, `… It’s possible that` / `E.U. shoppers …`): a label ends on its name.
    let clause_begun = || {
        words >= MIN_RUNNING_WORDS
            && facts.mostly_lowercase(text)
            && word_count(last_sentence(text)) >= MIN_BEGUN_CLAUSE_WORDS
            && language().is_some_and(|l| l.seldom_final(last_word(text.trim_end())))
    };
    if !running_text(text, facts, words, language)
        && !clause_begun()
        && !running_beside_names(text, facts, words, document)
    {
        return false;
    }
    // A number opens a list item (`171. What …`); a name or a noun starts with a letter.
    let next_word = first_word(next);
    if !next_word.starts_with(char::is_uppercase) {
        return false;
    }
    let t = text.trim_end();
    let last = last_word(t);
    let before = t[..t.len() - last.len()].trim_end();
    let Some(language) = language() else {
        return false;
    };
    if language.never_final(next_word) || language.seldom_final(next_word) {
        return false;
    }
    // A label or a heading ending on a name (`Le trésorier du Modem`) is short and holds no comma. The word before
    // may be a possessive (`Brookfield Heights' Owen`, `Harrow’s Thanksgiving`): a name goes on after it as after a word.
    let name = !language.capitalises_nouns()
        && (words >= MIN_LONG_SENTENCE_WORDS || text.contains(','))
        && last.starts_with(char::is_uppercase)
        && before.ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | '\'' | '’'));
    name || language.seldom_final(last) || language.awaits_noun_loosely(last_word(before), last)
}

/// The words a short last sentence of running text has at least when it stops on a word after which sentences seldom
/// end, for [`open_before_capital`] to read it as a clause begun: a subject, a verb or a conjunction, and that word
/// (`Egal, ob bei`, `It’s possible that`). Two words are as often a label's (`Follow us`, `Read more`); the last
/// sentence of running text has [`MIN_MID_CLAUSE_WORDS`] words otherwise.
const MIN_BEGUN_CLAUSE_WORDS: usize = 3;

/// Whether running text (`words` words, mostly lowercase, its last sentence not a short line of its own) that holds a
/// sentence end, or is one long sentence below the lines on top (`long_sentence`: [`MIN_LONG_SENTENCE_WORDS`] words or
/// more; a heading is one short sentence), stops on a word without punctuation before `next`, which starts with a
/// capitalised word that is no function word of the language (a name, an acronym, a German noun; a function word would
/// start a sentence). The first half ends on the word, not on a link or a bracket (`[Title](https://…)`, a title above
/// the text). The last word is a lower-case one, or, in a language that writes its nouns with a capital, a noun after a
/// lower-case word (`nach nur einer halben Stunde` / `Satz eins.`): a capital there tells nothing of how the sentence
/// goes on. Evidence of a cut only in a document whose paragraphs end with sentence ends, beside a page number, or
/// with nothing between the halves when the document never writes the capitalised word in lower case.
/// With `names` (the document's words, given where nothing stands between the halves), running text may be full of
/// names ([`running_beside_names`]: `… Ray De Vollan has reported that the NBL will fine` / `Marlow for …`);
/// beside a page number it may not, since a caption full of names stands above a gallery's counter (`… The Islanders
/// ... more` / `1 / 1` / `Note: …`).
fn cut_on_word(
    text: &str,
    facts: &TextFacts,
    words: usize,
    long_sentence: bool,
    next: &str,
    language: &dyn Fn() -> Option<Language>,
    names: Option<&Words<'_>>,
) -> bool {
    let next_word = first_word(next);
    let t = text.trim_end();
    let last = last_word(t);
    let before = t[..t.len() - last.len()].trim_end();
    let noun = || {
        language().is_some_and(Language::capitalises_nouns)
            && last.starts_with(char::is_uppercase)
            && before.ends_with(char::is_lowercase)
            && last_word(before).starts_with(char::is_lowercase)
    };
    (running_text(text, facts, words, language)
        || names.is_some_and(|document| running_beside_names(text, facts, words, document)))
        && (facts.sentence_inside(text) || long_sentence)
        && t.ends_with(char::is_alphanumeric)
        && (last.starts_with(char::is_lowercase) || noun())
        && next_word.starts_with(char::is_uppercase)
        && language().is_none_or(|l| !l.never_final(next_word) && !l.seldom_final(next_word))
}

/// Whether running text stops a sentence just begun, before `next`, which starts with a capitalised word that is no
/// function word (a name, a noun): `text` holds a sentence end, the text up to its last sentence is running text,
/// and the last sentence is at most [`MAX_BEGUN_WORDS`] words that end on a word and open on a function word of the
/// document's language (an article, a preposition, a particle: `… Niedersachsen. Auf` / `Grundlage des § 3 …`, `…
/// in Ostland. The Northfield` / `Board on rivers …`). A label added under a paragraph opens on a content word
/// (`Enjoy`) or runs longer (`A Reader Thread`); a sentence of a paragraph ends on its punctuation.
fn sentence_begun(text: &str, next: &str, language: &dyn Fn() -> Option<Language>) -> bool {
    let t = text.trim_end();
    let Some(start) = sentence_starts(t).next_back() else {
        return false;
    };
    let (before, fragment) = t.split_at(start);
    let (opener, next_word) = (first_word(fragment), first_word(next));
    t.ends_with(char::is_alphanumeric)
        && word_count(fragment) <= MAX_BEGUN_WORDS
        && next_word.starts_with(char::is_uppercase)
        && running_text(before, &TextFacts::default(), word_count(before), language)
        && language().is_some_and(|l| {
            (l.never_final(opener) || l.seldom_final(opener))
                && !l.never_final(next_word)
                && !l.seldom_final(next_word)
        })
}

/// Whether `text` ends on a capitalised word right after a lower-case word after which no sentence ends (`to the
/// United`, `of the Industrial`), in a language that writes only names with a capital, and most of its words are in
/// lower case (a title capitalises its words, `Return of the Jedi`): the name the function word opened goes on.
/// An invisible character between the two words (`the \u{2060}Industrial`) does not part them.
/// `facts` are the [`TextFacts`] of `text`.
fn name_after_function_word(
    text: &str,
    facts: &TextFacts,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    let t = text.trim_end();
    let last = last_word(t);
    let before = last_word(
        t[..t.len() - last.len()].trim_end_matches(|c: char| c.is_whitespace() || invisible(c)),
    );
    last.starts_with(char::is_uppercase)
        && last.chars().skip(1).any(char::is_lowercase)
        && before.starts_with(char::is_lowercase)
        && facts.mostly_lowercase(text)
        && language().is_some_and(|l| !l.capitalises_nouns() && l.never_final(before))
}

/// Whether `c` is a character of no width that text carries between words: one W003 removes (a soft hyphen, a
/// zero-width space, a word joiner, a byte order mark), or a zero-width (non-)joiner, which W003 keeps for the
/// scripts that need it.
fn invisible(c: char) -> bool {
    INVISIBLE.contains(&c) || matches!(c, '\u{200c}' | '\u{200d}')
}

/// The most words of a sentence begun at the end of a first half that [`sentence_begun`] reads as cut: an article
/// and a name (`The Northfield`); a label of a few words added under a paragraph may open on a function word too (`A
/// Reader Thread`).
const MAX_BEGUN_WORDS: usize = 2;

/// A first half of this many words below the lines on top is running text even when it is one sentence without a
/// comma: a heading is shorter (a title above the text may be longer).
const MIN_LONG_SENTENCE_WORDS: usize = 12;

/// The first word of `text`, without the punctuation or markup before it.
pub(super) fn first_word(text: &str) -> &str {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .unwrap_or(t.len());
    &t[..end]
}

/// The last word of `text` without the punctuation or markup before it.
pub(super) fn last_word(text: &str) -> &str {
    text.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the document ends its paragraphs with sentence ends: few long paragraphs end open before a block that
/// starts with a capital (an open end before a lower-case start is a split, not a style). The first answer reads
/// every long paragraph; the second only those that hold a sentence end inside (running text of several
/// sentences), so that headings and labels of one sentence without its period (`Your eyes may thank you if you
/// take a multivitamin every day`), which some documents print as plain paragraphs, do not hide how their running
/// text ends. Lines of an interview (`Q: Favorite books`, [`opens_on_label`]) are not counted, and an open end
/// counts only before a plain paragraph: before a heading, a bold line or a labelled line it is a caption or a
/// question, which a split never leaves (a heading does not continue a sentence). `texts` holds the [`TextFacts`] of each block, which keep whether a sentence ends inside it.
pub(super) fn ends_in_sentences(body: &Body<'_>, texts: &[Rc<TextFacts>]) -> (bool, bool) {
    let (mut long, mut open) = (0, 0);
    let (mut long_running, mut open_running) = (0, 0);
    for (i, block) in body.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph
            || body.words(i) < MIN_RUNNING_WORDS
            || opens_on_label(body.block_text(i))
        {
            continue;
        }
        let next_upper = body.blocks.get(i + 1).is_some_and(|next| {
            next.kind == BlockKind::Paragraph
                && !opens_on_label(body.block_text(i + 1))
                && !body.block_text(i + 1).trim_start().starts_with("**")
                && leading_char(body.block_text(i + 1)).is_some_and(|c| !c.is_lowercase())
        });
        let open_here = usize::from(body.ending(i) == Ending::Open && next_upper);
        long += 1;
        open += open_here;
        if texts[i].sentence_inside(body.block_text(i)) {
            long_running += 1;
            open_running += open_here;
        }
    }
    (
        open <= 1 + long / OPEN_END_SHARE,
        open_running <= 1 + long_running / OPEN_END_SHARE,
    )
}

/// Whether a paragraph opens on a label closed by a colon (`Q:`, `A:`, `Frage:`, `**Interviewer:**`): a line of
/// an interview or a labelled note, which ends as its speaker talks, not as running text does. A label is one word
/// of at most [`MAX_LABEL_CHARS`] characters.
fn opens_on_label(text: &str) -> bool {
    let word = text.trim_start().trim_start_matches(['*', '_']);
    word.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(['*', '_']);
        w.strip_suffix(':').is_some_and(|label| {
            !label.is_empty()
                && label.chars().count() <= MAX_LABEL_CHARS
                && label.chars().all(char::is_alphabetic)
        })
    })
}

/// The most characters of a label opening an interview line: a speaker's initial (`Q`), a role (`Interviewer`) or
/// a surname (`Schneider`); a longer first word before a colon is more likely a word of a sentence.
const MAX_LABEL_CHARS: usize = 12;

#[cfg(test)]
mod tests {
    use super::super::tests::{analyse, prose};
    use super::*;
    #[test]
    fn interview_lines_open_on_a_label() {
        for line in [
            "Q: Favorite kitchen buy of the past 5 years",
            "A: Nina Solberg, Rafe Adler, Kovo, The Larks",
            "**Frage:** Wie geht es weiter mit dem Projekt",
            "Interviewer: so what happened next",
        ] {
            assert!(opens_on_label(line), "{line}");
        }
        for line in [
            "We are taking member access to the next level: with",
            "Der Park 2000 bietet zudem eine Vielzahl an weiteren",
            "12: a number is no speaker",
            "Thisisaverylongword: a first word longer than a label",
        ] {
            assert!(!opens_on_label(line), "{line}");
        }
    }

    /// Three German tips that end open before a capital, as a list does: a document that does not end its
    /// paragraphs with sentences.
    const OPEN_ENDED_TIPS: &str =
        "Holzspielzeug ist robust und hält viele Jahre lang im Kinderzimmer\n\n\
        Stoffpuppen sind weich und eignen sich schon für die Kleinsten im Haus\n\n\
        Bausteine aus Buche fördern die Feinmotorik und das Verständnis für Formen";

    #[test]
    fn a_german_number_in_words_waits_for_its_noun_across_a_page_number() {
        // A document whose paragraphs end open (a list of tips): only the first half's last word is evidence.
        let cut = format!(
            "{OPEN_ENDED_TIPS}\n\nDer Handel hat im vergangenen Jahr deutlich mehr Geschäfte schließen müssen als erwartet. Zum Vergleich: In den zehn\n\n3\n\nJahren vor Corona gab es dem Verband zufolge jedes Jahr rund fünftausend Schließungen im ganzen Land.\n"
        );
        assert_eq!(analyse(&Body::parse(&cut)).breaks.len(), 1);
        // A sentence ended on its number leaves the paragraph alone.
        let ended = cut.replace("den zehn\n", "den zehn.\n");
        assert!(analyse(&Body::parse(&ended)).breaks.is_empty());
    }

    #[test]
    fn a_name_begun_after_an_article_continues_with_nothing_between() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let text = |cut: &str| {
            format!(
                "{closed}\n\nIt was the warmest year on record since the {cut}\n\nRevolution began, with heat and droughts in every region of the country.\n"
            )
        };
        assert_eq!(analyse(&Body::parse(&text("Industrial"))).breaks.len(), 1);
        // A common word written in lower case elsewhere (`revolution`) starts a sentence.
        let common = format!(
            "{}\n\nThat revolution was slow.\n",
            text("Industrial").trim_end()
        );
        assert!(analyse(&Body::parse(&common)).breaks.is_empty());
    }

    #[test]
    fn running_text_may_be_full_of_names_where_nothing_stands_between() {
        let closed = "The league said on Monday that Marlow will play. Fans agreed with Marlow on the matter.";
        let cut = "KTV Sports NBL Insider Ray De Vollan has reported that the NBL will fine";
        let next = "Marlow for his role in the fight on Thursday night, as the league said.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // Beside a gallery's counter such a line may be a caption.
        let counter = format!("{closed}\n\n{cut}\n\n1 / 1\n\n{next}\n");
        assert!(analyse(&Body::parse(&counter)).breaks.is_empty());
    }

    #[test]
    fn a_list_of_names_cut_inside_a_name_continues_with_nothing_between() {
        let closed = "Officials in Alder and Dace said on Monday that Holt will test. Elmsford agreed with Holt on the plan.";
        let cut = "Cases first appeared in East Norland in August. The virus was reported in Alder, Bramble, Corwin, Dace, Elmsford and Van";
        let next = "Holt counties, and the outbreak has resulted in ten human cases.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // A title capitalises the word before its last too.
        let title = cut.replace("and Van", "And Van");
        let text = format!("{closed}\n\n{title}\n\n{next}\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
    }

    #[test]
    fn a_german_word_written_in_lower_case_elsewhere_opens_a_sentence_after_a_page_number() {
        let closed =
            "Das Erdöl entsteht aus Plankton. Die Tiere sinken auf den Grund, wo die Reste liegen.";
        let text = |next: &str| {
            format!(
                "{closed}\n\nPlankton zersetzt sich\n\n| 1 |\n\n{next} Eiweisse, Kohlenhydrate und Lipide der Tiere zersetzen sich im Sediment.\n"
            )
        };
        // `Die` stands in lower case in the text: a sentence starts there.
        assert!(analyse(&Body::parse(&text("Die"))).breaks.is_empty());
        // A noun goes on with the sentence.
        assert_eq!(analyse(&Body::parse(&text("Schnell"))).breaks.len(), 1);
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
    fn capital_after_a_preposition_and_an_adjective_continues() {
        // A document whose paragraphs end open (a list of tips): the noun phrase left open is the evidence.
        let text = |end: &str| {
            format!(
                "{OPEN_ENDED_TIPS}\n\nKleine Erfolge wie das erste selbst gebaute Haus stärken Kinder und sorgen schon im Babyalter {end}\n\nLernerfolge. Montessori Spielzeug ist auf der ganzen Welt bekannt.\n"
            )
        };
        assert_eq!(analyse(&Body::parse(&text("für positive"))).breaks.len(), 1);
        // A verb after a conjunction ends a clause.
        assert!(analyse(&Body::parse(&text("für Spiele und warten")))
            .breaks
            .is_empty());
    }

    #[test]
    fn a_line_closing_a_link_opened_above_it_is_no_furniture() {
        // A dump's related list under a paragraph cut short: each item a picture link whose text, a story's title
        // cut in parts by a colon, closes the link on the line below. The item above is open (`[`) and the title
        // has a running header's parts, but taking the title out would run the article's next paragraph into the
        // open link.
        let text = "This came after the port authority said the dockers inside the container terminal at the \
                    harbour had no choice but to come out and negotiate. The strike began peacefully in June and \
                    was sparked by pro\n\n### Related articles\n\n* [![](https://example.org/img/1.jpg)\n\n  \
                    Harbour unrest: Dockers send a defiant warning to the owners](/news/1/harbour-unrest)\n\
                    * [![](https://example.org/img/2.jpg)\n\n  Harbour strike: 800 dockers stay out for a third \
                    week](/news/2/harbour-strike)\n\nMany of the dockers wore masks to hide who they were from \
                    the cameras.\n";
        let body = Body::parse(text);
        assert!(
            analyse(&body).breaks.is_empty(),
            "{:?}",
            analyse(&body).breaks
        );
        assert!(closes_link_opened_before("  Harbour strike](/news/2)"));
        assert!(!closes_link_opened_before("[Harbour strike](/news/2)"));
        assert!(!closes_link_opened_before("Page 2 [of 3]"));
    }

    #[test]
    fn capital_continues_across_a_parted_line_after_a_plain_mid_clause_stop() {
        let text = |between: &str| {
            format!(
                "{}\n\nIt went to the Strategists Hub, the Salon, the\n\n{between}\n\nCPD Policy Blog or the Journal of the centre.\n\n{}\n",
                prose("first", 600),
                prose("second", 600)
            )
        };
        let body_text = text("June 7, 2018 | Shabka");
        let body = Body::parse(&body_text);
        let pages = analyse(&body);
        assert_eq!(pages.breaks.len(), 1);
        // A line of words without separators could be the rest of the sentence.
        assert!(analyse(&Body::parse(&text("Policy Hub and Salon")))
            .breaks
            .is_empty());
    }

    #[test]
    fn capital_after_a_short_clause_begun_on_a_seldom_final_word_continues() {
        // `prime` in lower case elsewhere: the capital says nothing, the clause begun does.
        let closed = "The council met on Tuesday to discuss the budget. Most members agreed on the prime plan.";
        let text = |end: &str| {
            format!(
                "{closed}\n\nThe tariffs will raise the price of steel for the firms of the region. {end}\n\nPrime Minister Carney will change the rules next year, after the talks.\n"
            )
        };
        assert_eq!(
            analyse(&Body::parse(&text("It’s possible that")))
                .breaks
                .len(),
            1
        );
        // Two words are as often a label's.
        assert!(analyse(&Body::parse(&text("Read on"))).breaks.is_empty());
    }

    #[test]
    fn a_subject_pronoun_opens_a_sentence_after_a_seldom_final_word() {
        let text = "The talks went on for hours, and the plan for the harbour was finally signed by\n\nThey met again on Friday to sign the rest of the plan for the city.\n";
        assert!(analyse(&Body::parse(text)).breaks.is_empty());
    }

    #[test]
    fn capital_of_a_name_after_a_seldom_final_word_continues() {
        // One sentence, no running text, in a document whose paragraphs end open: the word after which sentences
        // seldom end and the name the document never writes in lower case are the evidence.
        let body = Body::parse(
            "The new tariffs on steel and on the parts of the machines took effect in\n\nJuly 2018, as the ministry said in a note to the firms of the region.\n\nA list of the goods\n\nThe full list is in the annex of the note.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        // A heading ending on a particle above a sentence that opens on a common word: the document writes `our`
        // in lower case elsewhere.
        let heading = Body::parse(
            "What we are working on\n\nOur team builds tools for the people who write, and our users tell us what matters to them.\n",
        );
        assert!(analyse(&heading).breaks.is_empty());
    }

    #[test]
    fn capital_after_a_name_or_an_adjective_in_progress_continues() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let name = format!(
            "{closed}\n\nThe plan is fair and certainly reasonable, said Ronald\n\nFenwick, a professor of public finance who advised the council, after the meeting.\n"
        );
        assert_eq!(analyse(&Body::parse(&name)).breaks.len(), 1);
        // A site name after a separator, a short heading, a short last sentence are no names in progress.
        for first in [
            "Norwind inks a large order for thirty jets and will expand its fleet | NWTV",
            "Save hundreds on the new ZenoBook Pro",
            "What can you do if you witness it on the bus? A Reader Thread",
        ] {
            let text = format!(
                "{closed}\n\n{first}\n\nUpdated rules apply to every passenger of the airline and to every train in the region, he said.\n"
            );
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{first}");
        }
        let de = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.\n\nOb diese Zahl nach Ansicht der Händler angesichts schwacher\n\nKonsumwerte im September noch erreicht wird, ist in der Stadt noch offen.\n";
        assert_eq!(analyse(&Body::parse(de)).breaks.len(), 1);
    }

    #[test]
    fn capital_of_a_name_the_text_writes_inside_sentences_continues() {
        let closed = "The council met on Tuesday with Megan Holloway to discuss the budget. Most members agreed.";
        let cut = "The plan is fair. Nobody on the council could say what it will cost, wrote";
        let next = "Megan Holloway in her report on the budget of the city for next year.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // Without the name inside a sentence elsewhere, a capitalised word that the text never writes in lower
        // case still continues such a first half; one that it writes in lower case may start a sentence, and so
        // may any capital after a first half of one sentence (a heading).
        let other = "The council met on Tuesday. Most members agreed.";
        let unknown = format!("{other}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&unknown)).breaks.len(), 1);
        let common = format!(
            "{other}\n\n{cut}\n\nMembers of the council did not answer the questions of the press after it.\n"
        );
        assert!(analyse(&Body::parse(&common)).breaks.is_empty());
        let heading = format!(
            "{closed}\n\nNobody on the council could say what it will cost, wrote\n\n{next}\n"
        );
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn running_text_between_two_first_halves_is_never_taken_as_furniture() {
        // The link's address gives the nearer first half a header's shape (a year, a domain, slashes); it is
        // running text all the same, and the split, not a line between the outer first half and the second.
        let lines = [
            "[GADGETS](https://example.org/c/gadgets)\n[Nora Quill Hayes](https://example.org/nqh)\n[Monday 5:30PM](https://example.org/story) • [Filed to: INNOVATION](https://example.org/tag)\n84.1K 108 2",
            "Photo: [FixShop](https://www.example.net/Teardown/2019)",
            "The big teardown is over, and [the findings are out](https://www.example.net/Teardown/Laptop+Pro+16-Inch+2019+Teardown/128106). The new laptop is a whole lot",
            "like the last one, bar a few welcome old-school features. Yes, I do mean old-school",
            "as in vintage, as in the maker really brought back parts from older laptops and used them.",
        ];
        let text = format!("{}\n", lines.join("\n\n"));
        let body = Body::parse(&text);
        let pages = analyse(&body);
        assert!(
            pages.breaks.iter().all(|b| b.prev != 0),
            "{:?}",
            pages.breaks
        );
        assert!(pages.breaks.iter().any(|b| b.prev == 2 && b.next == 3));
    }

    #[test]
    fn running_text_reads_its_style_past_headings_of_one_sentence() {
        // Headings printed as plain paragraphs, one sentence each without its period, above paragraphs that end
        // with sentences: the document's running text ends its paragraphs with sentences all the same.
        let mut text = String::new();
        for topic in ["your eyes", "your stomach", "your skin", "your sleep"] {
            text.push_str(&format!(
                "Your doctor may have something to say about {topic} if you take vitamins\n\n\
                 Vitamins help in many ways. They are no cure for {topic}, though, and nobody should expect one.\n\n"
            ));
        }
        let cut = "They help a little. There is one thing that taking them will do for you, as noted by dietitian";
        let rest = "Trista Bell in her report on the diets of the region for the coming years.";
        let split = format!("{text}{cut}\n\n{rest}\n");
        assert_eq!(analyse(&Body::parse(&split)).breaks.len(), 1);
        // A first half of one sentence reads the style of all paragraphs, headings included.
        let one = "There is one thing that taking them will do for you, as noted by dietitian";
        let heading = format!("{text}{one}\n\n{rest}\n");
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn capital_of_a_linked_name_continues_as_the_plain_name() {
        let other = "The council met on Tuesday. Most members agreed.";
        let cut = "The plan is fair. Nobody on the council could say what it will cost, wrote";
        let rest = "in her report on the budget of the city for next year.";
        let linked =
            format!("{other}\n\n{cut}\n\n[Megan Holloway](https://example.org/mb) {rest}\n");
        assert_eq!(analyse(&Body::parse(&linked)).breaks.len(), 1);
        // After one long sentence (a subheading) a linked name may open a paragraph.
        let heading =
            "Nobody on the council could say what the new plan for the city will cost, wrote";
        let text =
            format!("{other}\n\n{heading}\n\n[Megan Holloway](https://example.org/mb) {rest}\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
        // An image or a footnote mark is no word of the sentence.
        for opener in ["![Megan Holloway](mb.jpg)", "[^1] Megan Holloway"] {
            let text = format!("{other}\n\n{cut}\n\n{opener} {rest}\n");
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{opener}");
        }
    }

    #[test]
    fn a_line_longer_than_a_label_under_it_is_no_furniture() {
        let body = Body::parse(
            "Tobisch starb nach langer Krankheit im Heim. Das teilte die Organisation mit.\n\nKrankenstandsvertretung als Karrierestart\n\nIhre Ausbildung erhielt sie im Internat Schloss Marquartstein in Oberbayern\n\n1 / 2\n\nund im Wiener Sacre Coeur. Ihre Leidenschaft führte sie nach Wien.\n",
        );
        let breaks = analyse(&body).breaks;
        assert_eq!(breaks.len(), 1);
        assert_eq!((breaks[0].prev, breaks[0].next), (2, 4));
    }

    #[test]
    fn month_after_a_seldom_final_word_continues_before_its_year() {
        // `May` is an auxiliary too, but one followed by a number is a month.
        let body = Body::parse(
            "The lights went out on seventeen nights in the old town, from February 2016 through\n\nMay 2017. On one of those nights the whole street went dark.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        // A conjunction that seldom ends a sentence, opening one after a title in capitals, is followed by a word.
        let title = Body::parse(
            "IN THE LONG INTERVIEW, THE TRUTH COMES OUT\n\nWhile the town spent the weekend at the fair, the mayor was busy with the budget.\n",
        );
        assert!(analyse(&title).breaks.is_empty());
    }

    #[test]
    fn lower_case_after_a_dash_or_inside_a_quote_continues() {
        let other = "The council met on Tuesday. Most members agreed.";
        for (cut, rest) in [
            (
                "I told them that I would do it --",
                "and I just did not want to wait any longer for the council.",
            ),
            (
                "The left will boast of how well it outplayed",
                "“liberals” and saved the money for the city.",
            ),
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1, "{cut}");
        }
        // A capital after the dash may start the next sentence; a hyphen behind an invisible character is no dash
        // standing alone; a quoted word with a capital inside is a name.
        for (cut, rest) in [
            ("I told them that I would do it --", "And I did not wait."),
            (
                "I told them that I would do it\u{200b}-",
                "and I did not wait.",
            ),
            (
                "The left will boast of how well it outplayed",
                "“iPhone” makers and saved the money for the city.",
            ),
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{cut}");
        }
    }

    #[test]
    fn comma_before_a_short_name_continues_in_running_text() {
        let other = "The council met on Tuesday. Most members agreed on the budget for the year.";
        let cut = "The plan is fair. With the new card you get unlimited parking, free buses,";
        let text = format!("{other}\n\n{cut}\n\nRiver Ferry Pass and more.\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // A common word the document writes in lower case elsewhere starts a sentence.
        let text = format!("{other}\n\n{cut}\n\nMembers ride for free.\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
    }

    #[test]
    fn quote_after_a_comma_or_a_seldom_final_word_continues() {
        let other = "The council met on Tuesday. Most members agreed.";
        let rest = "“Nobody will pay for it but the city,” was how the mayor put it to the council last night.";
        for cut in [
            "The plan is fair. Nobody on the council knew what the mayor meant when she told them,",
            "The plan is fair. Nobody on the council knew what the mayor meant with the words set out in",
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1, "{cut}");
        }
        // A first half ending on a word after which a sentence may end is left alone.
        let done =
            "The plan is fair. Nobody on the council knew what the mayor meant when she spoke";
        let text = format!("{other}\n\n{done}\n\n{rest}\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
    }

    #[test]
    fn capital_continues_a_phrase_the_text_writes_elsewhere() {
        // A short first half ending on a name (no sentence end inside, too short for a name in progress), in a
        // language without lists: only the phrase `Emmanuel Macron` elsewhere tells that it goes on.
        let closed =
            "Pa ghjente di u paese, Emmanuel Macron hè vinutu in Bastia. Parlò cù i sindaci.";
        let cut = "Per a prima volta, Emmanuel";
        let next = "Macron hè statu pigliatu à l'impruvisu da a dumanda di i sindaci.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // The same across a page number; the words apart (or only across a line end) are no phrase.
        let page = format!("{closed}\n\n{cut}\n\n— 2 —\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&page)).breaks.len(), 1);
        for other in [
            "Pa ghjente di u paese, Emmanuel hè vinutu in Bastia. Macron parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel\n\nMacron hè vinutu in Bastia. Parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel\nMacron hè vinutu in Bastia. Parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel Macronu hè vinutu in Bastia. Parlò cù i sindaci.",
        ] {
            let text = format!("{other}\n\n{cut}\n\n{next}\n");
            let body = Body::parse(&text);
            let pages = analyse(&body);
            let joined = |b: &Break| body.block_text(b.prev).trim() == cut;
            assert!(!pages.breaks.iter().any(joined), "{other}");
        }
    }

    #[test]
    fn capital_continues_a_sentence_begun_on_a_function_word() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let next = "Board on rivers and health found that the city had done too little, it said.";
        let said = "Most cases of the fever were in Ostland and Norland, it said.";
        // A label under a paragraph opens on a content word, or runs to three words.
        for (end, joins) in [
            ("The Northfield", true),
            ("Enjoy", false),
            ("A Reader Thread", false),
        ] {
            let text = format!("{closed}\n\n{said} {end}\n\n{next}\n");
            assert_eq!(
                analyse(&Body::parse(&text)).breaks.len(),
                usize::from(joins),
                "{end}"
            );
        }
        let de_closed = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten zu.";
        let de_cut =
            "Das Gericht hatte keine Bedenken gegen die Verordnung des Landes Niedersachsen. Auf";
        let de_next =
            "Grundlage der Verordnung habe der Landkreis das Tragen von Masken vorgeschrieben.";
        let de = format!("{de_closed}\n\n{de_cut}\n\n{de_next}\n");
        assert_eq!(analyse(&Body::parse(&de)).breaks.len(), 1);
    }

    #[test]
    fn capital_after_a_content_word_continues_beside_a_page_number() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let cut = "The plan is fair. Nobody on the council had spoken with the auditor or the whistleblower";
        let next = "Congress asked for the report of the city, the auditor said on Monday.";
        let text = format!("{closed}\n\n{cut}\n\nNews | The Courier\n\npage 2 of 6\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // Without the page number the label could be a heading; a heading (one sentence) above a page number
        // stays apart too.
        let label = format!("{closed}\n\n{cut}\n\nNews | The Courier\n\n{next}\n");
        assert!(analyse(&Body::parse(&label)).breaks.is_empty());
        let heading = format!(
            "{closed}\n\nNobody on the council had spoken with the whistleblower\n\npage 2 of 6\n\n{next}\n"
        );
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn lines_of_the_text_shaped_like_page_numbers_stay() {
        let intro = "The recipe is simple, and it tells the story of a long summer in the orchard.";
        let outro =
            "Put it all in a pot and boil it until it is a thick jam, then pour it in jars.";
        // What a number counts comes after it (an ingredient, a step); a decimal is a score.
        for line in [
            "1 tsp cinnamon",
            "3 eggs",
            "30 minutes before bed",
            "Score 4.5 out of 5",
            // A sentence ending on a year or a count is the text's, whatever its length.
            "Riverside flyby in 1997.",
            "Version 2 to version 3.)",
        ] {
            let text = format!("{intro}\n\n{line}\n\n{outro}\n");
            assert!(analyse(&Body::parse(&text)).furniture.is_empty(), "{line}");
        }
        // A label whose number goes down again heads parts of the text (a plan of meals for each day).
        let day = "Breakfast comes first, with fruit and a cup of tea to start the day well.\n\nMeal 1\n\nA salad with tomatoes and cheese, and a glass of water with it.\n\nMeal 2\n\nBeef and peppers with rice, and olives on the side of the plate.\n\n";
        let text = format!("{intro}\n\n{day}{day}{outro}\n");
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // A label and number that the text speaks of is a heading.
        let text = format!(
            "{intro}\n\nWi-Fi 6\n\nThe new machine has no Wi-Fi 6, which is a pity for a laptop of this price.\n"
        );
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // Page numbers count up, and the same page number may stand twice (a header and a footer).
        let text = format!("{intro}\n\nPage 2 of 3\n\n{outro}\n\nPage 2 of 3\n\n{intro}\n\nPage 3 of 3\n\n{outro}\n");
        assert_eq!(analyse(&Body::parse(&text)).furniture.len(), 3);
    }

    #[test]
    fn short_second_half_ending_on_a_year_continues_across_a_running_header() {
        // The rest of the sentence is one short line that ends on a year: text, not a page number, so it is the
        // second half, and the paragraph after it stays apart.
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let first =
            "The members also spoke of the old mill, which the river had flooded twice during a";
        let after =
            "And it was becoming clear that the old plans would not work, so they met again.";
        let text = format!(
            "{closed}\n\n{first}\n\nOpinion | Daily Courier\n\nRiverside storm in 1997.\n\n{after}\n"
        );
        let pages = analyse(&Body::parse(&text));
        assert_eq!(pages.breaks.len(), 1);
        assert_eq!(pages.breaks[0].next, 3);
    }

    #[test]
    fn long_sentence_or_noun_cut_beside_a_page_number_continues() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        // One sentence of twelve words or more is running text, not a heading; not on top of the document, where a
        // title may run as long, nor with parts between separators (a teaser).
        let long = "Nobody on the council had spoken with the auditor or the whistleblower";
        let next = "Congress asked for the report of the city, the auditor said on Monday.";
        let text = format!("{closed}\n\n{long}\n\npage 2 of 6\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        let on_top = format!("{long}\n\npage 2 of 6\n\n{next} {closed}\n");
        assert!(analyse(&Body::parse(&on_top)).breaks.is_empty());
        let teaser = text.replace("Nobody on the council", "NEWS — Nobody on the council");
        assert!(analyse(&Body::parse(&teaser)).breaks.is_empty());
        // German writes its nouns with a capital: a noun after a lower-case word ends no sentence by its case.
        let de_closed = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.";
        let de = format!(
            "{de_closed}\n\nDer Rat tagte lange. Zverev sicherte sich nach nur einer halben Stunde\n\n- 2 -\n\n\
             Satz eins. Im zweiten Durchgang bot der Gegner mehr Widerstand.\n"
        );
        assert_eq!(analyse(&Body::parse(&de)).breaks.len(), 1);
        // A noun after a capitalised word may end a label (`im Internat Schloss`); one sentence shorter than that
        // may be a heading.
        for first in [
            "Der Rat tagte lange. Die Ausbildung erhielt sie im Internat Schloss",
            "Zverev sicherte sich nach nur einer halben Stunde",
        ] {
            let text = de.replace(
                "Der Rat tagte lange. Zverev sicherte sich nach nur einer halben Stunde",
                first,
            );
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{first}");
        }
    }

    #[test]
    fn number_after_a_function_word_continues_before_its_noun() {
        // A year or a date ends a clause after a preposition, and a range or a score on its second number.
        cuts_between(
            "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.",
            "Millionen Tonnen des Gases gehen pro Jahr in die Atmosphäre.",
            &[
                "Schätzungen besagen, dass 20",
                "Im Raum stehen, neben 16",
                "Schätzungen besagen, dass 1.500",
                "Schätzungen besagen, dass 1.500.000",
            ],
            &[
                "Die Zahl wächst schon seit 2019",
                "Die Zahl wächst zwischen 10 und 20",
                "Die Zahl wächst jedes Jahr um 20",
                "Zuletzt geändert am 06.11.2023",
            ],
        );
    }

    /// Asserts that each first half of `joined` is joined to `next` below a paragraph `closed`, and that none of
    /// `apart` is (a paragraph `closed` stands under each too, so that the document ends its paragraphs with
    /// sentences).
    fn cuts_between(closed: &str, next: &str, joined: &[&str], apart: &[&str]) {
        for (cuts, breaks) in [(joined, 1), (apart, 0)] {
            for cut in cuts {
                let text = format!("{closed}\n\n{cut}\n\n{next}\n\n{closed}\n");
                assert_eq!(analyse(&Body::parse(&text)).breaks.len(), breaks, "{cut}");
            }
        }
    }

    #[test]
    fn question_and_answer_stay_apart() {
        let body = Body::parse("What do you plan?\n\nwe plan more.\n");
        assert!(analyse(&body).breaks.is_empty());
    }

    #[test]
    fn a_headline_with_its_site_name_starts_no_paragraph() {
        // `«` between a title and its site name is a separator, no quote left open; a name ends the line.
        for text in [
            "La fin des vélos en libre-service à Lyonnet « Le Courrier\n\nEn raison du taux élevé de \
             vols chez les utilisateurs des vélos en libre-service, l’administration de Claire Dumont a \
             décidé de ne pas autoriser ces véhicules dans les rues de la ville en 2020.\n",
            "Northwind plans to clear its carbon footprint from the air :: Lakeside Star\n\nNorthwind Corp \
             said on Thursday it aims to take more carbon out of the air than it puts in by 2030, and to undo \
             all of the emissions it made since it was founded in 1981 by the middle of the century.\n",
        ] {
            assert!(analyse(&Body::parse(text)).breaks.is_empty(), "{text}");
        }
        // Below the first paragraph of running text, the same line cut by a page break goes on.
        let text = "The council met on Tuesday and voted on the plan, which the mayor had put forward in May.\n\n\
             Its members said the line would serve the « northern\n\nSuburbs » and the airport, as promised.\n";
        assert_eq!(analyse(&Body::parse(text)).breaks.len(), 1);
    }

    #[test]
    fn capital_after_a_conjunction_of_time_continues() {
        // `when` opens a clause, which the name below goes on with: a sentence seldom ends on it.
        let text = format!(
            "{}\n\nThe protest started when\n\nPresident Marchetti announced an increase in carbon taxes that \
             would take effect in the next year.\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
    }

    #[test]
    fn name_in_progress_after_a_possessive_continues() {
        let text = format!(
            "{}\n\nIn the 100 yard backstroke, Foley was beaten out by Brookfield Heights' Owen\n\nLindqvist for \
             first place at state.\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
    }

    #[test]
    fn name_begun_after_an_article_continues_beside_a_page_number() {
        let text = |cut: &str, between: &str| {
            format!(
                "{}\n\n{cut}\n\n{between}States, which accuses him of selling secret documents to a rival.\n\n{}\n",
                prose("first", 600),
                prose("second", 600)
            )
        };
        let cut = "Vesper is battling extradition to the United";
        assert_eq!(
            analyse(&Body::parse(&text(cut, "— 2 —\n\n"))).breaks.len(),
            1
        );
        // An invisible character between the article and the name parts nothing.
        let joined = text(
            "Vesper is battling extradition to the \u{2060}United",
            "— 2 —\n\n",
        );
        assert_eq!(analyse(&Body::parse(&joined)).breaks.len(), 1);
        // Without the page number the line could be a heading; a title capitalises its words.
        assert!(analyse(&Body::parse(&text(cut, ""))).breaks.is_empty());
        let title = text("Vesper Battling Extradition to the United", "— 2 —\n\n");
        assert!(analyse(&Body::parse(&title)).breaks.is_empty());
    }

    #[test]
    fn adjective_after_a_german_preposition_continues_before_its_noun() {
        // An adverb after a preposition ends the clause, and so does a verb whose stem ends like a participle's.
        cuts_between(
            "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.",
            "Abteilungen in der Lieferkette kommt dem Kunden eine besondere Rolle zu.",
            &[
                "Durch die fehlende Abstimmung von Kundendaten zwischen verschiedenen",
                "Das ist genau wie im echten",
                "Denkbar wäre obendrein, die entsprechenden, frei werdenden",
            ],
            &[
                "Durch die fehlende Abstimmung kommt die Hilfe von oben",
                "Durch die fehlende Abstimmung können wir die Daten nicht verwenden",
            ],
        );
    }
}
