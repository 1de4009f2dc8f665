//! Authors: names read from a byline ("By Maren Holt, KNB Business" → `Maren Holt`), and the checks that keep
//! publishers, CMS accounts, handles and job titles out of the author list.

use std::sync::LazyLock;

use super::date;
use super::pattern::Pattern;
use super::title::normalize;

/// Words that make a byline segment a job title or an affiliation rather than a name.
const ROLE_WORDS: [&str; 16] = [
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "contributor",
    "columnist",
    "senior",
    "chief",
    "staff writer",
    "news service",
    "producer",
    "analyst",
    "photographer",
    "updated",
    "published",
    "posted",
];

/// The words that label a byline (`Author:`, `Autorin`), as a pattern's alternatives: the lead-in reads them
/// before a name, and [`unglued`] parts them from a name they are glued to.
const AUTHOR_LABELS: &str = r"authors?|autor(?:in)?|autore|autora|autorka|auteur|writer";

/// The words that end a byline's lead-in, right before the name ("by", "von", "por" ...).
const LEAD_WORDS: [&str; 6] = ["by", "von", "por", "par", "door", "di"];

/// A byline's lead-in at the start of its text: "By", "Posted by", "Von", "Author:" and their kin in other languages.
static LEAD: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(&format!(
        r"(?i)^\s*(?:(?:written|posted|reported|story|words|text|analysis|opinion|commentary|review|published|geschrieben|verfasst|veröffentlicht|eingestellt|gepostet|erstellt|ein\s+beitrag|publié|écrit|rédigé|escrito|publicado|redactado|scritto|pubblicato)\s+)?(?:by|von|por|par|di|da|door|av|от|автор)\s*:?(?:\s+|$)|^\s*(?:{AUTHOR_LABELS}|text|texto|текст|автор)(?:\s*:\s*|\s+|$)",
    ))
    .expect("byline lead-in pattern is valid")
});

/// Where a byline's names end: a separator before a date or a category, a lead-in to one (`updated`, `in`), a line
/// break, a weekday or a month followed by a day.
static CUT: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"(?i)\s+(?:\||•|·|—|–|-|/)\s+|\s*[／|•·]\s*|\s+(?:updated|published|posted|on|under|in)(?:\s+|$)|\s*\n\s*|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")
        .expect("byline cut pattern is valid")
});

/// The names in a byline text, in order: the "By" lead-in, affiliations after the first name that name one of
/// `publishers` or a role, and dates are dropped.
pub fn names(byline: &str, publishers: &[&str]) -> Vec<String> {
    static SPLIT: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"\s*(?:,|;|&|\b(?i:and|und|et)\b|\by\b|\be\b|\bи\b|、|・)\s*")
            .expect("byline split pattern is valid")
    });
    // "By Analysis by X": lead-ins can repeat. A soft hyphen is a place to break the line, not a letter
    // ("Mat\u{ad}thi\u{ad}as").
    let byline = byline.replace('\u{ad}', "");
    let mut text = unglued(byline.trim());
    while let Some(found) = LEAD.find(&text) {
        if found.end == 0 {
            break;
        }
        text = text[found.end..].to_string();
    }
    // A label with nothing after it ("Datum:", "Written by:") names no one: the name, if any, stood elsewhere. A
    // short label before a colon ("Text & Fotos: Ivan Valetny") is dropped, in any language.
    if text.trim_end().ends_with(':') {
        return Vec::new();
    }
    if let Some((label, rest)) = text.split_once(':') {
        if label.split_whitespace().count() <= LABEL_MAX_WORDS
            && !label.chars().any(|c| c.is_ascii_digit())
        {
            text = rest.trim_start().to_string();
        }
    }
    let text = CUT.split(until_weekday(&text)).next().unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for (i, part) in SPLIT.split(text).enumerate() {
        let part = part
            .trim()
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        // A lead-in with no name after it ("by", "Article by", "Eingestellt von": the name stood in another element).
        if lower
            .split_whitespace()
            .last()
            .is_some_and(|w| LEAD_WORDS.contains(&w))
        {
            continue;
        }
        // A part that names the publication ends the names: it is an affiliation ("Maren Holt, KNB Business"), and
        // what follows it is the publisher's desk or address ("GIROMATCH, Frankfurt a. M., Germany"). The first
        // name stands even when it is the publication's own brand (the caller decides about it).
        if names_publisher(part, publishers) {
            // The brand as the site writes it, in lower case too ("telebasel").
            let brand =
                !part.contains(char::is_whitespace) && part.chars().all(char::is_alphanumeric);
            if i == 0 && (is_name(part) || brand) {
                out.push(part.to_string());
            }
            break;
        }
        if ROLE_WORDS.iter().any(|w| lower.contains(w)) || PLACEHOLDERS.contains(&lower.as_str()) {
            continue;
        }
        if is_name(part) && !out.iter().any(|n| normalize(n) == normalize(part)) {
            out.push(part.to_string());
        }
    }
    out
}

/// The longest nickname read from a byline, in characters: a blog account's display name, not a phrase.
const NICKNAME_MAX_CHARS: usize = 24;

/// The nickname a byline names after its lead-in ("von gizmo", "by mady"): one word in lower case, which
/// [`names`] takes for no name, as blogs show their authors' display names. The caller reads it only where the
/// markup marks the text as the byline: in running text a lead-in word is followed by lower-case words of every
/// kind ("von heute"). A CMS account's name (`admin`, `jdadmin`), a placeholder and a host (`www.example.com`,
/// which names the site) are none.
pub fn nickname(byline: &str) -> Option<String> {
    let byline = byline.replace('\u{ad}', "");
    let found = LEAD.find(byline.trim()).filter(|f| f.end > 0)?;
    let rest = byline.trim()[found.end..].trim_start();
    let word = CUT.split(rest).next()?.trim();
    let lower = word.to_lowercase();
    let is_word = word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().count() >= 3
        && word.chars().count() <= NICKNAME_MAX_CHARS
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        && word.chars().any(char::is_alphabetic);
    let is_account = ACCOUNT_WORDS.iter().any(|a| lower.contains(a))
        || PLACEHOLDERS.contains(&lower.as_str())
        || LEAD_WORDS.contains(&lower.as_str());
    (is_word && !is_account && !date::is_weekday(word)).then(|| word.to_string())
}

/// The words a CMS gives its administrator's account, alone or in an account's name (`jdadmin`).
const ACCOUNT_WORDS: [&str; 3] = ["admin", "administrator", "webmaster"];

/// The longest label before a colon in a byline, in words ("Text & Fotos:", "Written and edited by:").
const LABEL_MAX_WORDS: usize = 4;

/// What a CMS writes where no author was entered: no one's name.
const PLACEHOLDERS: [&str; 6] = ["unknown", "no author", "n/a", "none", "null", "undefined"];

/// `byline` with a space put back between a lead-in or label and the name it was glued to. A page sets them in two
/// elements with nothing between (`<span class="screen-reader-text">Author</span><a>Andreas Kalt</a>`, read as
/// `AuthorAndreas Kalt`; `von</span><a>Chris` as `vonChris`): a lower-case lead-in (`by`, `von`) or a label word
/// (`Author`, `Autor`) directly followed by a capital is such a seam, as no name starts that way. A lead-in with a
/// capital is left alone (`DiBiase`, `DaSilva`).
fn unglued(byline: &str) -> String {
    static SEAM: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(&format!(
            r"\b(?:(?:by|von|por|par|door|av)|(?i:{AUTHOR_LABELS}))(\p{{Lu}})"
        ))
        .expect("byline seam pattern is valid")
    });
    let mut out = String::with_capacity(byline.len() + 2);
    let mut last = 0;
    for caps in SEAM.captures_iter(byline) {
        let Some(capital) = caps.range(1) else {
            continue;
        };
        out.push_str(&byline[last..capital.start]);
        out.push(' ');
        last = capital.start;
    }
    out.push_str(&byline[last..]);
    out
}

/// `text` up to a weekday that starts a date (`Donnerstag, 4. November 2021`, `am Samstag, 19. Oktober`), in any
/// language whose weekday names [`date::is_weekday`] knows, with a short lower-case word before it (`am`, `le`, `on`).
/// The weekday must be followed by a number, so that a surname that is also a weekday (`Thomas Freitag`) stays.
fn until_weekday(text: &str) -> &str {
    static WEEKDAY: LazyLock<Pattern> = LazyLock::new(|| {
        Pattern::new(r"(?:^|\s+)(?:\p{Ll}{1,3}\s+)?(\p{L}+)\.?,?\s+\d")
            .expect("byline weekday pattern is valid")
    });
    WEEKDAY
        .captures_iter(text)
        .find(|caps| caps.get(1).is_some_and(date::is_weekday))
        .and_then(|caps| caps.range(0))
        .map_or(text, |found| &text[..found.start])
}

/// Whether `text` can be a person's or an agency's name: one to six words, no digits, URL or handle, and
/// starting with a capital (or written in a script without case).
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 || text.chars().count() > 60 {
        return false;
    }
    // A copyright sign makes it a credit line ("Bild © hr"), not a byline. Quotes stand only around a nickname
    // between two names (`Amanda "Tania Mae" Tan`).
    let nickname = text.matches('"').count() == 2 && !text.starts_with('"') && !text.ends_with('"');
    if text.contains(['@', '/', ':', '=', '?', '#', '|', '(', ')', '©'])
        || (text.contains('"') && !nickname)
        || text.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let first = text.chars().next().unwrap_or(' ');
    // Most words of a name start with a capital ("Walter von Aachen", "Friends of Socialist China"); a phrase mostly
    // in lower case is a link or a sentence ("Afficher mon profil complet"), and a lead-in inside it before a name
    // in lower case is a credit of a work to an account ("Pirate Rogue von xwolf").
    let starts_lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    let lower = words.iter().filter(|w| starts_lower(w)).count();
    let credit = words.len() >= 3
        && LEAD_WORDS.contains(&words[words.len() - 2])
        && starts_lower(words[words.len() - 1]);
    (first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase()))
        && lower * 2 <= words.len()
        && !credit
}

/// Whether an author value from metadata is really the publisher, the site or a CMS account.
pub fn is_not_author(name: &str, publishers: &[&str]) -> bool {
    let lower = name.trim().to_lowercase();
    let single = !lower.contains(' ');
    // Lower-case handles (`jdadmin`) and upper-case station codes (`KWCHCIK`) are accounts, not bylines.
    let is_account =
        single && (name == lower || (name.chars().count() >= 6 && name == name.to_uppercase()));
    names_publisher(name, publishers)
        || is_account
        || is_account_word(name)
        || ["staff", "editor", "redaktion"].contains(&lower.as_str())
}

/// Whether a name is the word a CMS gives its administrator's account (`Admin`), which a byline can show too.
pub fn is_account_word(name: &str) -> bool {
    ACCOUNT_WORDS.contains(&name.trim().to_lowercase().as_str())
}

fn names_publisher(name: &str, publishers: &[&str]) -> bool {
    let name = normalize(name);
    !name.is_empty()
        && publishers.iter().any(|p| {
            let p = normalize(p);
            !p.is_empty()
                && (name == p
                    || (p.len() >= 3 && name.contains(&p))
                    || (name.len() >= 3 && p.starts_with(&name)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nickname_after_a_lead_in_is_read_where_asked() {
        assert!(names("von gizmo", &[]).is_empty());
        assert_eq!(nickname("von gizmo").as_deref(), Some("gizmo"));
        assert_eq!(nickname(" by  mady ").as_deref(), Some("mady"));
        assert_eq!(
            nickname("Posted by kim_b in News").as_deref(),
            Some("kim_b")
        );
        // No lead-in, an account, a phrase or a capitalised name: no nickname.
        for text in [
            "gizmo",
            "by jdadmin",
            "von heute an",
            "By Anna Berg",
            "by unknown",
            "Autor: www.example.com",
        ] {
            assert_eq!(nickname(text), None, "{text}");
        }
    }

    #[test]
    fn a_byline_that_shows_the_brand_in_lower_case_names_it() {
        assert_eq!(names("telebild", &["Telebild"]), ["telebild"]);
        assert!(names("telebild", &[]).is_empty());
    }

    #[test]
    fn a_spaced_slash_ends_the_names() {
        assert_eq!(names("Red. / 31.10.2023", &[]), ["Red."]);
        assert_eq!(names("Anna Berg / Fotos", &[]), ["Anna Berg"]);
    }

    #[test]
    fn a_category_lead_in_at_the_end_is_no_part_of_the_name() {
        // The category's link after "under" is a text of its own: the byline's text ends on the word.
        assert_eq!(names("Posted by Anna Berg under", &[]), ["Anna Berg"]);
        assert_eq!(names("By Anna Berg in", &[]), ["Anna Berg"]);
    }

    #[test]
    fn a_soft_hyphen_is_no_letter_of_a_name() {
        assert_eq!(
            names("Von Mat\u{ad}the\u{ad}us Bei\u{ad}spie\u{ad}ler", &[]),
            ["Mattheus Beispieler"]
        );
    }

    #[test]
    fn lead_in_and_affiliation_are_dropped() {
        assert_eq!(
            names("By Maren Holt, KNB Business", &["KNB"]),
            vec!["Maren Holt"]
        );
        assert_eq!(
            names("Analysis by Dale Vorhees, KNB Editor-at-large", &["KNB"]),
            vec!["Dale Vorhees"]
        );
        assert_eq!(
            names("written by Friends of Socialist China", &[]),
            vec!["Friends of Socialist China"]
        );
    }

    #[test]
    fn the_publisher_ends_the_names() {
        assert_eq!(
            names("GIROMATCH, Frankfurt a. M., Germany", &["GIROMATCH"]),
            vec!["GIROMATCH"]
        );
        assert_eq!(
            names("Jane Doe, Daily Planet, Metropolis", &["Daily Planet"]),
            vec!["Jane Doe"]
        );
        assert_eq!(
            names("Jane Doe, John Roe", &["Daily Planet"]),
            vec!["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn credits_and_quotes() {
        assert!(names("Bild © hr", &[]).is_empty());
        assert_eq!(
            names("Amanda \"Tania Mae\" Tan", &[]),
            vec!["Amanda \"Tania Mae\" Tan"]
        );
        assert!(!is_name("\"Quoted\" Text"));
        assert!(!is_name("Said \"no\" then \"yes\""));
    }

    #[test]
    fn a_lead_in_without_a_name_gives_none() {
        assert!(names("Article by", &[]).is_empty());
        assert!(names("Eingestellt von", &[]).is_empty());
        assert_eq!(names("By Jane Doe", &[]), vec!["Jane Doe"]);
    }

    #[test]
    fn labels_glued_to_names_and_labels_alone() {
        assert_eq!(names("AuthorAndreas Kalt", &[]), vec!["Andreas Kalt"]);
        assert_eq!(
            names("Veröffentlicht vonChris Jung", &[]),
            vec!["Chris Jung"]
        );
        assert_eq!(names("Autor john", &[]), Vec::<String>::new());
        assert!(names("Autor", &[]).is_empty());
        assert!(names("Datum:", &[]).is_empty());
        assert_eq!(
            names("Text & Fotos: Ivan Valetny", &[]),
            vec!["Ivan Valetny"]
        );
        assert!(names("Afficher mon profil complet", &[]).is_empty());
        assert!(names("Theme: Pirate Rogue von xwolf", &[]).is_empty());
        assert_eq!(
            names("Interview: Jens Bergmann", &[]),
            vec!["Jens Bergmann"]
        );
        assert!(names("Unknown", &[]).is_empty());
        assert!(names("No Author", &[]).is_empty());
        assert_eq!(names("Isabella DiBiase", &[]), vec!["Isabella DiBiase"]);
    }

    #[test]
    fn a_weekday_that_starts_a_date_ends_the_names() {
        assert!(names("Donnerstag, 4. November 2021 von X", &[]).is_empty());
        assert_eq!(
            names("Von Isabella Roth am Samstag, 19. Oktober 2019", &[]),
            vec!["Isabella Roth"]
        );
        assert_eq!(names("Von Thomas Freitag", &[]), vec!["Thomas Freitag"]);
    }

    #[test]
    fn several_authors_are_split() {
        assert_eq!(
            names("By DANICA KIRKA and JILL LAWLESS", &[]),
            vec!["DANICA KIRKA", "JILL LAWLESS"]
        );
        assert_eq!(
            names("Mike Wuerthele & Malcolm Owen | Nov 18, 2019", &[]),
            vec!["Mike Wuerthele", "Malcolm Owen"]
        );
    }

    #[test]
    fn publishers_and_accounts_are_not_authors() {
        assert!(is_not_author("BBC News", &["BBC News"]));
        assert!(is_not_author("admin", &[]));
        assert!(!is_not_author("Reuters", &["VentureBeat"]));
    }
}
