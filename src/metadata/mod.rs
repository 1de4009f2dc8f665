//! Metadata: title, authors, dates, site, URLs, language and description, from an HTML page's markup and visible
//! byline, or from the front matter and header lines of a markdown input.

pub mod byline;
pub mod date;
mod entities;
pub mod front_matter;
pub mod header;
pub mod jsonld;
pub mod language;
pub(crate) mod pattern;
pub mod scan;
pub mod site;
pub mod title;

use scraper::Html;

use crate::document::{LanguageClues, Metadata};

pub use language::resolve_language;

/// Meta tags that give the published date, best first.
const PUBLISHED_KEYS: [&str; 26] = [
    "article:published_time",
    "og:published_time",
    "article:published",
    "article.published",
    "datepublished",
    "og:datepublished",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "publication_date",
    "pub_date",
    "pubdate",
    "og:pubdate",
    "citation_publication_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "date",
    "pdate",
    "datecreated",
];

/// Meta tags that give the modified date, best first.
const MODIFIED_KEYS: [&str; 7] = [
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "article.updated",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
];

/// Meta tags that name the author, best first.
const AUTHOR_KEYS: [&str; 9] = [
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "citation_author",
    "byl",
    "analytics:author",
];

/// Reads the metadata of an HTML page. `url` is the page's URL when known from outside (fetch sidecar).
pub fn from_html(html: &Html, url: Option<&str>) -> Metadata {
    let (mut meta, clues) = from_html_but_language(html, url);
    meta.language = clues.resolve();
    meta
}

/// [`from_html`] with the language left undecided (`None`), and the clues that decide it: the language detector
/// costs as much as the rest of the metadata, and a caller that shows no metadata need not run it.
pub fn from_html_but_language(html: &Html, url: Option<&str>) -> (Metadata, LanguageClues) {
    let signals = scan::scan(html);
    let ld = jsonld::read(signals.jsonld.iter().map(String::as_str));
    let meta = |key: &str| -> Option<&str> {
        signals
            .metas
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    let first_meta = |keys: &[&str]| keys.iter().find_map(|k| meta(k));

    let canonical = signals.canonical.clone().filter(|c| c.starts_with("http"));
    let og_url = meta("og:url")
        .map(url_decoded)
        .filter(|u| u.starts_with("http"));
    let page_url = url
        .map(str::to_string)
        .or_else(|| canonical.clone())
        .or_else(|| og_url.clone())
        .or_else(|| ld.url.clone().filter(|u| u.starts_with("http")));

    let og_site = meta("og:site_name");
    let mut site_names: Vec<&str> = Vec::new();
    site_names.extend(ld.publisher.as_deref());
    site_names.extend(ld.website.as_deref());
    site_names.extend(first_meta(&[
        "application-name",
        "apple-mobile-web-app-title",
        "dc.publisher",
    ]));
    // Some pages put the headline in `application-name`; a name that is a title is no site name.
    let titles: Vec<String> = [meta("og:title"), signals.title.as_deref()]
        .into_iter()
        .flatten()
        .map(title::normalize)
        .collect();
    site_names.retain(|n| n.chars().count() <= 60 && !titles.contains(&title::normalize(n)));
    let handles: Vec<&str> = meta("twitter:site").into_iter().collect();
    let alts: Vec<&str> = signals.alts.iter().map(String::as_str).collect();
    let copyrights: Vec<&str> = signals.copyrights.iter().map(String::as_str).collect();
    let owners: Vec<&str> = ["author", "publisher", "copyright"]
        .into_iter()
        .filter_map(&meta)
        .collect();
    let marks = site::Marks {
        alts: &alts,
        copyrights: &copyrights,
        owners: &owners,
    };
    // The page's other titles show which part of the `<title>` names the site.
    let headlines: Vec<String> = [meta("og:title"), meta("twitter:title"), meta("title")]
        .into_iter()
        .flatten()
        .map(entities_and_space)
        .chain(ld.headline.clone())
        .collect();
    let headlines: Vec<&str> = headlines.iter().map(String::as_str).collect();
    let headings: Vec<&str> = signals.headings.iter().map(|h| h.text.as_str()).collect();
    let page_titles = site::Titles {
        title: signals.title.as_deref(),
        headlines: &headlines,
        headings: &headings,
    };
    let site = site::choose(
        og_site,
        &site_names,
        &page_titles,
        page_url.as_deref(),
        &handles,
        &marks,
    );

    let mut sites: Vec<&str> = site.iter().map(String::as_str).collect();
    sites.extend(og_site.filter(|n| !titles.contains(&title::normalize(n))));
    sites.extend(site_names.iter().copied());
    let domain = page_url.as_deref().and_then(site::domain);
    sites.extend(domain.as_deref());

    let title = choose_title(&signals, &ld, &meta, &sites);
    let authors = choose_authors(&signals, &ld, &meta, &sites, title.as_deref());
    let published = choose_date(&signals, &ld, &meta, page_url.as_deref(), title.as_deref());
    let modified = ld
        .modified
        .as_deref()
        .into_iter()
        .chain(MODIFIED_KEYS.iter().filter_map(|k| meta(k)))
        .find_map(date::parse)
        .map(|d| d.render());

    let declared = signals
        .lang
        .as_deref()
        .filter(|l| language::primary_subtag(l).is_some())
        .or_else(|| {
            first_meta(&[
                "og:locale",
                "content-language",
                "dc.language",
                "language",
                "inlanguage",
            ])
        })
        .or(ld.language.as_deref());
    let sample = if signals.paragraphs.len() >= 400 {
        &signals.paragraphs
    } else {
        &signals.text
    };
    let clues = LanguageClues::of(declared, sample);
    let description = first_meta(&["og:description", "description", "twitter:description"])
        .map(entities_and_space)
        .or_else(|| ld.description.clone())
        .filter(|d| !d.is_empty());

    let meta = Metadata {
        title,
        authors,
        date: published,
        modified,
        site,
        url: url.map(str::to_string).or(og_url),
        canonical,
        description,
        ..Metadata::default()
    };
    (meta, clues)
}

/// A URL as written, or decoded once when it was written percent-encoded whole (`https%3A%2F%2Fexample.de%2Fx`, as
/// some page builders put it in `og:url`).
fn url_decoded(url: &str) -> String {
    let lower = url.get(..14).unwrap_or(url).to_ascii_lowercase();
    if !lower.starts_with("http%3a%2f%2f") && !lower.starts_with("https%3a%2f%2f") {
        return url.to_string();
    }
    let bytes = url.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn entities_and_space(text: &str) -> String {
    entities::decode(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn choose_title<'a>(
    signals: &scan::Signals,
    ld: &jsonld::Facts,
    meta: &dyn Fn(&str) -> Option<&'a str>,
    sites: &[&str],
) -> Option<String> {
    let mut references: Vec<String> = Vec::new();
    references.extend(ld.headline.clone());
    for key in [
        "og:title",
        "twitter:title",
        "sailthru.title",
        "parsely-title",
        "dc.title",
        "title",
    ] {
        if let Some(value) = meta(key) {
            references.push(entities_and_space(value));
        }
    }
    references.extend(signals.title.as_deref().map(entities_and_space));
    references.retain(|r| !r.is_empty());
    let refs: Vec<&str> = references.iter().map(String::as_str).collect();
    // The metadata titles without their site names: a line is the headline's by the words of the headline.
    let stripped: Vec<String> = refs.iter().map(|r| title::strip_site(r, sites)).collect();
    let stripped: Vec<&str> = stripped.iter().map(String::as_str).collect();
    let headings: Vec<String> = signals
        .headings
        .iter()
        .map(|h| {
            let text = displayed_title(h, &stripped);
            let text = title::without_kicker(&text, &stripped, &refs).unwrap_or(text);
            title::unglued_site(&text, &stripped, sites).unwrap_or(text)
        })
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let chosen = title::choose(&headings, &refs, sites)?;
    // A metadata title that ends in a lower heading's text after a separator is a trail that ends in the headline
    // ("Site » Blog Archive » Headline" over `<h2>Headline</h2>`).
    let trail_end = signals.subheadings.iter().find(|h| {
        !headings.contains(&chosen.as_str())
            && title::SEPARATORS.iter().any(|sep| {
                chosen
                    .rsplit_once(sep)
                    .is_some_and(|(_, tail)| tail.trim() == h.text)
            })
    });
    Some(trail_end.map_or(chosen, |h| h.text.clone()))
}

/// The text of a heading as a title: without its lines of words that no metadata title (`references`) holds, when
/// some other line shares a word with one (a byline or a kicker set on a line of its own, which the metadata title
/// leaves out); the whole heading otherwise. A line of punctuation alone (`:`, `-`) stays.
fn displayed_title(heading: &scan::Heading, references: &[&str]) -> String {
    let keep = |line: &&String| {
        !line.chars().any(char::is_alphanumeric)
            || references.iter().any(|r| title::similarity(line, r) > 0.0)
    };
    let kept: Vec<&String> = heading.lines.iter().filter(keep).collect();
    if kept.len() == heading.lines.len()
        || kept.iter().all(|l| !l.chars().any(char::is_alphanumeric))
    {
        return heading.text.clone();
    }
    kept.iter()
        .map(|l| l.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn choose_authors<'a>(
    signals: &scan::Signals,
    ld: &jsonld::Facts,
    meta: &dyn Fn(&str) -> Option<&'a str>,
    sites: &[&str],
    title: Option<&str>,
) -> Vec<String> {
    // Names the metadata gives: JSON-LD authors, then meta tags.
    let mut declared: Vec<String> = Vec::new();
    for (name, _) in &ld.authors {
        declared.extend(byline::names(name, sites));
    }
    if declared.is_empty() {
        for key in AUTHOR_KEYS {
            if let Some(value) = meta(key) {
                let value = entities_and_space(value);
                if value.starts_with("http") {
                    continue;
                }
                declared.extend(byline::names(&value, sites));
                if !declared.is_empty() {
                    break;
                }
            }
        }
    }
    declared.retain(|n| !byline::is_not_author(n, sites));

    // A "By …" line right after the headline is the byline as displayed.
    if let Some(names) = headline(signals, title).and_then(|h| window_byline(&h.after, sites)) {
        return names;
    }
    if !declared.is_empty() {
        return declared;
    }
    // Without metadata, the first element marked as a byline stands in; a comment's or a teaser's byline is another
    // text's.
    let marked: Vec<&scan::Captured> = signals
        .bylines
        .iter()
        .filter(|c| {
            !c.long
                && !c.text.is_empty()
                && !c.hint.contains("comment")
                && !c.hint.contains("teaser")
        })
        .collect();
    marked
        .iter()
        .map(|c| byline::names(&c.text, sites))
        .find(|names| !names.is_empty())
        // Marked as the byline, a lead-in before one lower-case word names a blog's nickname ("von gizmo"), when no
        // marked byline names anyone with capitals.
        .or_else(|| {
            marked
                .iter()
                .find_map(|c| byline::nickname(&c.text))
                .map(|n| vec![n])
        })
        .unwrap_or_default()
}

/// The longest byline line read from texts after the headline: four or five names with an affiliation. A byline set
/// in one element per name and separator ("By", "A", ",", "B", ", and", "C, ", "KNB") is read up to that length, not
/// up to a number of texts.
const BYLINE_MAX_CHARS: usize = 200;

/// The names of a "By …" line among the texts after the headline; a lone "By" joins the texts after it.
fn window_byline(after: &[String], sites: &[&str]) -> Option<Vec<String>> {
    for (i, text) in after.iter().take(25).enumerate() {
        let Some(lead) = byline_lead(text) else {
            continue;
        };
        let mut line = text.clone();
        let mut best = byline::names(&line, sites);
        for next in after.iter().skip(i + 1) {
            if next.chars().count() > 48
                || date::parse(next).is_some()
                || line.chars().count() + next.chars().count() > BYLINE_MAX_CHARS
            {
                break;
            }
            // Once a name is read, only a separator continues the byline ("By A", ",", "B"; "von A", "und", "B").
            if !best.is_empty()
                && !ends_with_separator(&line)
                && !ends_with_separator(&format!(" {next}"))
            {
                let starts = next.trim_start();
                let first = starts.split_whitespace().next().unwrap_or_default();
                if !(starts.starts_with([',', '&']) || is_conjunction(first)) {
                    break;
                }
            }
            line.push(' ');
            line.push_str(next);
            let names = byline::names(&line, sites);
            if names.len() >= best.len() {
                best = names;
            }
        }
        // A CMS account shown as the byline ("Posted on … by Admin") names no one.
        best.retain(|n| !byline::is_account_word(n));
        // After another language's lead-in, only a full name: German capitalises its nouns ("Von Risiken und
        // Nebenwirkungen", "Von Jagdschein bis Wildbret" read as names), and a nickname there is an account's.
        if lead == Lead::Other && !best.iter().all(|n| is_full_name(n)) {
            best.clear();
        }
        if !best.is_empty() {
            return Some(best);
        }
    }
    None
}

fn ends_with_separator(text: &str) -> bool {
    let text = text.trim_end();
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    text.ends_with([',', '&']) || (text.len() > last.len() && is_conjunction(last))
}

/// Whether a word joins two names in a byline: "and" in the languages whose names [`byline::names`] splits on it.
fn is_conjunction(word: &str) -> bool {
    ["and", "und", "et", "y", "e", "и"].contains(&word.to_lowercase().as_str())
}

/// The language of a byline's lead-in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// "By", "Posted by" …
    English,
    /// "Von", "Por", "Par" …
    Other,
}

/// The most words of a full name read after another language's lead-in ("Juan Carlos de la Fuente").
const FULL_NAME_MAX_WORDS: usize = 5;

/// Whether a name is a person's full name as bylines write it: two to five words, each capitalised but the
/// particles between them (`von`, `de la`, `van der`).
fn is_full_name(name: &str) -> bool {
    const PARTICLES: [&str; 14] = [
        "von", "van", "vom", "zu", "de", "der", "den", "da", "di", "du", "del", "la", "le", "dos",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=FULL_NAME_MAX_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(w))
        && words.first().is_some_and(|w| !PARTICLES.contains(w))
}

fn byline_lead(text: &str) -> Option<Lead> {
    if starts_with_by(text) {
        Some(Lead::English)
    } else if starts_with_other_lead(text) {
        Some(Lead::Other)
    } else {
        None
    }
}

fn starts_with_by(text: &str) -> bool {
    const LEADS: [&str; 8] = [
        "by ",
        "by:",
        "written by",
        "posted by",
        "words by",
        "story by",
        "analysis by",
        "opinion by",
    ];
    let lower = text.trim().to_lowercase();
    lower == "by" || LEADS.iter().any(|p| lower.starts_with(p))
}

fn starts_with_other_lead(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    // The same lead-in in other languages ("Von Gregory Lipinski", "Por Juliet Jimenez", "par Florence Audier"), on
    // a line of a name's length: a sentence can start with the word too ("Von Montag an gilt …"). Italian `di` and
    // Portuguese `da` are left out: they start surnames (Di Maio, Da Silva).
    const OTHER_LEADS: [&str; 5] = ["von", "por", "par", "door", "av"];
    let mut words = lower.split_whitespace();
    let first = words.next().map(|w| w.trim_end_matches(':'));
    first.is_some_and(|w| OTHER_LEADS.contains(&w))
        && (words.next().is_none() || lower.chars().count() <= LEAD_LINE_MAX_CHARS)
}

/// The longest text read as a byline when it starts with a lead-in other than English "by": a name or two with
/// the lead-in ([`byline::is_name`] takes names of up to 60 characters).
const LEAD_LINE_MAX_CHARS: usize = 60;

/// The `<h1>` that holds the chosen title, else the `<h2>` … `<h6>` that is it (a page that sets its headline in
/// no `<h1>`).
fn headline<'s>(signals: &'s scan::Signals, title: Option<&str>) -> Option<&'s scan::Heading> {
    let title = title::normalize(title?);
    if title.is_empty() {
        return None;
    }
    signals
        .headings
        .iter()
        .find(|h| {
            let heading = title::normalize(&h.text);
            // A title read from some lines of the heading (see `displayed_title`) is inside it, one read after a
            // kicker (see `title::without_kicker`) ends it.
            heading == title
                || (!h.lines.is_empty() && heading.contains(&title))
                || heading.ends_with(&title)
        })
        .or_else(|| {
            signals
                .subheadings
                .iter()
                .find(|h| title::normalize(&h.text) == title)
        })
}

fn choose_date<'a>(
    signals: &scan::Signals,
    ld: &jsonld::Facts,
    meta: &dyn Fn(&str) -> Option<&'a str>,
    page_url: Option<&str>,
    title: Option<&str>,
) -> Option<String> {
    let machine = ld
        .published
        .as_deref()
        .into_iter()
        .chain(PUBLISHED_KEYS.iter().filter_map(|k| meta(k)))
        .chain(
            signals
                .times
                .iter()
                .filter(|t| is_published_hint(&t.hint))
                .filter_map(|t| t.datetime.as_deref()),
        )
        .find_map(date::parse);
    // Days the page shows near its headline (after it, then before it), then in date-like elements.
    let near: Vec<&String> = headline(signals, title)
        .map(|h| h.after.iter().take(30).chain(h.before.iter()).collect())
        .unwrap_or_default();
    let shown = near
        .into_iter()
        .filter(|t| t.len() <= 120 && !is_update_text(t))
        .filter_map(|t| date::parse(t))
        .chain(
            signals
                .dates
                .iter()
                .filter(|d| !d.long && d.text.len() <= 120)
                .filter(|d| !is_update_text(&d.text) && !d.hint.contains("update"))
                .filter_map(|d| date::parse(&d.text)),
        );
    let url_day = page_url.and_then(date::from_url);
    // A `<title>` part that is a date alone (`Headline - 26 Oktober 2010 - Blog`) names the post's day.
    let title_day = signals
        .title
        .as_deref()
        .map(entities_and_space)
        .and_then(|t| title::date_part(&t).map(|(_, day)| day));
    match machine {
        // A local time with its offset, or a bare day, is the publication's own day.
        Some(stamp) if (stamp.offset.is_some() && !stamp.is_utc()) || stamp.time.is_none() => {
            Some(stamp.render())
        }
        Some(stamp) => {
            // A UTC (or zone-less) timestamp may fall on another day of the publication's own calendar: the day
            // the page shows, or its URL names, wins when the timestamp's instant falls on it on some clock in use
            // (UTC-12 to UTC+14; within a day of a zone-less one). A shown time with its offset is an instant of
            // its own: it must be the timestamp's day on that clock. A reader comment posted the next evening is
            // neither.
            let on_some_clock = |s: &date::Stamp| match (
                stamp.day_number_at(EARLIEST_OFFSET),
                stamp.day_number_at(LATEST_OFFSET),
            ) {
                (Some(earliest), Some(latest)) => match (s.time, s.offset) {
                    (Some(_), Some(offset)) => stamp.day_number_at(offset) == Some(s.day_number()),
                    _ => (earliest..=latest).contains(&s.day_number()),
                },
                _ => (s.day_number() - stamp.day_number()).abs() <= 1,
            };
            let local = shown
                .filter(|s| !s.is_utc())
                .chain(url_day)
                .find(on_some_clock);
            match local {
                Some(local) if local.day_number() != stamp.day_number() => Some(local.day()),
                _ => Some(stamp.render()),
            }
        }
        None => shown
            .chain(url_day)
            .chain(title_day)
            .next()
            .or_else(|| {
                signals
                    .times
                    .iter()
                    .find_map(|t| t.datetime.as_deref().and_then(date::parse))
            })
            .map(|s| s.render()),
    }
}

/// The clocks in use, in minutes from UTC: from UTC-12 (Baker Island) to UTC+14 (Line Islands).
const EARLIEST_OFFSET: i32 = -12 * 60;
const LATEST_OFFSET: i32 = 14 * 60;

fn is_published_hint(hint: &str) -> bool {
    (hint.contains("publish") || hint.contains("pubdate") || hint.contains("posted"))
        && !hint.contains("update")
        && !hint.contains("modif")
}

fn is_update_text(text: &str) -> bool {
    // "Updated" in the languages of the date patterns (see `date::month_number`).
    const UPDATED: [&str; 10] = [
        "updated",
        "modified",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "actualización",
        "aggiornato",
        "atualizado",
        "bijgewerkt",
        "zaktualizowano",
    ];
    let lower = text.to_lowercase();
    UPDATED.iter().any(|w| lower.contains(w))
}

/// Reads the metadata of a markdown input: its front matter, and the header lines of a scraped document (site
/// name, title, byline, date) before the body. Returns the metadata and the byte offset where the body starts.
pub fn from_markdown(text: &str) -> (Metadata, usize) {
    from_markdown_at(text, false)
}

/// [`from_markdown`] for the top of a body whose header was cut already and gave no title (a byline and a date):
/// a line in strong emphasis there is not a headline by its shape (see [`header::read_below`]).
pub fn from_markdown_below_header(text: &str) -> (Metadata, usize) {
    from_markdown_at(text, true)
}

fn from_markdown_at(text: &str, below_header: bool) -> (Metadata, usize) {
    let (mut meta, start) = match front_matter::split(text) {
        Some((meta, start)) => (meta, start),
        None => (Metadata::default(), 0),
    };
    let (found, mut end) = if below_header {
        header::read_below(&text[start..], &meta)
    } else {
        header::read(&text[start..], &meta)
    };
    meta.fill_from(found);
    // A header without a title (a running header's date over the page, `Site, November 19, 2019`) can stand over
    // the headline's own header: read the lines under it as the top of the document. What the first header gave
    // stays.
    if end > 0 && meta.title.is_none() {
        let (below, more) = header::read_below(&text[start + end..], &Metadata::default());
        if below.title.is_some() {
            meta.fill_from(below);
            end += more;
        }
    }
    // Once the title is known, a header cut can uncover the same title again (a scraper that wrote the headline
    // twice, with a breadcrumb between): cut until none is left, so that cleaning the output again finds nothing
    // more to take. Each round cuts at least one line and reads a few lines only.
    if meta.title.is_some() {
        loop {
            let (again, more) = header::read(&text[start + end..], &meta);
            if more == 0 {
                break;
            }
            meta.fill_from(again);
            end += more;
        }
    }
    (meta, start + end)
}

/// The ISO 639-1 code of the language of `text`, when the detector is confident.
pub fn detect_language(text: &str) -> Option<String> {
    // A few kilobytes decide the language as well as the whole text does, at a fraction of the cost.
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    language::detect(&text[..end]).map(|(code, _)| code.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn byline_split_over_text_nodes_is_joined() {
        let after = texts(&[
            "By",
            "Oliver Brandt",
            ",",
            "Anh Le",
            "on Monday, November 18th, 2019",
        ]);
        assert_eq!(
            window_byline(&after, &[]),
            Some(texts(&["Oliver Brandt", "Anh Le"]))
        );
    }

    #[test]
    fn byline_set_one_element_per_name_is_read_whole() {
        let after = texts(&[
            "By",
            "Lena K. Marsh",
            ",",
            "Paul J.R. Dunmore",
            ",",
            "Hsiao-Wen Lin",
            ", and",
            "Ned Parrish,",
            "KNB",
        ]);
        assert_eq!(
            window_byline(&after, &["KNB"]),
            Some(texts(&[
                "Lena K. Marsh",
                "Paul J.R. Dunmore",
                "Hsiao-Wen Lin",
                "Ned Parrish"
            ]))
        );
    }

    #[test]
    fn byline_stops_at_the_story_text() {
        let after = texts(&[
            "by",
            "Northern Survey Agency",
            "Once the stuff of old travel tales",
        ]);
        assert_eq!(
            window_byline(&after, &[]),
            Some(texts(&["Northern Survey Agency"]))
        );
        let repeated = texts(&[
            "By",
            "Carla J. Whitford",
            "Carla J. Whitford",
            "Updated Nov. 19",
        ]);
        assert_eq!(
            window_byline(&repeated, &[]),
            Some(texts(&["Carla J. Whitford"]))
        );
    }

    #[test]
    fn a_byline_led_in_another_language_is_the_byline() {
        let html = Html::parse_document(
            r#"<html><head><title>Neue Regeln ab Montag</title></head><body><h1>Neue Regeln ab Montag</h1>
            <p>Von Montag an gilt, was der Rat beschlossen hat, in allen Gemeinden des Landes.</p>
            <span>von <a href="/a">Lena Vogt</a> und <a href="/b">Jonas Brandt</a></span></body></html>"#,
        );
        let meta = from_html(&html, None);
        assert_eq!(meta.authors, ["Lena Vogt", "Jonas Brandt"]);
        // A CMS account shown as the byline is no one's name.
        let html = Html::parse_document(
            r#"<html><head><title>Neue Regeln</title></head><body><h1>Neue Regeln</h1>
            <div>Posted on <span>March 3, 2015</span> by Admin</div><p>Text.</p></body></html>"#,
        );
        assert!(from_html(&html, None).authors.is_empty());
    }

    #[test]
    fn a_nickname_in_an_element_marked_as_the_byline_is_the_author() {
        let page = |byline: &str| {
            Html::parse_document(&format!(
                r#"<html><head><title>Ein Tag am See</title></head><body><h1>Ein Tag am See</h1>
                <p>Wir fuhren von morgens an los.</p>{byline}<p>Text.</p></body></html>"#
            ))
        };
        let meta = from_html(
            &page(r#"<span class="by-author">von <a rel="author">gizmo</a></span>"#),
            None,
        );
        assert_eq!(meta.authors, ["gizmo"]);
        // Unmarked, a lead-in before a lower-case word is running text; an admin account is no one.
        assert!(from_html(&page("<p>von heute</p>"), None)
            .authors
            .is_empty());
        let admin = page(r#"<span class="author">by siteadmin</span>"#);
        assert!(from_html(&admin, None).authors.is_empty());
        // A marked byline that names someone with capitals comes first, wherever it stands.
        let both =
            page(r#"<span class="author">by kim77</span><span class="author">Kim Berg</span>"#);
        assert_eq!(from_html(&both, None).authors, ["Kim Berg"]);
    }

    #[test]
    fn a_headline_in_a_lower_heading_has_its_date_and_byline_beside_it() {
        let html = Html::parse_document(
            r#"<html><head><title>Wie die Stadt wächst - Stadtblatt</title>
            <meta property="og:title" content="Wie die Stadt wächst"></head><body>
            <h2>Neueste Beiträge</h2><p>12.01.2020</p><h3>Wie die Stadt wächst</h3>
            <span>28. Jan. 2022</span><span>Von Paula Brenner</span><p>Text.</p></body></html>"#,
        );
        let meta = from_html(&html, None);
        assert_eq!(meta.title.as_deref(), Some("Wie die Stadt wächst"));
        assert_eq!(meta.date.as_deref(), Some("2022-01-28"));
        assert_eq!(meta.authors, ["Paula Brenner"]);
    }

    #[test]
    fn a_percent_encoded_og_url_is_the_page_s_url() {
        let html = Html::parse_document(
            r#"<html><head><title>Eine Geschichte</title><meta property="og:url"
            content="https%3A%2F%2Fwww.example.de%2Fmagazin%2Fx%2F"></head><body><h1>Eine Geschichte</h1>
            </body></html>"#,
        );
        let meta = from_html(&html, None);
        assert_eq!(
            meta.url.as_deref(),
            Some("https://www.example.de/magazin/x/")
        );
        assert_eq!(meta.site.as_deref(), Some("example.de"));
        assert_eq!(url_decoded("https://a.de/x%20y"), "https://a.de/x%20y");
    }

    #[test]
    fn the_site_is_the_part_of_the_title_that_the_other_titles_leave() {
        let html = Html::parse_document(
            r#"<html><head><title>Example Insider: Example 3.6.0 is now available!</title>
            <meta property="og:title" content="Example 3.6.0 is now available!"></head>
            <body><h1>Example 3.6.0 is now available!</h1></body></html>"#,
        );
        let meta = from_html(&html, Some("http://blog.example.org/2016/12/x.html"));
        assert_eq!(meta.site.as_deref(), Some("Example Insider"));
        // A site part that names the site first leaves the headline to the `<h1>` that holds it.
        let html = Html::parse_document(
            r#"<html><head><title>Example online - Fachmeldungen - Neue Steuersätze ab Januar</title>
            <meta name="title" content="Fachmeldungen - Neue Steuersätze ab Januar"></head>
            <body><h1>Example</h1><h1>Fachmeldungen</h1><h1>Neue Steuersätze ab Januar</h1></body></html>"#,
        );
        let meta = from_html(&html, Some("https://www.example.de/x.html"));
        assert_eq!(meta.site.as_deref(), Some("Example online"));
        assert_eq!(meta.title.as_deref(), Some("Neue Steuersätze ab Januar"));
    }

    #[test]
    fn a_copyright_line_in_the_footer_names_the_site_it_spells() {
        let html = Html::parse_document(
            r#"<html><head><title>Ein Bericht</title></head><body><h1>Ein Bericht</h1><p>Text.</p>
            <footer><p><span>&copy;</span> 2014&ndash;2021 <a href="/">Beispiel Verlag</a>. Alle Rechte
            vorbehalten.</p><p>Fotos &copy; Erika Mustermann</p></footer></body></html>"#,
        );
        let meta = from_html(&html, Some("https://www.beispielverlag.de/2021/bericht"));
        assert_eq!(meta.site.as_deref(), Some("Beispiel Verlag"));
        let meta = from_html(&html, Some("https://www.example.de/2021/bericht"));
        assert_eq!(meta.site.as_deref(), Some("example.de"));
    }

    #[test]
    fn utc_timestamp_gives_way_to_the_displayed_local_day() {
        let html = Html::parse_document(
            r#"<html><head><meta property="article:published_time" content="2021-03-10T02:24:00Z"></head>
            <body><h1>Headline here</h1><span>Mar 9, 2021 at 9:24 pm ET</span><p>Text.</p></body></html>"#,
        );
        assert_eq!(from_html(&html, None).date.as_deref(), Some("2021-03-09"));
    }

    #[test]
    fn a_reader_comment_posted_the_next_day_does_not_move_the_date() {
        let html = Html::parse_document(
            r##"<html><head><meta property="article:published_time" content="2015-12-12T05:00:37+00:00"></head>
            <body><h1>Headline here</h1><p>Text.</p>
            <a href="#comment-1"><time pubdate datetime="2015-12-13T01:10:03+01:00">13. Dezember 2015</time></a>
            </body></html>"##,
        );
        assert_eq!(
            from_html(&html, None).date.as_deref(),
            Some("2015-12-12T05:00:37Z")
        );
    }

    #[test]
    fn a_line_of_the_heading_that_no_metadata_title_holds_is_no_title() {
        let page = |h1: &str| {
            Html::parse_document(&format!(
                r#"<html><head><title>Storm spares the coast - Daily Planet</title></head><body>{h1}</body></html>"#
            ))
        };
        let title = |h1: &str| from_html(&page(h1), None).title;
        assert_eq!(
            title(
                "<h1><span>Storm spares the coast</span><br><span>Senior writer Jo Lin</span></h1>"
            )
            .as_deref(),
            Some("Storm spares the coast")
        );
        assert_eq!(
            title("<h1><div>Weather</div><span>Storm spares the coast</span></h1>").as_deref(),
            Some("Storm spares the coast")
        );
        // Punctuation between the lines stays, and a heading all of whose lines share words stays whole.
        assert_eq!(
            title("<h1><div>Storm</div><div>:</div><div>spares the coast</div></h1>").as_deref(),
            Some("Storm : spares the coast")
        );
    }

    #[test]
    fn bare_page_gives_what_it_shows() {
        let empty = from_html(&Html::parse_document(""), None);
        assert_eq!(empty, Metadata::default());
        let html = Html::parse_document("<h1>Only a heading here</h1><p>By Ann Lee</p>");
        let meta = from_html(&html, Some("https://example.org/2020/01/02/x"));
        assert_eq!(meta.title.as_deref(), Some("Only a heading here"));
        assert_eq!(meta.authors, vec!["Ann Lee"]);
        assert_eq!(meta.date.as_deref(), Some("2020-01-02"));
        assert_eq!(meta.site.as_deref(), Some("example.org"));
    }

    #[test]
    fn offset_timestamp_keeps_its_own_day_and_time() {
        let html = Html::parse_document(
            r#"<html><head><meta property="article:published_time" content="2019-11-08T15:30:00-05:00">
            </head><body><h1>Headline here</h1></body></html>"#,
        );
        assert_eq!(
            from_html(&html, None).date.as_deref(),
            Some("2019-11-08T15:30:00-05:00")
        );
    }
}
