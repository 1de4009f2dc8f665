//! Title: the headline as the page displays it. The `<h1>` that best matches what the page's metadata calls its
//! title wins; when no heading matches, the metadata title without its site suffix.

use super::date;
use super::language::is_unspaced_script;

/// Separators between a title and the site name in `<title>` and `og:title`.
pub(crate) const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];

/// Chooses the displayed headline among `headings` (the page's `<h1>` texts in order), guided by `references`
/// (metadata titles, best first). `sites` are names the site goes by, never a headline.
pub fn choose(headings: &[&str], references: &[&str], sites: &[&str]) -> Option<String> {
    let is_site = |text: &str| sites.iter().any(|s| normalize(s) == normalize(text));
    let candidates: Vec<&str> = headings
        .iter()
        .copied()
        .filter(|h| !h.is_empty() && h.chars().count() <= 400 && !is_site(h))
        .collect();
    if references.is_empty() {
        return candidates.first().map(|h| h.to_string());
    }
    let mut best: Option<(&str, f64)> = None;
    for heading in &candidates {
        let score = references
            .iter()
            .map(|r| similarity(heading, r))
            .fold(0.0, f64::max);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((heading, score));
        }
    }
    if let Some((heading, score)) = best {
        if score >= 0.5 {
            return Some(heading.to_string());
        }
    }
    // A page's only headline is displayed as its title even when an SEO title differs from it.
    if let [only] = candidates.as_slice() {
        if only.split_whitespace().count() >= 3 {
            return Some(only.to_string());
        }
    }
    let stripped: Vec<String> = references.iter().map(|r| strip_site(r, sites)).collect();
    shared_tail(&stripped).or_else(|| stripped.into_iter().find(|r| !r.is_empty() && !is_site(r)))
}

/// The fewest words of a headline read as the tail two metadata titles share.
const SHARED_TAIL_MIN_WORDS: usize = 2;

/// The headline behind a colon that two metadata titles (`references`, without their site names) both end in after
/// different lead-ins (`Section: Headline` in `<title>`, `Subtitle: Headline` in `og:title`): each title adds a
/// lead-in of its own, so neither lead-in is the headline's.
fn shared_tail(references: &[String]) -> Option<String> {
    let split = |r: &str| {
        r.split_once(": ")
            .map(|(head, tail)| (normalize(head), tail.trim().to_string()))
            .filter(|(head, tail)| {
                !head.is_empty() && tail.split_whitespace().count() >= SHARED_TAIL_MIN_WORDS
            })
    };
    let parts: Vec<(String, String)> = references.iter().filter_map(|r| split(r)).collect();
    let (first_head, first_tail) = parts.first()?;
    parts
        .iter()
        .any(|(head, tail)| head != first_head && normalize(tail) == normalize(first_tail))
        .then(|| first_tail.clone())
}

/// Removes a leading or trailing site name (`Title | Site`, `Site - Title`) from a metadata title, and cuts a title
/// before the first part past the first that is exactly a site name, with what follows it (`Title : Site | Tagline |
/// Founded 2005`): taglines after the site's name are the site's, not the headline's.
pub fn strip_site(title: &str, sites: &[&str]) -> String {
    let title = date_part(title.trim()).map_or(title.trim(), |(head, _)| head);
    let mut title = before_site_part(title, sites).to_string();
    loop {
        let before = title.len();
        for sep in SEPARATORS {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if is_site_part(tail, sites) && !head.trim().is_empty() {
                    title = head.trim().to_string();
                    break;
                }
            }
            if let Some((head, tail)) = title.split_once(sep) {
                if is_site_part(head, sites) && !tail.trim().is_empty() {
                    title = tail.trim().to_string();
                    break;
                }
            }
        }
        if title.len() == before {
            return title;
        }
    }
}

/// The most words of a title part that is a date alone (`Montag, 26. Oktober 2010`), and the most of them with
/// letters (a weekday and a month).
const DATE_PART_MAX_WORDS: usize = 4;
const DATE_PART_MAX_NAMES: usize = 2;

/// A metadata title's headline and the day it names when a part past the first is a date and nothing else
/// (`Headline - 26 Oktober 2010 - Blog - Site`, as blog engines write their `<title>`): the headline is the parts
/// before it, and what follows the date is the trail of sections and the site's name. A date inside a part
/// (`Video der Sendung vom 16.10.2019`) or in the first part is the headline's.
pub fn date_part(title: &str) -> Option<(&str, date::Stamp)> {
    let is_date = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let names = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        (words.len() <= DATE_PART_MAX_WORDS && names <= DATE_PART_MAX_NAMES)
            .then(|| date::parse(part))
            .flatten()
    };
    part_after_first(title, is_date)
        .and_then(|(at, day)| Some((title[..at].trim(), day)).filter(|(h, _)| !h.is_empty()))
}

/// `title` up to the separator before its first part, past the first, that is exactly one of `sites`; a spaced
/// colon (`Title : Site`) separates parts too. The whole title when no such part follows the first.
fn before_site_part<'a>(title: &'a str, sites: &[&str]) -> &'a str {
    let is_site = |part: &str| {
        let part = normalize(part);
        (!part.is_empty() && sites.iter().any(|s| normalize(s) == part)).then_some(())
    };
    match part_after_first(title, is_site).map(|(at, ())| title[..at].trim()) {
        Some(head) if !head.is_empty() => head,
        _ => title,
    }
}

/// The first part of `title`, past the first, that `test` accepts, with the offset of the separator before it and
/// what `test` gave; parts are split at [`SEPARATORS`] and at a spaced colon (`Title : Site`).
fn part_after_first<T>(title: &str, test: impl Fn(&str) -> Option<T>) -> Option<(usize, T)> {
    let mut bounds: Vec<(usize, usize)> = SEPARATORS
        .iter()
        .chain(&[" : "])
        .flat_map(|sep| {
            title
                .match_indices(sep)
                .map(|(at, sep)| (at, at + sep.len()))
        })
        .collect();
    bounds.sort_unstable();
    bounds.iter().enumerate().find_map(|(i, &(start, end))| {
        let next = bounds.get(i + 1).map_or(title.len(), |&(next, _)| next);
        if end > next {
            return None;
        }
        test(&title[end..next]).map(|found| (start, found))
    })
}

/// The headline in a heading that also holds the site's name with nothing between them, when the rest is, word for
/// word, a metadata title without its site name (`references`): a logo link set in the `<h1>` beside the headline
/// (`<h1><span>Headline</span><a href=/>Site</a></h1>` reads `HeadlineSite`).
pub fn unglued_site(heading: &str, references: &[&str], sites: &[&str]) -> Option<String> {
    let is_reference = |part: &str| {
        let part = normalize(part);
        !part.is_empty() && references.iter().any(|r| normalize(r) == part)
    };
    sites
        .iter()
        .map(|s| s.trim())
        .filter(|s| s.chars().count() >= 3 && heading.len() > s.len())
        .find_map(|site| {
            // Glued: a space or a separator between them would make it a `Headline | Site` heading as displayed.
            let glued =
                |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && !"|-–—:·»/".contains(c));
            let head = heading
                .strip_suffix(site)
                .filter(|h| glued(h.chars().next_back()));
            let tail = heading
                .strip_prefix(site)
                .filter(|t| glued(t.chars().next()));
            head.into_iter()
                .chain(tail)
                .find(|part| is_reference(part))
                .map(str::to_string)
        })
}

/// The most words of a kicker set before the headline in its `<h1>` (`Politics | Headline`, `"Quote" / Headline`).
const KICKER_MAX_WORDS: usize = 5;

/// The headline in a heading that sets a kicker before it, behind a separator (`Politics | Headline`,
/// `"Reformstau lösen" / Headline`), when what follows is, word for word, a metadata title (`references`, without
/// their site names) and no metadata title, with its site name or without (`originals`), keeps the kicker. A colon
/// is no such separator: it joins a kicker to the headline as one title (`Zugverkehr: Im ICE nach Barcelona`).
pub fn without_kicker(heading: &str, references: &[&str], originals: &[&str]) -> Option<String> {
    let whole = normalize(heading);
    let refs: Vec<String> = references.iter().map(|r| normalize(r)).collect();
    let keeps = |r: &&str| normalize(r).contains(&whole);
    if whole.is_empty() || references.iter().chain(originals).any(keeps) {
        return None;
    }
    SEPARATORS.iter().find_map(|sep| {
        heading.match_indices(sep).find_map(|(at, _)| {
            let (kicker, rest) = (&heading[..at], heading[at + sep.len()..].trim());
            let words = kicker.split_whitespace().count();
            let rest_key = normalize(rest);
            (words > 0
                && words <= KICKER_MAX_WORDS
                && !rest_key.is_empty()
                && refs.contains(&rest_key))
            .then(|| rest.to_string())
        })
    })
}

fn is_site_part(part: &str, sites: &[&str]) -> bool {
    let part = normalize(part);
    !part.is_empty()
        && sites.iter().any(|s| {
            let s = normalize(s);
            !s.is_empty() && (s == part || s.contains(&part) || part.contains(&s))
        })
}

/// Word-set overlap of two titles (Dice coefficient over case-folded alphanumeric words), 0 to 1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a = words(a);
    let b = words(b);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.contains(w)).count();
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The case-folded words of `text`: runs of letters and digits, except that in scripts written without spaces each
/// character is a word, so that a headline and the same headline with a site name after it (`标题-新华网`,
/// `标题 - 新华网`) share their words whatever separates them.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() && !is_unspaced_script(c) {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if is_unspaced_script(c) {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out.sort();
    out.dedup();
    out
}

/// Case-folded alphanumeric characters only: how titles and site names are compared.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(normalized_chars(text));
    out
}

/// The characters of [`normalize`], one by one: letters and digits, lowered (an ASCII one as ASCII, the others
/// through the Unicode tables).
pub fn normalized_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kicker_before_the_headline_in_its_heading_is_left_out() {
        let refs = ["Springfield elects a new mayor"];
        let heading = "Politics | Springfield elects a new mayor";
        assert_eq!(
            without_kicker(heading, &refs, &[]).as_deref(),
            Some("Springfield elects a new mayor")
        );
        let heading = "\"Reformen jetzt\" / Springfield elects a new mayor";
        assert!(without_kicker(heading, &refs, &[]).is_some());
        // A metadata title that keeps the kicker keeps it in the headline; a colon joins them in any case.
        assert_eq!(without_kicker(heading, &refs, &[heading]), None);
        assert_eq!(
            without_kicker("Politics: Springfield elects a new mayor", &refs, &[]),
            None
        );
        // A long first part is a headline of its own, not a kicker.
        let heading =
            "A city of fifty thousand people votes on Tuesday | Springfield elects a new mayor";
        assert_eq!(without_kicker(heading, &refs, &[]), None);
    }

    #[test]
    fn a_title_part_that_is_a_date_ends_the_headline() {
        let (head, day) =
            date_part("Letters - 3 March 2011 - Diary - Rosa's Garden Notes").unwrap();
        assert_eq!((head, day.ymd), ("Letters", (2011, 3, 3)));
        assert_eq!(
            strip_site("Letters - 3 March 2011 - Diary - Notes", &[]),
            "Letters"
        );
        // A date inside a longer part, or in the first part, belongs to the headline.
        assert!(
            date_part("Market report | Broadcast of 03.03.2011 at noon on channel two").is_none()
        );
        assert!(date_part("03.03.2011 - Market report").is_none());
    }

    #[test]
    fn two_metadata_titles_sharing_a_tail_after_a_colon_name_it() {
        let refs = [
            "Rust in the Hills?: Iron Valley Demo",
            "Previews: Iron Valley Demo",
        ];
        assert_eq!(choose(&[], &refs, &[]).as_deref(), Some("Iron Valley Demo"));
        // One metadata title's lead-in is the headline's own.
        let refs = ["Previews: Iron Valley Demo", "Previews: Iron Valley Demo"];
        assert_eq!(
            choose(&[], &refs, &[]).as_deref(),
            Some("Previews: Iron Valley Demo")
        );
    }

    #[test]
    fn a_site_name_glued_to_the_headline_is_cut_off() {
        let refs = ["El pleno decidirá en Toledo"];
        let sites = ["Diario Sol Levante"];
        let glued = "El pleno decidirá en ToledoDiario Sol Levante";
        let headline = unglued_site(glued, &refs, &sites);
        assert_eq!(headline.as_deref(), Some("El pleno decidirá en Toledo"));
        let before = unglued_site(
            "Diario Sol LevanteEl pleno decidirá en Toledo",
            &refs,
            &sites,
        );
        assert_eq!(before.as_deref(), Some("El pleno decidirá en Toledo"));
        // With a space or a separator between them, the site's name is part of the heading as displayed.
        let spaced = "El pleno decidirá en Toledo | Diario Sol Levante";
        assert_eq!(unglued_site(spaced, &refs, &sites), None);
        // A headline that ends with the site's name but is not the metadata title stays whole.
        let own = unglued_site("Ten years of Diario Sol Levante", &refs, &sites);
        assert_eq!(own, None);
    }

    #[test]
    fn heading_matching_metadata_wins_over_og_title() {
        let headings = [
            "Games",
            "Weekly Picks: More Spring Garden Offers Are Live, Including Tools and More",
        ];
        let refs = ["Weekly Picks: More Spring Garden Offers Are Live, Including"];
        assert_eq!(
            choose(&headings, &refs, &["QRX"]).as_deref(),
            Some(headings[1])
        );
    }

    #[test]
    fn logo_heading_falls_back_to_metadata_title() {
        let headings = ["Warta Seputar Dunia Tani"];
        let refs = ["Sejarah Pasar Tani jadi Ramai tiap Jum’at | Warta Seputar Dunia Tani"];
        assert_eq!(
            choose(&headings, &refs, &["Warta Seputar Dunia Tani"]).as_deref(),
            Some("Sejarah Pasar Tani jadi Ramai tiap Jum’at")
        );
    }

    #[test]
    fn headings_in_unspaced_scripts_match_a_title_with_a_site_name_after_it() {
        assert_eq!(
            choose(
                &["短缺药品保供稳价 全力保障临床用药需求"],
                &["短缺药品保供稳价 全力保障临床用药需求-新华网"],
                &[]
            )
            .as_deref(),
            Some("短缺药品保供稳价 全力保障临床用药需求")
        );
        assert_eq!(
            choose(&["ผล DNA ยืนยัน", "เมนู"], &["ผล DNA ยืนยัน | ข่าว"], &[]).as_deref(),
            Some("ผล DNA ยืนยัน")
        );
    }

    #[test]
    fn site_suffix_is_stripped_but_title_pipes_stay() {
        assert_eq!(
            strip_site(
                "The Impeachment Clock | National Review",
                &["National Review"]
            ),
            "The Impeachment Clock"
        );
        assert_eq!(
            strip_site("Milan 2018 | Light for FLOS", &["Inexhibit"]),
            "Milan 2018 | Light for FLOS"
        );
    }

    #[test]
    fn taglines_after_the_site_name_are_cut_with_it() {
        let sites = ["Example-Archiv"];
        assert_eq!(
            strip_site(
                "Ein erfundener Titel :  Example-Archiv | Notizen zu einem Genre | Gegründet 1999",
                &sites
            ),
            "Ein erfundener Titel"
        );
        assert_eq!(
            strip_site(
                "A Made-up Headline | Example News | Since 1900",
                &["Example News"]
            ),
            "A Made-up Headline"
        );
        // A spaced colon inside the headline cuts nothing when no site name follows it.
        assert_eq!(
            strip_site("Made-up Study : What Readers Want | Example-Archiv", &sites),
            "Made-up Study : What Readers Want"
        );
    }

    #[test]
    fn normalize_keeps_lowered_alphanumerics_of_any_script() {
        let reference = |text: &str| -> String {
            text.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for text in [
            "The Impeachment Clock | National Review",
            "ÉCOLE Ünïcode İstanbul ΣΟΦΊΑ Привет 東京 ๒๕๖๓ ⅫK",
            "\u{0}~ -_'\"é\u{301}½²",
            "",
        ] {
            assert_eq!(normalize(text), reference(text), "{text:?}");
        }
        for c in (0..=0x7f).filter_map(char::from_u32) {
            assert_eq!(normalize(&c.to_string()), reference(&c.to_string()));
        }
    }
}
