//! The masthead printed above the text and the sites the document links to ([`Masthead`]), for finding the running
//! header that repeats them.

use std::cell::OnceCell;

use memchr::memmem;
use rustc_hash::FxHashSet as HashSet;

use super::facts::LineFacts;
use super::shapes::{holds_link, is_domain, masthead_parts, names_something, sentence_inside};

/// The masthead printed above the text (the site name, the title with the site's name beside it) and the sites
/// the document links to, for finding the running header that repeats them.
pub(super) struct Masthead<'a> {
    /// The lines above the first paragraph of running text, lowercased.
    lines: &'a [String],
    /// Their parts between separators or commas that name something.
    parts: HashSet<&'a str>,
    /// The document's text, whose links lead to the sites.
    text: &'a str,
    /// The sites the document links to ([`linked_sites`]), found when first asked: only a line at a page boundary
    /// corroborated asks, and a page of links has thousands.
    sites: OnceCell<HashSet<String>>,
    /// The names their addresses spell ([`Masthead::site_names`]), found when first asked.
    site_names: OnceCell<HashSet<String>>,
    /// The names that the domains named above the text spell ([`Masthead::spells_top_domain`]), found when first
    /// asked.
    top_names: OnceCell<HashSet<String>>,
    /// The section names the lines above the text list ([`section_names`]), found when first asked.
    sections: OnceCell<HashSet<String>>,
}

/// The letters a first word has at most that a publisher's name may hold before the name its address spells: an
/// article (`The Published Reporter` for `publishedreporter.com`, `Le Grand Continent`, `Die Tagespost`).
const MAX_ARTICLE_LETTERS: usize = 3;

/// The letters and digits of `name`, which is lowercased: how a site's address spells a name (`Courage-Online`,
/// `Eishockey NEWS`).
fn spelling(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The names that `hosts` spell before their first dot, in letters and digits (see [`spelling`]), those that name
/// something ([`names_something`]).
fn domain_names<'a>(hosts: impl Iterator<Item = &'a str>) -> HashSet<String> {
    hosts
        .filter_map(|host| host.split('.').next())
        .map(spelling)
        .filter(|name| names_something(name))
        .collect()
}

/// Whether `part` (lowercased), with or without a first word of at most [`MAX_ARTICLE_LETTERS`] letters (an
/// article: `The`, `Le`, `Die`), spells one of `names` in its letters and digits (see [`spelling`]).
fn spells_one_of(part: &str, names: &HashSet<String>) -> bool {
    let without_article = part
        .split_once(' ')
        .filter(|(first, _)| first.chars().count() <= MAX_ARTICLE_LETTERS)
        .map(|(_, rest)| rest);
    [Some(part), without_article]
        .into_iter()
        .flatten()
        .any(|name| names.contains(&spelling(name)))
}

impl<'a> Masthead<'a> {
    /// The masthead of `lines`, the lines above the text of the document `text`.
    pub(super) fn new(lines: &'a [String], text: &'a str) -> Masthead<'a> {
        let parts = lines
            .iter()
            .flat_map(|t| masthead_parts(t))
            .filter(|p| names_something(p))
            .collect();
        Masthead {
            lines,
            parts,
            text,
            sites: OnceCell::new(),
            site_names: OnceCell::new(),
            top_names: OnceCell::new(),
            sections: OnceCell::new(),
        }
    }

    /// Whether `line`, one capitalised word holding no link (`Politics`, `Wissen`), names a section that the lines
    /// above the text list ([`section_names`]: a menu, `Home | World | Opinion`, or a section's name on a line
    /// of its own, `Sport` over the title). A printed page repeats the section it belongs to at the head of each
    /// page, and a one-word line a menu lists is the menu's, not a subheading of the text: a subheading names what
    /// its part of the text is about, which a site's menu seldom lists word for word (it can be wrong there: an
    /// article on a site whose menu lists `Recipes` and whose text heads a part `Recipes`). `facts` are the
    /// [`LineFacts`] of `line`.
    pub(super) fn names_section(&self, line: &str, facts: &LineFacts) -> bool {
        if self.lines.is_empty() || holds_link(line) || !facts.one_word(line) {
            return false;
        }
        let sections = self.sections.get_or_init(|| section_names(self.lines));
        !sections.is_empty() && sections.contains(&line.trim().to_lowercase())
    }

    /// The names the sites' addresses spell: the first label of the host name (`www.` left out), its letters and
    /// digits only, of each site the document links to and of each domain a line above the text names in a part
    /// of its own (`publishedreporter.com` spells `publishedreporter`, `courage-online.de` `courageonline`).
    fn site_names(&self) -> &HashSet<String> {
        self.site_names.get_or_init(|| {
            domain_names(
                self.sites()
                    .iter()
                    .map(String::as_str)
                    .chain(self.top_domains()),
            )
        })
    }

    /// The domains named above the text, each a part of its own (`www.` left out).
    fn top_domains(&self) -> impl Iterator<Item = &str> {
        self.parts
            .iter()
            .map(|p| p.strip_prefix("www.").unwrap_or(p))
            .filter(|p| is_domain(p))
    }

    /// Whether `line`, a header holding its page number in a part of its own (`Site / Section / 3`), names the
    /// publisher in another part: one that is a whole part of a line above the text (`The Paradigm – Sports – 2`
    /// under `The Paradigm`), or whose letters and digits spell the name of the site's address
    /// ([`Masthead::site_names`]: `The Published Reporter – Technology – 2` in an article linking to
    /// `publishedreporter.com`, `Eishockey NEWS / Panorama / 3` under `eishockeynews.de`), with or without a first
    /// word of at most three letters (an article: `The`, `Le`, `Die`), in any language. An article links to its
    /// own site and prints its name on top; a subheading holds no page number beside the publisher's name.
    /// `facts` are the [`LineFacts`] of `line`.
    pub(super) fn names_publisher(&self, line: &str, facts: &LineFacts) -> bool {
        if holds_link(line) {
            return false;
        }
        let lowered = facts.lowered(line);
        lowered.parts.iter().any(|part| {
            let part = &lowered.line[part.clone()];
            self.parts.contains(part) || spells_one_of(part, self.site_names())
        })
    }

    /// Whether `part` (lowercased), with or without a first word of at most three letters (an article), spells in
    /// its letters and digits the name of a domain that a line above the text names in a part of its own (`The
    /// Example Observer` under `exampleobserver.com`).
    fn spells_top_domain(&self, part: &str) -> bool {
        let names = self
            .top_names
            .get_or_init(|| domain_names(self.top_domains()));
        !names.is_empty() && spells_one_of(part, names)
    }

    /// The sites the document links to.
    fn sites(&self) -> &HashSet<String> {
        self.sites
            .get_or_init(|| linked_sites(self.text).into_iter().collect())
    }

    /// Whether `line` is a label in a header's shape, holding no link, that repeats the masthead: a part of it
    /// between separators or commas is a whole part of a line above the text (`Express.co.uk — Opinion` under
    /// `EXPRESS.CO.UK`, `Forbes, November 18, 2019` under `Title « Forbes`; a name in brackets closing the line is
    /// a part, and a header's shape without a separator: `Royal Visit Ends (Example News)` under `EXAMPLE NEWS`,
    /// where a subheading names no site; a line closing on the site's name cited in brackets as a source, under
    /// that site's masthead, is taken too), or it is the start of one cut short
    /// (`Erinnerung an die Opfer…` under `Erinnerung an die Opfer der NS-Verbrechen – Bundesrat`). A line that
    /// ends on such a part reads as a label though the part ends on a sentence's mark: a site's name may end on
    /// one (`Sport | Liberté!` under `Liberté!`, as `Yahoo!` does), and the masthead prints it so.
    /// `facts` are the [`LineFacts`] of `line`.
    pub(super) fn repeated_by(&self, line: &str, facts: &LineFacts) -> bool {
        if self.lines.is_empty() || holds_link(line) {
            return false;
        }
        // What the line holds is looked up before its shape is asked (its lowercased parts are kept from pass to
        // pass).
        let lowered = facts.lowered(line);
        // The last part ends the line, or the name in brackets that closes it.
        let ends_on_masthead_name = || {
            lowered.parts.last().is_some_and(|part| {
                matches!(&lowered.line[part.end..], "" | ")")
                    && self.parts.contains(&lowered.line[part.clone()])
            }) && !sentence_inside(line.trim())
        };
        if !facts.label(line) && !ends_on_masthead_name() {
            return false;
        }
        let repeats = lowered
            .parts
            .iter()
            .any(|part| {
                let part = &lowered.line[part.clone()];
                self.parts.contains(part) || self.spells_top_domain(part)
            })
            // One word cut short could start any line; two are the start of a title.
            || lowered.cut.is_some_and(|end| {
                let cut = &lowered.line[..end];
                self.lines
                    .iter()
                    .any(|t| t.len() > cut.len() && t.starts_with(cut))
            });
        // A name of the masthead in brackets after a title (`Title of the story (Example News)`) is a header's
        // shape of its own: a subheading names no site.
        repeats && (facts.header(line) || (lowered.line.ends_with(')') && ends_on_masthead_name()))
    }

    /// Whether `line` is a label in a header's shape, holding no link, that names a site the document links to in
    /// a part of its own (`example.com — Title`, `Politics | www.example.com`), not as a piece of an address the
    /// line holds (`from https://example.com/a`, which separators cut at its slashes). Weaker than
    /// [`Masthead::repeated_by`]: a caption or a source line names a linked site too (`Source: Reuters |
    /// reuters.com`), so the caller asks for a page boundary beside it as well.
    pub(super) fn names_linked_site(&self, line: &str, facts: &LineFacts) -> bool {
        if holds_link(line) || !facts.label(line) {
            return false;
        }
        let lowered = facts.lowered(line);
        !lowered.line.contains("://")
            && lowered.parts.iter().any(|part| {
                let part = &lowered.line[part.clone()];
                self.sites()
                    .contains(part.strip_prefix("www.").unwrap_or(part))
            })
            && facts.header(line)
    }
}

/// The section names that `lines` (lowercased lines above the text) list: each one-word part of a menu, a line of
/// [`MIN_MENU_ITEMS`] items or more (link texts or parts between separators or other marks that no word holds,
/// `[Home](/) ⟩ [Politik](/politik/)`, `Start ¦ Politik ¦ Wissen`) of at most [`MAX_MENU_ITEM_WORDS`] words each,
/// and each line that is one word alone (a section's name over the title). A title or a byline holds longer parts.
fn section_names(lines: &[String]) -> HashSet<String> {
    let mut names = HashSet::default();
    for line in lines {
        // The link texts stand for the links: their targets are cut (`[Politik](/politik/)` reads `[Politik]`).
        let mut texts = String::with_capacity(line.len());
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            texts.push_str(&rest[..=at]);
            rest = &rest[at + 2..];
            rest = rest.find(')').map_or("", |end| &rest[end + 1..]);
        }
        texts.push_str(rest);
        let items: Vec<&str> = texts
            .split(|c: char| {
                !(c.is_alphanumeric()
                    || c.is_whitespace()
                    || matches!(c, '-' | '\'' | '’' | '&' | '.'))
            })
            .map(str::trim)
            .filter(|item| item.chars().any(char::is_alphanumeric))
            .collect();
        let one_word = |item: &str| {
            !item.contains(char::is_whitespace) && item.chars().all(char::is_alphabetic)
        };
        if items.len() == 1 && one_word(items[0]) {
            names.insert(items[0].to_owned());
        } else if items.len() >= MIN_MENU_ITEMS
            && items
                .iter()
                .all(|item| item.split_whitespace().count() <= MAX_MENU_ITEM_WORDS)
        {
            names.extend(
                items
                    .iter()
                    .filter(|item| one_word(item))
                    .map(|item| (*item).to_owned()),
            );
        }
    }
    names
}

/// The fewest items of a line above the text that [`section_names`] reads as a menu: a title beside its site's name
/// (`Title | Site`) has two.
const MIN_MENU_ITEMS: usize = 3;
/// The most words of an item of a menu ([`section_names`]): `Home`, `World News`, `Arts & Culture`.
const MAX_MENU_ITEM_WORDS: usize = 3;

/// The sites a document's links lead to: the host names of their addresses, lowercased, `www.` left out
/// (`[…](https://www.example.com/a)` gives `example.com`), in the order first linked. An article links to its own
/// site, so a header-shaped line below the text that names one of them in a part of its own (`example.com — Title
/// of the story`, `Politics | example.com`) repeats the publisher's name as a running header does, whatever the
/// language. One byte searcher over the text for `](http`, once an analysis.
fn linked_sites(text: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::default();
    let mut sites = Vec::new();
    for at in memmem::find_iter(text.as_bytes(), b"](http") {
        let address = &text[at + 2..];
        let Some(rest) = address
            .strip_prefix("https://")
            .or_else(|| address.strip_prefix("http://"))
        else {
            continue;
        };
        let end = rest
            .find(|c: char| matches!(c, '/' | ')' | '?' | '#' | ':' | '"') || c.is_whitespace())
            .unwrap_or(rest.len());
        let host = rest[..end].to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        if is_domain(host) && seen.insert(host.to_string()) {
            sites.push(host.to_string());
        }
    }
    sites
}

#[cfg(test)]
mod tests {
    use super::super::tests::{analyse, analyse_under, prose};
    use super::super::{Break, Join};
    use super::*;
    use crate::rules::body::Body;

    #[test]
    fn a_section_the_menu_above_lists_is_furniture_at_a_page_boundary() {
        let text = format!(
            "{}\n\nBusiness\n\n{}\n\nScience\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300)
        );
        // Alone, a one-word line could be a subheading.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        for menu in [
            "Home | Travel | Science | Business",
            "[Home](/) ⟩ [Business](/business/) ⟩ [Science](/science/)",
            "Politik ¦ Business ¦ Science",
        ] {
            let under_menu = format!("{menu}\n\n{text}");
            assert_eq!(
                analyse(&Body::parse(&under_menu)).furniture,
                [2, 4],
                "{menu}"
            );
        }
        // A section's name alone above the title names one section.
        let under_name = format!("Business\n\nThe committee meets again\n\n{text}");
        assert_eq!(analyse(&Body::parse(&under_name)).furniture, [3]);
        // A title beside its site's name, or a line of longer parts, lists no sections.
        for top in [
            "Business rates rise | Science Weekly",
            "Business, science and the committee that meets on rainy mornings | Courier | Opinion",
        ] {
            let under_title = format!("{top}\n\n{text}");
            assert!(
                analyse(&Body::parse(&under_title)).furniture.is_empty(),
                "{top}"
            );
        }
    }

    #[test]
    fn one_header_repeating_the_masthead_is_furniture() {
        let text = format!(
            "{}\n\nScience | Northern Courier\n\n{}\n\nFood | Travel\n\n{}\n\nThe rainy committee…\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300),
            prose("fourth", 300)
        );
        // Alone, neither line repeats: they could be headings.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        let with_masthead = format!(
            "NORTHERN COURIER\n\nThe rainy committee meets again | Northern Courier\n\n{text}"
        );
        assert_eq!(analyse(&Body::parse(&with_masthead)).furniture, [3, 7]);
        // Between the halves of a cut sentence, such a line is no first half of a split: the sentence, cut after a
        // quote closed mid-sentence, goes on across it.
        let split = format!(
            "Courier.com\n\n{}\n\nThe chair said the deadline was “not a real one”\n\nCourier.com — Opinion\n\n\
             to anyone who had read the rules of the house.\n",
            prose("first", 300)
        );
        let pages = analyse(&Body::parse(&split));
        assert_eq!(
            pages.breaks,
            [Break {
                prev: 2,
                next: 4,
                join: Join::Space
            }]
        );
        assert!(pages.furniture.is_empty());
    }

    #[test]
    fn a_title_with_the_mastheads_name_in_brackets_is_furniture() {
        let text = format!(
            "{}\n\nThe Rainy Committee Meets Again (Northern Courier)\n\n{}\n\nThe Rainy Committee Meets Again (Old \
             Minutes)\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300)
        );
        // Without a masthead naming the site, the line could be a subheading.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        let with_masthead = format!("NORTHERN COURIER\n\n{text}");
        // The name in brackets must be the site's: a title's own brackets name none.
        assert_eq!(analyse(&Body::parse(&with_masthead)).furniture, [2]);
        // A title on top keeps its brackets whole: a line of the text closing on them repeats no site name.
        let titled = format!("The Health Record (Old Minutes)\n\n{text}");
        assert!(analyse(&Body::parse(&titled)).furniture.is_empty());
    }

    #[test]
    fn a_header_ending_on_the_mastheads_exclaimed_name_is_furniture() {
        let text = format!(
            "{}\n\nSport | Hurra!\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        // Alone, the line ends on an exclamation mark, as a sentence does.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // Above the text, the site's name ends on it (`Yahoo!`): the mark is the name's, the line a header.
        let with_masthead = format!("Hurra!\n\n{text}");
        assert_eq!(analyse(&Body::parse(&with_masthead)).furniture, [2]);
        // Not a sentence that happens to end on the name.
        let sentence = with_masthead.replace("Sport | Hurra!", "We all shouted. Then | Hurra!");
        assert!(analyse(&Body::parse(&sentence)).furniture.is_empty());
    }

    #[test]
    fn a_header_repeating_the_site_taken_into_metadata_is_furniture() {
        let text = format!(
            "{}\n\n· 1 ·\n\n2 · The Northern Evening Courier\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        // Alone, the line holds its page number beside a page number, and the two vouch for each other. Measured:
        // no heading of that shape (`2 · Name`, `Name / 3`) stands in the truths of the evaluation sets
        // (pagebreak, AEB, trafeval, printed, the scraped dumps), though it could.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // The header above the text named the site, and the reader took it into metadata.
        let site = ["the northern evening courier".to_string()];
        assert_eq!(analyse_under(&Body::parse(&text), &site).furniture, [1, 2]);
        // The title cut short repeats it too.
        let cut = text.replace("2 · The Northern Evening Courier", "The rainy committee…");
        let title = ["the rainy committee meets again".to_string()];
        assert_eq!(analyse_under(&Body::parse(&cut), &title).furniture, [1, 2]);
    }

    #[test]
    fn a_header_spelling_the_domain_on_top_is_furniture_where_it_stands_once() {
        let text = format!(
            "{}\n\nThe Northern Courier, April 28, 2022\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        // Alone, the line could be a dateline of the text.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // The site's domain above the text (or the domain of the document's address) spells its name, the article
        // before it or not.
        let domain = ["thenortherncourier.com".to_string()];
        assert_eq!(analyse_under(&Body::parse(&text), &domain).furniture, [1]);
        let domain = ["www.northerncourier.co.uk".to_string()];
        assert_eq!(analyse_under(&Body::parse(&text), &domain).furniture, [1]);
        // Another site's name is no masthead.
        let other = ["southerncourier.com".to_string()];
        assert!(analyse_under(&Body::parse(&text), &other)
            .furniture
            .is_empty());
    }

    #[test]
    fn a_title_in_emphasis_on_top_is_repeated_without_its_marks() {
        let text = format!(
            "**The Rainy Committee Meets Again**\n\n{}\n\nThe Rainy Committee…\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [2]);
    }

    #[test]
    fn header_naming_a_linked_site_is_furniture_where_it_stands_once() {
        // Between two whole paragraphs, beside a page number: a page boundary stands there.
        let text = format!(
            "{} See [the report](https://www.example.com/report).\n\nexample.com — The committee met again\n\n4\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        let site = text.replace(
            "example.com — The committee met again",
            "Politics | www.Example.com",
        );
        assert_eq!(analyse(&Body::parse(&site)).furniture, [1, 2]);
        // Without a page number, after a whole paragraph, a source line naming a linked site is the text's.
        let whole = text.replace("\n\n4\n\n", "\n\n").replace(
            "example.com — The committee met again",
            "Source: Reuters | example.com",
        );
        assert!(analyse(&Body::parse(&whole)).furniture.is_empty());
        // After a paragraph cut mid-sentence, the header stands between the two halves of a split.
        let cut = whole.replace(
            "(https://www.example.com/report).",
            "(https://www.example.com/report) and the",
        );
        let pages = analyse(&Body::parse(&cut));
        assert_eq!(
            pages
                .breaks
                .iter()
                .map(|b| (b.prev, b.next))
                .collect::<Vec<_>>(),
            [(0, 2)]
        );
    }

    #[test]
    fn linked_sites_are_hosts_without_www() {
        let text =
            "[a](https://www.Example.com/a) [b](http://news.example.org:8080/x) [c](/local) \
                    [d](https://www.example.com) [e](mailto:x@example.net) [f](https://localhost/)";
        assert_eq!(linked_sites(text), ["example.com", "news.example.org"]);
    }
}
