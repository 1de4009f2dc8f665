//! Boilerplate signals: elements that are never content (scripts, hidden elements), elements whose tag or ARIA
//! role marks them as page furniture, and class or id names that name furniture (menus, share bars, comments).

use scraper::node::Element;

use crate::dom;

use super::reason::Reason;

/// What an element's own markup says about it, before its content is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// Nothing says it is not content.
    None,
    /// Its tag, role or class names page furniture.
    Furniture(Furniture),
    /// Never content: scripts, styles, hidden elements, form controls.
    Never,
}

/// The furniture an element's markup names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Furniture {
    /// How much the markup can be trusted.
    pub strength: Strength,
    /// The kind of furniture, shown as the reason of the drop.
    pub reason: Reason,
    /// The word, tag or role that said so: every element named by one piece of evidence is judged together, so
    /// that a word that names most of a page's prose (a page builder's `widget`) is not furniture on that page.
    pub evidence: &'static str,
    /// Whether two independent signs agree: the tag or role, and a word of the class or id (`<aside
    /// class="sidebar">`). Then no share of prose makes it content.
    pub corroborated: bool,
}

/// How much a tag, role or name says about the element it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Names furniture whose own text is often prose, so the name must decide (comments, consent notices,
    /// newsletter appeals, related-story teasers, author bios, navigation).
    Strong,
    /// Names furniture that seldom holds prose (ads, dates, print buttons), or is worn by content too (`teaser` on
    /// a lead, `<header>` around an article's intro, `<aside>` around a fact box): the element is dropped only
    /// when its content is not prose.
    Weak,
}

/// Whether an element can never hold article text (scripts, styles, templates, form controls, hidden elements).
pub fn is_never_content(element: &Element) -> bool {
    if dom::is_hidden(element.name()) {
        return true;
    }
    let mut hidden = false;
    for (key, value) in element.attrs() {
        match key {
            "hidden" => hidden = true,
            "style" => hidden |= style_effect(value) == StyleEffect::Hides,
            _ => {}
        }
    }
    hidden
}

/// The signal an element's own markup gives, before its content is known: the strongest of what its tag, ARIA
/// role, microdata and class or id words say.
pub fn signal(element: &Element) -> Signal {
    let name = element.name();
    if dom::is_hidden(name) {
        return Signal::Never;
    }
    let (mut class, mut id, mut role, mut itemprop, mut href, mut modal, mut fixed) =
        ("", "", "", "", "", false, false);
    for (key, value) in element.attrs() {
        match key {
            "class" => class = value,
            "id" => id = value,
            "role" => role = value,
            "itemprop" => itemprop = value,
            "href" => href = value,
            "aria-modal" => modal = value.trim().eq_ignore_ascii_case("true"),
            "hidden" => return Signal::Never,
            "style" => match style_effect(value) {
                StyleEffect::Hides => return Signal::Never,
                StyleEffect::Fixed => fixed = true,
                StyleEffect::None => {}
            },
            _ => {}
        }
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return Signal::None;
    }
    let itemprop = itemprop.trim();
    if !itemprop.is_empty() {
        if METADATA_PROPS
            .iter()
            .any(|p| itemprop.eq_ignore_ascii_case(p))
        {
            return furniture(Strength::Strong, Reason::Metadata, "itemprop");
        }
        // Microdata that names the article's text outweighs any other sign.
        if ["articleBody", "text"]
            .iter()
            .any(|p| itemprop.eq_ignore_ascii_case(p))
        {
            return Signal::None;
        }
    }
    if modal {
        return furniture(Strength::Strong, Reason::Dialog, "aria-modal");
    }
    if fixed {
        // A layer pinned to the window (`position:fixed`) floats over the page: a consent bar, a sign-up or
        // paywall overlay, a toolbar. A page whose whole content sits in such a layer keeps it: dialogs are
        // guarded when the rest of the page has no prose (see `score::guarded_evidence`).
        return furniture(Strength::Strong, Reason::Dialog, "position:fixed");
    }
    if dom::is_hidden_class(class) {
        // A hidden block that its name also calls furniture (`<div id="article-comments" class="hidden">`, a
        // `login-wrapper hidden` paywall) is two signs that agree: no share of prose keeps it. A hidden block
        // with no such name may be the article that a script reveals, and is judged with the guard.
        return Signal::Furniture(Furniture {
            strength: Strength::Strong,
            reason: Reason::Hidden,
            evidence: "hidden class",
            corroborated: name_signal(class, id).is_some(),
        });
    }
    let mut found = tag_signal(name).or_else(|| role_signal(role.trim()));
    // Links are named for where they lead, not for what they are; only in-page links (skip links, back to top)
    // are judged by their names.
    if name != "a" || href.trim_start().starts_with('#') {
        if let Some(named) = name_signal(class, id) {
            found = Some(match found {
                None => named,
                Some(structural) => Furniture {
                    corroborated: true,
                    ..strongest(structural, named)
                },
            });
        }
    }
    found.map_or(Signal::None, Signal::Furniture)
}

fn furniture(strength: Strength, reason: Reason, evidence: &'static str) -> Signal {
    Signal::Furniture(Furniture {
        strength,
        reason,
        evidence,
        corroborated: false,
    })
}

/// The stronger of two signs; on a tie, the first.
fn strongest(a: Furniture, b: Furniture) -> Furniture {
    if b.strength < a.strength {
        b
    } else {
        a
    }
}

/// Whether an element is the page's main landmark: `<main>` or `role=main`.
pub fn is_main_landmark(element: &Element) -> bool {
    element.name() == "main"
        || dom::attr(element, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
}

/// Whether an element marks the page's content: `<main>` or `role=main`, or the microdata of an article's text
/// (`itemprop=articleBody`). An `<article>` is one only when it is the page's only one, which the caller counts.
pub fn is_article_landmark(element: &Element) -> bool {
    element.name() == "main"
        || dom::attr(element, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        || dom::attr(element, "itemprop")
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("articleBody"))
}

/// What a tag says.
fn tag_signal(name: &str) -> Option<Furniture> {
    let (strength, reason, evidence) = match name {
        "nav" => (Strength::Strong, Reason::Navigation, "<nav>"),
        "menu" => (Strength::Strong, Reason::Navigation, "<menu>"),
        "footer" => (Strength::Strong, Reason::PageFurniture, "<footer>"),
        "form" => (Strength::Strong, Reason::PageFurniture, "<form>"),
        "header" => (Strength::Strong, Reason::PageFurniture, "<header>"),
        "aside" => (Strength::Strong, Reason::PageFurniture, "<aside>"),
        _ => return None,
    };
    Some(Furniture {
        strength,
        reason,
        evidence,
        corroborated: false,
    })
}

/// What an ARIA role says.
fn role_signal(role: &str) -> Option<Furniture> {
    if role.is_empty() {
        return None;
    }
    let is = |r: &str| role.eq_ignore_ascii_case(r);
    let (strength, reason, evidence) =
        if is("navigation") || is("search") || is("menu") || is("menubar") {
            (Strength::Strong, Reason::Navigation, "role=navigation")
        } else if is("banner") || is("contentinfo") {
            (Strength::Strong, Reason::PageFurniture, "role=banner")
        } else if is("complementary") {
            (Strength::Weak, Reason::PageFurniture, "role=complementary")
        } else if is("dialog") || is("alertdialog") {
            (Strength::Strong, Reason::Dialog, "role=dialog")
        } else {
            return None;
        };
    Some(Furniture {
        strength,
        reason,
        evidence,
        corroborated: false,
    })
}

/// An inline style longer than this is not read for `display:none` or `position:fixed`: hiding and pinning styles
/// are short, and long ones (generated layouts) would cost a copy each.
const MAX_HIDING_STYLE_LEN: usize = 400;

/// What an inline style does to the element, as far as extraction cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StyleEffect {
    /// Nothing extraction reads.
    None,
    /// Hides it (`display:none`, `visibility:hidden`).
    Hides,
    /// Pins it to the window (`position:fixed`): an overlay, not part of the page's flow.
    Fixed,
}

/// What an inline style does: hides the element, pins it to the window, or neither (hiding wins).
fn style_effect(style: &str) -> StyleEffect {
    // Most styles mention none of the words: check cheaply before normalising.
    let lower_has = |word: &str| {
        style
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if style.len() > MAX_HIDING_STYLE_LEN
        || !(lower_has("none") || lower_has("hidden") || lower_has("fixed"))
    {
        return StyleEffect::None;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if compact.contains("display:none") || compact.contains("visibility:hidden") {
        StyleEffect::Hides
    } else if compact.contains("position:fixed") {
        StyleEffect::Fixed
    } else {
        StyleEffect::None
    }
}

/// A block whose whole text has at most this many characters (not whitespace) is read as a possible ad label: the
/// longest word of [`AD_LABELS`] (`advertisement`, 13) with the dashes and spaces sites put around it
/// (`- Advertisement -`, `-- Anzeige --`) and a little room; a longer block says something of its own.
pub(crate) const AD_LABEL_MAX_CHARS: u32 = 24;

/// The word a site prints over an ad slot, in the languages of the pages we read, lower case: the slot itself (a
/// script, an iframe, an off-site banner) has no text, so the label is all that is left of the ad in the article.
/// Only the nouns for one ad are listed, not the name of the trade (`advertising`, `Werbung` as a heading of a
/// privacy policy is still a label here: German law makes sites print it over ads, and that is how pages use it).
/// trafilatura's benchmark lists these labels among the texts an extractor must leave out (`Reklama`, `Anzeige:`,
/// `Advertisement`).
const AD_LABELS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertentie",
    "advertisement",
    "annonce",
    "anuncio",
    "anzeige",
    "iklan",
    "mainos",
    "pubblicità",
    "publicidad",
    "publicidade",
    "publicité",
    "reclame",
    "reklam",
    "reklama",
    "reklame",
    "werbung",
    "реклама",
    "広告",
    "광고",
];

/// Whether the whole text of a block is an ad label (see [`AD_LABELS`]): the word alone, in any case, with only
/// punctuation, dashes or spaces around it (`- Anzeige -`, `ADVERTISEMENT`, `Reklama:`).
pub(crate) fn is_ad_label(text: &str) -> bool {
    let word = text.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || word.chars().count() > LONGEST_AD_LABEL {
        return false;
    }
    let lower = word.to_lowercase();
    AD_LABELS.contains(&lower.as_str())
}

/// The length in characters of the longest word of [`AD_LABELS`].
const LONGEST_AD_LABEL: usize = 13;

/// Microdata properties that carry page metadata (shown in bylines or hidden), never the article's text.
const METADATA_PROPS: &[&str] = &[
    "author",
    "datePublished",
    "dateModified",
    "dateCreated",
    "publisher",
    "image",
    "logo",
    "url",
    "thumbnailUrl",
    "mainEntityOfPage",
];

/// Whole words of class and id names that name furniture, sorted for a binary search. Words are whole: `shadow`
/// holds no `ad`, `download` no `load`, `headline` no `head`. Plurals and the concatenations themes write
/// (`commentlist`, `readmore`) are words of their own. The comment section is also named in the languages of the
/// pages we read (`kommentare`, `commentaires`, `comentarios`, `komentarze`, …): themes translate its name more
/// than any other, and a missed thread is read as the article's continuation. Consent managers are named for their
/// vendor where the box's class says neither cookie nor consent (`onetrust-banner-sdk`, `didomi-notice`, `cmpbox`,
/// `cmplz-body`), as the comment and recommendation vendors are (`disqus`, `taboola`); not the bare `cmp`, which is
/// Adobe's component prefix (`cmp-text`). A `placeholder` holds the place of what the page does not show: a
/// blocked embed's "allow this content" notice, an ad slot, a lazy image's credit. A `disclosure` holds the site's
/// note on its affiliate links or advertisers (`editorial-disclosure`, `commerce-disclosure`, `vl_disclosure`), said
/// in a sentence of prose, so the name decides. A `messenger` box invites the reader to chat with the site or share
/// through a messaging app (`fb-send-to-messenger-container`: "Chat with us in Facebook Messenger. …"). A box named
/// for a donation (`donate`, `donation`, German `spende`, `spenden`) or a subscription (`abo`, German for one, as
/// `subscribe` and `subscription` in English: `abo-teaser`, `nl-abo-link`) asks the reader to pay for the site's
/// journalism in a paragraph or two of prose ("Wir bieten profunden Theaterjournalismus …", "Dieser Artikel ist
/// wichtig! Sichere diesen Journalismus!"), so the name decides; on the dev pages these words name only such
/// appeals, their amount buttons and their forms.
const FURNITURE_WORDS: &[(&str, Strength, Reason)] = {
    use Reason::{
        Caption, ClassName, Comments, Consent, Dialog, Metadata, Navigation, PageFurniture,
    };
    use Strength::{Strong, Weak};
    &[
        ("abo", Strong, ClassName),
        ("ad", Weak, ClassName),
        ("addthis", Strong, ClassName),
        ("ads", Weak, ClassName),
        ("adv", Weak, ClassName),
        ("advert", Weak, ClassName),
        ("advertisement", Weak, ClassName),
        ("advertising", Weak, ClassName),
        ("author", Strong, ClassName),
        ("authorbio", Strong, ClassName),
        ("authorbox", Strong, ClassName),
        ("banner", Strong, PageFurniture),
        ("bio", Strong, ClassName),
        ("breadcrumb", Strong, Navigation),
        ("breadcrumbs", Strong, Navigation),
        ("byline", Strong, Metadata),
        ("caption", Strong, Caption),
        ("cmpbox", Strong, Consent),
        ("cmplz", Strong, Consent),
        ("comentario", Strong, Comments),
        ("comentarios", Strong, Comments),
        ("comment", Strong, Comments),
        ("commentaire", Strong, Comments),
        ("commentaires", Strong, Comments),
        ("commenti", Strong, Comments),
        ("commentlist", Strong, Comments),
        ("comments", Strong, Comments),
        ("consent", Strong, Consent),
        ("cookie", Strong, Consent),
        ("cookiebanner", Strong, Consent),
        ("cookienotice", Strong, Consent),
        ("cookies", Strong, Consent),
        ("copyright", Strong, Caption),
        ("credit", Strong, Caption),
        ("credits", Strong, Caption),
        ("date", Weak, ClassName),
        ("dateline", Weak, ClassName),
        ("dialog", Strong, Dialog),
        ("didomi", Strong, Consent),
        ("disclosure", Strong, ClassName),
        ("disclosures", Strong, ClassName),
        ("disqus", Strong, Comments),
        ("donate", Strong, ClassName),
        ("donation", Strong, ClassName),
        ("donations", Strong, ClassName),
        ("dsgvo", Strong, Consent),
        ("follow", Weak, ClassName),
        ("footer", Strong, PageFurniture),
        ("gdpr", Strong, Consent),
        ("head", Weak, PageFurniture),
        ("header", Weak, PageFurniture),
        ("komentarz", Strong, Comments),
        ("komentarze", Strong, Comments),
        ("kommentar", Strong, Comments),
        ("kommentare", Strong, Comments),
        ("legend", Strong, Caption),
        ("lightbox", Strong, Dialog),
        ("login", Weak, ClassName),
        ("masthead", Strong, PageFurniture),
        ("menu", Weak, Navigation),
        ("messenger", Strong, ClassName),
        ("meta", Strong, Metadata),
        ("modal", Strong, Dialog),
        ("more", Weak, ClassName),
        ("mostpopular", Weak, ClassName),
        ("nav", Strong, Navigation),
        ("navbar", Strong, Navigation),
        ("navigation", Strong, Navigation),
        ("newsfeed", Weak, ClassName),
        ("newsletter", Strong, ClassName),
        ("onetrust", Strong, Consent),
        ("outbrain", Strong, ClassName),
        ("pager", Strong, Navigation),
        ("pagination", Strong, Navigation),
        ("paywall", Weak, ClassName),
        ("placeholder", Strong, ClassName),
        ("popover", Strong, Dialog),
        ("popup", Strong, Dialog),
        ("print", Strong, ClassName),
        ("promo", Weak, ClassName),
        ("published", Weak, ClassName),
        ("rating", Weak, ClassName),
        ("reacties", Strong, Comments),
        ("readmore", Weak, ClassName),
        ("recirc", Strong, ClassName),
        ("related", Strong, ClassName),
        ("share", Strong, ClassName),
        ("sharedaddy", Strong, ClassName),
        ("shariff", Strong, ClassName),
        ("sharing", Strong, ClassName),
        ("sidebar", Strong, PageFurniture),
        ("signup", Strong, ClassName),
        ("skip", Strong, Navigation),
        ("skiplink", Strong, Navigation),
        ("social", Strong, ClassName),
        ("socials", Strong, ClassName),
        ("spende", Strong, ClassName),
        ("spenden", Strong, ClassName),
        ("sponsor", Weak, ClassName),
        ("sponsored", Weak, ClassName),
        ("subscribe", Strong, ClassName),
        ("subscription", Strong, ClassName),
        ("taboola", Strong, ClassName),
        ("tag", Weak, ClassName),
        ("tags", Weak, ClassName),
        ("teaser", Weak, ClassName),
        ("timestamp", Weak, ClassName),
        ("toolbar", Weak, PageFurniture),
        ("tools", Weak, ClassName),
        ("trending", Weak, ClassName),
        ("usercentrics", Strong, Consent),
        ("util", Weak, ClassName),
        ("utils", Weak, ClassName),
        ("widget", Weak, ClassName),
    ]
};

/// What one lower-case word of a class or id name says, if anything.
fn furniture_word(word: &[u8]) -> Option<Furniture> {
    // Most words of a page's class names (`col`, `row`, `wrapper`, `md`) start with two letters that no word of the
    // table starts with: they are told apart without the search (a fifth of extraction's time went on it).
    if !may_be_furniture(word) {
        return None;
    }
    // A word longer than any of the table is only looked at for the cookie prefix. In the search, the first bytes
    // decide most steps without a call to compare whole words.
    let found = if word.len() <= LONGEST_FURNITURE_WORD {
        FURNITURE_WORDS.binary_search_by(|(w, _, _)| {
            let w = w.as_bytes();
            w.first().cmp(&word.first()).then_with(|| w.cmp(word))
        })
    } else {
        Err(0)
    };
    let Ok(i) = found else {
        // Consent managers name their boxes after the cookie (`cookiebar`, `cookiewall`, `Cookiebot`).
        return word.starts_with(b"cookie").then_some(Furniture {
            strength: Strength::Strong,
            reason: Reason::Consent,
            evidence: "cookie",
            corroborated: false,
        });
    };
    let (evidence, strength, reason) = FURNITURE_WORDS[i];
    Some(Furniture {
        strength,
        reason,
        evidence,
        corroborated: false,
    })
}

/// Whether a lower-case word starts like a word of [`FURNITURE_WORDS`] or like `cookie`: its first two bytes are
/// letters that pair in [`FURNITURE_PAIRS`].
fn may_be_furniture(word: &[u8]) -> bool {
    match word {
        [first @ b'a'..=b'z', second @ b'a'..=b'z', ..] => {
            FURNITURE_PAIRS[usize::from(first - b'a')] & (1 << (second - b'a')) != 0
        }
        _ => false,
    }
}

/// For each first letter of the words of [`FURNITURE_WORDS`] (and `cookie`, the prefix [`furniture_word`] looks
/// for), the set of their second letters as bits. Every word of the table is two lower-case letters or more, or
/// this does not compile.
const FURNITURE_PAIRS: [u32; 26] = {
    const fn add(pairs: &mut [u32; 26], word: &[u8]) {
        assert!(
            word.len() >= 2 && word[0].is_ascii_lowercase() && word[1].is_ascii_lowercase(),
            "a furniture word starts with two lower-case letters"
        );
        pairs[(word[0] - b'a') as usize] |= 1 << (word[1] - b'a');
    }
    let mut pairs = [0u32; 26];
    add(&mut pairs, b"cookie");
    let mut i = 0;
    while i < FURNITURE_WORDS.len() {
        add(&mut pairs, FURNITURE_WORDS[i].0.as_bytes());
        i += 1;
    }
    pairs
};

/// The length of the longest word of [`FURNITURE_WORDS`].
const LONGEST_FURNITURE_WORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < FURNITURE_WORDS.len() {
        if FURNITURE_WORDS[i].0.len() > longest {
            longest = FURNITURE_WORDS[i].0.len();
        }
        i += 1;
    }
    longest
};

/// Two words in a row, or one, that name the article's own container (`article-body`, `post_content`,
/// `entryContent`): they outweigh any furniture word in the same attribute.
fn names_content(previous: &[u8], word: &[u8]) -> bool {
    matches!(
        (previous, word),
        (b"article" | b"story" | b"post", b"body")
            | (
                b"article" | b"post" | b"entry" | b"main" | b"story",
                b"content"
            )
    ) || matches!(
        word,
        b"articlebody"
            | b"articlecontent"
            | b"postcontent"
            | b"entrycontent"
            | b"storybody"
            | b"maincontent"
    )
}

/// The longest word looked up; longer ones are hashes or generated names.
const MAX_WORD: usize = 24;

/// The strongest furniture word of `class` and `id`, unless one of them names the article's content.
fn name_signal(class: &str, id: &str) -> Option<Furniture> {
    if class.len() > MAX_COMPONENT_CLASS_LEN {
        return None;
    }
    let mut found: Option<Furniture> = None;
    let mut content = false;
    for name in [class, id] {
        let mut previous = [0u8; MAX_WORD];
        let mut previous_len = 0;
        // Each class of the attribute on its own: a content name followed right away by a furniture word in one
        // class names a part of the content's container (`ArticleBody-related-coverage`, `article-body__share`),
        // as BEM writes a block's elements, not the container.
        for token in name.split_ascii_whitespace() {
            let mut token_content = false;
            // Whether the last word completed a content name.
            let mut just_content = false;
            for_each_word(token, |word| {
                if word.len() > MAX_WORD {
                    previous_len = 0;
                    return;
                }
                // Compared as bytes: the words of the tables are ASCII, and lower-casing leaves other bytes as they
                // are.
                let mut buffer = [0u8; MAX_WORD];
                let lower = &mut buffer[..word.len()];
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                let names = names_content(&previous[..previous_len], lower);
                if let Some(hit) = furniture_word(lower) {
                    if just_content {
                        token_content = false;
                    }
                    found = Some(found.map_or(hit, |f| strongest(f, hit)));
                }
                token_content |= names;
                just_content = names;
                previous[..lower.len()].copy_from_slice(lower);
                previous_len = lower.len();
            });
            content |= token_content;
        }
    }
    if content {
        None
    } else {
        found
    }
}

/// Calls `visit` with each word of a class or id name: runs of ASCII letters, also split where a lower-case
/// letter meets an upper-case one (`footerWrap` is `footer` and `Wrap`). Digits, `-`, `_` and spaces separate.
pub(crate) fn for_each_word(name: &str, mut visit: impl FnMut(&str)) {
    let bytes = name.as_bytes();
    let mut start = None;
    for (i, b) in bytes.iter().enumerate() {
        let letter = b.is_ascii_alphabetic() || *b >= 0x80;
        match start {
            Some(s) if !letter => {
                visit(&name[s..i]);
                start = None;
            }
            Some(s) if b.is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() => {
                visit(&name[s..i]);
                start = Some(i);
            }
            None if letter => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        visit(&name[s..]);
    }
}

/// A class attribute longer than this is theme state on a wrapper (WordPress puts `single-post has-comments
/// category-…` on `<body>` and the post), not a component's name, and is not read for furniture words.
const MAX_COMPONENT_CLASS_LEN: usize = 160;

/// What a content or furniture word in a candidate's class or id adds to or takes from its score: Readability's
/// `getClassWeight` uses 25 for each of class and id, about the score of five good paragraphs.
const CLASS_WEIGHT: f32 = 25.0;

/// A class weight in the style of Readability: positive when names suggest content, negative for furniture.
pub fn class_weight(element: &Element) -> f32 {
    let mut weight = 0.0;
    for name in [dom::attr(element, "class"), dom::attr(element, "id")]
        .into_iter()
        .flatten()
    {
        let lower = name.to_ascii_lowercase();
        if [
            "article", "content", "entry", "post", "story", "body", "text", "main",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            weight += CLASS_WEIGHT;
        }
        if [
            "comment", "footer", "sidebar", "related", "share", "social", "promo", "widget", "nav",
            "menu", "ad-", "banner",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            weight -= CLASS_WEIGHT;
        }
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first(html: &str, selector: &str) -> Signal {
        let doc = Html::parse_document(html);
        let sel = Selector::parse(selector).expect("test selector is valid");
        let element = doc.select(&sel).next().expect("element is present");
        signal(element.value())
    }

    /// The strength and reason of the first `div`'s signal.
    fn div(html: &str) -> Option<(Strength, Reason)> {
        match first(html, "div") {
            Signal::Furniture(f) => Some((f.strength, f.reason)),
            _ => None,
        }
    }

    #[test]
    fn furniture_words_are_sorted_for_the_binary_search() {
        assert!(FURNITURE_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn furniture_pairs_let_every_word_of_the_table_through() {
        assert!(FURNITURE_WORDS
            .iter()
            .all(|(word, _, _)| may_be_furniture(word.as_bytes())));
        assert!(may_be_furniture(b"cookiebar"));
        assert!(!may_be_furniture(b"x"));
        assert!(!may_be_furniture("été".as_bytes()));
        assert_eq!(furniture_word(b"zz"), None);
    }

    #[test]
    fn share_bar_class_is_furniture() {
        assert_eq!(
            div("<div class='post-share-bar'>x</div>"),
            Some((Strength::Strong, Reason::ClassName))
        );
    }

    #[test]
    fn furniture_words_are_whole_words() {
        for class in ["shadow", "download-box", "headline", "leading", "bread"] {
            assert_eq!(
                div(&format!("<div class='{class}'>x</div>")),
                None,
                "{class}"
            );
        }
        assert_eq!(
            div("<div id='b_footerWrap'>x</div>"),
            Some((Strength::Strong, Reason::PageFurniture))
        );
    }

    #[test]
    fn weak_words_leave_the_decision_to_the_content() {
        assert_eq!(
            div("<div class='teaser-text'>x</div>"),
            Some((Strength::Weak, Reason::ClassName))
        );
        assert_eq!(
            div("<div class='article-header'>x</div>"),
            Some((Strength::Weak, Reason::PageFurniture))
        );
    }

    #[test]
    fn the_strongest_sign_wins() {
        assert_eq!(
            div("<div role='complementary' class='footer-widget-area'>x</div>"),
            Some((Strength::Strong, Reason::PageFurniture))
        );
    }

    #[test]
    fn dialogs_and_consent_notices_are_named() {
        assert_eq!(
            div("<div aria-modal='true'>x</div>"),
            Some((Strength::Strong, Reason::Dialog))
        );
        assert_eq!(
            div("<div id='CybotCookiebotDialog'>x</div>"),
            Some((Strength::Strong, Reason::Consent))
        );
        // Consent managers' own names, where the box's class says neither cookie nor consent.
        for class in [
            "onetrust-banner-sdk",
            "didomi-notice",
            "cmpbox",
            "cmplz-body",
        ] {
            assert_eq!(
                div(&format!("<div class='{class}'>x</div>")),
                Some((Strength::Strong, Reason::Consent)),
                "{class}"
            );
        }
        // `cmp-` alone is Adobe's component prefix (`cmp-text`, `cmp-container`), worn by articles.
        assert_eq!(div("<div class='cmp-text'>x</div>"), None);
    }

    #[test]
    fn article_body_class_is_not_furniture() {
        assert_eq!(div("<div class='article-body has-comments'>x</div>"), None);
        assert_eq!(div("<div class='entryContent sidebar'>x</div>"), None);
    }

    #[test]
    fn furniture_named_as_a_part_of_the_article_body_is_furniture() {
        // BEM: the element `related-coverage` of the block `ArticleBody` is a related-stories box inside the body.
        assert_eq!(
            div("<div class='RelatedCoverage-container-3AnSP ArticleBody-related-coverage-7S2f1'>x</div>"),
            Some((Strength::Strong, Reason::ClassName))
        );
        // A furniture word further down the element's name does not name the box: the item's text of a gallery.
        assert_eq!(
            div("<div class='gallery-main-content__item__comment'>x</div>"),
            None
        );
    }

    #[test]
    fn ruby_annotations_are_never_content() {
        // Furigana read inline break Japanese text: 子(こ)ども came out as 子こども (issue 12, class 6).
        assert_eq!(
            first("<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>", "rt"),
            Signal::Never
        );
        assert_eq!(
            first("<ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>", "rp"),
            Signal::Never
        );
    }

    #[test]
    fn class_words_of_this_round_name_their_furniture() {
        for (class, reason) in [
            // Comment sections named in other languages.
            ("kommentarModul", Reason::Comments),
            ("section-commentaires", Reason::Comments),
            ("comentarios", Reason::Comments),
            // The placeholder of a blocked embed.
            ("third-party-services--placeholder", Reason::ClassName),
            // The site's note on its affiliate links or advertisers.
            ("editorial-disclosure", Reason::ClassName),
            ("commerce-disclosure", Reason::ClassName),
            // A chat or messaging-app box.
            ("fb-send-to-messenger-container", Reason::ClassName),
            // Donation and subscription appeals, in prose.
            ("donate", Reason::ClassName),
            ("DonationTeaser-text", Reason::ClassName),
            ("Artikel-Spende", Reason::ClassName),
            ("box-spenden green", Reason::ClassName),
            ("abo-teaser__info", Reason::ClassName),
            // Photo credits and image legends.
            ("image-copyright", Reason::Caption),
            ("legend", Reason::Caption),
        ] {
            assert_eq!(
                div(&format!("<div class='{class}'>x</div>")),
                Some((Strength::Strong, reason)),
                "{class}"
            );
        }
    }

    #[test]
    fn hidden_class_with_a_furniture_name_is_corroborated() {
        // A hidden comment thread longer than the article must not be guarded as if it held the page's prose.
        let corroborated = |html: &str| match first(html, "div") {
            Signal::Furniture(f) => Some((f.reason, f.corroborated)),
            _ => None,
        };
        assert_eq!(
            corroborated("<div id='article-comments' class='col-9 hidden'>x</div>"),
            Some((Reason::Hidden, true))
        );
        assert_eq!(
            corroborated("<div class='col-9 hidden'>x</div>"),
            Some((Reason::Hidden, false))
        );
    }

    #[test]
    fn fixed_layer_is_a_dialog() {
        assert_eq!(
            div("<div style='position: fixed; bottom: 0'>x</div>"),
            Some((Strength::Strong, Reason::Dialog))
        );
        assert_eq!(
            first("<p style='position:fixed; display:none'>x</p>", "p"),
            Signal::Never
        );
        assert_eq!(div("<div style='position: relative'>x</div>"), None);
    }

    #[test]
    fn hidden_style_is_never_content() {
        assert_eq!(first("<p style='display: none'>x</p>", "p"), Signal::Never);
    }

    #[test]
    fn ad_labels_are_the_word_alone() {
        for label in [
            "Anzeige",
            "- Advertisement -",
            "ADVERTISEMENT",
            "-- Anzeige --",
            "Reklama:",
            "Iklan",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        for text in [
            "Anzeige erstatten",
            "Advertising",
            "Bad",
            "",
            "- -",
            "Advertisement feature",
        ] {
            assert!(!is_ad_label(text), "{text}");
        }
        assert!(AD_LABELS
            .iter()
            .all(|w| w.chars().count() <= LONGEST_AD_LABEL && w.to_lowercase() == *w));
    }

    #[test]
    fn navigation_role_is_furniture() {
        assert_eq!(
            div("<div role='navigation'>x</div>"),
            Some((Strength::Strong, Reason::Navigation))
        );
    }
}
