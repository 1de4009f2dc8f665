//! Extraction: find the main content of a parsed page and the boilerplate inside it.
//!
//! Three iterative passes over the tree: measure text and link text per node while dropping boilerplate
//! (`score::measure`), score candidate containers by the paragraphs they hold (`score::choose`), then prune
//! link lists, captions and other furniture inside the chosen containers (`score::prune`).

mod bio;
mod boilerplate;
mod byline;
mod contact;
mod credits;
pub mod density;
mod ending;
mod reason;
mod repeats;
mod score;
mod script;
mod stats;
mod teasers;
mod thread;
mod ticker;
mod widgets;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node, Selector};

use crate::dom::{walk, NodeSet};

pub use boilerplate::is_never_content;
pub use byline::Known;
pub use reason::Reason;
pub use script::{script_article, ScriptArticle};

/// What the user's HTML-stage rules ask of extraction.
#[derive(Debug, Default, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// Elements to drop before extraction (`remove` rules).
    pub remove: &'a [Selector],
    /// A selector for the main content that overrides extraction (`main` rules).
    pub main: Option<&'a Selector>,
    /// Keep the whole `<body>` instead of finding the article (`--whole-page`); `remove` rules still apply.
    pub whole_page: bool,
    /// What the page's metadata found: lines above the article that repeat it are left out.
    pub known: Known<'a>,
    /// The output keeps pictures (`--images`): blocks that say the same but show other pictures are no copies
    /// ([`Reason::Repeated`]).
    pub images: bool,
}

/// The main content of a page: the subtrees to render, and the nodes inside them to leave out.
#[derive(Debug, Default, Clone)]
pub struct Article {
    /// Roots of the article's subtrees, in document order.
    pub roots: Vec<NodeId>,
    /// Nodes inside the roots that are boilerplate, with their subtrees.
    pub skip: NodeSet,
    /// Why blocks with text were left out: the roots of the dropped subtrees, inside the article or not (a block
    /// outside the roots and not listed here is [`Reason::OutsideArticle`]).
    pub reasons: Vec<(NodeId, Reason)>,
}

impl Article {
    /// Whether an article was found.
    pub fn is_found(&self) -> bool {
        !self.roots.is_empty()
    }

    /// The whole `<body>` (or the document when there is none), nothing skipped.
    pub fn whole_body(html: &Html) -> Article {
        let root = body(html).unwrap_or_else(|| html.tree.root());
        Article {
            roots: vec![root.id()],
            ..Article::default()
        }
    }
}

/// Finds the main content of `html`.
pub fn extract(html: &Html, options: &ExtractOptions<'_>) -> Article {
    let len = html.tree.nodes().count();
    let mut removed = NodeSet::with_len(len);
    let mut removed_reasons = Vec::new();
    for selector in options.remove {
        for element in html.select(selector) {
            removed.insert(element.id());
            removed_reasons.push((element.id(), Reason::RemoveRule));
        }
    }
    if options.whole_page {
        let mut article = Article::whole_body(html);
        article.skip = removed;
        return article;
    }
    if let Some(main) = options.main {
        let roots: Vec<NodeId> = html.select(main).map(|e| e.id()).collect();
        let roots = outermost(html, roots);
        if !roots.is_empty() {
            return main_article(html, roots, removed, removed_reasons);
        }
        // A `main` rule that matches nothing on this page leaves it to automatic extraction.
    }
    let Some(body) = body(html) else {
        return Article::default();
    };
    let stats = score::measure(body, len, removed);
    let (roots, refused) = score::choose(body, &stats);
    if roots.is_empty() {
        return Article::default();
    }
    let (mut skip, mut reasons) = score::prune(html, &roots, &stats, options.images);
    let measure = |id: NodeId| {
        let m = stats.get(id);
        (m.text, m.links)
    };
    for (id, reason) in byline::metadata_lines(html, &roots, &measure, &skip, &options.known) {
        skip.insert(id);
        reasons.push((id, reason));
    }
    reasons.extend(removed_reasons);
    reasons.extend(refused.map(|id| (id, Reason::OutsideLandmark)));
    Article {
        roots,
        skip,
        reasons,
    }
}

/// The article a `main` rule names: its matches, without what is never content or what `remove` rules drop.
fn main_article(
    html: &Html,
    roots: Vec<NodeId>,
    removed: NodeSet,
    reasons: Vec<(NodeId, Reason)>,
) -> Article {
    let mut skip = removed;
    for root in &roots {
        if let Some(node) = html.tree.get(*root) {
            walk(node, |n| {
                if let Some(element) = n.value().as_element() {
                    if is_never_content(element) {
                        skip.insert(n.id());
                        return false;
                    }
                }
                !skip.contains(n.id())
            });
        }
    }
    Article {
        roots,
        skip,
        reasons,
    }
}

/// The `<body>` element, else the root element.
fn body(html: &Html) -> Option<NodeRef<'_, Node>> {
    let root = html.root_element();
    let body = root
        .children()
        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"));
    Some(body.unwrap_or(*root))
}

/// Keeps only the nodes that no other node of the list contains.
fn outermost(html: &Html, ids: Vec<NodeId>) -> Vec<NodeId> {
    let mut set = NodeSet::default();
    for id in &ids {
        set.insert(*id);
    }
    ids.into_iter()
        .filter(|id| {
            html.tree
                .get(*id)
                .is_some_and(|node| !node.ancestors().any(|a| set.contains(a.id())))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence of an article's text, repeated to make its paragraphs.
    const ARTICLE_TEXT: &str =
        "The article text itself, with commas, clauses, and sentences that end. ";

    /// A page whose article is three paragraphs of [`ARTICLE_TEXT`] between `opening` and `closing`.
    fn story(opening: &str, closing: &str) -> String {
        format!(
            "<body><div class='story'>{opening}<p>{p}</p><p>{p}</p><p>{p}</p>{closing}</div></body>",
            p = ARTICLE_TEXT.repeat(3)
        )
    }

    fn text_of(body: &str) -> String {
        let html = Html::parse_document(body);
        let article = extract(&html, &ExtractOptions::default());
        rendered(&html, &article)
    }

    /// The kept text of `page`'s article, and whether extraction gave any block the reason `reason`.
    pub(super) fn extracted(page: &str, reason: Reason) -> (String, bool) {
        let html = Html::parse_document(page);
        let article = extract(&html, &ExtractOptions::default());
        let found = article.reasons.iter().any(|(_, r)| *r == reason);
        (rendered(&html, &article), found)
    }

    /// The text of an article's kept nodes, words joined by single spaces.
    fn rendered(html: &Html, article: &Article) -> String {
        let mut out = String::new();
        for root in &article.roots {
            let node = html.tree.get(*root).expect("root is in the tree");
            walk(node, |n| {
                if article.skip.contains(n.id()) {
                    return false;
                }
                if let Some(text) = n.value().as_text() {
                    out.push_str(text);
                }
                true
            });
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn article_is_chosen_over_navigation() {
        let para = "This is a long sentence of the article, with commas, and more words to count. ";
        let page = format!(
            "<body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav>\
             <div class='sidebar'><ul><li><a href='/x'>Another story with a long title here</a></li></ul></div>\
             <div id='story'><p>{p}</p><p>{p}</p><p>{p}</p></div>\
             <footer>Copyright</footer></body>",
            p = para.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("This is a long sentence"), "{text}");
        assert!(!text.contains("Home"));
        assert!(!text.contains("Another story"));
        assert!(!text.contains("Copyright"));
    }

    #[test]
    fn link_inside_a_sentence_stays_and_a_teaser_line_goes() {
        let page = format!(
            "<body><div id='story'><p>{p}</p>\
             <p>The founder faces <a href='https://example.org/charge'>a charge of conspiracy to export restricted \
             machine parts to a foreign buyer</a>.</p><p>{p}</p>\
             <p>Read more: <a href='/other'>Why the trial of the founder has been put off for the fourth time</a></p>\
             <p>See <a href='/more'>the full list of witnesses that the prosecutors heard last week</a>.</p>\
             <p>{p}</p></div></body>",
            p = STORY_SENTENCE.repeat(3)
        );
        let text = text_of(&page);
        assert!(
            text.contains("The founder faces a charge of conspiracy"),
            "{text}"
        );
        assert!(!text.contains("Why the extradition case"), "{text}");
        assert!(!text.contains("the full list of witnesses"), "{text}");
    }

    #[test]
    fn article_split_over_containers_is_joined() {
        let para =
            "A sentence of the story, long enough to count, with a comma or two, and an end. ";
        let page = format!(
            "<body><div class='story'>\
             <div class='chunk'><div><p>First {p}</p><p>{p}</p></div></div>\
             <div class='ad'><a href='/buy'>Buy now</a></div>\
             <div class='chunk'><div><p>Second {p}</p><p>{p}</p></div></div>\
             </div><div class='more'><a href='/a'>Other story</a> <a href='/b'>Another one</a></div></body>",
            p = para.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("First"), "{text}");
        assert!(text.contains("Second"), "{text}");
        assert!(
            !text.contains("Buy now") && !text.contains("Other story"),
            "{text}"
        );
    }

    /// A sentence of a story cut into rows, repeated to make its paragraphs.
    const STORY_SENTENCE: &str =
        "A sentence of the story, long enough to count, with a comma or two, and an end. ";

    /// Teasers of other stories between the rows of a story.
    const ROW_TEASERS: &str =
        "<div class='teasers'><a href='/a'>Another story with a long title</a> \
                               <a href='/b'>And one more story with a title</a></div>";

    #[test]
    fn article_cut_into_rows_with_teasers_between_is_joined() {
        let (para, teaser) = (STORY_SENTENCE, ROW_TEASERS);
        let page = format!(
            "<body><div class='row'><div class='section-text'><p>First {p}</p></div></div>{teaser}\
             <div class='row'><div class='section-text'><p>Second {p}</p><p>{p}</p></div></div>{teaser}\
             <div class='row'><div class='section-text'><p>Third {p}</p></div></div>{teaser}</body>",
            p = para.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("First"), "{text}");
        assert!(text.contains("Second") && text.contains("Third"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn row_of_the_article_with_a_table_of_contents_is_joined() {
        let (para, teaser) = (STORY_SENTENCE, ROW_TEASERS);
        // A third of the second row's text is its table of contents: links, but the row is the article's.
        let contents: String = [
            "What are the symptoms?",
            "How deadly is the disease?",
            "Where does it come from?",
            "How does it spread at all?",
            "Is there a vaccine yet?",
            "What can you do about it?",
            "Who is most at risk here?",
            "What do the experts say?",
        ]
        .iter()
        .enumerate()
        .map(|(i, q)| format!("<a href='#q{i}'>{q}</a><br>"))
        .collect();
        let links: String = (0..6)
            .map(|i| format!("<a href='/story/{i}'>Another story of the site, number {i}</a> "))
            .collect();
        let page = format!(
            "<body><div class='row'><div class='section-text'><p>First {p}</p><p>{p}</p></div></div>{teaser}\
             <div class='row'><div class='section-text'><p>Second {p}</p><div class='box'>{contents}</div>\
             <h3 id='q0'>What are the symptoms?</h3><p>{p}</p></div></div>{teaser}\
             <div class='row'><div class='section-text'><p>Third {p}</p></div></div>{teaser}\
             <div class='row'><div class='section-text'><p>{links}</p></div></div></body>",
            p = para.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("First"), "{text}");
        assert!(text.contains("Second") && text.contains("Third"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn teasers_as_numbered_list_items_are_dropped() {
        let para =
            "A sentence of the story, long enough to count, with a comma or two, and an end. ";
        let items: String = (1..=4)
            .map(|i| {
                format!(
                    "<li class='item views-row-{i}'><h3><a href='/story-{i}'>Another story {i}</a></h3>\
                     <div>An excerpt of that other story, with a comma, and an end of its own.</div></li>"
                )
            })
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p><ul class='list'>{items}</ul></div></body>",
            p = para.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("A sentence"), "{text}");
        assert!(!text.contains("An excerpt"), "{text}");
    }

    #[test]
    fn related_posts_longer_than_a_short_story_are_dropped() {
        let para = "The story itself, short, with a comma, and an end of its own here. ";
        let excerpt = "An excerpt of another post, long enough to read as prose, with commas, and a sentence end. ";
        let items: String = (1..=6)
            .map(|i| {
                format!(
                    "<li><a href='/post-{i}'>Another post {i}</a><br><small>{e}</small></li>",
                    e = excerpt.repeat(2)
                )
            })
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p>\
             <ul class='related_post'>{items}</ul></div></body>",
            p = para.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The story itself"), "{text}");
        assert!(!text.contains("An excerpt"), "{text}");
    }

    #[test]
    fn widening_stops_at_the_frame_that_holds_the_site_menu() {
        let para =
            "A sentence of the story, long enough to count, with a comma or two, and an end. ";
        let menu: String = (0..12)
            .map(|i| format!("<li><a href='/s{i}'>Section {i}</a></li>"))
            .collect();
        let page = format!(
            "<body><div class='page'><nav><ul>{menu}</ul></nav>\
             <div class='wrap'><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p></div></div>\
             <div class='box'><p>Support independent journalism today, become a member of our club and \
             receive the printed magazine every month, with a welcome gift.</p></div></div></body>",
            p = para.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("A sentence"), "{text}");
        assert!(!text.contains("Support independent"), "{text}");
    }

    #[test]
    fn heading_over_a_dropped_link_list_is_dropped() {
        let links: String = (0..4)
            .map(|i| format!("<li><a href='/s{i}'>Another story number {i} of the site</a></li>"))
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><h2>Part two</h2><h3>The details</h3><p>{p}</p>\
             <div class='more'><h3>Read also</h3><ul>{links}</ul></div><p>{p}</p>\
             <h3>Share this</h3></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(
            text.contains("Part two") && text.contains("The details"),
            "{text}"
        );
        assert!(!text.contains("Read also"), "{text}");
        assert!(!text.contains("Share this"), "{text}");
    }

    #[test]
    fn bold_line_over_a_dropped_link_list_is_dropped() {
        let links: String = (0..4)
            .map(|i| format!("<li><a href='/s{i}'>Another story number {i} of the site</a></li>"))
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><p><strong>Further reading:</strong></p><ul>{links}</ul>\
             <p><b>Contact:</b></p><p>{p}</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(!text.contains("Further reading"), "{text}");
        assert!(text.contains("Contact:"), "{text}");
    }

    #[test]
    fn heading_that_is_a_sentence_is_kept_over_a_dropped_block() {
        let lead = "A lead set as a heading: what happened this week, where it happened, and why it matters to all of you";
        let page = format!(
            "<body><div class='story'><div class='intro'><h2>{lead}</h2>\
             <div class='share'><a href='/x'>Share on a network</a></div></div><p>{p}</p><p>{p}</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("A lead set as a heading"), "{text}");
    }

    #[test]
    fn furniture_class_on_the_article_wrapper_is_ignored() {
        let page = format!(
            "<body><div class='layout with-sidebar'><div class='post'><p>{p}</p><p>{p}</p></div></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        assert!(text_of(&page).starts_with("The article text"));
    }

    #[test]
    fn a_consent_dialogs_prose_does_not_shrink_the_articles_share_of_the_page() {
        // A theme's name for the article's column (`post-wrap sidebar-right`) holds all of the page's prose but the
        // dialog's; the dialog goes by what it is, so its cookie texts do not make the column a small part of the
        // page's prose and so a sidebar.
        let consent = "We and our partners store cookies on your device to measure the audience, personalise \
                       ads and content, and develop our services, as the settings below explain. ";
        let page = format!(
            "<body><div class='gdpr-modal'><p>{c}</p><p>{c}</p><p>{c}</p><p>{c}</p></div>\
             <div class='post-wrap sidebar-right'><p>{p}</p><p>{p}</p></div></body>",
            c = consent.repeat(2),
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text"), "{text}");
        assert!(!text.contains("cookies"), "{text}");
    }

    #[test]
    fn lead_named_as_site_furniture_that_paragraphs_run_on_from_is_kept() {
        let lead = "The lead of the story, which says in two sentences what happened and where. The rest of the \
                    story follows below it.";
        // An empty ad slot between the lead and the paragraphs says nothing.
        for (wrapper, heading) in [
            ("div class='lead sidebar-lead'", ""),
            ("div class='meta-lead'", ""),
            ("header", ""),
            // A heading whose link is the page's own anchor is no teaser's title.
            (
                "div class='meta-lead'",
                "<h2><a href='#story'>The story</a></h2>",
            ),
        ] {
            let tag = wrapper.split(' ').next().unwrap_or(wrapper);
            let page = story(
                &format!("<{wrapper}>{heading}<p>{lead}</p></{tag}><div class='slot'></div>"),
                "",
            );
            let text = text_of(&page);
            assert!(
                text.starts_with("The lead of the story")
                    || text.starts_with("The story The lead of the story"),
                "{wrapper}: {text}"
            );
        }
    }

    #[test]
    fn lead_named_as_site_furniture_runs_on_over_an_embed_or_a_share_bar() {
        let lead = "The lead of the story, which says in two sentences what happened and where. The rest of the \
                    story follows below it.";
        // An embedded post whose text is its links, or a row of share links, between the lead and the paragraphs
        // says nothing of the article.
        for between in [
            "<blockquote class='embed-post'><div><a href='https://social.example/p/1'>View this post on the \
             network</a></div><p><a href='https://social.example/p/1'>A post shared by Someone (@someone)</a></p>\
             </blockquote>",
            "<ul class='buttons'><li><a href='https://social.example/share'>Share</a></li>\
             <li><a href='https://mail.example/send'>Send by mail</a></li></ul>",
        ] {
            let page = story(
                &format!("<div class='lead sidebar-lead'><p>{lead}</p></div>{between}"),
                "",
            );
            let text = text_of(&page);
            assert!(text.starts_with("The lead of the story"), "{between}: {text}");
        }
    }

    #[test]
    fn lead_in_a_header_of_the_article_is_kept_but_not_a_standfirst_under_the_headline() {
        let lead = "The lead of the story, which says in two sentences what happened and where. The rest of the \
                    story follows below it.";
        let p = ARTICLE_TEXT.repeat(3);
        // A `<header>` inside the `<article>` that holds no heading and runs on into the article's paragraphs is
        // the article's lead.
        let page = format!(
            "<body><article><h1>The headline</h1><header><p>{lead}</p></header><p>{p}</p><p>{p}</p><p>{p}</p>\
             </article></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("The lead of the story"), "{text}");
        // One that holds the headline is the article's own header: its standfirst goes with the headline, as before.
        let page = format!(
            "<body><article><header><h1>The headline</h1><p>{lead}</p></header><p>{p}</p><p>{p}</p><p>{p}</p>\
             </article></body>"
        );
        let text = text_of(&page);
        assert!(!text.contains("The lead of the story"), "{text}");
        assert!(text.starts_with("The article text"), "{text}");
    }

    #[test]
    fn section_headers_of_the_text_are_kept() {
        // A page builder wraps each section's heading in a `<header>` of its own, over the section's paragraphs.
        let p = ARTICLE_TEXT.repeat(3);
        let section = |title: &str| {
            format!("<div class='block'><header><h2>{title}</h2></header><div class='text'><p>{p}</p></div></div>")
        };
        let page = format!(
            "<body><header><a href='/'><h2>Site name</h2></a><nav><a href='/a'>Home</a></nav></header>\
             <div class='story'><h1>The headline</h1>{}{}{}</div></body>",
            section("Where the river bends"),
            section("What the ferry carried"),
            section("Why the bridge came late")
        );
        let text = text_of(&page);
        for title in [
            "Where the river bends",
            "What the ferry carried",
            "Why the bridge came late",
        ] {
            assert!(text.contains(title), "{title}: {text}");
        }
        assert!(!text.contains("Site name"), "{text}");
        // A header with more than its heading (a byline, a link) stays furniture, and so does one such header
        // alone: a hero block over the text, whose heading is the headline.
        let page = format!(
            "<body><div class='story'>{}{}<header><h2>Why the bridge came late</h2><a href='/a'>Our reporter</a>\
             </header><p>{p}</p></div></body>",
            section("Where the river bends"),
            section("What the ferry carried")
        );
        let text = text_of(&page);
        assert!(!text.contains("Why the bridge came late"), "{text}");
        let page = format!(
            "<body><div class='story'>{}<p>{p}</p><p>{p}</p></div></body>",
            section("The headline")
        );
        let text = text_of(&page);
        assert!(!text.contains("The headline"), "{text}");
    }

    #[test]
    fn lead_set_like_the_text_after_it_is_kept() {
        let lead = "The lead of the story, which says in two sentences what happened and where. The rest of the \
                    story follows below it.";
        let p = ARTICLE_TEXT.repeat(3);
        // The lead's wrapper is named for furniture and the article's text follows in a wrapper of its own, not a
        // paragraph: the lead is set in the same block (tag and class) as the text after it.
        for wrapper in [
            "div class='meta-lead'",
            "div class='lead sidebar-lead'",
            "header",
        ] {
            let tag = wrapper.split(' ').next().unwrap_or(wrapper);
            let page = format!(
                "<body><div class='post'><{wrapper}><div class='rte'><p>{lead}</p></div></{tag}>\
                 <div class='slot'></div><div class='body'><div class='rte'><p>{p}</p><p>{p}</p></div></div>\
                 </div></body>"
            );
            let text = text_of(&page);
            assert!(
                text.starts_with("The lead of the story"),
                "{wrapper}: {text}"
            );
        }
        // A sidebar's text box before the article's column is set in another block than the article's text.
        let about = "This blog is written by two friends who travel, cook and write about both, since 2010.";
        let page = format!(
            "<body><div class='sidebar'><div class='textwidget'><p>{about}</p></div></div><div class='post'>\
             <div class='entry'><p>{p}</p><p>{p}</p></div></div></body>"
        );
        let text = text_of(&page);
        assert!(
            text.starts_with("The article text") && !text.contains("This blog"),
            "{text}"
        );
    }

    #[test]
    fn prose_in_site_furniture_beside_the_article_is_dropped() {
        let about = "This blog is written by two friends who travel, cook and write about both, since 2010.";
        let p = ARTICLE_TEXT.repeat(3);
        // A sidebar beside the article's column, a sidebar box under its last paragraph, a byline over its
        // heading: the next block is not a paragraph. A teaser of another story over the first paragraph: its
        // title is a link.
        for page in [
            format!("<body><div class='sidebar'><p>{about}</p></div><div class='post'><p>{p}</p><p>{p}</p></div></body>"),
            format!("<body><div class='post'><p>{p}</p><p>{p}</p><div class='sidebar'><p>{about}</p></div></div></body>"),
            format!("<body><div class='post'><div class='meta'><p>{about}</p></div><h2>A section</h2><p>{p}</p><p>{p}</p></div></body>"),
            format!("<body><div class='post'><aside><h3><a href='/other'>Another story</a></h3><p>{about}</p></aside><p>{p}</p><p>{p}</p></div></body>"),
            // A byline box over a heading as long as a paragraph's line: a heading is no paragraph.
            format!("<body><div class='post'><div class='meta'><p>{about}</p></div><h2>A section heading that runs to some length</h2><p>{p}</p><p>{p}</p></div></body>"),
            // Two signs agree (a tag and a class name): an author's box set between paragraphs.
            format!("<body><div class='post'><p>{p}</p><aside class='author-bio'><p>{about}</p></aside><p>{p}</p></div></body>"),
            // More empty slots than a lead has before its text.
            format!("<body><div class='post'><div class='meta'><p>{about}</p></div>{slots}<p>{p}</p><p>{p}</p></div></body>", slots = "<div class='slot'></div>".repeat(6)),
        ] {
            let text = text_of(&page);
            assert!(text.contains("The article text") && !text.contains("This blog"), "{text}");
        }
    }

    #[test]
    fn appeal_set_apart_under_the_article_is_dropped() {
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p><em>A closing line in italics.</em></p>\
             <p><em>Follow us and <a href='/signup'>sign up here</a> for more.</em></p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.contains("A closing line"), "{text}");
        assert!(!text.contains("Follow us"), "{text}");
    }

    #[test]
    fn notes_under_a_closing_rule_line_are_dropped() {
        for rule in [
            "<p>___</p>",
            "<h2><span>_______________</span></h2>",
            "<p>* * *</p>",
        ] {
            let page = story(
                "",
                &format!("{rule}<p>Read all of our coverage of the harbour works at the site's own page.</p>"),
            );
            let (text, found) = extracted(&page, Reason::Appeal);
            assert!(text.ends_with("sentences that end."), "{text}");
            assert!(found, "{rule}");
        }
        // Set as a line of inline text under the rule, as a writer's line often is.
        let page = story(
            "",
            "<h2>____</h2><em>Sam Roe edits the deals page and buys what he writes about.</em>",
        );
        let text = text_of(&page);
        assert!(text.ends_with("sentences that end."), "{text}");
    }

    #[test]
    fn section_under_a_rule_line_stays() {
        // A heading under the rule opens a section of the article.
        let page = story(
            "",
            "<p>* * *</p><h2>Later that year</h2><p>A short last section of the story.</p>",
        );
        assert!(text_of(&page).ends_with("A short last section of the story."));
        // So does a paragraph longer than a note.
        let page = story("", &format!("<p>---</p><p>{}</p>", ARTICLE_TEXT.repeat(8)));
        let text = text_of(&page);
        assert!(
            text.matches("The article text itself").count() == 17,
            "{text}"
        );
        // A rule with the article under it stays: the notes come last.
        let page = story("<p>* * *</p>", "");
        assert!(text_of(&page).ends_with("sentences that end."));
    }

    #[test]
    fn appeal_written_as_a_div_of_inline_text_is_dropped() {
        let page = format!(
            "<body><div class='story'><div><p>{p}</p><p>{p}</p></div>\
             <div class='x'><em>More stories every week in your inbox. </em>\
             <a href='/signup'><em>Sign up here</em></a><em>!</em></div></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text"), "{text}");
        assert!(!text.contains("Sign up"), "{text}");
    }

    #[test]
    fn italic_bio_closing_the_article_is_dropped() {
        let bio = "Jane Doe is the founder of a consultancy that helps brands, small and large, tell their \
                   story to the right people at the right time, with strategy, media and design. She also writes \
                   for magazines, speaks on the radio and teaches a class on marketing at the city's college, \
                   where she started the students' own agency ten years ago with two friends. ";
        let page = story(
            "",
            &format!("<p><em>{bio}Write to her: <a href='/contact'>contact</a></em></p>"),
        );
        let text = text_of(&page);
        assert!(text.ends_with("sentences that end."), "{text}");
    }

    #[test]
    fn italic_disclosure_opening_the_article_is_dropped() {
        let page = |opening: &str| story(opening, "");
        let text = text_of(&page(
            "<p><em>This post contains affiliate links. See our <a href='/policy'>policy</a>.</em></p>",
        ));
        assert!(text.starts_with("The article text"), "{text}");
        // An epigraph with its footnote, and an italic lead in a quotation or without a link, stay.
        for opening in [
            "<p><em>A quotation to open with, by a poet.<a href='#note-1'>1</a></em></p>",
            "<blockquote><p><em>A quotation, from <a href='/poet'>a poet</a>.</em></p></blockquote>",
            "<p><em>An italic lead with no link in it.</em></p>",
        ] {
            let text = text_of(&page(opening));
            assert!(text.starts_with("A") && !text.starts_with("The"), "{text}");
        }
    }

    #[test]
    fn roman_appeal_leading_where_the_furniture_leads_is_dropped() {
        let page = |closing: &str| {
            format!(
                "<head><link rel='canonical' href='https://www.example.com/story'></head>\
                 <body><nav><a href='https://www.example.com/'>Home</a> <a href='https://www.example.com/news'>News</a> \
                 <a href='https://epaper.example-kiosk.com/'>E-paper</a></nav>\
                 <div class='story'><p>{p}</p><p>{p}</p><p>{p}</p>{closing}</div></body>",
                p = ARTICLE_TEXT.repeat(3)
            )
        };
        // An app store, and a domain the page's menu links to: the site's appeals, in any language.
        let text = text_of(&page(
            "<p>Read the full story in our <a href='https://kiosk.example-kiosk.com/landing'>e-paper</a>.</p>\
             <p>Get the news on your phone: <a href='https://apps.apple.com/app/id1'>iOS</a>.</p>",
        ));
        assert!(text.ends_with("sentences that end."), "{text}");
        // A closing paragraph that cites a source once stays, as does an embedded post that links its author.
        let text = text_of(&page(
            "<p>The study was published in <a href='https://journal.example.org/a/1'>a journal</a>.</p>\
             <blockquote><p>Our statement: <a href='https://twitter.com/agency'>@agency</a></p></blockquote>",
        ));
        assert!(text.contains("The study was published"), "{text}");
        assert!(text.contains("Our statement"), "{text}");
    }

    #[test]
    fn box_around_a_link_to_subscribe_is_dropped() {
        let page = |inside: &str| story("", &format!("{inside}<p>The end of the story.</p>"));
        // A heading, a pitch and a button to the checkout, with no class word naming the box.
        let text = text_of(&page(
            "<div class='nr-box'><h4>A Small Request</h4><div><p>If this story was useful to you, we have an \
             offer for you: join us and read everything.</p></div><a href='/members-subscribe'>Join</a></div>",
        ));
        assert!(!text.contains("A Small Request"), "{text}");
        assert!(!text.contains("offer for you"), "{text}");
        assert!(text.ends_with("The end of the story."), "{text}");
        // A paragraph longer than an appeal that cites such a page stays, however long the article around it.
        let cited = format!(
            "<p>{} The service <a href='/subscribe'>asks for money</a>.</p>",
            ARTICLE_TEXT.repeat(9)
        );
        let long = format!("<p>{}</p>", ARTICLE_TEXT.repeat(12)).repeat(3);
        let text = text_of(&story(&long, &cited));
        assert!(text.contains("asks for money"), "{text}");
        // A box longer than a pitch's paragraph whose button stands as a line of its own: the button is in no
        // paragraph, and the box goes.
        let pitch = format!(
            "<div class='x9'><h4>We need your help</h4><p>{p}</p><p>{p}</p><p>{p}</p>\
             <a href='https://donate.example.org/'>Donate now</a></div><p>The end of the story.</p>",
            p = "Our reporting is funded by readers like you, so please consider a contribution today. "
                .repeat(3),
        );
        let text = text_of(&story(&long, &pitch));
        assert!(!text.contains("funded by readers"), "{text}");
        assert!(text.ends_with("The end of the story."), "{text}");
    }

    #[test]
    fn pitch_closing_on_a_button_to_a_page_of_the_site_is_dropped() {
        let page = |inside: &str| story("", &format!("{inside}<p>The end of the story.</p>"));
        // A title, a pitch and a lone button to a page of the site whose address names no payment, in any language.
        for pitch in [
            "<section class='c1'><h4>We need your help</h4><p>Our reporting is funded by readers like you, so \
             please consider a monthly contribution.</p><a href='/membership'>Become a member</a></section>",
            "<div class='row'><div>Wesprzyj niezależne dziennikarstwo</div><p>Nasza praca jest finansowana przez \
             czytelników takich jak ty, rozważ wsparcie.</p><p>Dziękujemy.</p>\
             <a href='/wesprzyj-nas'>Wesprzyj</a></div>",
            // The checkout on another domain: the button's address still names a page, not a story.
            "<div class='box'><h3>Keep us going</h3><p>Our reporting is funded by readers like you, so please \
             consider a monthly contribution.</p><a href='https://pay.example-billing.com/plans'>Give now</a></div>",
        ] {
            let text = text_of(&page(pitch));
            assert!(!text.contains("funded by readers"), "{text}");
            assert!(!text.contains("finansowana"), "{text}");
            assert!(text.ends_with("The end of the story."), "{text}");
        }
        // Among paragraphs written as `<div>`s whose last sentence ends in a link, the pitch is still the one box
        // that closes on a button.
        let paragraph = format!(
            "<div class='para'>{} As the minister <a href='/2021/03/05/minister-report'>said last week in the \
             house.</a></div>",
            ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&format!(
            "<body><div class='story'>{}<div class='c1'><h4>We need your help</h4><p>Our reporting is funded by \
             readers like you, so please consider a monthly contribution.</p><a href='/membership'>Become a \
             member</a></div></div></body>",
            paragraph.repeat(4)
        ));
        assert!(!text.contains("funded by readers"), "{text}");
        assert!(text.contains("said last week"), "{text}");
        // The article's own box that ends on a link to a story (a date, an id in its address), to another site in
        // a new window, or a box with no title over its paragraph stays.
        for own in [
            "<div class='c1'><h4>Background</h4><p>The committee met twice before, with no result.</p> \
             <a href='/2019/04/committee-meets-again'>Read on</a></div>",
            "<div class='c1'><h4>Maps</h4><p>The guide holds thirty tours, with a map of the valley.</p> \
             <a href='/link.php?url=guide' target='_blank'>The guide as PDF</a></div>",
            "<div class='c1'><p>The committee met twice before, with no result at all.</p> \
             <a href='/committee'>Committee</a></div>",
        ] {
            let text = text_of(&page(own));
            assert!(text.contains("The committee met") || text.contains("thirty tours"), "{own}: {text}");
        }
    }

    #[test]
    fn banner_above_the_site_menu_is_dropped() {
        let p = ARTICLE_TEXT.repeat(3);
        let page = |top: &str, menu: &str| {
            format!(
                "<body><div class='frame'><div class='b1'>{top}</div>{menu}<h1>The headline</h1>\
                 <p>{p}</p><p>{p}</p><p>{p}</p></div></body>"
            )
        };
        let menu =
            "<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav>";
        let banner = "<p>Your browser is not supported. For the best experience, please update it to the latest \
                      version.</p>";
        let text = text_of(&page(banner, menu));
        assert!(!text.contains("not supported"), "{text}");
        assert!(text.contains("The article text itself"), "{text}");
        // The menu inside the site's header, the headline inside the page's header: both left out as furniture,
        // they still stand where the menu and the headline stand.
        let text = text_of(&format!(
            "<body><div class='frame'><div class='b1'>{banner}</div><header class='site-header'>{menu}</header>\
             <header class='page-header'><h1>The headline</h1></header><p>{p}</p><p>{p}</p><p>{p}</p></div></body>"
        ));
        assert!(!text.contains("not supported"), "{text}");
        assert!(text.contains("The article text itself"), "{text}");
        // The site's header with no menu in it (a logo and a tagline) stands where the menu does.
        let text = text_of(&format!(
            "<body><div class='frame'><div class='b1'>{banner}</div><header class='top'><a href='/'>The Daily \
             Site</a> <span>The best stories</span></header><header class='page-header'><h1>The headline</h1>\
             </header><p>{p}</p><p>{p}</p><p>{p}</p></div></body>"
        ));
        assert!(!text.contains("not supported"), "{text}");
        assert!(text.contains("The article text itself"), "{text}");
        // A standfirst over the article's table of contents (links to places on the page) stays.
        let contents =
            "<nav><a href='#one'>The first part</a> <a href='#two'>The second part</a></nav>";
        let text = text_of(&page(banner, contents));
        assert!(text.contains("not supported"), "{text}");
    }

    #[test]
    fn question_over_a_row_of_buttons_is_dropped_with_its_prose() {
        // A blocked embed's notice: a heading, a sentence on what loading it means, naming the service, and the
        // reader's choices; the same notice beside the frame it stands for, and a sign-up pitch over its address
        // field, in any language.
        for notice in [
            "<div class='x2'><h3>External content</h3><p>This content is provided by YouTube. To view it, you \
             must agree that personal data may be transmitted to it.</p><button>Load content</button>\
             <span role='button'>Always allow</span></div>",
            "<div class='x2'><iframe data-src='https://player.example/embed/1'></iframe><h3>Externer Inhalt</h3>\
             <p>An dieser Stelle finden Sie einen externen Inhalt, der den Artikel ergänzt, mit einem Klick.</p>\
             <button>Inhalt laden</button><button>Immer erlauben</button></div>",
            "<section><h4>Notre lettre</h4><p>Inscrivez-vous pour recevoir chaque matin les informations les \
             plus importantes.</p><form><input type='email'><button type='submit'>S'inscrire</button></form>\
             </section>",
        ] {
            let html =
                Html::parse_document(&story("", &format!("{notice}<p>The end of the story.</p>")));
            let article = extract(&html, &ExtractOptions::default());
            let text = rendered(&html, &article);
            assert_eq!(text.matches("The end of the story.").count(), 1, "{text}");
            assert!(text.ends_with("sentences that end. The end of the story."), "{text}");
        }
        // A lead beside one button to listen to it stays (see `box_around_a_control_is_dropped`), and so does a
        // section's prose beside a pair of `#` links (a tab list's titles).
        let tabs = "<div class='x3'><p>A section of the story, one sentence long enough to read as prose, with \
                    a comma and an end.</p><a href='#'>One</a> <a href='#'>Two</a></div>";
        let text = text_of(&story("", tabs));
        assert!(text.contains("A section of the story"), "{text}");
        // A heading that holds a row of buttons (a recipe's servings) is the article's.
        let recipe = "<h3>Ingredients<div><button>1x</button><button>2x</button></div></h3>\
                      <ul><li>120 ml olive oil</li><li>2 tsp salt</li></ul>";
        let text = text_of(&story("", recipe));
        assert!(text.contains("Ingredients"), "{text}");
    }

    #[test]
    fn blocked_embed_and_sign_up_boxes_are_told_by_their_shape() {
        let notice = |class: &str, inside: &str, controls: &str| {
            format!(
                "<div class='{class}'>{inside}<h3>Third-party content</h3><p>This content is provided by another \
                 service. To view it, you must agree that personal data may be transmitted.</p>{controls}</div>"
            )
        };
        let frame = "<iframe data-src='https://player.example/embed/1'></iframe>";
        let links = "<a href='#'>Load content</a><a href='#'>Always allow</a>";
        let buttons = "<button>Load content</button><span role='button'>Always allow</span>";
        let sign_up = "<div class='nl'><form><input type='email'><button type='submit'>Sign up</button></form></div>";
        // A story long enough that a box of a few lines is a small part of it.
        let long_story = |inside: &str| {
            format!(
                "<body><div class='story'>{}{inside}</div></body>",
                format!("<p>{}</p>", ARTICLE_TEXT.repeat(4)).repeat(8)
            )
        };
        for (box_, after) in [
            // Two script links side by side under a notice with a frame: its row of choices.
            (notice("x2", frame, links), ""),
            // A name that says the box stands in for another site's content (a whole word of it).
            (notice("privacy-embed", "", buttons), ""),
            // A sign-up form's box beside the notice is no like item of it.
            (notice("x2", frame, buttons), sign_up),
            // No frame, no service's name, no name of its own: buttons that ask to load or allow what it stands
            // for, in the page's language.
            (
                notice(
                    "x2",
                    "",
                    "<button>Inhalt laden</button><span role='button'>Immer erlauben</span>",
                ),
                "",
            ),
            (
                notice(
                    "x2",
                    "",
                    "<a href='#'>Afficher le contenu</a><button>Toujours autoriser</button>",
                ),
                "",
            ),
        ] {
            let text = text_of(&long_story(&format!(
                "{box_}<p>The end of the story.</p>{after}"
            )));
            assert!(!text.contains("Third-party content"), "{text}");
            assert!(
                text.ends_with("sentences that end. The end of the story."),
                "{text}"
            );
        }
        // A name word inside a longer word is no evidence, and a pair of script links under a section of the
        // article without any mark stays (a tab list's titles: labels that ask for nothing).
        let tabs = "<a href='#'>Overview</a><a href='#'>Details</a>";
        for class in ["x2", "embedded-section"] {
            let text = text_of(&long_story(&notice(class, "", tabs)));
            assert!(text.contains("Third-party content"), "{text}");
        }
        // A sign-up box of a heading, a pitch of three paragraphs and the form, longer than a widget's box.
        let pitch = "<p>Sign up to receive the most important stories of the day in your inbox every morning, \
                     written and curated by our editors.</p>";
        let signup = format!(
            "<section class='x5'><h4>Never miss a story</h4>{p}{p}{p}<form><input type='email'>\
             <button type='submit'>Sign up</button></form></section>",
            p = pitch
        );
        let text = text_of(&long_story(&format!(
            "{signup}<p>The end of the story.</p>"
        )));
        assert!(!text.contains("Never miss a story"), "{text}");
        assert!(text.ends_with("The end of the story."), "{text}");
    }

    #[test]
    fn author_bio_box_after_the_article_is_dropped() {
        // A portrait, a heading, a paragraph about the writer and a link to the writer's page, after the article's
        // last paragraph, in any language and under a name that says nothing; also when the box is a sibling of the
        // article's container.
        let bio = |lang: &str| {
            match lang {
            "en" => "<div class='x1'><img src='/p.jpg' alt=''><h4>About the author</h4><p>Jane Doe is a senior \
                     correspondent who has covered politics, technology and culture for more than ten years.</p>\
                     <a href='/author/jane-doe'>All posts by Jane Doe</a></div>",
            _ => "<section class='x2'><img src='/p.jpg' alt=''><div>Die Autorin</div><p>Anna Vogt schreibt über \
                  Wissenschaft, Gesundheit und Umwelt und ist Autorin zweier Bücher über Medizin.</p>\
                  <a href='/autoren/anna-vogt'>Zum Profil</a></section>",
        }
        };
        for lang in ["en", "de"] {
            let text = text_of(&story("", bio(lang)));
            assert!(text.ends_with("sentences that end."), "{text}");
            let page = format!("<body><div>{}{}</div></body>", story("", ""), bio(lang));
            let text = text_of(&page.replace("<body>", "").replace("</body>", ""));
            assert!(text.ends_with("sentences that end."), "{text}");
        }
    }

    #[test]
    fn bio_inside_the_prose_or_without_a_writers_page_stays() {
        // An interview's note on the interviewee (a portrait, no link to a writer's page), a paragraph about the
        // writer with prose after it, and a profile page whose bio is the article stay.
        let person = "<div><img src='/p.jpg' alt=''><h4>Zur Person</h4><p>Max Muster, 54, ist Professor für \
                      Soziologie in Kassel und forscht seit Jahren zur Arbeit auf dem Land.</p></div>";
        let text = text_of(&story("", person));
        assert!(text.contains("Professor für Soziologie"), "{text}");
        let inside = "<div><img src='/p.jpg' alt=''><p>L'auteur, Paul Martin, a vécu dix ans à Lyon, où il a \
                      enseigné l'histoire <a href='/auteur/paul-martin'>(ses articles)</a>.</p></div>";
        let p = ARTICLE_TEXT.repeat(3);
        let text = text_of(&format!(
            "<body><div><p>{p}</p>{inside}<p>{p}</p><p>{p}</p></div></body>"
        ));
        assert!(text.contains("vécu dix ans"), "{text}");
        let profile = "<body><div><img src='/p.jpg' alt=''><h1>Jane Doe</h1><p>Jane Doe is a senior \
                       correspondent who has covered politics, technology and culture for more than ten years.</p>\
                       <a href='/author/jane-doe/page/2'>Older posts</a></div></body>";
        let text = text_of(profile);
        assert!(text.contains("senior correspondent"), "{text}");
    }

    #[test]
    fn photo_credit_under_a_picture_is_dropped() {
        // A credit set outside a figure, right under its picture, in any language that writes a label and a colon,
        // or with the copyright sign.
        for credit in [
            "<div class='x'><img src='/a.jpg' alt=''><span class='y'>Foto: picture alliance/Anna Vogt</span></div>",
            "<p><img src='/a.jpg' alt=''></p><p class='z'><small>Crédit photo : oldtimer77</small></p>",
            "<p><img src='/a.jpg' alt=''></p><p>(© AFP)</p>",
        ] {
            let text = text_of(&story("", &format!("{credit}<p>The end of the story.</p>")));
            assert!(text.ends_with("sentences that end. The end of the story."), "{text}");
        }
        // A caption that says what the picture shows, a tip and an outfit's labelled items under a picture stay.
        for (line, kept) in [
            ("<div><img src='/a.jpg' alt=''><span>Berlin: Blick auf den neuen Platz</span></div>", "Blick auf"),
            ("<p><img src='/a.jpg' alt=''></p><p>Tip: use a sharp knife for the onions</p>", "sharp knife"),
            ("<p><img src='/a.jpg' alt=''></p><p>Sweater: Uniqlo</p><p>Coat: Mango</p>", "Sweater: Uniqlo"),
        ] {
            let text = text_of(&story("", &format!("{line}<p>The end of the story.</p>")));
            assert!(text.contains(kept), "{kept}: {text}");
        }
    }

    #[test]
    fn standfirst_beside_buttons_stays() {
        // A standfirst shorter than a paragraph of prose opens the article beside its "Listen" / "Share" buttons,
        // in any language written with spaces; what a player prints over its buttons still goes.
        for (standfirst, kept) in [
            (
                "<p>After a decade of debate the northern line goes ahead.</p>",
                "After a decade of debate",
            ),
            (
                "<p>Nach zehn Jahren Streit fährt die Straßenbahn bald in den Norden.</p>",
                "Nach zehn Jahren",
            ),
            (
                "<p>Городской совет одобрил продление линии после десяти лет споров.</p>",
                "Городской совет",
            ),
        ] {
            let text = text_of(&story(
                &format!("<h1>A title</h1><div>{standfirst}<button>Listen</button><button>Share</button></div>"),
                "",
            ));
            assert!(text.contains(kept), "{kept}: {text}");
        }
        let text = text_of(&story(
            "<div><p>Escuchá este artículo.</p><button>Play</button><button>1x</button></div>",
            "",
        ));
        assert!(text.starts_with("The article text itself"), "{text}");
    }

    #[test]
    fn short_section_over_a_row_of_buttons_stays() {
        // The article's own short section between its paragraphs, a heading and a paragraph over a row of buttons
        // that act on it or answer it, in the shape of a notice but with no mark of another voice: a section with
        // "Save" / "Print", a product of a roundup with "Comprar" / "Comparar", a fare calculator's fields, a poll
        // and an FAQ's item.
        for (section, kept) in [
            (
                "<div><h2>Timeline</h2><p>Works start in spring; the first trams run in 2029.</p>\
                 <div class='actions'><button>Save</button><button>Print</button></div></div>",
                "Works start in spring",
            ),
            (
                "<div class='producto'><h2>Licuadora Acme Pro</h2><p>La licuadora más silenciosa que probamos, \
                 con jarra de vidrio y cinco velocidades.</p><button>Comprar</button><button>Comparar</button></div>",
                "más silenciosa",
            ),
            (
                "<div><h3>運賃を計算する</h3><p>乗車する区間の数と年齢を入力すると、新しい運賃が表示されます。</p>\
                 <input type='text'><button>計算</button><button>リセット</button></div>",
                "新しい運賃",
            ),
            (
                "<div class='poll'><h3>Should the city build the tram?</h3><p>Tell us what you think of the \
                 council's decision.</p><button>Yes</button><button>No</button></div>",
                "Should the city build",
            ),
            (
                "<div class='faq'><h3>When will works start?</h3><p>Next spring, once the tender is awarded.</p>\
                 <button aria-expanded='false'>Expand</button><button>Copy link</button></div>",
                "once the tender",
            ),
        ] {
            let text = text_of(&story(
                "",
                &format!("{section}<p>The end of the story, one sentence long enough to read as prose, with a \
                          comma and an end.</p>"),
            ));
            assert!(text.contains(kept), "{kept}: {text}");
        }
    }

    /// A consent manager's settings under a name that says nothing: a privacy overview, a category that is always
    /// on, two categories with their toggles, each explained, and the buttons that save the choice.
    const SETTINGS_PANEL: &str = "<div class='x9f2'><h4>Privacy overview</h4><p>This website uses cookies to \
        make your visit better while you move from page to page, and keeps them in your browser.</p>\
        <div class='a1'><button>Necessary</button><span>Always enabled</span></div><div class='a2'><p>Necessary \
        cookies are essential for the website to work, and store no personal information at all.</p></div>\
        <div class='a1'><button>Analytics</button><input type='checkbox'></div><div class='a2'><p>Analytics \
        cookies help us understand how visitors use the website, which pages they read, and how long.</p></div>\
        <div class='a1'><button>Marketing</button><span role='switch' aria-checked='false'></span></div>\
        <div class='a2'><p>Marketing cookies follow visitors across websites to show them ads, in the name of \
        our partners and theirs.</p></div><div><button>Accept all</button><button>Save settings</button></div></div>";

    #[test]
    fn settings_panel_after_the_article_is_dropped() {
        // After the block that holds the article's paragraphs, in the container chosen.
        let page = format!(
            "<body><div class='story'><div class='text'><p>{p}</p><p>{p}</p><p>{p}</p></div>{SETTINGS_PANEL}\
             </div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text itself"), "{text}");
        assert!(text.ends_with("sentences that end."), "{text}");
        assert!(!text.contains("cookies"), "{text}");
        // After the article's container, in the page around it.
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p></div>{SETTINGS_PANEL}</body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(!text.contains("cookies"), "{text}");
    }

    #[test]
    fn settings_panel_after_a_short_article_is_not_the_article() {
        // A consent manager's panel appended to the body, with a cookie table whose rows outweigh a short post.
        let rows = "<tr><td>_xid</td><td>A provider</td><td>1 year</td><td>Registers an identifier of the \
                    visitor's device, to show adverts of our partners on other websites.</td></tr>"
            .repeat(8);
        let panel = SETTINGS_PANEL.replacen(
            "<div class='a1'><button>Analytics",
            &format!("<table><tbody>{rows}</tbody></table><div class='a1'><button>Analytics"),
            1,
        );
        let page = format!(
            "<body><div class='story'><h1>A short post</h1><p>{p}</p></div><div class='foot'>Made by us</div>\
             {panel}</body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let (text, found) = extracted(&page, Reason::Consent);
        assert!(text.starts_with("The article text itself"), "{text}");
        assert!(
            !text.contains("cookies") && !text.contains("identifier"),
            "{text}"
        );
        assert!(found);
    }

    #[test]
    fn thread_longer_than_a_short_post_does_not_make_its_wrapper_furniture() {
        // The post's wrapper bears a weak furniture word; the thread under it, told by its shape, outweighs it.
        let note = |name: &str, when: &str| {
            format!(
                "<li class='note'><div><span>{name}</span> <span>{when}</span></div><div><p>A reader's long reply \
                 that goes on about the topic at length, with more clauses, asides, and opinions than the post \
                 itself had, and then some more of them.</p><p>And a second paragraph of the same reply, as long \
                 as the first one was, so that the thread holds far more prose than the post.</p></div><div>\
                 <a href='#'>Reply</a> <a href='#'>12 likes</a></div></li>"
            )
        };
        let thread: String = (1..=6)
            .map(|i| note(&format!("Reader {i}"), &format!("{i} hours ago")))
            .collect();
        let page = format!(
            "<body><div class='entry share'><h1>A short post</h1><p>{p}</p><p>{p}</p></div>\
             <section><div>Discussion</div><ul>{thread}</ul></section></body>",
            p = ARTICLE_TEXT.repeat(6)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text itself"), "{text}");
        assert!(!text.contains("reply"), "{text}");
    }

    #[test]
    fn article_in_a_block_named_meta_is_kept() {
        // The whole article is one paragraph whose class names metadata; teasers of other pages outweigh it.
        let teasers: String = (1..=5)
            .map(|i| {
                format!(
                    "<div class='t'><h3><a href='/s{i}'>Another story {i}</a></h3><p>{p}</p></div>",
                    p = "A teaser of another page, with a clause or two, and a sentence that ends. ".repeat(3)
                )
            })
            .collect();
        let page = format!(
            "<body><div class='c'><h1>A district</h1><p class='meta'>By A. Writer, 3 May</p>\
             <div class='c1'><p class='meta'>{p}</p></div></div><div class='l'>{teasers}</div></body>",
            p = ARTICLE_TEXT.repeat(9)
        );
        let text = text_of(&page);
        assert!(text.contains("The article text itself"), "{text}");
        assert!(!text.contains("A. Writer"), "{text}");
    }

    #[test]
    fn wrapper_named_a_dialog_around_the_headline_is_the_page() {
        // A theme without <main>: the wrapper a CMS names for its dialogs is the only block around the article, and
        // the page holds prose outside it.
        let page = format!(
            "<body><div class='notice'><p>A line of prose the page prints outside its wrapper, long enough to \
             count as a paragraph of its own.</p></div><div class='dialog-off-canvas-main-canvas'><div class='x'>\
             <h1>A short post</h1><p>{p}</p><p>{p}</p></div></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(text.contains("The article text itself"), "{text}");
        // A pop-up named so, without the headline, still goes.
        let page = story(
            "",
            "<div class='modal'><p>Join our list of readers for a weekly letter with the best of the site.</p></div>",
        );
        let (text, found) = extracted(&page, Reason::Dialog);
        assert!(!text.contains("weekly letter"), "{text}");
        assert!(found);
    }

    #[test]
    fn settings_panel_above_the_headline_is_dropped() {
        // A consent manager's panel at the top of the body outweighs a short post, unless it goes first.
        let post = format!(
            "<div class='story'><h1>A short post</h1><p>{p}</p></div>",
            p = ARTICLE_TEXT.repeat(2)
        );
        let (text, found) = extracted(
            &format!("<body>{SETTINGS_PANEL}{post}</body>"),
            Reason::Consent,
        );
        assert!(text.starts_with("The article text itself"), "{text}");
        assert!(!text.contains("cookies"), "{text}");
        assert!(found);
        // Under the headline, the panel is the post's own.
        let page = format!(
            "<body><div class='story'><h1>A short post</h1>{SETTINGS_PANEL}<p>{p}</p></div></body>",
            p = ARTICLE_TEXT.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.contains("Analytics cookies help us"), "{text}");
        // Its prose is no prose of the page's when a theme's name for the post's column is weighed.
        let page = format!(
            "<body>{SETTINGS_PANEL}<div class='post-wrap sidebar-right'><h1>A short post</h1><p>{p}</p></div>\
             </body>",
            p = ARTICLE_TEXT.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text itself"), "{text}");
        assert!(!text.contains("cookies"), "{text}");
    }

    #[test]
    fn toggles_of_the_article_stay() {
        // A panel between the article's paragraphs is not after its last one.
        let text = text_of(&story(
            &format!("<p>{}</p>{SETTINGS_PANEL}", ARTICLE_TEXT.repeat(3)),
            "",
        ));
        assert!(text.contains("Analytics cookies help us"), "{text}");
        // Nor is one at the end of the paragraphs, in their container: a checklist whose steps are explained.
        let text = text_of(&story("", SETTINGS_PANEL));
        assert!(text.contains("Analytics cookies help us"), "{text}");
        // A recipe's ingredients to tick, in a list, over "Print" / "Save" (a card longer than a widget's box).
        let recipe = "<div class='card'><h3>Lemon cake</h3><p>A moist cake with a sharp glaze, ready in an hour, \
                      and better on the second day.</p><ul><li><input type='checkbox'> 200 g flour</li>\
                      <li><input type='checkbox'> 2 lemons</li><li><input type='checkbox'> 3 eggs</li></ul>\
                      <p>Beat the eggs with the sugar until pale, then fold in the flour, the zest and the juice.</p>\
                      <p>Bake for forty minutes at 180 degrees, until a skewer comes out clean, and let it cool.</p>\
                      <p>Stir the icing sugar into the rest of the juice and pour it over the cake while warm.</p>\
                      <button>Print</button><button>Save</button></div>";
        let text = text_of(&story("", recipe));
        assert!(text.contains("Beat the eggs"), "{text}");
        // A checklist whose items are lines longer than a label.
        let item = |what: &str| {
            format!(
                "<div><input type='checkbox'><label>{what}, and write down the date you did it on, for the \
                 landlord's records.</label></div>"
            )
        };
        let checklist = format!(
            "<div class='list'><p>Before you hand back the keys, work through these steps one by one, in order.</p>\
             {}{}<button>Print the list</button></div>",
            item("Read the meters for gas, water and power"),
            item("Photograph every room from two corners")
        );
        let text = text_of(&story("", &checklist));
        assert!(text.contains("Read the meters"), "{text}");
        // A quiz's question over its short answers: no paragraph between them.
        let quiz = "<div class='quiz'><p>Which of these cities lies furthest north, on the map that the article \
                    shows above, and by how many kilometres does it lead the other two?</p><div><input type='checkbox'> Oslo</div><div><input type='checkbox'> Riga</div>\
                    <div><input type='checkbox'> Tallinn</div><button>Check</button></div>";
        let text = text_of(&story("", quiz));
        assert!(text.contains("Which of these cities"), "{text}");
    }

    #[test]
    fn short_quiz_and_slide_between_arrows_stay() {
        // A question shorter than a paragraph of prose over three answers to tick and a button: the article's quiz.
        let quiz = "<div class='quiz'><p>¿Cuántos años se ha debatido la ampliación del tranvía en el pleno?</p>\
                    <div><input type='checkbox'> Cinco</div><div><input type='checkbox'> Diez</div>\
                    <div><input type='checkbox'> Veinte</div><button>Comprobar</button></div>";
        let text = text_of(&story("", quiz));
        assert!(text.contains("Cuántos años"), "{text}");
        // A caption between a carousel's arrows, whose picture a script loads.
        let slide = "<div class='diaporama'><button>Précédent</button><p>Les habitants lors de la réunion \
                     publique en mars, où les plans ont été présentés.</p><button>Suivant</button></div>";
        let text = text_of(&story("", slide));
        assert!(text.contains("Les habitants lors"), "{text}");
        // A yes-or-no question with a button, and a player's line between its buttons, still go.
        for widget in [
            "<div class='w'><p>Was this article helpful to you?</p><label><input type='radio'> Yes</label>\
             <label><input type='radio'> No</label><button>Send</button></div>",
            "<div class='w'><button>Play</button><span>Listen to this article</span><button>1x</button></div>",
        ] {
            let text = text_of(&story("", widget));
            assert!(text.ends_with("sentences that end."), "{widget}: {text}");
        }
    }

    #[test]
    fn question_box_keeps_the_lead_and_repeated_items() {
        // A headline and a standfirst over "Listen" / "Share" side by side open the story: no question, the lead.
        let lead = "<div class='head'><h1>Council approves the tram line</h1><p>After a decade of debate, the \
                    council has approved the northern line, which will cost nearly 300 million.</p><div>\
                    <button>Listen</button> <button>Share</button></div></div>";
        let text = text_of(&story(lead, ""));
        assert!(text.contains("After a decade of debate"), "{text}");
        // Items of a roundup, each a heading and a verdict over "Buy" / "Compare", are the article's list.
        let item = |n: &str| {
            format!(
                "<div class='item'><h3>{n}. Blender</h3><p>The quietest blender we tested, with a glass jug and \
                 five speeds; it crushed ice in seconds.</p><button>Buy</button><button>Compare</button></div>"
            )
        };
        let text = text_of(&story("", &format!("{}{}", item("1"), item("2"))));
        assert!(text.contains("1. BlenderThe quietest"), "{text}");
        assert!(text.contains("2. BlenderThe quietest"), "{text}");
        // A how-to's step in its list over "Done" / "Skip" is one of the steps.
        let step = "<ol><li><h3>Step 2</h3><p>Tighten the four bolts on the base evenly, a quarter turn at a time, \
                    until the frame stands firm.</p><button>Done</button><button>Skip</button></li></ol>";
        let text = text_of(&story("", step));
        assert!(text.contains("Tighten the four bolts"), "{text}");
    }

    #[test]
    fn label_with_links_within_the_site_is_dropped() {
        let page = |line: &str| {
            format!(
                "<head><link rel='canonical' href='https://www.example.com/story'></head>\
                 <body><div class='story'><p>{p}</p><p>{p}</p>{line}<p>{p}</p></div></body>",
                p = ARTICLE_TEXT.repeat(3)
            )
        };
        let text = text_of(&page(
            "<p>Filed under: <a href='/category/politics/'>Politics</a> | \
             <a href='https://www.example.com/tag/x'>Votes</a></p>",
        ));
        assert!(!text.contains("Filed under"), "{text}");
        // A label before a source off the site, or a social profile, stays.
        for (line, label) in [
            (
                "<p>Source: <a href='https://www.agency.example.org/story'>The agency</a></p>",
                "Source:",
            ),
            (
                "<p>Account: <a href='https://www.instagram.com/someone/'>@someone</a></p>",
                "Account:",
            ),
        ] {
            let text = text_of(&page(line));
            assert!(text.contains(label), "{text}");
        }
        // Without a canonical URL the domain linked most may be the platform's, on a page that lists accounts: a
        // profile is never the site's own.
        let accounts = format!(
            "<body><div class='story'><p>{p}</p>{line}{line}{line}<p>{p}</p></div></body>",
            p = ARTICLE_TEXT.repeat(3),
            line = "<p>Account: <a href='https://www.instagram.com/someone/'>@someone</a></p>"
        );
        assert!(text_of(&accounts).contains("Account:"));
    }

    #[test]
    fn list_of_other_stories_ending_the_article_is_dropped() {
        let items: String = (0..5)
            .map(|i| format!("<li>A headline in two parts, <a href='/story-{i}'>the second one linked</a></li>"))
            .collect();
        let page = story("", &format!("<ul>{items}</ul>"));
        let text = text_of(&page);
        assert!(text.ends_with("sentences that end."), "{text}");
        // The article's own list, which links a source here and there, stays.
        let items: String = (0..5)
            .map(|i| format!("<li>Step {i}: do the thing, then <a href='/s{i}'>check</a> that it worked.</li>"))
            .collect();
        let page = story("", &format!("<ul>{items}</ul>"));
        assert!(text_of(&page).ends_with("that it worked."));
    }

    #[test]
    fn teaser_grid_longer_than_the_article_under_it_is_dropped() {
        let excerpt = "An excerpt of another story, with a comma, and an end of its own. ";
        let cards = |n: usize| -> String {
            (0..n)
                .map(|i| {
                    format!(
                        "<div class='card'><h3><a href='/story-{i}'>Another story {i}</a></h3><p>{e}</p></div>",
                        e = excerpt.repeat(3)
                    )
                })
                .collect()
        };
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>{cards}</div></body>",
            p = ARTICLE_TEXT.repeat(3),
            cards = cards(6)
        );
        let text = text_of(&page);
        assert!(
            text.starts_with("The article text") && !text.contains("An excerpt"),
            "{text}"
        );
        // A listing page: the cards are its content.
        let page = format!(
            "<body><div class='list'><p>All our stories, newest first.</p>{cards}</div></body>",
            cards = cards(8)
        );
        assert!(text_of(&page).contains("An excerpt"));
    }

    /// Cards of `tag`, one per class of `classes`, each a linked title over an excerpt of another story of the site.
    fn linked_title_cards(tag: &str, classes: &[&str]) -> String {
        let excerpt = "Another story of the site, with a comma, and an end of its own. ";
        classes
            .iter()
            .enumerate()
            .map(|(i, class)| {
                format!(
                    "<{tag} class='{class}'><div><a href='/2024/{i}.html'>Another story {i}</a></div><p>{e}</p></{tag}>",
                    e = excerpt.repeat(3)
                )
            })
            .collect()
    }

    #[test]
    fn linked_titles_in_a_box_after_the_article_are_teasers() {
        let cards = linked_title_cards("div", &["alpha", "beta", "gamma"]);
        let paragraphs = format!("<p>{p}</p>", p = ARTICLE_TEXT.repeat(3)).repeat(4);
        // A box of its own after the article: a grid whose cards a theme named each its own way.
        let page = format!(
            "<body><div class='story'><div class='text'>{paragraphs}</div><div><h4>More</h4>{cards}</div></div></body>"
        );
        let text = text_of(&page);
        assert!(!text.contains("Another story"), "{text}");
        // The same items right under the article's paragraphs, in their container: the article's own.
        let page = format!("<body><div class='story'>{paragraphs}{cards}</div></body>");
        let text = text_of(&page);
        assert!(text.contains("Another story of the site"), "{text}");
    }

    #[test]
    fn linked_title_cards_are_one_run_when_some_are_also_built_alike() {
        // Three cards with numbered names (built alike: their names without the numbered words agree) and three
        // named each its own way: all six open with a linked title, in a box of their own after the article.
        let cards = linked_title_cards(
            "article",
            &["mt-4", "x3z299J", "p9q7", "alpha", "beta", "gamma"],
        );
        let paragraphs = format!("<p>{p}</p>", p = ARTICLE_TEXT.repeat(3)).repeat(4);
        let page = format!(
            "<body><div class='story'><div class='text'>{paragraphs}</div><div><h4>More</h4>{cards}</div></div></body>"
        );
        let text = text_of(&page);
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn linked_title_box_longer_than_a_short_story_is_dropped() {
        // A story of three paragraphs (just an article's length) over a box of cards with twice its text and more.
        let cards = linked_title_cards("div", &["a", "b", "c", "d", "e", "f", "g", "h"]);
        let page = story("", &format!("<div><h4>More</h4>{cards}</div>"));
        let text = text_of(&page);
        assert!(text.contains("The article text itself"), "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn teasers_the_article_introduces_stay() {
        let excerpt = "An earlier report of ours, with a comma, and an end of its own. ";
        let cards: String = (0..3)
            .map(|i| {
                format!(
                    "<div class='c{i}'><h3><a href='/story-{i}'>Another story {i}</a></h3><p>{e}</p></div>",
                    e = excerpt.repeat(3)
                )
            })
            .collect();
        let page = |intro: &str| {
            format!(
                "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>{intro}{cards}</div></body>",
                p = ARTICLE_TEXT.repeat(3)
            )
        };
        // The writer's own sentence, ending in a colon, introduces the list: it is the article's further reading.
        let text = text_of(&page(
            "<p>For the background, these three earlier pieces of ours explain how it began:</p>",
        ));
        assert!(text.contains("An earlier report"), "{text}");
        // A label of a few words over the cards is no sentence of the article, nor is a box's own heading line.
        assert!(!text_of(&page("<p>Read also:</p>")).contains("An earlier report"));
        let boxed = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>\
             <div><p>Here are some more stories you might like to read:</p>{cards}</div></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        assert!(!text_of(&boxed).contains("An earlier report"));
    }

    #[test]
    fn teaser_cards_with_linked_titles_and_long_excerpts_are_dropped() {
        let excerpt =
            "An excerpt of another story, left uncut by the theme, with a comma, and an end. ";
        let cards: String = (0..3)
            .map(|i| {
                format!(
                    "<article class='card'><a href='/story-{i}'><h2>Another story {i}</h2></a>\
                     <div>{e}</div><a href='/story-{i}'>Read more</a></article>",
                    e = excerpt.repeat(8)
                )
            })
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p><p>{p}</p>\
             <div class='grid'>{cards}</div></div></body>",
            p = ARTICLE_TEXT.repeat(6)
        );
        let text = text_of(&page);
        assert!(
            text.starts_with("The article text") && !text.contains("An excerpt"),
            "{text}"
        );
        // Sections of the article that link a source, under headings that are not links, stay.
        let sections: String = (0..3)
            .map(|i| {
                format!(
                    "<section class='part'><h2>Part {i}</h2><div>{e}<a href='/source-{i}'>source</a></div></section>",
                    e = excerpt.repeat(8)
                )
            })
            .collect();
        let page = format!(
            "<body><div class='story'><p>{p}</p><p>{p}</p>{sections}</div></body>",
            p = ARTICLE_TEXT.repeat(6)
        );
        assert!(text_of(&page).contains("An excerpt"));
    }

    #[test]
    fn consent_layer_pinned_to_the_window_is_not_the_article() {
        // No landmark, no telling name: the overlay's prose outscores the story, but it floats over the page.
        let notice = "We and our partners store and access information on your device, such as cookies, \
                      and process personal data, such as unique identifiers, for personalised content. ";
        let page = format!(
            "<body><div class='x1' style='position: fixed; bottom: 0'><p>{n}</p><p>{n}</p><p>{n}</p>\
             <button>Accept</button></div><div class='x2'><p>{p}</p><p>{p}</p></div></body>",
            n = notice.repeat(2),
            p = ARTICLE_TEXT.repeat(2)
        );
        let text = text_of(&page);
        assert!(text.starts_with("The article text"), "{text}");
        assert!(!text.contains("partners"), "{text}");
    }

    #[test]
    fn date_and_byline_lines_repeating_the_metadata_are_dropped() {
        let page = format!(
            "<body><div class='story'><h1>The headline</h1><div class='meta'>Posted on \
             <time>October 27, 2015</time> | <span>12:30</span></div><div>Written up by Jane Doe (desk)</div>\
             <div>Review of June 3, 2014</div><p>{p}</p><p>{p}</p>\
             <p>Jane Doe, October 27, 2015</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let html = Html::parse_document(&page);
        let authors = ["Jane Doe".to_string()];
        let options = ExtractOptions {
            known: Known {
                date: Some("2015-10-27T02:23:46Z"),
                authors: &authors,
                site: None,
            },
            ..ExtractOptions::default()
        };
        let article = extract(&html, &options);
        let text = rendered(&html, &article);
        // A date the metadata does not hold stays, and so does a line under the first paragraph.
        assert!(text.starts_with("Review of June 3, 2014"), "{text}");
        assert!(text.ends_with("Jane Doe, October 27, 2015"), "{text}");
        assert!(article.reasons.iter().any(|(_, r)| *r == Reason::Metadata));
    }

    #[test]
    fn site_name_line_above_the_article_is_dropped() {
        let page = format!(
            "<body><div class='story'><div>Source</div><div>Example Daily News</div><p>{p}</p><p>{p}</p>\
             <p>Example Daily News</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let html = Html::parse_document(&page);
        let options = ExtractOptions {
            known: Known {
                site: Some("Example Daily  News"),
                ..Known::default()
            },
            ..ExtractOptions::default()
        };
        let text = rendered(&html, &extract(&html, &options));
        // The line under the first paragraph stays.
        assert!(text.starts_with("SourceThe article text"), "{text}");
        assert!(text.ends_with("end. Example Daily News"), "{text}");
    }

    #[test]
    fn see_also_teaser_set_as_a_quotation_is_dropped() {
        let page = format!(
            "<body><div class='story'><p>{p}</p>\
             <blockquote><b>SEE ALSO: </b><a href='/other-story'>How to renew a passport online, step by step</a>\
             </blockquote><p>{p}</p>\
             <blockquote><p>A quotation of someone, in their own words, <a href='/source'>from a speech</a>.</p>\
             </blockquote><p>{p}</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(!text.contains("SEE ALSO"), "{text}");
        assert!(text.contains("A quotation of someone"), "{text}");
    }

    #[test]
    fn box_around_a_control_is_dropped() {
        // A notice with its sign-up and log-in script links, a report-an-error box with its button, a rating's
        // stars: the reader acts on them, in any language.
        let page = story(
            "",
            "<div class='regist'><p>［会員限定］ この記事は会員限定です。</p><div class='links'>\
             <a href='javascript:void(0)'>今すぐ登録</a> <a href='javascript:void(0)'>ログイン</a></div></div>\
             <div class='report'><strong>Error in the text?</strong><div class='d-none'><button>Report</button>\
             </div></div><div class='stars'><span>Rate:</span><a href='#'><i class='star'></i></a></div>",
        );
        let html = Html::parse_document(&page);
        let article = extract(&html, &ExtractOptions::default());
        let text = rendered(&html, &article);
        assert!(text.ends_with("sentences that end."), "{text}");
        assert_eq!(
            article
                .reasons
                .iter()
                .filter(|(_, r)| *r == Reason::Widget)
                .count(),
            3
        );
        // A dictionary's script links inside a paragraph, an accordion's titled toggle, a lead beside a button to
        // listen to it and a code block with a copy button stay.
        let lead = "A lead of the story, one sentence long enough to read as prose, with a comma, a clause or two, and an end.";
        let page = story(
            &format!("<div class='excerpt'><p>{lead}</p><div><button>Listen</button></div></div>"),
            "<p>A <a href='javascript:void(0)'>word</a> the dictionary explains.</p>\
             <ul><li><a href='#'>Module one</a><div>Its content.</div></li></ul>\
             <div class='code'><pre>cargo build</pre><button>Copy</button></div>",
        );
        let text = text_of(&page);
        for kept in [lead, "A word the dictionary", "Module one", "cargo build"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
    }

    #[test]
    fn row_of_buttons_under_a_question_is_dropped() {
        // "Was this helpful?" over its answers: buttons by their ARIA role, or a `#` link beside a button, which
        // alone would read as an accordion's title.
        for row in [
            "<span role='button' tabindex='0'>Ja</span><span role='button' tabindex='0'>Nein</span>",
            "<a href='#' class='x'>Ja</a> <button class='y'>Nein</button>",
            "<a href='#'>Ja</a><span role='button'>Nein</span><div>Danke!</div>",
        ] {
            let page = story(
                "",
                &format!("<section class='c'><p>War dieser Artikel hilfreich?</p>{row}</section>"),
            );
            let html = Html::parse_document(&page);
            let article = extract(&html, &ExtractOptions::default());
            let text = rendered(&html, &article);
            assert!(text.ends_with("sentences that end."), "{row}: {text}");
            assert!(article.reasons.iter().any(|(_, r)| *r == Reason::Widget));
        }
        // An accordion's titles, each over the panel it opens, stay.
        let page = story(
            "",
            "<ul><li><a href='#'>Module one</a><div>Its content.</div></li>\
             <li><a href='#'>Module two</a><div>More content.</div></li></ul>",
        );
        let text = text_of(&page);
        assert!(
            text.contains("Module one") && text.contains("Module two"),
            "{text}"
        );
    }

    #[test]
    fn bare_links_side_by_side_are_no_row_of_controls() {
        // Titled `#` links side by side are a tab list's titles: no control without a real one beside them (the
        // list may still go for what it is, a block of links).
        let tabs = "<div class='tabs'><a href='#'>Overview</a> <a href='#'>Details</a></div>";
        let html = Html::parse_document(&story("", tabs));
        let article = extract(&html, &ExtractOptions::default());
        assert!(!article.reasons.iter().any(|(_, r)| *r == Reason::Widget));
    }

    #[test]
    fn question_over_two_script_links_is_a_widget() {
        // A line that asks, over two script links of a word or two and nothing else: a feedback widget, in any
        // language that writes a question mark.
        for (question, yes, no) in [
            (
                "Was this article helpful?",
                "<a href='#'>Yes</a>",
                "<a href='#'>No</a>",
            ),
            (
                "War dieser Artikel hilfreich?",
                "<a href='#'>Ja</a>",
                "<a href='javascript:void(0)'>Nein</a>",
            ),
            (
                "这篇文章有帮助吗？",
                "<a href='#'>是</a>",
                "<a href='#'>否</a>",
            ),
        ] {
            let widget = format!("<div class='x7'><p>{question}</p>{yes} {no}</div>");
            let text = text_of(&story("", &widget));
            assert!(!text.contains(question), "{text}");
        }
        // The same pair under a line that does not ask (a tab list under its label), under a question with more
        // than the pair (a third link, a longer label), or beside the question's thanks, stays a matter of the
        // other rules: no widget here.
        for widget in [
            "<div class='x7'><p>Our modules</p><a href='#'>Overview</a> <a href='#'>Details</a></div>",
            "<div class='x7'><p>Was this helpful?</p><a href='#'>Yes</a> <a href='#'>No</a> <a href='#'>Maybe</a></div>",
            "<div class='x7'><p>Which one?</p><a href='#'>The first one here</a> <a href='#'>No</a></div>",
        ] {
            let html = Html::parse_document(&story("", widget));
            let article = extract(&html, &ExtractOptions::default());
            assert!(
                !article.reasons.iter().any(|(_, r)| *r == Reason::Widget),
                "{widget}"
            );
        }
    }

    #[test]
    fn contact_box_of_short_lines_is_dropped() {
        // A press contact as lines under a label, as paragraphs under a heading, with an address as text or a
        // link, in any language.
        for contact in [
            "<div class='c'><p><strong>Pressekontakt:</strong><br>Erika M.<br>Referentin Presse<br>Beispiel GmbH<br>\
             +49 30 1234567<br><a href='mailto:presse@example.org'>presse@example.org</a></p></div>",
            "<section><h4>Media contact</h4><p>Jane Doe</p><p>Press Officer</p>\
             <p><a href='mailto:jane@example.org'>jane@example.org</a></p></section>",
            "<div><p>Contacto</p><p>Ana López</p><p>E-mail: ana.lopez@example.es</p></div>",
        ] {
            let page = story("", contact);
            let html = Html::parse_document(&page);
            let article = extract(&html, &ExtractOptions::default());
            let text = rendered(&html, &article);
            assert!(text.ends_with("sentences that end."), "{contact}: {text}");
            assert!(article.reasons.iter().any(|(_, r)| *r == Reason::Contact));
        }
        // A sentence that gives an address, a list of addresses, a quoted signature, a venue's address with its
        // phone number and a short article's own contact lines stay.
        let sentence = "<p>Weitere Informationen erteilt Anne Althaus unter Tel. 02382 59743 \
                        (<a href='mailto:a@example.org'>a@example.org</a>).</p>";
        let list = "<ul><li>Berlin: b@example.org</li><li>Paris: p@example.org</li>\
                    <li>Rome: r@example.org</li></ul>";
        let venue = "<h3>Additional Information</h3><p>5 Chome-3-23 Minatocho<br>Mombetsu, Hokkaido 094-0011<br>\
                     Japan</p><p>+81 158-23-2012</p>";
        let quoted =
            "<blockquote><p>Jane Doe</p><p>Press Officer</p><p>jane@example.org</p></blockquote>";
        let text = text_of(&story("", &format!("{sentence}{list}{quoted}{venue}")));
        for kept in ["Anne Althaus", "Paris: p@", "Press Officer", "Mombetsu"] {
            assert!(text.contains(kept), "{kept}: {text}");
        }
        let notice = "<body><div class='notice'><p>Office closed today.</p><p>Write to us</p>\
                      <p>office@example.org</p></div></body>";
        assert!(text_of(notice).contains("office@example.org"));
        // A page of address blocks (a contact page, a staff list) is what it says: each block is a small part of
        // it, all of them are most of it, and none goes.
        for people in [4, 12] {
            let blocks: String = (0..people)
                .map(|k| {
                    format!(
                        "<div><p>Person {k} Example</p><p>Head of unit {k}</p><p>Room {k}, Main Street</p>\
                         <p><a href='mailto:p{k}@example.org'>p{k}@example.org</a></p></div>"
                    )
                })
                .collect();
            let page = format!(
                "<body><div class='staff'><p>Our team can be reached as follows, by e-mail or in person.</p>\
                 {blocks}</div></body>"
            );
            let text = text_of(&page);
            assert!(
                text.contains("Person 0 Example")
                    && text.contains(&format!("Head of unit {}", people - 1)),
                "{people}: {text}"
            );
        }
    }

    #[test]
    fn contact_box_behind_a_script_link_with_a_decoy_is_dropped() {
        // A site that hides its addresses links them to a script and cuts the address shown around a hidden decoy:
        // the link's text, read whole without the decoy, is the address.
        let contact = "<p><strong>Kontakt:</strong></p><p>Dr. Erika Muster<br> Beispiel-Institut<br> E-Mail: \
                       <a href=\"javascript:linkTo_UnCryptMailto('x');\">erika@<span style='display:none'>no spam\
                       </span>example.org</a></p>";
        let (text, found) = extracted(&story("", contact), Reason::Contact);
        assert!(found && text.ends_with("sentences that end."), "{text}");
    }

    #[test]
    fn ad_labels_between_paragraphs_are_dropped() {
        let page = format!(
            "<body><div class='story'><p>{p}</p>\
             <div><span>- Advertisement -</span><script>slot()</script><noscript></noscript></div>\
             <p>{p}</p><center>- Anzeige- <br><a href='https://ads.example.net/c'><img src='b.png'></a></center>\
             <p>{p}</p><table><tr><td>Werbung</td><td>S. 208</td></tr></table>\
             <p>Er will Anzeige erstatten.</p></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let html = Html::parse_document(&page);
        let article = extract(&html, &ExtractOptions::default());
        let text = rendered(&html, &article);
        assert!(!text.contains("Advertisement"), "{text}");
        assert!(!text.contains("- Anzeige-"), "{text}");
        // A table cell and a sentence that hold the word stay.
        assert!(text.contains("Werbung"), "{text}");
        assert!(text.contains("Anzeige erstatten"), "{text}");
        assert!(article.reasons.iter().any(|(_, r)| *r == Reason::AdLabel));
    }

    #[test]
    fn title_repeated_on_every_slide_is_said_once() {
        let slides: String = (1..=5)
            .map(|i| {
                format!("<div class='slide-title slide-{i}'>Weather threatens holiday plans</div>")
            })
            .collect();
        let steps: String = (1..=3)
            .map(|i| format!("<div class='step'>Step {i}: stir.</div>"))
            .collect();
        let page = story(
            &format!("<div class='slides'>{slides}</div>"),
            &format!("<div>{steps}</div><ul><li>Yes</li><li>Yes</li><li>Yes</li></ul>"),
        );
        let html = Html::parse_document(&page);
        let article = extract(&html, &ExtractOptions::default());
        let text = rendered(&html, &article);
        assert_eq!(
            text.matches("Weather threatens holiday plans").count(),
            1,
            "{text}"
        );
        assert_eq!(
            article
                .reasons
                .iter()
                .filter(|(_, r)| *r == Reason::Repeated)
                .count(),
            4
        );
        // Blocks built alike that say different things, and list items that repeat a value, stay.
        assert!(
            text.contains("Step 1: stir.Step 2: stir.Step 3: stir."),
            "{text}"
        );
        assert_eq!(text.matches("Yes").count(), 3, "{text}");
    }

    #[test]
    fn slides_that_show_other_pictures_stay_when_pictures_are_kept() {
        let slides: String = (1..=4)
            .map(|i| {
                format!("<div class='slide'><img src='/p/{i}.jpg' alt=''>Weather threatens holiday plans</div>")
            })
            .collect();
        let page = story(&format!("<div class='slides'>{slides}</div>"), "");
        let html = Html::parse_document(&page);
        let repeated = |images: bool| {
            let options = ExtractOptions {
                images,
                ..ExtractOptions::default()
            };
            extract(&html, &options)
                .reasons
                .iter()
                .filter(|(_, r)| *r == Reason::Repeated)
                .count()
        };
        // Without pictures in the output the slides say the same; with them each shows its own.
        assert_eq!(repeated(false), 3);
        assert_eq!(repeated(true), 0);
    }

    #[test]
    fn gallery_whose_captions_carry_the_story_keeps_them() {
        let slide = |i: usize| {
            format!(
                "<figure><h2>{i}. A costume idea</h2><img src='{i}.jpg'><figcaption><p>Easy to make at home.</p>\
                 <p>What you need: a hat, a set of false lashes and an all-white outfit, with a comma, and an \
                 end. Slide {i} says more about it, in a sentence of its own.</p></figcaption></figure>"
            )
        };
        let slides: String = (1..=6).map(slide).collect();
        let page = format!(
            "<body><div class='story'><p>Cheap and easy costumes, with a comma, and an end.</p>{slides}</div></body>"
        );
        let text = text_of(&page);
        assert!(text.contains("What you need"), "{text}");
        // A story whose pictures have a caption of a line each leaves them out.
        let page = format!(
            "<body><div class='story'><p>{p}</p><figure><img src='a.jpg'><figcaption>A photo, by someone.\
             </figcaption></figure><p>{p}</p><figure><img src='b.jpg'><figcaption>Another photo.</figcaption>\
             </figure><p>{p}</p><figure><img src='c.jpg'><figcaption>A third one.</figcaption></figure></div></body>",
            p = ARTICLE_TEXT.repeat(3)
        );
        let text = text_of(&page);
        assert!(!text.contains("photo") && !text.contains("third"), "{text}");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let page = format!(
            "{}{}{}",
            "<div>".repeat(depth),
            "A paragraph of text, long enough to count as one. ".repeat(3),
            "</div>".repeat(depth)
        );
        assert!(text_of(&page).starts_with("A paragraph"));
    }

    #[test]
    fn main_selector_that_matches_nothing_falls_back_to_extraction() {
        let html = Html::parse_document(
            "<div><p>Some text of the page, long enough, with a comma.</p></div>",
        );
        let main = Selector::parse("#missing").expect("valid selector");
        let article = extract(
            &html,
            &ExtractOptions {
                main: Some(&main),
                ..ExtractOptions::default()
            },
        );
        assert!(article.is_found());
    }

    #[test]
    fn main_selector_overrides_extraction() {
        let html =
            Html::parse_document("<div id='a'>short</div><div>long long long text, here.</div>");
        let main = Selector::parse("#a").expect("valid selector");
        let article = extract(
            &html,
            &ExtractOptions {
                main: Some(&main),
                ..ExtractOptions::default()
            },
        );
        assert_eq!(article.roots.len(), 1);
    }
}
