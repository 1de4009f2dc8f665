//! Reader-comment threads told by their structure, whatever their names: a run of blocks built alike under one
//! parent, each a signed note (a short line with a date or a time, a paragraph, then an action on the page such as
//! "Reply" or a vote button), after the article's prose. Themes and comment systems name their threads in every
//! language or not at all (`reactions`, `talk-stream`, generated names); the shape of a note is the same everywhere
//! (issue 12, classes 1 and 3: a thread longer than the article taken for it, or kept under it).

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, is_block, walk, walk_with_close, NodeSet, Step};

use super::density::is_paragraph;
use super::stats::Stats;
use super::teasers::{live_alike, prose_before, MIN_RUN};

/// A note's signature line (the author's name and the date or time of the note, "Jane Doe says: 3 hours ago",
/// "12.03.2021 um 14:05 Uhr") has at most this many characters (not whitespace): a name of up to forty and a date
/// written out; a longer line is a sentence of the note.
const SIGNATURE_MAX_CHARS: u32 = 80;

/// A run of notes is a thread under an article when the page holds at least this many characters of paragraph text
/// before it: a news brief of two sentences, the teaser of a video or a podcast, which readers answer at more length
/// than it has (an article's `teasers::MIN_ARTICLE_CHARS`, 500, left such a post to its thread, taken for the page's
/// text). A forum thread's first post is a note of the run, so the page holds no prose before it but its title.
const THREAD_MIN_PROSE_BEFORE: u32 = 200;

/// The tags of a thread's notes: the blocks that comment systems repeat.
const UNIT_TAGS: &[&str] = &["div", "article", "section", "li"];

/// The notes of the comment threads under `body`: among the children of one parent, at least [`MIN_RUN`] blocks
/// built alike (`<div>`, `<article>`, `<section>`, `<li>` of the same tag and class, see [`built_alike`]) that are
/// all notes ([`is_note`]), when the page holds at least [`THREAD_MIN_PROSE_BEFORE`] of paragraph text before the run (the
/// article the thread comments on; a page whose main text is the run, a forum thread, keeps it). A run inside a
/// note (the replies to it) goes with it.
///
/// [`built_alike`]: super::teasers::built_alike
pub(crate) fn threads(body: NodeRef<'_, Node>, stats: &Stats) -> Vec<NodeId> {
    let mut found = NodeSet::with_len(stats.measures.len());
    let mut notes = Vec::new();
    walk(body, |node| {
        if node.value().as_element().is_none()
            || stats.dropped.contains(node.id())
            || found.contains(node.id())
        {
            return false;
        }
        let Some(groups) = live_alike(node, UNIT_TAGS, MIN_RUN, stats) else {
            return true;
        };
        for units in groups.values() {
            if units.len() >= MIN_RUN
                && units.iter().all(|unit| is_note(*unit))
                && prose_before(body, units[0], stats) >= THREAD_MIN_PROSE_BEFORE
            {
                for unit in units {
                    found.insert(unit.id());
                    notes.push(unit.id());
                }
            }
        }
        true
    });
    notes.sort_by_key(|id| dom::index(*id));
    notes
}

/// Whether a block is a signed note: a signature line (at most [`SIGNATURE_MAX_CHARS`], holding a digit or a
/// `<time>`), then a paragraph (see [`is_paragraph`]), then an action on the page: a `<button>`, or a link that
/// leads nowhere else (see [`is_action`]) outside the note's lines. The date says when someone wrote, the action
/// lets the reader answer or vote; a teaser's link leads to another page. What an article's section can share with
/// that shape is ruled out: a heading is never a signature, a paragraph before any signature fails the note, and a
/// link inside a line of text (a footnote mark) is no action.
fn is_note(unit: NodeRef<'_, Node>) -> bool {
    let mut state = NoteState::Signature;
    let mut line = Line::default();
    walk_with_close(unit, |step| match step {
        // Decided (both states are final): the rest of the note is not read, so a run of notes nested in notes
        // costs a walk of each note only as far as its verdict.
        Step::Open(_) if matches!(state, NoteState::Done | NoteState::Failed) => false,
        Step::Open(node) => match node.value() {
            Node::Text(text) => {
                line.add(text);
                false
            }
            Node::Element(element) => {
                let name = element.name();
                if name == "button" || (name == "a" && is_action(element)) {
                    // A link inside a line of text (a footnote mark, a citation) is part of that line.
                    if state == NoteState::Action && line.chars == 0 {
                        state = NoteState::Done;
                    }
                    // The action's own text ("Reply") is no part of a line of the note.
                    return false;
                }
                if dom::is_hidden(name) {
                    return false;
                }
                if name == "time" {
                    line.time = true;
                }
                if is_block(name) || name == "br" {
                    state = state.after(line.take());
                }
                // After the line before it is taken: the heading's own line is the one it marks.
                if dom::is_heading(name) {
                    line.heading = true;
                }
                if name == "a" {
                    line.in_link += 1;
                }
                true
            }
            _ => false,
        },
        Step::Close(node) => {
            if let Some(element) = node.value().as_element() {
                if element.name() == "a" {
                    line.in_link = line.in_link.saturating_sub(1);
                }
                if is_block(element.name()) {
                    state = state.after(line.take());
                }
            }
            true
        }
    });
    state == NoteState::Done
}

/// How far a walk through a note has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoteState {
    /// Looking for the signature line.
    Signature,
    /// Signed: looking for the paragraph.
    Paragraph,
    /// Signed and written: looking for the action.
    Action,
    /// All three found, in that order.
    Done,
    /// A paragraph came before any signature.
    Failed,
}

impl NoteState {
    /// The state after a finished line of text.
    fn after(self, line: Option<Line>) -> NoteState {
        let Some(line) = line else {
            return self;
        };
        match self {
            NoteState::Signature if line.is_signature() => NoteState::Paragraph,
            // Text before any signature: an article's section, not a signed note.
            NoteState::Signature if is_paragraph(line.chars, line.links) => NoteState::Failed,
            NoteState::Paragraph if is_paragraph(line.chars, line.links) => NoteState::Action,
            state => state,
        }
    }
}

/// A line of a note's text: what lies between two block boundaries.
#[derive(Debug, Default, Clone, Copy)]
struct Line {
    /// Characters that are not whitespace.
    chars: u32,
    /// Of those, inside links.
    links: u32,
    /// Whether it holds a digit (in any script).
    digit: bool,
    /// Whether it holds a `<time>` element.
    time: bool,
    /// Whether it is (inside) a heading: a section's title, never a signature.
    heading: bool,
    /// How many links are open around the current text.
    in_link: usize,
}

impl Line {
    /// Counts the characters of `text` into the line.
    fn add(&mut self, text: &str) {
        for c in text.chars().filter(|c| !c.is_whitespace()) {
            self.chars += 1;
            self.links += u32::from(self.in_link > 0);
            self.digit |= c.is_numeric();
        }
    }

    /// The line so far, if it holds text, and a new empty line in its place.
    fn take(&mut self) -> Option<Line> {
        let line = *self;
        *self = Line {
            in_link: self.in_link,
            ..Line::default()
        };
        (line.chars > 0).then_some(line)
    }

    /// Whether the line is a note's signature: short, with a date or time in it.
    fn is_signature(&self) -> bool {
        !self.heading && self.chars <= SIGNATURE_MAX_CHARS && (self.digit || self.time)
    }
}

/// Whether a link acts on the page instead of leading to another one: no `href` (unless it is a named anchor), an
/// empty one, a script, a fragment of this page (`#comment-12`) or a query on it (`?replytocom=12#respond`). A link
/// to another page with a fragment (`/other-post#comments`) leads elsewhere.
fn is_action(link: &scraper::node::Element) -> bool {
    match dom::attr(link, "href") {
        None => dom::attr(link, "name").is_none() && dom::attr(link, "id").is_none(),
        Some(h) => {
            let h = h.trim();
            h.is_empty() || h.starts_with('#') || h.starts_with('?') || dom::runs_script(h)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Reason;

    /// A sentence of the article, repeated to make its paragraphs.
    const STORY: &str = "The article text itself, with commas, clauses, and sentences that end. ";

    /// A reader's note: a longer text than the article's sentence, so that the thread outweighs the story.
    const NOTE: &str =
        "I read this twice and still disagree with the second half, for reasons I gave above. ";

    /// The kept text of `page`'s article, and whether extraction gave any block the reason `Comments`.
    fn extracted(page: &str) -> (String, bool) {
        crate::extract::tests::extracted(page, Reason::Comments)
    }

    /// A page whose article is three paragraphs of prose followed by `inside` in its container, then `after` beside it.
    fn page(inside: &str, after: &str) -> String {
        format!(
            "<body><div class='a1'><p>{p}</p><p>{p}</p><p>{p}</p>{inside}</div>{after}</body>",
            p = STORY.repeat(3)
        )
    }

    /// `n` blocks of class `unit`, each a signature (`sign`), a note and an ending (`end`).
    fn notes(n: usize, sign: &str, end: &str) -> String {
        format!(
            "<div class='c9x'><div><b>Reader</b> {sign}</div><p>{p}</p>{end}</div>",
            p = NOTE.repeat(3)
        )
        .repeat(n)
    }

    #[test]
    fn thread_of_signed_notes_longer_than_the_article_is_comments() {
        let thread = notes(
            8,
            "<time>3 hours ago</time>",
            "<div><a href='#'>Reply</a> <button>12</button></div>",
        );
        let (text, comments) = extracted(&page("", &format!("<div class='zz'>{thread}</div>")));
        assert!(text.starts_with("The article text"), "{text}");
        assert!(!text.contains("I read this"), "{text}");
        assert!(comments);
        // A date without a `<time>`, and a reply link to the form further down the page, sign a note too.
        let thread = notes(
            4,
            "12.03.2021, 14:05",
            "<a href='?replytocom=7#respond'>Antworten</a>",
        );
        assert!(!extracted(&page(&thread, "")).0.contains("I read this"));
    }

    #[test]
    fn thread_under_a_news_brief_is_comments() {
        // Two sentences of a brief (some 220 characters), and a thread three times its length.
        let brief = format!("<p>{}</p>", STORY.repeat(4));
        let thread = notes(
            4,
            "<span>2 hours ago</span>",
            "<div><a href='#'>Reply</a> <a href='#'>Helpful (3)</a></div>",
        );
        let page =
            format!("<body><div class='v2'>{brief}</div><div class='zq'>{thread}</div></body>");
        let (text, comments) = extracted(&page);
        assert!(text.starts_with("The article text"), "{text}");
        assert!(!text.contains("I read this") && comments, "{text}");
    }

    #[test]
    fn runs_that_are_no_thread_stay() {
        // A timeline of the article: dated entries, but nothing to answer.
        let timeline = notes(5, "1998", "");
        assert!(extracted(&page(&timeline, "")).0.contains("I read this"));
        // Teasers of other pages: their links lead elsewhere.
        let teasers = notes(5, "2021", "<a href='/story'>More</a>");
        assert!(extracted(&page(&teasers, "")).0.contains("I read this"));
        // An article's numbered sections, each with a footnote mark and a link back to the top of the page.
        let sections: String = (1..6)
            .map(|i| {
                format!(
                    "<section class='s'><h2>{i}. Findings</h2><p>{n}<a href='#fn{i}'>{i}</a> {n}</p>\
                     <a href='#top'>Back to top</a></section>",
                    n = NOTE.repeat(2)
                )
            })
            .collect();
        let (text, comments) = extracted(&page(&sections, ""));
        assert!(
            text.contains("I read this") && !comments,
            "comments {comments}: {text}"
        );
        // A forum thread: the notes are the page's text.
        let thread = notes(6, "<time>3 hours ago</time>", "<a href='#'>Reply</a>");
        let forum = format!("<body><h1>Question</h1><div class='zz'>{thread}</div></body>");
        let (text, comments) = extracted(&forum);
        assert!(text.contains("I read this") && !comments, "{text}");
    }
}
