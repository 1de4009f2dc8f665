//! Site: the publication's name. `og:site_name` when it is a real name (not a tagline, URL, handle, slug or
//! hosting platform), else the JSON-LD publisher or website name, the `<title>` suffix, or the domain.

use super::title::normalize;

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
/// `<title>` text and the page's URL.
pub fn choose(
    og_site_name: Option<&str>,
    names: &[&str],
    title: Option<&str>,
    url: Option<&str>,
) -> Option<String> {
    if let Some(name) = og_site_name.and_then(clean_name) {
        return Some(name);
    }
    // A tagline-style og:site_name ("Autoracing | F1 | Indy") still leads with the name.
    if let Some(head) = og_site_name.and_then(tagline_head) {
        return Some(head);
    }
    for name in names {
        if let Some(name) = clean_name(name) {
            return Some(name);
        }
        if let Some(head) = tagline_head(name) {
            return Some(head);
        }
    }
    if let Some(suffix) = title.and_then(title_suffix) {
        return Some(suffix);
    }
    url.and_then(domain)
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

/// The last part of a `Title | Site` title, when it is short enough to be a name.
fn title_suffix(title: &str) -> Option<String> {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((_, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            if !tail.is_empty() && tail.split_whitespace().count() <= 4 {
                return clean_name(tail);
            }
        }
    }
    None
}

/// The registrable domain of a URL (`https://www.example.co.uk/x` → `example.co.uk`).
pub fn domain(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() <= 2 {
        return Some(host);
    }
    let second_level = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"];
    let keep = if second_level.contains(&labels[labels.len() - 2])
        && labels[labels.len() - 1].len() == 2
    {
        3
    } else {
        2
    };
    Some(labels[labels.len() - keep..].join("."))
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
        assert_eq!(
            choose(Some("CBSSports.com"), &[], None, None).as_deref(),
            Some("CBSSports.com")
        );
    }

    #[test]
    fn taglines_platforms_and_handles_are_not_names() {
        assert_eq!(
            choose(Some("Autoracing | F1 | Indy | MotoGP"), &[], None, None).as_deref(),
            Some("Autoracing")
        );
        assert_eq!(
            choose(
                Some("Hosted"),
                &[],
                Some("UK Tories under fire | The Citizens' Voice"),
                None
            )
            .as_deref(),
            Some("The Citizens' Voice")
        );
        assert_eq!(
            choose(Some("@politifact"), &["PolitiFact"], None, None).as_deref(),
            Some("PolitiFact")
        );
    }

    #[test]
    fn domain_is_the_last_resort() {
        assert_eq!(
            domain("https://www.example.co.uk/a").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            choose(None, &[], None, Some("https://blog.comwrap.com/x")).as_deref(),
            Some("comwrap.com")
        );
    }
}
