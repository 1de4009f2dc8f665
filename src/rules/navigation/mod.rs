//! `N` rules, navigation and boilerplate: menus and skip links above the body (`N001`), share, subscribe and
//! related lines below it (`N002`), the page around the article in paged text (`N003`) and in a whole web page
//! dumped as markdown (`N004`).

pub(super) mod nav_lines;
pub(super) mod off_article;
pub(super) mod page_chrome;
pub(super) mod trailer_lines;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::rules::body::{ending, word_count, Ending};

/// A line of links and separators only, or of short items between separators (`Home | News`, `Home › Blog`,
/// `Front page :: Sports`), spaced dashes (`About – Careers – Contact`) or runs of spaces (`News  Sport  Weather`).
fn is_menu(text: &str) -> bool {
    is_separated_menu(text) || is_dash_menu(text.trim()) || is_spaced_menu(text.trim())
}

/// An item between separators is a link's label (`Home`, `World news`, `Science and tech`), never a sentence.
const MAX_SEPARATED_ITEM_WORDS: usize = 4;
/// A menu line is a row of a page's header, at most this many words; a longer line with separators is text
/// (a byline `By A | Photos by B`, a title `Part one / Part two` in a paragraph).
const MAX_MENU_WORDS: usize = 24;
/// A menu set apart by spaced dashes or runs of spaces has at least this many items: a sentence with a dashed
/// aside has two dashes, and a converter leaves double spaces between two words of a sentence now and then.
const MIN_UNMARKED_ITEMS: usize = 3;
/// The items of such a menu are shorter than those between separators, as dashes and spaces also divide the
/// phrases of sentences.
const MAX_UNMARKED_ITEM_WORDS: usize = 3;
/// The label before a breadcrumb (`You are here`, `Sie sind hier`) is a short phrase.
const MAX_MENU_LABEL_WORDS: usize = 4;
/// A cookie notice is at least a short sentence (`We use cookies on this site`)…
const MIN_COOKIE_NOTICE_WORDS: usize = 4;
/// …and at most a paragraph of a banner; a longer text naming cookies and the site is an article about them.
const MAX_COOKIE_NOTICE_WORDS: usize = 48;

fn is_separated_menu(text: &str) -> bool {
    static LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\[[^\[\]\n]*\]\((?:[^()\s]|\([^()\s]*\))*\)")
            .expect("the link pattern is valid")
    });
    let t = text.trim();
    // Every link holds a `]`: a text without one (most of what is asked, running text) is not searched.
    let without_links = if memchr::memchr(b']', t.as_bytes()).is_some() {
        LINK.replace_all(t, "")
    } else {
        Cow::Borrowed(t)
    };
    if without_links.len() < t.len()
        && without_links
            .chars()
            .all(|c| c.is_whitespace() || is_separator(c) || c == ',')
    {
        return true;
    }
    let items: Vec<&str> = t
        .split(is_separator)
        .flat_map(|item| item.split(" :: "))
        .map(str::trim)
        .collect();
    items.len() >= 2
        && items.iter().all(|item| {
            !item.is_empty()
                && word_count(item) <= MAX_SEPARATED_ITEM_WORDS
                && !item.ends_with(['.', '!', '?'])
        })
        && word_count(t) <= MAX_MENU_WORDS
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '|' | '›'
            | '»'
            | '>'
            | '/'
            | '·'
            | '•'
            | '→'
            | '‹'
            | '«'
            | '¦'
            | '┃'
            | '⟩'
            | '〉'
            | '❯'
            | '❭'
            | '‣'
            | '▸'
            | '►'
            | '⁄'
    )
}

/// A menu whose items are set apart by spaced dashes (`About us – Careers – Contact`): at least three items of
/// at most three words, as a sentence with a dashed aside has two dashes around longer phrases.
fn is_dash_menu(t: &str) -> bool {
    // Three items need two dashes: a text without one is not cut into words.
    if !t.contains('–') && !t.contains('—') {
        return false;
    }
    let words: Vec<&str> = t.split([' ', '\u{a0}']).collect();
    let items: Vec<String> = words
        .split(|w| matches!(*w, "–" | "—"))
        .map(|ws| ws.join(" "))
        .collect();
    items.len() >= MIN_UNMARKED_ITEMS && items.iter().all(|item| is_menu_item(item))
}

/// A menu whose items are set apart by runs of spaces, as a converter writes a row of inline links
/// (`News  Sport  Weather`): at least three items of at most three words, none ending a sentence.
fn is_spaced_menu(t: &str) -> bool {
    // Three items need two runs of spaces: a text without one is not cut.
    if !t.contains("  ") {
        return false;
    }
    let items: Vec<&str> = t
        .split("  ")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.len() >= MIN_UNMARKED_ITEMS && items.iter().all(|item| is_menu_item(item))
}

/// An item of a dashed or spaced menu: one to three words, not ending a sentence.
fn is_menu_item(item: &str) -> bool {
    (1..=MAX_UNMARKED_ITEM_WORDS).contains(&word_count(item)) && ending(item) != Ending::Terminal
}

/// A breadcrumb behind a label (`You are here: Home › News`, `Sie sind hier: Start – Politik – Welt`): the menu
/// after a colon that ends a label of at most four words.
fn is_labelled_menu(text: &str) -> bool {
    text.trim().split_once(':').is_some_and(|(label, menu)| {
        (1..=MAX_MENU_LABEL_WORDS).contains(&word_count(label))
            && label
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace())
            && (is_menu(menu) || is_two_item_dash_menu(menu.trim()))
    })
}

/// `Home – Politics` behind a breadcrumb's label: two short items across a spaced dash.
fn is_two_item_dash_menu(t: &str) -> bool {
    t.split_once(" – ")
        .or_else(|| t.split_once(" — "))
        .is_some_and(|(a, b)| {
            [a, b]
                .iter()
                .all(|item| is_menu_item(item) && ending(item) == Ending::Open)
        })
}

/// The word lists of `boilerplate_words.txt`, by kind.
struct Words {
    cookie: Vec<&'static str>,
    site: Vec<&'static str>,
    rights: Vec<&'static str>,
    /// Phrases of whole words, split.
    uses: Vec<Vec<&'static str>>,
    notice: Vec<&'static str>,
    more: Vec<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        cookie: Vec::new(),
        site: Vec::new(),
        rights: Vec::new(),
        uses: Vec::new(),
        notice: Vec::new(),
        more: Vec::new(),
    };
    for line in include_str!("boilerplate_words.txt").lines() {
        match line.split_once(' ') {
            Some(("cookie", word)) => words.cookie.push(word.trim()),
            Some(("site", word)) => words.site.push(word.trim()),
            Some(("rights", phrase)) => words.rights.push(phrase.trim()),
            Some(("use", phrase)) => words.uses.push(phrase.split_whitespace().collect()),
            Some(("notice", phrase)) => words.notice.push(phrase.trim()),
            Some(("more", phrase)) => words.more.push(phrase.trim()),
            _ => {}
        }
    }
    words
});

/// A line as a label reads: lower case, without the marks around it (emphasis, a list marker, pointers such as
/// `»` or `→`, end punctuation: `Got it!`, `Read more…`, `**Related:**`) and without a link around it.
fn label_of(text: &str) -> String {
    let trim = |t: &str| {
        t.trim_matches(|c: char| {
            c.is_whitespace()
                || POINTERS.contains(&c)
                || matches!(
                    c,
                    '*' | '_' | '-' | '+' | '•' | '!' | '.' | ':' | '…' | '>' | '#'
                )
        })
        .to_owned()
    };
    let t = trim(text);
    // A link around the whole label: `[Read more](https://…)`.
    let t = match t.strip_prefix('[').and_then(|rest| rest.split_once("](")) {
        Some((inner, target)) if target.ends_with(')') && !inner.contains(']') => trim(inner),
        _ => t,
    };
    t.to_lowercase()
}

/// The arrows and guillemets that point a reader on (`« Previous post`, `Next story »`, `↑ Top`).
const POINTERS: &[char] = &['«', '»', '‹', '›', '←', '→', '↑', '↓', '⇧', '^'];

/// A line that is, as a whole, a banner's button or a notice of `boilerplate_words.txt` (`Got it!`, `OK,
/// verstanden`, `Comments are closed.`, `Комментарии закрыты`): words no article ends on alone.
fn is_notice_phrase(text: &str) -> bool {
    let label = label_of(text);
    !label.is_empty() && WORDS.notice.contains(&label.as_str())
}

/// Whether a line is the label of a list of other articles, by the phrases of `boilerplate_words.txt`: the label
/// alone (`Read more`, `Lesen Sie auch:`, `Читайте также`) or before a colon and a title (`Te puede interesar: …`).
fn is_more_label(text: &str) -> bool {
    let label = label_of(text);
    let label = label
        .split_once(':')
        .map_or(label.as_str(), |(head, _)| head.trim());
    !label.is_empty() && WORDS.more.contains(&label)
}

/// Whether the words of a line (lower case) say that the site uses cookies: a phrase of `use` right before the
/// cookie word, at most one word between (`we use cookies`, `Мы используем файлы cookie`).
fn says_it_uses_cookies(words: &[&str]) -> bool {
    let cookie = |w: &str| WORDS.cookie.iter().any(|s| w.starts_with(s));
    WORDS.uses.iter().any(|phrase| {
        words.windows(phrase.len()).enumerate().any(|(at, window)| {
            window == phrase.as_slice()
                && words[at + phrase.len()..].iter().take(2).any(|w| cookie(w))
        })
    })
}

/// A cookie notice: a line that names cookies and the site or browsing, by the words of `boilerplate_words.txt`
/// (one list for all languages; a cookie is named alike in most of them), or says that it uses them (`We use
/// cookies`, `Wir verwenden Cookies`). An article about baking names cookies but not the site. The privacy policy named beside cookies is not enough: a news story on data protection ends
/// on such a sentence (`The regulator found the cookies were not even mentioned in the privacy policy.`).
fn is_cookie_notice(text: &str) -> bool {
    let (cookie, site) = (&WORDS.cookie, &WORDS.site);
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.iter().any(|s| w.starts_with(s)));
    (MIN_COOKIE_NOTICE_WORDS..=MAX_COOKIE_NOTICE_WORDS).contains(&words.len())
        && has(cookie)
        && (has(site) || says_it_uses_cookies(&words))
}

/// A rights notice (`Alle Rechte vorbehalten`, `Wszelkie prawa zastrzeżone`), by the phrases of
/// `boilerplate_words.txt`.
fn has_rights_phrase(text: &str) -> bool {
    let lower = text.to_lowercase();
    WORDS.rights.iter().any(|phrase| lower.contains(phrase))
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
        assert!(is_menu("Front page :: Sports :: Technology"));
        assert!(is_menu("Home ❯ Health ❯ Opinion"));
        assert!(is_menu("Meinung  Panorama  Inland  Ausland"));
        assert!(!is_menu("He said  it was  over."));
    }

    #[test]
    fn breadcrumbs_behind_a_label_are_menus() {
        assert!(is_labelled_menu("You are here: Front page ⟩ Sports"));
        assert!(is_labelled_menu("Sie sind hier: Home – Meinung – Politik"));
        assert!(is_labelled_menu("Você está em: Início – Política"));
        assert!(!is_labelled_menu(
            "Note: prices rose – again – this week, the bank said."
        ));
    }

    #[test]
    fn notices_and_labels_of_other_articles_are_read_as_whole_phrases() {
        for notice in [
            "Got it!",
            "**OK, verstanden**",
            "[Accept](#)",
            "Les commentaires sont fermés.",
        ] {
            assert!(is_notice_phrase(notice), "{notice}");
        }
        assert!(!is_notice_phrase("Got it, finally!"));
        for label in [
            "Read more",
            "Lesen Sie auch: Mit Foucault die Pandemie verstehen?",
            "→ Читайте также",
        ] {
            assert!(is_more_label(label), "{label}");
        }
        assert!(!is_more_label("Read more books, she said."));
    }

    #[test]
    fn cookie_notices_name_cookies_and_the_site() {
        assert!(is_cookie_notice(
            "We use cookies to better your visit to our site. By continuing to browse, you agree."
        ));
        assert!(is_cookie_notice(
            "Diese Website verwendet Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten."
        ));
        assert!(!is_cookie_notice(
            "Store the cookies in an airtight container for up to a week."
        ));
        // The site saying that it uses them names the site.
        assert!(is_cookie_notice(
            "Wir verwenden Cookies. Weitere Informationen finden Sie in unserer Datenschutzerklärung."
        ));
        assert!(is_cookie_notice(
            "Мы используем файлы cookie, чтобы улучшить работу сайта."
        ));
        assert!(!is_cookie_notice(
            "We use butter, not oil, for these cookies, and bake them twice."
        ));
        // The privacy policy beside cookies is what a story on data protection says (review of a3e7f79).
        for text in [
            "The regulator found that the cookies were not even mentioned in the company's privacy policy.",
            "Künftig müssen Unternehmen jedes Cookie einzeln in ihrer Datenschutzerklärung aufführen.",
            "Według urzędu ciasteczka nie były nawet wymienione w polityce prywatności firmy.",
        ] {
            assert!(!is_cookie_notice(text), "{text}");
        }
    }
}
