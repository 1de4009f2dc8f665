//! `N` rules, navigation and boilerplate: menus and skip links above the body (`N001`), share, subscribe and
//! related lines below it (`N002`), the page around the article in paged text (`N003`) and in a whole web page
//! dumped as markdown (`N004`).

pub(super) mod nav_lines;
pub(super) mod off_article;
pub(super) mod page_chrome;
pub(super) mod trailer_lines;

use std::sync::LazyLock;

use regex::Regex;

use crate::rules::body::word_count;

/// A line of links and separators only, or of short items between separators (`Home | News`, `Home › Blog`).
fn is_menu(text: &str) -> bool {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\[[^\[\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*\)")
            .expect("the link pattern is valid")
    });
    let t = text.trim();
    let without_links = LINK.replace_all(t, "");
    if without_links.len() < t.len()
        && without_links
            .chars()
            .all(|c| c.is_whitespace() || is_separator(c) || c == ',')
    {
        return true;
    }
    let items: Vec<&str> = t.split(is_separator).map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|item| {
            !item.is_empty() && word_count(item) <= 4 && !item.ends_with(['.', '!', '?'])
        })
        && word_count(t) <= 24
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '›' | '»' | '>' | '/' | '·' | '•' | '→' | '‹' | '«' | '¦' | '┃'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_and_breadcrumbs_are_menus() {
        assert!(is_menu("Home | News | About"));
        assert!(is_menu("Home › Nfl › News"));
        assert!(is_menu("[Home](/) | [News](/news)"));
        assert!(!is_menu("Prices rose 3/4 of a point, the bank said."));
    }
}
