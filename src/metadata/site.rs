//! Site: the publication's name. `og:site_name` when it is a real name (not a tagline, URL, handle, slug or
//! hosting platform), else the JSON-LD publisher or website name, the `<title>` suffix, the words of an image's
//! `alt` text that spell the domain (the site's logo), or the domain.

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

/// Chooses the site name from `og_site_name`, the other `names` the page gives itself (best first), the
/// `<title>` text, the page's URL, its social `handles` (`@politifact`) and its images' `alts`.
pub fn choose(
    og_site_name: Option<&str>,
    names: &[&str],
    title: Option<&str>,
    url: Option<&str>,
    handles: &[&str],
    alts: &[&str],
) -> Option<String> {
    if let Some(name) = og_site_name.and_then(clean_name) {
        return Some(name);
    }
    // A tagline-style og:site_name ("Autoracing | F1 | Indy") still leads with the name.
    if let Some(head) = og_site_name.and_then(tagline_head) {
        return Some(head);
    }
    let domain = url.and_then(domain);
    let label = domain
        .as_deref()
        .and_then(|d| d.split('.').next())
        .map(str::to_string);
    let mut handles: Vec<&str> = handles.iter().map(|h| h.trim_start_matches('@')).collect();
    handles.extend(
        og_site_name
            .filter(|n| n.starts_with('@'))
            .map(|n| n.trim_start_matches('@')),
    );
    handles.retain(|h| !h.is_empty() && !h.contains('/'));
    let suffix = title.and_then(title_suffix);
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
    // site writes it ("Catch it Kansas - Content - News" on catchitkansas.com → `Catch it Kansas`). One source
    // alone, an `alt` or a suffix, could be a caption or a section; the spelling check is what makes it a name.
    if suffix.is_none() {
        let spelled = label
            .as_deref()
            .and_then(|label| alts.iter().find_map(|alt| spelling(alt, label)));
        if spelled.is_some() {
            return spelled;
        }
    }
    suffix.or(domain)
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

/// The last part of a `Title | Site` title, when it is short enough to be a name. A slash separates places and
/// sections as often as a site (`Nassau / Paradise Island`), so it is no separator here.
fn title_suffix(title: &str) -> Option<String> {
    for sep in SEPARATORS.into_iter().filter(|&s| s != " / ") {
        if let Some((_, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if !tail.is_empty() && tail.split_whitespace().count() <= 4 {
                return clean_name(tail);
            }
        }
    }
    None
}

/// The registrable domain of a URL (`https://www.example.co.uk/x` → `example.co.uk`), see [`registrable`].
pub fn domain(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    Some(registrable(&host).to_string())
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

    #[test]
    fn og_site_name_wins_when_it_is_a_name() {
        let site = choose(Some("CBSSports.com"), &[], None, None, &[], &[]);
        assert_eq!(site.as_deref(), Some("CBSSports.com"));
    }

    #[test]
    fn taglines_platforms_and_handles_are_not_names() {
        let tagline = choose(
            Some("Autoracing | F1 | Indy | MotoGP"),
            &[],
            None,
            None,
            &[],
            &[],
        );
        assert_eq!(tagline.as_deref(), Some("Autoracing"));
        let title = Some("UK Tories under fire | The Citizens' Voice");
        let platform = choose(Some("Hosted"), &[], title, None, &[], &[]);
        assert_eq!(platform.as_deref(), Some("The Citizens' Voice"));
        let title = Some("What is it? | PolitiFact West Virginia");
        let handle = choose(Some("@politifact"), &[], title, None, &[], &[]);
        assert_eq!(handle.as_deref(), Some("PolitiFact"));
    }

    #[test]
    fn title_suffix_wins_over_publisher_when_they_agree() {
        let title = Some("13-Inch MacBook Pro - MacRumors");
        let site = choose(None, &["MacRumors.com"], title, None, &[], &[]);
        assert_eq!(site.as_deref(), Some("MacRumors"));
        // A breadcrumb-like title names the site last.
        let title = Some("Anticorrupción decidirá » Local » Noticias » Ultima Hora Mallorca");
        let site = choose(None, &[], title, None, &[], &[]);
        assert_eq!(site.as_deref(), Some("Ultima Hora Mallorca"));
    }

    #[test]
    fn domain_is_the_last_resort() {
        assert_eq!(
            domain("https://www.example.co.uk/a").as_deref(),
            Some("example.co.uk")
        );
        let url = Some("https://blog.comwrap.com/x");
        // An image whose text does not spell the domain is no logo of the site.
        for alts in [&[][..], &["Patient file on a tablet", "comwrapping paper"]] {
            let site = choose(None, &[], None, url, &[], alts);
            assert_eq!(site.as_deref(), Some("comwrap.com"));
        }
    }

    #[test]
    fn a_logo_that_spells_the_domain_names_the_site() {
        let url = Some("https://www.catchitkansas.com/content/news/results.html");
        let alts = ["Swimmers at the start", "Catch it Kansas - Content - News"];
        let site = choose(None, &[], None, url, &[], &alts);
        assert_eq!(site.as_deref(), Some("Catch it Kansas"));
        let alts = [".:: Catch-it-Kansas ::."];
        let site = choose(None, &[], None, url, &[], &alts);
        assert_eq!(site.as_deref(), Some("Catch-it-Kansas"));
        // The `<title>`'s suffix still comes first.
        let title = Some("2018 Boys State Swim Results | KSCW");
        let site = choose(None, &[], title, url, &[], &alts);
        assert_eq!(site.as_deref(), Some("KSCW"));
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
