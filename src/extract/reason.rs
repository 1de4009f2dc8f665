//! Why extraction left a block out: one label per kind of evidence, shown by `rinse diff` beside the rules' codes.

/// Why a block of the page is not in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// Hidden from readers: the `hidden` attribute, an inline `display:none`, a class that frameworks hide with.
    Hidden,
    /// The site's navigation: `<nav>`, a navigation or menu role, menus, breadcrumbs, pagination, skip links.
    Navigation,
    /// The site's header, footer or sidebar: `<header>`, `<footer>`, `<aside>`, the banner, contentinfo and
    /// complementary roles, forms. Not when one sign alone names the block, it is prose and a paragraph runs on from
    /// it (or a block after it sets prose in the same tag and class as the block does), and it holds no heading that
    /// is mostly a link to another page (a teaser's title): that is the article's lead in a wrapper named for
    /// furniture (`sidebar-lead`, a `<header>` outside any `<article>`, or one inside an `<article>` that holds no
    /// heading). It can be wrong on a box of prose set between two paragraphs of the article that is not the
    /// article's own. Also a short banner the page prints above its own menu or its own header (left out as furniture
    /// or not), before any heading, with a heading after the menu: inside the article's container when the menu opens
    /// it, or the article's first container as a whole when it is such a banner of its own ("Your browser is not
    /// supported").
    PageFurniture,
    /// A dialog or overlay: `role=dialog`, `aria-modal`, popup and modal containers, a layer pinned to the window
    /// by an inline `position:fixed`. Not a block that only its class or id calls a dialog and that holds the page's
    /// first `<h1>`: that is a wrapper of the page (Drupal's `dialog-off-canvas-main-canvas`).
    Dialog,
    /// A cookie or privacy consent notice and its settings; by its shape when nothing names it, a panel of settings
    /// after the article's last paragraph (in the article's container or after all of the page's prose) or above
    /// the page's headline (its first `<h1>`): two or more toggles with short labels, each setting explained, and a
    /// button.
    Consent,
    /// The reader comments: named so, or a run of repeated author, date and reply units.
    Comments,
    /// A class or id name that names furniture (share bars, newsletter boxes, related stories, ads, author bios).
    ClassName,
    /// Page metadata in microdata (`itemprop=author`, `datePublished`, …), or a short date or byline line above the
    /// article's first paragraph that repeats the date or an author the metadata found: it lives in the front
    /// matter. A block that only a name calls metadata (`meta-lead`) is kept when it is prose that a paragraph runs
    /// on from, or set like the prose after it, as for [`Reason::PageFurniture`].
    Metadata,
    /// A block inside the article that is mostly links: a link list, a teaser's title, "Read more: …", a label
    /// followed by links within the site only ("Filed under: …", "Tags: …").
    LinkDense,
    /// A run of teasers of other pages: blocks built alike, each a short text linking to one other page, or the items
    /// of a list that ends the article, each a headline with a link ("More stories"); or, whatever their classes
    /// say, three or more blocks of one tag that end the article in a box of their own, each opening with a linked
    /// title to a page of the site. Not when a sentence of the article ending in a colon introduces the run ("these
    /// three earlier pieces explain the background:"). It can be wrong on the article's own items shaped as teasers
    /// (a guide's places, each a linked name over a few lines).
    Teasers,
    /// A news or market ticker: a run of at least five one-line items built alike, each opening with a time, in a box
    /// of its own beside no paragraph, with more of the page's prose after it than before it. It can be wrong on a
    /// page that opens with a schedule of the day in a box of its own over the story about it.
    Ticker,
    /// A block built like the blocks beside it that says the same as the first of them: a slideshow's title on
    /// every slide, a credit under every picture.
    Repeated,
    /// A figure's caption or an image credit.
    Caption,
    /// The label a site prints over an ad slot ("Anzeige", "- Advertisement -"), a block whose whole text is the
    /// word: the ad itself has no text.
    AdLabel,
    /// An appeal under the article, set apart in italics or bold or leading where the site's furniture leads (an app
    /// store, a social profile, a domain the page links outside the article): follow us, subscribe, sign up, the
    /// author's bio; or a disclosure over it, set apart in italics with a link (affiliate links, sponsored post); or
    /// a short paragraph or a small box (a heading, a pitch, a button) anywhere in it that links to a page to
    /// subscribe or to donate on; or a small box anywhere in it of a title, a paragraph or more and a lone button to
    /// a page that is no story, on the site or the checkout of another domain, whatever its words ("We need your
    /// help" / a pitch / "Become a member"); or the editor's notes under a rule line ("___", "* * *") that closes the
    /// article, a few short lines with no heading ("Follow our full coverage at …", the writer's line).
    Appeal,
    /// A small box of the article around a control a reader acts on (a button or an element with the ARIA role
    /// `button`, a script link, a `#` link beside a button): report an error, rate the
    /// story, "was this helpful?" over its answers, register or log in to read on; with its prose and heading when
    /// the controls are a row that asks the reader to choose (a blocked embed's "Load content" / "Always allow", also
    /// as two script links side by side) and the box carries a mark of another voice (a sign-up's address field, an
    /// embed's frame, an embed service's name, a class word such as `embed` or `privacy`, a button whose label asks
    /// to load, allow or accept: "Inhalt laden", "Always allow"). A box around a sign-up's
    /// address field may hold a pitch of two or three paragraphs. A box of one line ending in a question mark over
    /// exactly two script links of one or two words each, and nothing else ("Was this article helpful?" / "Yes" /
    /// "No"), is such a box too; it can be wrong on the article's own poll in that shape.
    Widget,
    /// A box about the writer after the article's last paragraph: a portrait, a paragraph or two of prose and a link
    /// of its own to the writer's page on the site (`/author/…`, `/autor/…`). It can be wrong on a box of the
    /// article's own that ends it with a photo of one of the site's writers and a link to their page.
    AuthorBio,
    /// A contact box inside the article: a few short lines around an e-mail address (as text, a `mailto:` link, or
    /// a link whose text is one, as sites that hide their addresses behind a script write it), at most a quarter of
    /// the article's text (a press release's media contact: a label, a name, a role, an organisation, a number, an
    /// address).
    Contact,
    /// The headline: it is the `title` of the front matter.
    Headline,
    /// A heading left with nothing under it once the section it announced was dropped ("Related stories").
    EmptySection,
    /// A block outside the containers chosen as the article.
    OutsideArticle,
    /// The block that scored best as the article but lies outside the page's `<main>` (or its one `<article>`),
    /// which holds prose: a consent dialog, a ticker, an author box or a banner the page puts around its content.
    OutsideLandmark,
    /// A user rule's `remove` selector.
    RemoveRule,
    /// The page holds its article in script data (a JSON-LD `articleBody`, a `text/template` script), which
    /// replaced what the visible blocks yield.
    ScriptArticle,
}

impl Reason {
    /// Every reason, in the order of [`Reason::label`]'s documentation.
    pub const ALL: [Reason; 24] = [
        Reason::Hidden,
        Reason::Navigation,
        Reason::PageFurniture,
        Reason::Dialog,
        Reason::Consent,
        Reason::Comments,
        Reason::ClassName,
        Reason::Metadata,
        Reason::LinkDense,
        Reason::Teasers,
        Reason::Ticker,
        Reason::Repeated,
        Reason::Caption,
        Reason::AdLabel,
        Reason::Appeal,
        Reason::Widget,
        Reason::AuthorBio,
        Reason::Contact,
        Reason::Headline,
        Reason::EmptySection,
        Reason::OutsideArticle,
        Reason::OutsideLandmark,
        Reason::RemoveRule,
        Reason::ScriptArticle,
    ];

    /// The label `rinse diff` shows: `extract/<kind>`.
    pub fn label(self) -> &'static str {
        match self {
            Reason::Hidden => "extract/hidden",
            Reason::Navigation => "extract/navigation",
            Reason::PageFurniture => "extract/page-furniture",
            Reason::Dialog => "extract/dialog",
            Reason::Consent => "extract/consent",
            Reason::Comments => "extract/comments",
            Reason::ClassName => "extract/class-name",
            Reason::Metadata => "extract/metadata",
            Reason::LinkDense => "extract/link-dense",
            Reason::Teasers => "extract/teasers",
            Reason::Ticker => "extract/ticker",
            Reason::Repeated => "extract/repeated",
            Reason::Caption => "extract/caption",
            Reason::AdLabel => "extract/ad-label",
            Reason::Appeal => "extract/appeal",
            Reason::Widget => "extract/widget",
            Reason::AuthorBio => "extract/author-bio",
            Reason::Contact => "extract/contact",
            Reason::Headline => "extract/headline",
            Reason::EmptySection => "extract/empty-section",
            Reason::OutsideArticle => "extract/outside-article",
            Reason::OutsideLandmark => "extract/outside-landmark",
            Reason::RemoveRule => "extract/remove-rule",
            Reason::ScriptArticle => "extract/script-article",
        }
    }

    /// One line on what the label means, for the diff report's legend and `rinse rules explain`.
    pub fn doc(self) -> &'static str {
        match self {
            Reason::Hidden => {
                "hidden from readers (hidden attribute, display:none, a hiding class)"
            }
            Reason::Navigation => {
                "site navigation: <nav>, menus, breadcrumbs, pagination, skip links"
            }
            Reason::PageFurniture => {
                "the site's header, footer, sidebar or a form (not prose that a paragraph of the article runs on \
                 from, or that is set in the same block, tag and class, as the prose of the block after it, with \
                 no heading that links to another page: a lead in a wrapper named for furniture, or in a <header> \
                 of the article that holds no heading), or a short banner above the site's menu or header and the \
                 headline, in the article's container or a container of its own (update your browser)"
            }
            Reason::Dialog => {
                "a dialog or overlay (role=dialog, aria-modal, popup, position:fixed); not a block named so that \
                 holds the page's headline (a wrapper of the page)"
            }
            Reason::Consent => {
                "a cookie or privacy consent notice, or a panel of settings after the article's last paragraph (in \
                 its container or after all of the page's prose) or above the page's headline (two or more toggles with short labels, each explained, and a button); \
                 can be wrong on a form of the article's own that ends it, or on a page whose headline comes under \
                 such a form"
            }
            Reason::Comments => "reader comments (named so, or repeated author/date/reply units)",
            Reason::ClassName => {
                "a class or id that names furniture (share, newsletter, related, ad, author bio)"
            }
            Reason::Metadata => {
                "byline, date or other page metadata (it goes to the front matter; not prose that a paragraph of \
                 the article runs on from, or set in the same block, tag and class, as the prose after it)"
            }
            Reason::LinkDense => "mostly links: a link list, a teaser, or a label with links within the site (Filed under: …)",
            Reason::Teasers => {
                "teasers of other pages: three or more blocks built alike (or list items ending the article, or blocks \
                 of one tag in a box of their own ending it, each opening with a linked title to the site), each a \
                 short text linking to one page; not when a sentence of the article ending in a colon introduces \
                 them; can be wrong on the article's own items shaped as teasers"
            }
            Reason::Ticker => {
                "a news or market ticker: five or more one-line items built alike, each opening with a time \
                 (14:17), in a box of its own above most of the page's prose; can be wrong on a schedule of the \
                 day in a box of its own over the story about it"
            }
            Reason::Repeated => {
                "the same text again in three or more blocks built alike (a slideshow's title on every slide)"
            }
            Reason::Caption => "a figure caption or image credit",
            Reason::AdLabel => "the label over an ad slot (Anzeige, Advertisement), alone in its block",
            Reason::Appeal => {
                "a short paragraph under the article, set apart in italics or bold or leading off the site where its \
                 furniture leads (app store, social profile): follow us, subscribe, a bio; an italic disclosure \
                 with a link over it; or a short paragraph or box linking to a page to subscribe or donate on; or a \
                 small box of a title, a pitch and a lone button to a page of the site that is no story (can be \
                 wrong on a fact box of the article ending on a link to a section of the site); or the editor's \
                 notes under a rule line (___, * * *) that closes the article, a few short lines with no heading \
                 (can be wrong on an essay's last section of one short paragraph under * * *)"
            }
            Reason::Widget => {
                "a small box around a button or a script link (report an error, rate, register or log in to read \
                 on), or a short question over a row of buttons after the article's first paragraph with a mark of \
                 another voice (a sign-up's address field, an embed's frame, an embed service's name, a whole class \
                 word such as embed, external or privacy, a button labelled to load, allow or accept in one of the \
                 languages rinse reads: a blocked embed's notice; two script links side by side \
                 are such a row), not a list's item nor one of like items (same tag and class), nor a box holding \
                 three or more labelled \
                 options to tick (a quiz's answers) or a sentence between a carousel's arrows; or a box of one \
                 line ending in a question mark over exactly two script links of one or two words each and nothing \
                 else (was this helpful? yes / no); can be wrong on a short section of the article that names an \
                 embed service over a row of buttons, ends in a button to load more of it, or is a poll in that \
                 shape"
            }
            Reason::AuthorBio => {
                "a box about the writer after the article's last paragraph: a portrait, a paragraph or two and a \
                 link to the writer's page on the site (/author/…); can be wrong on a profile of a colleague that \
                 ends the article with their photo and a link to their page"
            }
            Reason::Contact => {
                "a contact box: three or more short lines around an e-mail address (as text, a mailto link, or a \
                 link whose text is one, a hidden decoy left out), with a name, a role, a phone number (a press \
                 contact), at most a quarter of the article's text; can be wrong on an address of the article's own \
                 written as such lines"
            }
            Reason::Headline => "the headline (it is the front matter's title)",
            Reason::EmptySection => "a heading whose section was dropped",
            Reason::OutsideArticle => "outside the blocks chosen as the article",
            Reason::OutsideLandmark => {
                "scored as the article, but outside the page's <main> or <article>, which holds prose"
            }
            Reason::RemoveRule => "a user rule's remove selector",
            Reason::ScriptArticle => {
                "the article is in the page's script data (JSON-LD articleBody, text/template), not its visible blocks"
            }
        }
    }
}
