//! Site: the publication's name. `og:site_name` when it is a real name (not a tagline, URL, handle, slug of another
//! name than the domain's or hosting platform, nor the headline's side of the `<title>` while the other side names the domain), else the
//! JSON-LD publisher or website name, the `<title>`'s part before the headline (`Site - Headline`, when another
//! title of the page is that headline and another source agrees) or its suffix, the one part of the `<title>` that
//! spells the domain when the suffix does not, the words of an image's `alt` text that spell the domain (the site's
//! logo), the words after the mark and years of a copyright line that spell the domain (`© 2014-2021 Example
//! Media` on examplemedia.com), an organisation the metadata names as the owner (`author`, `publisher`, `copyright`)
//! that the page also writes as its `<title>`, a part of it or a logo's `alt` text, or the domain (of the page an
//! archive copies; of an `og:site_name` that is a host).

use super::title::{normalize, SEPARATORS};

/// Hosting platforms whose name some pages put in `og:site_name` instead of the publication's.
const PLATFORMS: [&str; 6] = [
    "hosted",
    "wordpress",
    "blogger",
    "medium",
    "wix",
    "squarespace",
];

/// The titles a page gives itself, which show the part of its `<title>` that names the site.
#[derive(Clone, Copy, Default)]
pub struct Titles<'a> {
    /// The `<title>` text.
    pub title: Option<&'a str>,
    /// The other titles its metadata gives (`og:title`, `twitter:title`, the JSON-LD headline), best first.
    pub headlines: &'a [&'a str],
    /// The texts of its `<h1>` headings, where a masthead can stand.
    pub headings: &'a [&'a str],
}

/// What a page writes about its owner outside the fields that name the site.
#[derive(Clone, Copy, Default)]
pub struct Marks<'a> {
    /// The `alt` texts of its images, where a logo names the site.
    pub alts: &'a [&'a str],
    /// Its copyright lines (`© 2014-2021 Example Media. All rights reserved.`).
    pub copyrights: &'a [&'a str],
    /// The owners its metadata names: `<meta name="author">`, `publisher`, `copyright`.
    pub owners: &'a [&'a str],
}

/// Chooses the site name from `og_site_name`, the other `names` the page gives itself (best first), its
/// `titles`, the page's URL, its social `handles` (`@politifact`) and its `marks` (images' `alt` texts, copyright
/// lines, the owners its metadata names).
pub fn choose(
    og_site_name: Option<&str>,
    names: &[&str],
    titles: &Titles,
    url: Option<&str>,
    handles: &[&str],
    marks: &Marks,
) -> Option<String> {
    let title = titles.title;
    let (alts, copyrights) = (marks.alts, marks.copyrights);
    // An og:site_name that is a host ("www.example.de") names the domain when the page's URL is unknown.
    let domain = url
        .and_then(domain)
        .or_else(|| og_site_name.and_then(host_domain));
    let label = domain
        .as_deref()
        .and_then(|d| d.split('.').next())
        .map(str::to_string);
    // An og:site_name that is one side of the `<title>` while the other side names the domain is the headline
    // ("Bürgerbeteiligung für den Windpark | Example" on example.com): the other side is the name.
    if let (Some(og), Some(title), Some(label)) = (og_site_name, title, label.as_deref()) {
        let other = other_side(title, og).filter(|o| related(o, label) && !related(og, label));
        if let Some(name) = other.and_then(clean_name) {
            return Some(name);
        }
    }
    if let Some(name) = og_site_name.and_then(clean_name) {
        return Some(name);
    }
    // A tagline-style og:site_name ("Autoracing | F1 | Indy") still leads with the name.
    if let Some(head) = og_site_name.and_then(tagline_head) {
        return Some(head);
    }
    let mut handles: Vec<&str> = handles.iter().map(|h| h.trim_start_matches('@')).collect();
    handles.extend(
        og_site_name
            .filter(|n| n.starts_with('@'))
            .map(|n| n.trim_start_matches('@')),
    );
    handles.retain(|h| !h.is_empty() && !h.contains('/'));
    let agrees = |name: &str| {
        names
            .iter()
            .copied()
            .chain(label.as_deref())
            .chain(handles.iter().copied())
            .any(|o| related(name, o))
            || titles.headings.iter().any(|h| same(h, name))
    };
    let suffix = match title.and_then(|t| title_prefix(t, titles.headlines)) {
        Some(name) if agrees(&name) => Some(name),
        _ => title.and_then(title_suffix),
    };
    // A suffix that does not spell the domain gives way to the one part of the `<title>` that does: a tagline or a
    // volume can follow the name ("Headline : Example-Archiv | Gegründet 2005 | 6. Jahrgang" on example.de),
    // and the name can come first ("example | Vorschauen: Ein Spiel").
    let suffix = match (title, label.as_deref()) {
        (Some(title), Some(label)) if !suffix.as_deref().is_some_and(|s| related(s, label)) => {
            domain_part(title, label, titles.headlines).or(suffix)
        }
        _ => suffix,
    };
    // A handle names the site: the start of a longer name that spells it is the name itself
    // ("PolitiFact West Virginia" with `@politifact` → `PolitiFact`).
    for candidate in suffix
        .iter()
        .map(String::as_str)
        .chain(names.iter().copied())
    {
        for handle in &handles {
            if let Some(prefix) = prefix_spelling(candidate, handle) {
                return Some(prefix);
            }
        }
    }
    // The title suffix is what the page displays; trust it when another source names the site alike.
    if let Some(suffix) = &suffix {
        let others = names
            .iter()
            .copied()
            .chain(label.as_deref())
            .chain(handles.iter().copied());
        if others.into_iter().any(|o| related(suffix, o)) {
            return Some(suffix.clone());
        }
    }
    for name in names {
        if let Some(name) = clean_name(name) {
            return Some(name);
        }
        if let Some(head) = tagline_head(name) {
            return Some(head);
        }
    }
    // Two sources that agree: a logo's `alt` text whose first words spell the domain's label is the name as the
    // site writes it ("Sample Town News - Content - News" on sampletownnews.com → `Sample Town News`). One source
    // alone, an `alt` or a suffix, could be a caption or a section; the spelling check is what makes it a name.
    if suffix.is_none() {
        let spelled = label
            .as_deref()
            .and_then(|label| alts.iter().find_map(|alt| spelling(alt, label)));
        if spelled.is_some() {
            return spelled;
        }
    }
    // An og:site_name in lower case that is the domain's label written out is the name as the site writes it
    // ("example" on example.org), no slug of some other name; any source above that writes it with its capitals and
    // spaces ("Example Times" for `exampletimes`) comes first.
    let written = og_site_name
        .map(str::trim)
        .filter(|og| og.chars().all(|c| c.is_alphanumeric() || c == '-'))
        .filter(|og| label.as_deref().is_some_and(|label| same(og, label)));
    // Last before the bare domain: the owner a copyright line names, when its words spell the domain's label
    // (`© 2014-2021 Example Media. All rights reserved.` on examplemedia.com → `Example Media`); the mark and the
    // years are the same in every language, and the spelling check keeps out a theme's or a photographer's credit.
    let owner = || {
        let label = label.as_deref()?;
        copyrights
            .iter()
            .find_map(|line| copyright_owner(line, label))
    };
    suffix
        .or(written.map(str::to_string))
        .or_else(owner)
        .or_else(|| displayed_owner(marks.owners, title, alts))
        .or(domain)
}

/// The longest owner's name [`displayed_owner`] takes: longer than a title suffix ([`clean_name`]), as an office's
/// or an association's full name can be ("Federal Department of Economic Affairs, Education and Research EAER").
const OWNER_MAX_CHARS: usize = 100;

/// The organisation the metadata names as the page's owner (`<meta name="author">`, `publisher`, `copyright`, whole
/// or one part of it between separators) when the page writes that same name as its whole `<title>`, one part of
/// it, or an image's `alt` text (its logo): two sources agree, and the name is returned as the page shows it. A
/// person's full name is left out, as an author's portrait carries it too, and so are CMS accounts and URLs.
fn displayed_owner(owners: &[&str], title: Option<&str>, alts: &[&str]) -> Option<String> {
    let shown: Vec<&str> = title
        .map(parts)
        .unwrap_or_default()
        .into_iter()
        .chain(alts.iter().copied())
        .map(str::trim)
        .collect();
    let candidates = owners.iter().flat_map(|owner| {
        let split = split_at(owner, SEPARATORS);
        std::iter::once(*owner).chain(split.into_iter().filter(move |p| p != owner))
    });
    candidates
        .map(str::trim)
        .filter(|o| !super::is_full_name(o) && !super::byline::is_account_word(o))
        .find_map(|owner| shown.iter().find(|s| same(s, owner)))
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| {
            let lower = s.to_lowercase();
            s.chars().count() <= OWNER_MAX_CHARS
                && !lower.starts_with("http")
                && !lower.starts_with("www.")
                && !s.contains(['/', '@'])
        })
}

/// The words after the mark and the years of a copyright `line` (`©`, `Copyright`, `(c)`, `2014-2021`) that spell
/// `label`, without the stop or comma after them.
fn copyright_owner(line: &str, label: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split_whitespace()
        .skip_while(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || w.eq_ignore_ascii_case("copyright")
                || w.eq_ignore_ascii_case("c")
                || w.chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '–')
        })
        .collect();
    let n = spelled_words(&words, label)?;
    let name = words[..n].join(" ");
    let name = name.trim_end_matches(['.', ',', ';', ':']);
    clean_name(name).or_else(|| same(name, label).then(|| name.to_string()))
}

/// How many leading words of `name` together spell `target` (letters and digits, case-folded), if any do.
fn spelled_words(words: &[&str], target: &str) -> Option<usize> {
    let target = normalize(target);
    if target.len() < 3 {
        return None;
    }
    let mut spelled = String::new();
    for (i, word) in words.iter().enumerate() {
        spelled.push_str(&normalize(word));
        if spelled == target {
            return Some(i + 1);
        }
        if !target.starts_with(&spelled) {
            return None;
        }
    }
    None
}

/// The leading words of `name` when together they spell `handle` and do not make up all of `name`.
fn prefix_spelling(name: &str, handle: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    spelled_words(&words, handle)
        .filter(|&n| n < words.len())
        .map(|n| words[..n].join(" "))
}

/// The leading words of `name` that spell `label`, all of `name` included, without the marks before them
/// (`.:: NMB-Media` → `NMB-Media`).
fn spelling(name: &str, label: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .skip_while(|w| normalize(w).is_empty())
        .collect();
    spelled_words(&words, label).map(|n| words[..n].join(" "))
}

fn related(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    a.len() >= 3 && b.len() >= 3 && (a == b || a.contains(&b) || b.contains(&a))
}

/// The name when it looks like a publication name.
fn clean_name(name: &str) -> Option<String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = name.to_lowercase();
    let is_url = lower.starts_with("http") || lower.starts_with("www.") || lower.contains('/');
    let is_handle = name.starts_with('@');
    let is_slug = !name.contains(' ') && name == lower && !name.contains('.') && name.is_ascii();
    let is_platform = PLATFORMS.contains(&lower.as_str());
    let is_tagline = name.contains(" | ") || name.contains(" - ") || name.chars().count() > 60;
    if name.is_empty() || is_url || is_handle || is_slug || is_platform || is_tagline {
        return None;
    }
    Some(name)
}

fn tagline_head(name: &str) -> Option<String> {
    let head = name.split('|').next()?.split(" - ").next()?.trim();
    clean_name(head).filter(|h| h.len() < name.len())
}

/// The most words of a site name after the headline in the `<title>`: more make a section or a second headline.
const TITLE_SUFFIX_MAX_WORDS: usize = 4;

/// The title separators that can stand before or after a site name: all of [`SEPARATORS`] but the slash, which
/// separates places and sections as often as a site (`Nassau / Paradise Island`).
fn site_separators() -> impl Iterator<Item = &'static str> {
    SEPARATORS.into_iter().filter(|&s| s != " / ")
}

/// The last part of a `Title | Site` title, when it is short enough to be a name (split at [`site_separators`]).
fn title_suffix(title: &str) -> Option<String> {
    for sep in site_separators() {
        if let Some((_, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if !tail.is_empty() && tail.split_whitespace().count() <= TITLE_SUFFIX_MAX_WORDS {
                return clean_name(tail);
            }
        }
    }
    None
}

/// The most words a site name has before a headline in the `<title>` ("EXAMPLE The Complete Audio Desktop:
/// Writing Macros…"); [`title_suffix`], which guesses the part, takes fewer.
const TITLE_PREFIX_MAX_WORDS: usize = 6;

/// The site name before the headline in the `<title>`: when the `<title>` ends with one of the page's other titles
/// (`headlines`) after a separator (`Site - Section - Headline`, `Site: Headline`), its first part. A kicker stands
/// there as well ("Statistik: Polen…", "Im Gespräch - Headline"), so the caller needs another source to agree.
fn title_prefix(title: &str, headlines: &[&str]) -> Option<String> {
    let title = title.trim();
    let whole = normalize(title);
    for headline in headlines {
        let headline = normalize(headline);
        if headline.is_empty() || headline == whole {
            continue;
        }
        for sep in SEPARATORS.iter().chain(&[": ", " : "]) {
            for (at, _) in title.match_indices(sep) {
                if normalize(&title[at + sep.len()..]) != headline {
                    continue;
                }
                let first = parts(&title[..at])[0].trim();
                return Some(first)
                    .filter(|f| f.split_whitespace().count() <= TITLE_PREFIX_MAX_WORDS)
                    .and_then(clean_name);
            }
        }
    }
    None
}

/// The one part of `title` that spells the domain's `label` (letters and digits, case-folded, one holding the
/// other), short enough to be a name ([`TITLE_SUFFIX_MAX_WORDS`]) and held by none of the page's other titles
/// (`headlines`): a headline can name the site too ("Example raises its prices | The Example Times"). A spaced colon
/// separates parts here as well ("Headline : Site | Tagline").
fn domain_part(title: &str, label: &str, headlines: &[&str]) -> Option<String> {
    let parts: Vec<&str> = parts(title)
        .into_iter()
        .flat_map(|p| p.split(" : "))
        .map(str::trim)
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let mut spelling = parts.into_iter().filter(|p| {
        related(p, label)
            && p.split_whitespace().count() <= TITLE_SUFFIX_MAX_WORDS
            && !headlines
                .iter()
                .any(|h| normalize(h).contains(&normalize(p)))
    });
    match (spelling.next(), spelling.next()) {
        // In lower case it is the domain's label written out ("example"), no slug of some other name.
        (Some(part), None) => {
            clean_name(part).or_else(|| same(part, label).then(|| part.to_string()))
        }
        _ => None,
    }
}

/// The part of `title` on the other side of a separator from `part` (`A | B` with `A` → `B`), the farthest part
/// from it when there are several.
fn other_side<'t>(title: &'t str, part: &str) -> Option<&'t str> {
    let part = normalize(part);
    for sep in SEPARATORS {
        for (at, _) in title.match_indices(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            if normalize(head) == part {
                return parts(tail).last().copied();
            }
            if normalize(tail) == part {
                return parts(head).first().copied();
            }
        }
    }
    None
}

/// The parts of a title between its [`site_separators`].
fn parts(text: &str) -> Vec<&str> {
    split_at(text, site_separators())
}

/// The parts of `text` between any of `separators`.
fn split_at(text: &str, separators: impl IntoIterator<Item = &'static str>) -> Vec<&str> {
    let mut parts = vec![text];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// The registrable domain of a URL (`https://www.example.co.uk/x` → `example.co.uk`), see [`registrable`]. An
/// archive's or a proxy's copy of a page carries the page's own URL in its path
/// (`https://web.archive.org/web/2013…/http://example.com/x`): the page belongs to that URL's site, not to the
/// service that serves the copy.
pub fn domain(url: &str) -> Option<String> {
    let url = url::Url::parse(url).ok()?;
    if let Some(page) = embedded_url(url.path()).and_then(domain) {
        return Some(page);
    }
    let host = url.host_str()?.to_ascii_lowercase();
    Some(registrable(&host).to_string())
}

/// The registrable domain of a name that is a host or a URL (`www.example.de`, `https://example.de/`), if it is one.
fn host_domain(name: &str) -> Option<String> {
    let name = name.trim();
    let host = name
        .strip_prefix("https://")
        .or_else(|| name.strip_prefix("http://"))
        .unwrap_or(name)
        .split('/')
        .next()?;
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    domain(&format!("http://{host}/"))
}

/// The absolute URL a path carries after one of its slashes (`/web/2013…/http://example.com/x`), if any.
fn embedded_url(path: &str) -> Option<&str> {
    ["/http://", "/https://"]
        .iter()
        .filter_map(|scheme| path.find(scheme))
        .min()
        .map(|at| &path[at + 1..])
}

/// The registrable domain of a lower-case host: the label under its public suffix and the suffix
/// (`news.example.co.uk` is `example.co.uk`, `edition.example.com` is `example.com`; the Public Suffix List through
/// the `psl` crate), so that the subdomains of one service are one and sites under one suffix (`co.uk`, `com.au`,
/// `github.io`) are not. A host with no such label (`localhost`, a bare suffix) or an IP address is its own domain.
pub fn registrable(host: &str) -> &str {
    let host = host.trim_end_matches('.');
    if host.parse::<std::net::IpAddr>().is_ok() {
        return host;
    }
    psl::domain_str(host).unwrap_or(host)
}

/// Whether two site names are the same name.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(title: Option<&str>) -> Titles<'_> {
        Titles {
            title,
            ..Titles::default()
        }
    }

    /// [`choose`] with the page's og:site_name, titles and URL as its only evidence.
    fn pick(og_site_name: Option<&str>, titles: &Titles, url: Option<&str>) -> Option<String> {
        choose(og_site_name, &[], titles, url, &[], &Marks::default())
    }

    /// [`Marks`] of images' `alt` texts alone.
    fn logos<'a>(alts: &'a [&'a str]) -> Marks<'a> {
        Marks {
            alts,
            ..Marks::default()
        }
    }

    /// [`Marks`] of copyright lines alone.
    fn credits<'a>(copyrights: &'a [&'a str]) -> Marks<'a> {
        Marks {
            copyrights,
            ..Marks::default()
        }
    }

    #[test]
    fn og_site_name_wins_when_it_is_a_name() {
        let site = pick(Some("CBSSports.com"), &titled(None), None);
        assert_eq!(site.as_deref(), Some("CBSSports.com"));
    }

    #[test]
    fn taglines_platforms_and_handles_are_not_names() {
        let tagline = pick(Some("Autoracing | F1 | Indy | MotoGP"), &titled(None), None);
        assert_eq!(tagline.as_deref(), Some("Autoracing"));
        let title = Some("UK Tories under fire | The Citizens' Voice");
        let platform = pick(Some("Hosted"), &titled(title), None);
        assert_eq!(platform.as_deref(), Some("The Citizens' Voice"));
        let title = Some("What is it? | PolitiFact West Virginia");
        let handle = pick(Some("@politifact"), &titled(title), None);
        assert_eq!(handle.as_deref(), Some("PolitiFact"));
    }

    #[test]
    fn title_suffix_wins_over_publisher_when_they_agree() {
        let title = Some("13-Inch Laptop Pro - GadgetRumors");
        let site = choose(
            None,
            &["GadgetRumors.com"],
            &titled(title),
            None,
            &[],
            &Marks::default(),
        );
        assert_eq!(site.as_deref(), Some("GadgetRumors"));
        // A breadcrumb-like title names the site last.
        let title = Some("El pleno decidirá » Local » Noticias » Diario Sol Levante");
        let site = pick(None, &titled(title), None);
        assert_eq!(site.as_deref(), Some("Diario Sol Levante"));
    }

    #[test]
    fn a_name_before_the_headline_in_the_title_names_the_site() {
        let headlines = ["Neue Steuersätze ab Januar"];
        let titles = Titles {
            title: Some("Example online - Fachmeldungen - Neue Steuersätze ab Januar"),
            headlines: &headlines,
            ..Titles::default()
        };
        let url = Some("https://www.example.de/x.html");
        let site = pick(None, &titles, url);
        assert_eq!(site.as_deref(), Some("Example online"));
        // Alone it could be a kicker: the domain or the masthead's `<h1>` must agree.
        let headlines = ["Writing Macros In Lisp"];
        let mut titles = Titles {
            title: Some("EXAMPLE The Audio Desktop: Writing Macros In Lisp"),
            headlines: &headlines,
            ..Titles::default()
        };
        assert_eq!(pick(None, &titles, None), None);
        let url = Some("https://blog.example.org/2019/10/x.html");
        let site = pick(None, &titles, url);
        assert_eq!(site.as_deref(), Some("EXAMPLE The Audio Desktop"));
        titles.headings = &["EXAMPLE The Audio Desktop"];
        let site = pick(None, &titles, None);
        assert_eq!(site.as_deref(), Some("EXAMPLE The Audio Desktop"));
    }

    #[test]
    fn an_og_site_name_that_is_the_headline_side_of_the_title_is_no_name() {
        let title = Some("Bürgerbeteiligung für den Windpark | Example");
        let url = Some("https://www.example.com/presse/x.html");
        let og = Some("Bürgerbeteiligung für den Windpark");
        let titles = Titles {
            title,
            ..Titles::default()
        };
        let site = pick(og, &titles, url);
        assert_eq!(site.as_deref(), Some("Example"));
        // The publication's name before the headline stays the name.
        let title = Some("Diario Ejemplo | Bendicen los coches este sábado");
        let url = Some("https://www.ejemplo.com.py/nacionales/x");
        let titles = Titles {
            title,
            ..Titles::default()
        };
        let site = pick(Some("Diario Ejemplo"), &titles, url);
        assert_eq!(site.as_deref(), Some("Diario Ejemplo"));
        // An og:site_name that spells the domain is the name whatever the title's other side says.
        let title = Some("15 Jahre example.net — example.net");
        let url = Some("https://example.net/x");
        let site = pick(Some("example.net"), &titled(title), url);
        assert_eq!(site.as_deref(), Some("example.net"));
    }

    #[test]
    fn the_part_of_the_title_that_spells_the_domain_names_the_site() {
        let url = Some("http://archiv.example.de/?p=2895");
        let title = Some("Ein Video : Example-Archiv | Gegründet 2005 | 6. Jahrgang");
        let site = pick(None, &titled(title), url);
        assert_eq!(site.as_deref(), Some("Example-Archiv"));
        let url = Some("https://www.example.de/previews,id1085.html");
        let title = Some("example | Vorschauen: Ein Spiel");
        let site = pick(None, &titled(title), url);
        assert_eq!(site.as_deref(), Some("example"));
        // A headline that names the site too is no site name.
        let url = Some("https://www.example.com/x.html");
        let headlines = ["Example raises its prices"];
        let titles = Titles {
            title: Some("Example raises its prices | The Times of Old"),
            headlines: &headlines,
            ..Titles::default()
        };
        let site = pick(None, &titles, url);
        assert_eq!(site.as_deref(), Some("The Times of Old"));
    }

    #[test]
    fn an_og_site_name_in_lower_case_that_spells_the_domain_is_the_name() {
        let url = Some("https://www.example.org/politik/x/");
        let site = pick(Some("example"), &titled(None), url);
        assert_eq!(site.as_deref(), Some("example"));
        // A slug of another name is none: the domain stands in.
        let site = pick(Some("news-desk"), &titled(None), url);
        assert_eq!(site.as_deref(), Some("example.org"));
        // The `<title>`'s suffix writes it with its capitals.
        let title = Some("Ein Bericht | Example");
        let site = pick(Some("example"), &titled(title), url);
        assert_eq!(site.as_deref(), Some("Example"));
    }

    #[test]
    fn an_og_site_name_that_is_a_host_names_the_domain() {
        let site = pick(Some("www.example.de"), &titled(None), None);
        assert_eq!(site.as_deref(), Some("example.de"));
        let site = pick(Some("Das Magazin"), &titled(None), None);
        assert_eq!(site.as_deref(), Some("Das Magazin"));
    }

    #[test]
    fn domain_is_the_last_resort() {
        assert_eq!(
            domain("https://www.example.co.uk/a").as_deref(),
            Some("example.co.uk")
        );
        let url = Some("https://blog.webshopexample.com/x");
        // An image whose text does not spell the domain is no logo of the site.
        for alts in [
            &[][..],
            &["Patient file on a tablet", "webshopexampleping paper"],
        ] {
            let site = choose(None, &[], &titled(None), url, &[], &logos(alts));
            assert_eq!(site.as_deref(), Some("webshopexample.com"));
        }
    }

    #[test]
    fn a_logo_that_spells_the_domain_names_the_site() {
        let url = Some("https://www.sampletownnews.com/content/news/results.html");
        let alts = ["Swimmers at the start", "Sample Town News - Content - News"];
        let site = choose(None, &[], &titled(None), url, &[], &logos(&alts));
        assert_eq!(site.as_deref(), Some("Sample Town News"));
        let alts = [".:: Sample-Town-News ::."];
        let site = choose(None, &[], &titled(None), url, &[], &logos(&alts));
        assert_eq!(site.as_deref(), Some("Sample-Town-News"));
        // The `<title>`'s suffix still comes first.
        let title = Some("2018 Boys State Swim Results | KSCW");
        let site = choose(None, &[], &titled(title), url, &[], &logos(&alts));
        assert_eq!(site.as_deref(), Some("KSCW"));
    }

    #[test]
    fn a_copyright_line_that_spells_the_domain_names_the_site() {
        let url = Some("https://www.examplemedia.com/2021/05/a-story/");
        let lines = ["© 2014-2021 Example Media. All Rights Reserved."];
        let site = choose(None, &[], &titled(None), url, &[], &credits(&lines));
        assert_eq!(site.as_deref(), Some("Example Media"));
        let lines = ["Copyright (c) 2020 - 2021 Example-Media, Alle Rechte vorbehalten"];
        let site = choose(None, &[], &titled(None), url, &[], &credits(&lines));
        assert_eq!(site.as_deref(), Some("Example-Media"));
        // A theme's or a photographer's credit that does not spell the domain is none; the domain stands in.
        let lines = ["© 2021 Theme by Example Themes", "Copyright Jane Doe"];
        let site = choose(None, &[], &titled(None), url, &[], &credits(&lines));
        assert_eq!(site.as_deref(), Some("examplemedia.com"));
        // Any other source comes first.
        let title = Some("A story | EM Daily");
        let lines = ["© 2021 Example Media"];
        let site = choose(None, &[], &titled(title), url, &[], &credits(&lines));
        assert_eq!(site.as_deref(), Some("EM Daily"));
    }

    #[test]
    fn an_organisation_the_metadata_names_and_the_page_writes_is_the_site() {
        let owned = |owners: &[&str], title: Option<&str>, alts: &[&str]| {
            let marks = Marks {
                alts,
                owners,
                ..Marks::default()
            };
            choose(None, &[], &titled(title), None, &[], &marks)
        };
        // The meta author is the logo's text, longer than a title suffix can be.
        let office = "Sample Office for Roads, Bridges and Harbours of Exampleshire ORB";
        let alts = ["Portrait", office];
        let site = owned(&[office], Some("New bridge opens"), &alts);
        assert_eq!(site.as_deref(), Some(office));
        // The whole `<title>` names the owner, written there without the metadata's dash.
        let title = Some("SVE Sample Valley Example Association of Friends of the Harbour e.V.");
        let owner = "SVE - Sample Valley Example Association of Friends of the Harbour e.V.";
        let site = owned(&[owner], title, &[]);
        assert_eq!(site.as_deref(), title);
        // One part of the owner is one part of the `<title>`.
        let title =
            Some("A story / News / Home - example.it - Example Online with news and videos");
        let site = owned(&["example.it / Example Online"], title, &[]);
        assert_eq!(site.as_deref(), Some("example.it"));
        // Alone, or a person's name that a portrait carries too, it names no site.
        assert_eq!(owned(&[office], Some("New bridge opens"), &[]), None);
        let site = owned(&["Jane Q. Doe"], Some("New bridge opens"), &["Jane Q. Doe"]);
        assert_eq!(site, None);
        // The `<title>`'s suffix comes first.
        let title = Some("New bridge opens | Example News");
        let site = owned(&[office], title, &alts);
        assert_eq!(site.as_deref(), Some("Example News"));
    }

    #[test]
    fn an_archived_copy_belongs_to_the_site_of_the_page_it_copies() {
        let url = "https://web.archive.org/web/20140305101544/http://example.org/2012/08/a-film/";
        assert_eq!(domain(url).as_deref(), Some("example.org"));
        let url = "https://web.archive.org/web/2013id_/https://www.example.co.uk/a";
        assert_eq!(domain(url).as_deref(), Some("example.co.uk"));
        // A path that only mentions a scheme in a word is no copy.
        let url = "https://example.com/blog/https-everywhere";
        assert_eq!(domain(url).as_deref(), Some("example.com"));
    }

    #[test]
    fn registrable_is_the_label_under_the_public_suffix() {
        assert_eq!(registrable("edition.example.com"), "example.com");
        assert_eq!(registrable("news.example.co.uk"), "example.co.uk");
        assert_eq!(registrable("shop.example.com.au."), "example.com.au");
        assert_eq!(registrable("t.me"), "t.me");
        assert_eq!(registrable("localhost"), "localhost");
        assert_eq!(registrable("127.0.0.1"), "127.0.0.1");
    }
}
