//! The pipeline: read → decode → parse → metadata → extract → markdown → cleanup, for one document. This is the
//! only module that knows the order of the stages; `batch` runs it over many documents in parallel.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use url::Url;

use crate::decode::decode;
use crate::diff::PageText;
use crate::document::{Cleaned, EditLog, Metadata, TextLayout};
use crate::error::Result;
use crate::extract::{self, Article, ExtractOptions, Known, Reason, ScriptArticle};
use crate::markdown::{self, RenderOptions};
use crate::metadata;
use crate::parse::{self, Page};
use crate::read::kind::{self, InputKind};
pub use crate::read::{load, RawDocument};
use crate::rules::{Memo, RuleSet, Scope, HEADER_LINES};

/// Settings of a cleaning run.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// The rules in force.
    pub rules: &'a RuleSet,
    /// Read every input as this kind.
    pub input_format: Option<InputKind>,
    /// Keep images in the markdown.
    pub images: bool,
    /// What the links of a document without a URL of its own resolve against (before the URL the page declares).
    pub base_url: Option<&'a Url>,
    /// Render an HTML page's whole body instead of its article.
    pub whole_page: bool,
    /// Start the body with `# Title` when the title is known.
    pub title_heading: bool,
    /// Decide the language of an HTML page now. Off, the language detector (as costly as the rest of the
    /// metadata) waits: `metadata.language` stays `None` and [`Cleaned::language_clues`] keeps what decides it,
    /// for [`resolve_language`] when the language is asked for (the command line's text output shows no
    /// metadata; the Python package decides when its metadata is read). With `title_heading` it is decided now.
    pub resolve_language: bool,
    /// Find the language of a document at all. Off (the command line's text output, which shows no metadata),
    /// the detector does not run for markdown, plain text, paged text and PDFs, whose `metadata.language` stays
    /// `None`. An HTML page still decides from its declared language and its detector's sample as
    /// [`Options::resolve_language`] says, but when those tell nothing, the detector is not run over the cleaned
    /// body either.
    pub language: bool,
    /// The largest document read, once decompressed: what [`load`] and [`crate::read::documents::Documents`]
    /// are given.
    pub max_size: u64,
}

/// Cleans one document. A panic inside a stage is this document's [`Error::Internal`](crate::Error::Internal).
pub fn clean(doc: &RawDocument, options: &Options<'_>) -> Result<Cleaned> {
    crate::error::catch_panic(|| clean_document(doc, options))
}

fn clean_document(doc: &RawDocument, options: &Options<'_>) -> Result<Cleaned> {
    let kind = kind::resolve(options.input_format, doc.kind_hint, &doc.bytes);
    // What the cleanups of this document learn about its blocks, for the next cleanup of it.
    let memo = Memo::default();
    if kind == InputKind::Pdf {
        let cleaned = settle(
            fill_in(clean_pdf(doc, options, &memo)?, doc, options),
            doc,
            options,
            &memo,
        )?;
        return Ok(finish(cleaned, options));
    }
    let text = decode(&doc.bytes, kind, doc.charset.as_deref())?;
    let cleaned = match kind {
        InputKind::Html => fill_in(clean_html(&text, doc, options)?, doc, options),
        InputKind::Markdown => fill_in(clean_markdown(&text, doc, options, &memo)?, doc, options),
        InputKind::Text => fill_in(clean_plain_text(&text, doc, options, &memo)?, doc, options),
        InputKind::PagedText => {
            let paged = clean_paged(&text, doc, options, None, Metadata::default(), &memo)?;
            settle(fill_in(paged, doc, options), doc, options, &memo)?
        }
        InputKind::Pdf => unreachable!("a PDF is read above, not decoded as text"),
    };
    Ok(finish(cleaned, options))
}

/// The most times the output of paged text is cleaned again as the markdown it is: one round settles every printed
/// dev page, a second is for safety.
const MAX_SETTLE_ROUNDS: usize = 3;

/// Paged text and PDFs are cleaned with the page analysis, but their output is markdown, which a second clean reads
/// with the markdown rules: a title its front matter names repeated on top, a line the page analysis kept that
/// the markdown rules take. Clean the output as markdown until that changes nothing, so that `clean(clean(x))`
/// is `clean(x)` for every kind (issue 17); the edits of each round follow on in the log. `memo` holds what the
/// cleanup that wrote the output learnt of its blocks, and the analyses of its last pass over that very text.
fn settle(
    mut cleaned: Cleaned,
    doc: &RawDocument,
    options: &Options<'_>,
    memo: &Memo,
) -> Result<Cleaned> {
    for _ in 0..MAX_SETTLE_ROUNDS {
        // The body moves into the text cleaned again, after its front matter: no second copy of it is kept.
        let mut text = metadata::front_matter::render(&cleaned.metadata);
        let head = text.len();
        let markdown = std::mem::take(&mut cleaned.markdown);
        text.reserve_exact(markdown.len());
        text.push_str(&markdown);
        drop(markdown);
        let again = fill_in(clean_markdown(&text, doc, options, memo)?, doc, options);
        let body = &text[head..];
        if again.markdown == body && again.metadata == cleaned.metadata {
            text.replace_range(..head, "");
            cleaned.markdown = text;
            break;
        }
        // The round cleaned the body as written after the front matter: the markdown of the last round.
        if again.raw_body == body {
            let passes = cleaned.edits.next_pass();
            cleaned.edits.append(&again.edits, passes);
        }
        cleaned.markdown = again.markdown;
        cleaned.metadata = again.metadata;
    }
    Ok(cleaned)
}

/// The title as the body's first heading when asked, last of all.
fn finish(mut cleaned: Cleaned, options: &Options<'_>) -> Cleaned {
    if options.title_heading {
        if let Some(title) = &cleaned.metadata.title {
            cleaned.markdown = with_title_heading(&cleaned.markdown, title);
        }
    }
    cleaned
}

/// Decides the language of a document cleaned without [`Options::resolve_language`] from its
/// [`Cleaned::language_clues`], as the pipeline would have decided it; a document without clues is left as it is.
pub fn resolve_language(cleaned: &mut Cleaned) {
    if let Some(clues) = cleaned.language_clues.take() {
        cleaned.metadata.language = clues
            .resolve()
            .or_else(|| metadata::detect_language(&cleaned.markdown));
    }
}

/// What every kind of document gets: the language from the text (unless it waits on its clues, or nothing shows
/// it: [`Options::language`]), the source and the fetch date.
fn fill_in(mut cleaned: Cleaned, doc: &RawDocument, options: &Options<'_>) -> Cleaned {
    if options.language && cleaned.metadata.language.is_none() && cleaned.language_clues.is_none() {
        cleaned.metadata.language = metadata::detect_language(&cleaned.markdown);
    }
    if cleaned.metadata.source.is_none() {
        cleaned.metadata.source = Some(doc.source.clone());
    }
    if cleaned.metadata.fetched.is_none() {
        cleaned.metadata.fetched = doc.fetched.clone();
    }
    cleaned
}

/// The text an HTML page shows: its whole `<body>` rendered like an article, with the same base URL and image
/// setting as [`clean`], so that `rinse diff` can set it against the cleaned body; and why extraction leaves out
/// each part of it (each dropped block rendered alone, with its [`Reason`]). `None` for a markdown input.
pub fn page_text(doc: &RawDocument, options: &Options<'_>) -> Result<Option<PageText>> {
    let kind = kind::resolve(options.input_format, doc.kind_hint, &doc.bytes);
    if kind != InputKind::Html {
        return Ok(None);
    }
    let text = decode(&doc.bytes, kind, doc.charset.as_deref())?;
    let page = parse_with_rules(&text, options.rules);
    let html = &page.html;
    // Nothing here shows the language: its detector is left out.
    let (meta, _) = metadata::from_html_but_language(html, doc.url.as_deref());
    let scope_url = meta.url.clone().or_else(|| meta.canonical.clone());
    let scope = html_scope(scope_url.as_deref(), doc, &[]);
    let article = find_article(html, &meta, &scope, options);
    let base = base_url(&page, link_base(doc, options, scope_url.as_deref()));
    let render_options = RenderOptions {
        base_url: base.as_ref(),
        images: options.images,
    };
    let render = |roots| {
        let article = Article {
            roots,
            ..Article::default()
        };
        markdown::render(html, &article, &render_options)
    };
    let body = scraper::Selector::parse("body").expect("`body` is a valid selector");
    let whole = render(html.select(&body).map(|e| e.id()).take(1).collect());
    if let Some(script) = script_article(
        &page,
        &text,
        &article,
        &scope,
        options,
        meta.title.as_deref(),
    ) {
        // Every visible block gave way to the script's article.
        let containers = markdown::render(&script.html, &script.article, &render_options);
        let dropped = [(Reason::ScriptArticle.label(), whole.clone())];
        return Ok(Some(PageText::labelled(
            whole,
            &dropped,
            &containers,
            Reason::OutsideArticle.label(),
        )));
    }
    let dropped: Vec<(&'static str, String)> = article
        .reasons
        .iter()
        .map(|(id, reason)| (reason.label(), render(vec![*id])))
        .collect();
    let containers = render(article.roots.clone());
    Ok(Some(PageText::labelled(
        whole,
        &dropped,
        &containers,
        Reason::OutsideArticle.label(),
    )))
}

/// Parses a page, keeping the attributes that the user rules' selectors name. The answer for each attribute name
/// is kept for the page: the prescan asks once per attribute of every element (tens of thousands of times a page,
/// a few dozen names), and each question reads every selector of every rule file (3% of a page's time with the
/// project's own `rules/`, by callgrind on the AEB dev pages).
fn parse_with_rules(text: &str, rules: &RuleSet) -> Page {
    let answers: RefCell<FxHashMap<Box<[u8]>, bool>> = RefCell::default();
    parse::parse_page(text, &|name| {
        if let Some(&known) = answers.borrow().get(name) {
            return known;
        }
        let mentioned = rules.selectors_mention(name);
        answers.borrow_mut().insert(name.into(), mentioned);
        mentioned
    })
}

fn clean_html(text: &str, doc: &RawDocument, options: &Options<'_>) -> Result<Cleaned> {
    let page = parse_with_rules(text, options.rules);
    let html = &page.html;
    let (mut meta, clues) = metadata::from_html_but_language(html, doc.url.as_deref());
    // With a title heading it is decided now: the detector's fallback reads the body, which `finish` then starts
    // with the title.
    let language_clues = if options.resolve_language || options.title_heading {
        meta.language = clues.resolve();
        None
    } else {
        Some(clues)
    };
    let scope_url = meta.url.clone().or_else(|| meta.canonical.clone());
    // The output's front matter gives a second clean this masthead: the first clean reads the body under it too.
    let masthead = masthead(&meta);
    let scope = html_scope(scope_url.as_deref(), doc, &masthead);
    let article = find_article(html, &meta, &scope, options);
    let found = article.is_found();
    let mut warnings = Vec::new();
    if !found {
        warnings.push("no article found: the body is empty".to_string());
    }
    let base = base_url(&page, link_base(doc, options, scope_url.as_deref()));
    let render_options = RenderOptions {
        base_url: base.as_ref(),
        images: options.images,
    };
    let script = script_article(
        &page,
        text,
        &article,
        &scope,
        options,
        meta.title.as_deref(),
    );
    let mut raw_body = match &script {
        Some(script) => markdown::render(&script.html, &script.article, &render_options),
        None => markdown::render(html, &article, &render_options),
    };
    drop(script);
    // The tree costs more than the text it holds: it goes before the rules make their copies of the body.
    drop(article);
    drop(page);
    // The body without a first heading repeating the title, cut in place rather than copied.
    let kept = drop_title_heading(&raw_body, meta.title.as_deref()).len();
    raw_body.replace_range(..raw_body.len() - kept, "");
    let memo = Memo::default();
    let (mut markdown, mut edits) = options.rules.clean_in(&raw_body, &scope, &memo)?;
    // The title repeated on top once the rules removed what stood above it, as a second clean of the output (its
    // front matter holds the title) would take it.
    if meta.title.is_some() {
        take_header_lines(&mut markdown, &mut edits, &mut meta, &scope, options, &memo)?;
    }
    if found && markdown.trim().is_empty() {
        warnings.push("the article's text is empty after cleanup".to_string());
    }
    Ok(Cleaned {
        metadata: meta,
        raw_body,
        markdown,
        edits,
        warnings,
        language_clues,
    })
}

/// The scope of an HTML page's rules.
fn html_scope<'a>(url: Option<&'a str>, doc: &'a RawDocument, masthead: &'a [String]) -> Scope<'a> {
    Scope {
        url,
        source: &doc.source,
        paged: false,
        layout: None,
        extracted: true,
        plain: false,
        masthead,
    }
}

/// The lines above a document's text that a running header repeats ([`Scope::masthead`]): its site name, title
/// and the domain of its address, lower-cased.
fn masthead(meta: &Metadata) -> Vec<String> {
    // The site's own domain names it as well (`example.com, May 2, 2020` over a page of example.com).
    let domain = meta.url.as_deref().and_then(metadata::site::domain);
    [&meta.site, &meta.title, &domain]
        .into_iter()
        .flatten()
        .map(|line| line.to_lowercase())
        .collect()
}

/// The article of a parsed page, as the page's HTML-stage rules and the options ask.
fn find_article(
    html: &scraper::Html,
    meta: &Metadata,
    scope: &Scope<'_>,
    options: &Options<'_>,
) -> Article {
    let html_rules = options.rules.html_rules(scope);
    extract::extract(
        html,
        &ExtractOptions {
            remove: &html_rules.remove,
            main: html_rules.main,
            whole_page: options.whole_page,
            known: Known {
                date: meta.date.as_deref(),
                authors: &meta.authors,
                site: meta.site.as_deref(),
            },
            images: options.images,
        },
    )
}

/// The article a page holds in script data, when automatic extraction found little beside it (see
/// [`extract::script_article`]); never when a user rule names the article or the whole page is asked for.
fn script_article(
    page: &Page,
    text: &str,
    article: &Article,
    scope: &Scope<'_>,
    options: &Options<'_>,
    title: Option<&str>,
) -> Option<ScriptArticle> {
    if options.whole_page || options.rules.html_rules(scope).main.is_some() {
        return None;
    }
    // Most pages have neither: one fast search spares them the walk over the tree.
    let bytes = text.as_bytes();
    let finder = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    if !finder(b"articleBody") && !finder(b"text/template") {
        return None;
    }
    // The prescan found the templates on its way: no second scan of the text.
    let templates: Vec<&str> = page
        .templates
        .iter()
        .filter_map(|r| text.get(r.clone()))
        .collect();
    extract::script_article(&page.html, article, &templates, title)
}

/// The most times the header lines are taken from the top of a cleaned markdown body and the rest cleaned again.
const MAX_HEADER_ROUNDS: usize = 4;

fn clean_markdown(
    text: &str,
    doc: &RawDocument,
    options: &Options<'_>,
    memo: &Memo,
) -> Result<Cleaned> {
    let (mut meta, body_start) = metadata::from_markdown(text);
    if meta.url.is_none() {
        meta.url = doc.url.clone();
    }
    let scope_url = meta.url.clone();
    let scope_source = meta.source.clone().unwrap_or_else(|| doc.source.clone());
    // Markdown that rinse wrote (its front matter names its source) is an article already: the rules that find
    // one in a whole-page dump do not run again, as they did not run on the page it came from (issue 17: a
    // paragraph of links kept in an extracted article was taken for page chrome by a second clean).
    let written = metadata::front_matter::written_source(text).is_some();
    // The site name and the title the header printed above the text, read into metadata before the cleanup (and
    // kept in the front matter for a second clean): a running header repeats them.
    let masthead = masthead(&meta);
    let scope = Scope {
        url: scope_url.as_deref(),
        source: &scope_source,
        paged: false,
        layout: None,
        extracted: written,
        plain: false,
        masthead: &masthead,
    };
    let raw_body = text[body_start..].to_string();
    let (mut markdown, mut edits) = options.rules.clean_in(&raw_body, &scope, memo)?;
    // Navigation lines above a scraped header (`Skip to content`, a menu) hide it from the header reader until the
    // cleanup rules have removed them: read the header again from the cleaned body, so that cleaning the output a
    // second time finds nothing left to take. A document with front matter or a header already read is looked at
    // for its title repeated on top only.
    // A header read before the cleanup without a title (a running header's date) leaves the title to the lines under
    // it; front matter without a title is the user's choice and stays so.
    let untitled_header = meta.title.is_none() && metadata::front_matter::split(text).is_none();
    if text.len() == raw_body.len() || meta.title.is_some() || untitled_header {
        take_header_lines(&mut markdown, &mut edits, &mut meta, &scope, options, memo)?;
    }
    let warnings = std::mem::take(&mut meta.notes);
    Ok(Cleaned {
        metadata: meta,
        raw_body,
        markdown,
        edits,
        warnings,
        language_clues: None,
    })
}

/// Plain text: every line kept as written and nothing read as markup (the body is the markdown that shows it,
/// [`markdown::from_plain_text`]). The built-in rules that tell boilerplate by its markup do not run (see
/// [`Scope::plain`]), nor is a header read into metadata: `--format text` writes no front matter, so a title taken
/// from the top would be lost. So rinse's own text output, cleaned again as text, comes out unchanged (issue 17).
fn clean_plain_text(
    text: &str,
    doc: &RawDocument,
    options: &Options<'_>,
    memo: &Memo,
) -> Result<Cleaned> {
    let raw_body = markdown::from_plain_text(text);
    let scope = Scope {
        url: doc.url.as_deref(),
        source: &doc.source,
        paged: false,
        layout: None,
        extracted: true,
        plain: true,
        masthead: &[],
    };
    let (markdown, edits) = options.rules.clean_in(&raw_body, &scope, memo)?;
    Ok(Cleaned {
        metadata: Metadata {
            url: doc.url.clone(),
            ..Metadata::default()
        },
        raw_body,
        markdown,
        edits,
        warnings: Vec::new(),
        language_clues: None,
    })
}

/// Takes the header lines that the cleanup uncovered at the top of `markdown` into `meta` (rule `D001`), as a
/// second clean of the output would. Taking a header can uncover the title repeated once more (a scraper that wrote
/// the headline several times): take until none is left, then clean the rest again; the cleanup can uncover
/// another header, so a few rounds.
fn take_header_lines(
    markdown: &mut String,
    edits: &mut EditLog,
    meta: &mut Metadata,
    scope: &Scope<'_>,
    options: &Options<'_>,
    memo: &Memo,
) -> Result<()> {
    for _ in 0..MAX_HEADER_ROUNDS {
        // Each header taken is a line at least, off the top: cut once at the end.
        let mut cut = 0;
        while let Some((header, range)) = options.rules.header_lines(&markdown[cut..], meta) {
            let pass = edits.next_pass();
            edits.push(HEADER_LINES, pass, range.clone(), "", None);
            meta.fill_from(header);
            cut += range.end;
        }
        if cut == 0 {
            break;
        }
        markdown.replace_range(..cut, "");
        let pass = edits.next_pass();
        let (again, more) = options.rules.clean_in(markdown, scope, memo)?;
        edits.append(&more, pass);
        *markdown = again;
    }
    Ok(())
}

/// A PDF: its text layer read as paged text, cleaned with what the positions tell; metadata from the document
/// information and XMP when real, else from the printed page.
fn clean_pdf(doc: &RawDocument, options: &Options<'_>, memo: &Memo) -> Result<Cleaned> {
    let pdf = crate::read::pdf::read(&doc.bytes)?;
    let meta = Metadata {
        title: pdf.info.title,
        authors: pdf.info.authors,
        date: pdf.info.date,
        modified: pdf.info.modified,
        pages: u32::try_from(pdf.pages).ok(),
        ..Metadata::default()
    };
    clean_paged(&pdf.text, doc, options, Some(&pdf.layout), meta, memo)
}

fn clean_paged(
    text: &str,
    doc: &RawDocument,
    options: &Options<'_>,
    layout: Option<&TextLayout>,
    mut meta: Metadata,
    memo: &Memo,
) -> Result<Cleaned> {
    let printed = memo.printed(text);
    meta.fill_from(Metadata {
        title: printed.title,
        url: doc.url.clone().or(printed.url),
        ..Metadata::default()
    });
    let scope = Scope {
        url: meta.url.as_deref(),
        source: &doc.source,
        paged: true,
        layout,
        extracted: false,
        plain: false,
        masthead: &[],
    };
    let raw_body = text.to_string();
    // The output is cleaned again as markdown ([`settle`]) under the masthead its front matter names: the page
    // analyses check whether it tells them more, so that the analysis of the last pass holds there too.
    memo.expect_masthead(Some(masthead(&meta)));
    let cleaned = options.rules.clean_in(&raw_body, &scope, memo);
    memo.expect_masthead(None);
    let (markdown, edits) = cleaned?;
    Ok(Cleaned {
        metadata: meta,
        raw_body,
        markdown,
        edits,
        warnings: Vec::new(),
        language_clues: None,
    })
}

/// The page URL links resolve against: where the document came from, else `--base-url`, else what the page declares.
fn link_base<'u>(
    doc: &'u RawDocument,
    options: &Options<'u>,
    declared: Option<&'u str>,
) -> Option<&'u str> {
    doc.url
        .as_deref()
        .or(options.base_url.map(Url::as_str))
        .or(declared)
}

/// The URL relative links resolve against: `<base href>` (itself resolved against the page URL), else the page URL.
fn base_url(parsed: &Page, page_url: Option<&str>) -> Option<Url> {
    let page = page_url.and_then(|u| Url::parse(u).ok());
    // The first `<base href>` in document order, found without the selector machinery, and only looked for when
    // the markup has a `<base>` tag at all: most pages have none.
    let base_href = parsed
        .may_have_base
        .then(|| {
            parsed.html.root_element().descendants().find_map(|node| {
                node.value()
                    .as_element()
                    .filter(|e| e.name() == "base")
                    .and_then(|e| e.attr("href"))
            })
        })
        .flatten();
    match (base_href, &page) {
        (Some(href), Some(page)) => page.join(href).ok().or(Some(page.clone())),
        (Some(href), None) => Url::parse(href).ok(),
        (None, page) => page.clone(),
    }
}

/// `# Title` and the body, without a first heading that already repeats the title (so cleaning twice adds one).
fn with_title_heading(body: &str, title: &str) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let rest = drop_title_heading(body, Some(&title));
    if rest.is_empty() {
        format!("# {title}\n")
    } else {
        format!("# {title}\n\n{rest}")
    }
}

/// Drops the body's first block when it is a heading (or a lone line) repeating the title: the title lives in
/// the front matter.
fn drop_title_heading<'a>(body: &'a str, title: Option<&str>) -> &'a str {
    let Some(title) = title else { return body };
    let trimmed = body.trim_start_matches('\n');
    let first_end = trimmed.find("\n\n").unwrap_or(trimmed.len());
    let first = trimmed[..first_end].trim();
    let heading = first.trim_start_matches('#').trim();
    if first.contains('\n')
        || metadata::title::normalize(heading) != metadata::title::normalize(title)
        || heading.is_empty()
    {
        return body;
    }
    trimmed[first_end..].trim_start_matches('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masthead_names_the_domain_of_the_address() {
        let meta = Metadata {
            title: Some("A Title".to_string()),
            url: Some("https://www.example.co.uk/a/story.html".to_string()),
            ..Metadata::default()
        };
        assert_eq!(masthead(&meta), ["a title", "example.co.uk"]);
    }

    #[test]
    fn relative_links_resolve_against_the_first_base_href() {
        let page = parse::parse_page(
            "<html><head><BASE target=_top><base href='/docs/'><base href='/other/'></head><body></body></html>",
            &|_| false,
        );
        assert!(page.may_have_base);
        let base = base_url(&page, Some("https://example.com/a/page.html"));
        assert_eq!(
            base.map(String::from).as_deref(),
            Some("https://example.com/docs/")
        );
        let none = parse::parse_page(
            "<p>x</p><!-- <base href='/c/'> --><script>'<base href=/s/>'</script>",
            &|_| false,
        );
        assert!(!none.may_have_base);
        assert_eq!(
            base_url(&none, Some("https://example.com/a/page.html"))
                .map(String::from)
                .as_deref(),
            Some("https://example.com/a/page.html")
        );
    }

    #[test]
    fn title_heading_is_added_once() {
        assert_eq!(
            with_title_heading("Body\n", "The  title"),
            "# The title\n\nBody\n"
        );
        assert_eq!(
            with_title_heading("# The title\n\nBody\n", "The title"),
            "# The title\n\nBody\n"
        );
        assert_eq!(with_title_heading("", "T"), "# T\n");
    }

    #[test]
    fn title_heading_is_dropped_once() {
        assert_eq!(
            drop_title_heading("# The Title\n\nBody\n", Some("The title")),
            "Body\n"
        );
        assert_eq!(drop_title_heading("Body\n", Some("The title")), "Body\n");
    }

    #[test]
    fn language_left_out_changes_only_the_language() {
        let english = "The committee met on Tuesday to discuss the budget for the coming year, and after a long \
                       debate the members agreed to extend the deadline for the proposals by two weeks.";
        with_default_options(|with| {
            let without = Options {
                language: false,
                ..with
            };
            let inputs = [
            ("a.md", format!("# Budget\n\n{english}\n")),
            // Paged text, whose output is cleaned again as markdown.
            (
                "a.txt",
                "Budget talks\n\nThe committee met on Tuesday to discuss the budget for the coming year, and \
                 after a long debate the\nmembers agreed to extend the deadline for the proposals by two weeks, so \
                 that the smaller towns\n\n1\n\x0cof the region could also take part in the programme, which \
                 the council had planned since the spring.\n"
                    .to_string(),
            ),
        ];
            for (source, text) in inputs {
                let doc = document(source, text);
                let found = clean(&doc, &with).expect("the text cleans");
                let left = clean(&doc, &without).expect("the text cleans");
                assert_eq!(found.metadata.language.as_deref(), Some("en"), "{source}");
                assert_eq!(left.metadata.language, None, "{source}");
                assert_eq!(left.markdown, found.markdown, "{source}");
                assert_eq!(
                    Metadata {
                        language: None,
                        ..found.metadata
                    },
                    left.metadata,
                    "{source}"
                );
            }
        });
    }

    #[test]
    fn language_decided_later_is_the_language_decided_now() {
        let english = "The committee met on Tuesday to discuss the budget for the coming year, and after a long \
                       debate the members agreed to extend the deadline for the proposals by two weeks, so that \
                       the smaller towns of the region could also take part in the programme.";
        let pages = [
            // Declared, and the text agrees.
            format!("<html lang='en-GB'><body><article><p>{english}</p></article></body></html>"),
            // Declared, but the text is confidently in another language.
            format!("<html lang='de'><body><article><p>{english}</p></article></body></html>"),
            // Nothing declared: the detector's guess.
            format!("<html><body><article><p>{english}</p></article></body></html>"),
            // Nothing declared, no text: no language.
            "<html><body><p>12 34</p></body></html>".to_string(),
        ];
        with_default_options(|now| {
            let later = Options {
                resolve_language: false,
                ..now
            };
            for (page, language) in
                pages
                    .into_iter()
                    .zip([Some("en"), Some("en"), Some("en"), None])
            {
                let doc = document("page.html", page);
                let decided = clean(&doc, &now).expect("the page cleans");
                assert_eq!(decided.metadata.language.as_deref(), language);
                let mut waiting = clean(&doc, &later).expect("the page cleans");
                assert_eq!(waiting.metadata.language, None);
                assert!(waiting.language_clues.is_some());
                resolve_language(&mut waiting);
                assert_eq!(waiting.metadata, decided.metadata);
                assert_eq!(waiting.language_clues, None);
            }
        });
    }

    /// Runs `test` with the options of a project that has no configuration: every rule, the defaults.
    fn with_default_options(test: impl FnOnce(Options<'_>)) {
        let project = crate::config::Project::default();
        let settings = project.settings(&Default::default(), &Default::default());
        let rules =
            RuleSet::selected(&settings.rules, &settings.rules_origin).expect("no selection");
        test(settings.options(&rules));
    }

    /// A document of `text` read from `source`, with nothing known about it from outside.
    fn document(source: &str, text: String) -> RawDocument {
        RawDocument {
            bytes: text.into_bytes(),
            source: source.to_string(),
            ..Default::default()
        }
    }
}
