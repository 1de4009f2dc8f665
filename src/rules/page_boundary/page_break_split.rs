//! B001 `page-break-split`: a paragraph cut in two by a page boundary, rejoined with one space.

use super::page::Join;
use super::paged::By;
use crate::document::Edit;
use crate::rules::body::content_end;
use crate::rules::{Context, Rule};

/// A paragraph cut in mid-sentence by a page boundary (see [`Rule::doc`]).
pub(crate) struct PageBreakSplit;

impl Rule for PageBreakSplit {
    fn code(&self) -> &'static str {
        "B001"
    }

    fn name(&self) -> &'static str {
        "page-break-split"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A paragraph cut in two by a page boundary: a gap in mid-sentence, maybe with page furniture (a page number, a
running header or footer) between the halves. The halves are joined with one space and the furniture goes.

## Example
raw: `the committee agreed to` / `— 12 —` / `extend the deadline.`
clean: `the committee agreed to extend the deadline.`

## Evidence
The first half is a paragraph that ends without sentence, colon or dash punctuation; the paragraph the halves
make ends in a sentence end somewhere. Then:
- a second half starting in lower case continues it, also after a dash and a space (`find no benefit` / `— and
  some even assert …`: a line of dialogue opens with a capital after its dash), or inside a quote when the quoted
  word is all lower case (`jak okiwała` / `“libków” i …`: a paragraph opens a quote with a capital), and so does it
  a first half that ends on a dash standing alone after a space (`that I would do it --` / `and I just …`: a
  sentence broken off goes on in lower case; a capital after the dash may start the next one). So does it a first half that ends on
  a quote closed right after a word or a comma (`the leak is “small and contained”` / `to the pipes …`, `goods,”`
  / `said …`): no sentence ended inside the quote. Single quote marks count where they close a quote the text
  opened with one (`“the ‘final offer’”`, `„Fall ‚ohne Folgen‘“`), never as an apostrophe (`the workers’`), and a
  first half ending on a comma needs a word more whether a quote closes after the comma or not (`\"Salt, pepper,
  oil,\"` is a list line). Only a lower-case start counts there (a capital may open the next sentence after a
  quoted title), unless a comma stands inside the closing quote (`… in our front lobby,”` / `Farid said …`: the
  sentence goes on to the quote's speaker), and then as after a comma: a paragraph of its own after a first half of
  four words or more, with nothing between only in a document that ends its paragraphs with sentences. Either way
  only with nothing but furniture by shape or repetition between, so a heading in quotes above a short first half
  does not take that half's second half;
- a second half starting with a capital or a digit (a name, `I`, an acronym, a German noun) continues it only
  when the first half plainly stops mid-clause: on a word after which no sentence of the document's language
  ends (articles, prepositions, conjunctions, determiners; lists for English, German, French, Spanish,
  Portuguese, Italian, Dutch, Polish, Russian and Indonesian, the language guessed from those words; in German,
  which writes its nouns with a capital, also an article (or a preposition fused with one, not `am`, which opens a
  superlative: `im echten`) and a lower-case adjective, `eine ökumenische`, `den eingeschlagenen`, or such a word
  and an adjective's ending no verb has, `für positive`, or a preposition and any adjective's ending, since no verb
  follows a preposition, `zwischen verschiedenen` (adverbs and pronouns with such an ending are listed apart: `von
  oben`, `mit ihnen`), or, after any word, a present participle with an adjective's ending, which stands before its
  noun, `frei werdenden` (verbs whose stem ends in `end` are listed apart: `verwenden`, `beenden`; it can be wrong on
  another lower-case word that ends so and is no participle, and on a participle that stands for its noun in lower
  case, `im folgenden`, which is left out only for the stems listed); in any listed
  language, a number in digits after such a word or a preposition, which counts a noun still to come (`dass 20` /
  `Millionen`, `neben 16` / `Zinkeimern`, `The 7` / `Habits`; digits grouped by thousands or with one decimal
  separator), but not a year (four digits: `seit 2019` ends a clause) nor a date (`am 06.11.2023`) nor where the last sentence holds another number (`4 out of 5`, `from 5 to 10`: a score or a range ends
  on its number; it can be wrong where a heading without its period ends so, `Tickets for 12`); the lists
  read an elided word by the word after its clitic, `c’est` as `est`), or inside an open quote or bracket, or
  inside emphasis that the second half closes (`spoke to *Woman’s` / `Weekly* about …`: emphasis never spans
  two paragraphs), or on the start of a quote's attribution (a quote closed with a comma and at most three words
  after it: `…there,” said` / `Megan Holloway, a microbiologist.`), or after a comma in a document whose paragraphs end with sentence
  ends (a second half too short to be a paragraph in its own right only after running text that holds a sentence
  end, and when it opens on a word that is no function word and that the document never writes in lower case:
  `unlimited parking, free buses,` / `River Ferry Pass and more.`, or on a number, which has no case:
  `passed with 578 votes for,` / `51 against and 68 abstentions.`). So does a word after which sentences seldom end (a preposition that doubles as a particle, an
  auxiliary, a conjunction of time or place: `The protest started when` / `President Marchetti announced …`) before a capitalised word that is no function word and that the document never writes in lower case
  (`took effect in` / `July 2018, …`), with nothing between the halves, in any document, but not in a language that writes its nouns with a
  capital (its clauses end on separable prefixes: `sieht … aus` / `Doch …`). A capitalised word that is itself
  seldom final counts so only before a number (`through` / `May 2017.`: a month, not the auxiliary; `While …`
  opens a sentence). It must be a paragraph of its own
  that ends a sentence. A quote (`“Paradigmatic”`) continues after a first
  half that stops on such a word, or, in a document whose paragraphs end with sentence ends and before a
  paragraph that ends a sentence, after a comma (`you may be thinking,` / `“What about …`) or after running text
  that stops on a word after which sentences seldom end (`fame through violence in` / `“Joker” has swept …`). A
  second half opening on a link is read by the link's words (`as noted by registered dietitian` / `[Trista
  Bell](…). …`), an image or a footnote mark by none; after a first half that stops on a word after which
  sentences seldom end, a link opens such a second half where the first half holds a sentence end or is one
  sentence of twelve words or more (`… to function, as noted by` / `[Northfield Medical School](…). …`), not under a
  short heading (`What we are working on`);
- in a document whose paragraphs end with sentence ends, a first half of running text (eight words or more,
  mostly lower case, or two words in five in a language that writes its nouns with a capital, its last sentence
  four words or more; with nothing between the halves, a first half ending on a lower-case word is mostly lower
  case also once the words the document writes as names, capitalised right after a lower-case letter, are set
  aside: `KTV Sports NBL Insider Ray De Vollan has reported that the NBL will fine` / `Marlow for …`, a news
  sentence full of names; so is one that holds a sentence end and ends on a capitalised word right after a
  lower-case word or a comma, a list of names going on (`… reported in Alder, Dace, Elmsford and Van` / `Holt
  counties.`), where a title would capitalise the word before too; not beside a page number or a counter, where such a line may be a gallery's caption)
  also stops mid-clause on weaker evidence, when the second half starts with a capitalised
  word that is no function word (which would start a sentence) and ends a sentence, right after the last word
  (no bracket, link, image, emphasis or mark between: `said` / `Megan Holloway, a microbiologist.`, not `(Photo:
  Reuters)` / `Time is short.`, not a caption above `*An italic note.*`): a name in progress in a language
  that capitalises only names (a capitalised last word after a word, a comma or a possessive, in a first half of
  twelve words or more or holding a comma: `said Ronald` / `Fenwick`, `in the San` / `Diego`, `beaten out by Brookfield
  Heights' Owen` / `Lindqvist`); a word after
  which sentences seldom end (`on` / `Saturday`), there also at the end of a last sentence of three words or more
  (`… Egal, ob bei` / `Transfers …`, `… It’s possible that` / `E.U. shoppers …`: a label ends on its name); in German, an adjective waiting for its noun without an
  article (`angesichts schwacher` / `Konsumwerte`, `an weiteren` / `Neuerungen`, `in neuer` / `Weise`; adverbs
  with an adjective's ending are listed apart); in any language, a second half starting with a word the document writes with a
  capital inside its sentences, right after a lower-case word (a name, a German noun: `said` / `Megan
  Holloway` where `with Megan Holloway` stands elsewhere), after a first half that holds a sentence end or,
  below the lines above the first paragraph of running text (a title may be long), is one sentence of twelve
  words or more (a heading is one short sentence); and, the same way, after such a first half that stops on a
  lower-case word (in German also on a noun after one), a second half opening on a capitalised word that the
  document never writes in lower case (`former party leader` / `Arne Solvik sparked …`): a name or a noun goes on
  with the sentence, a common word written in lower case elsewhere starts one (`seen from space` / `Last week,
  …` where `last year` stands elsewhere); the first paragraph of running text may be a deck under the title
  without its period and is read as one sentence only with a sentence end inside. A `&` or `+` at the end stops
  mid-phrase in any language. In any language, and in any document, the two words at the cut written side by
  side on one line elsewhere in the document (`Pour la première fois, Emmanuel` / `Macron est …` where `Emmanuel
  Macron` stands in another paragraph, `Washington’s Supreme` / `Court`, `Wall` / `Street`) make a phrase of the
  text's own, with nothing between the halves (after a first half of four words or more ending on a word, before
  a second half ending a sentence) or across furniture. So does, in a document whose paragraphs end with sentence
  ends, running text that holds a sentence end and stops one or two words into a sentence that opens on a
  function word of its language (`… des Landes Niedersachsen. Auf` / `Grundlage des § 3 …`, `… were in Ostland. The
  Northfield` / `Board on rivers …`), before a capitalised word that is no function word: a label added under a
  paragraph opens on a content word (`Enjoy`) or runs longer (`A Reader Thread`). The word lists are data, one file per language
  (`src/rules/page_boundary/languages/*.toml`);
- running text below the lines on top that plainly stops mid-clause (the first kind of evidence above)
  continues across a section name printed once, one capitalised word (`products sold in the` / `Politics` /
  `United States …`), or a running header printed once, one line cut in parts by separators (`the Salon, the` /
  `June 7, 2018 | Site` / `CPD Policy Blog …`), beside furniture by shape or repetition: no heading stands after a
  sentence cut mid-way;
- with page furniture between the halves, weaker evidence adds up with it: a word that seldom ends a sentence
  (an auxiliary, a particle; in German also a number in words, which counts a noun still to come: `In den zehn`
  / `Blatt 2` / `Jahren vor Corona …`, wrong where a clause ends on a time, `um zehn`), a comma, or a first half of running text in a document whose paragraphs end
  with sentence ends. Beside a page number (or another line in the shape of furniture), the labels of the same
  run count as furniture too (`Science | Site` / `page 2 of 6`) after a first half of running text, and running
  text that holds a sentence end (or, below the lines on top, without parts between separators, is one sentence
  of twelve words or more: a heading is shorter) and stops on a lower-case word, not on a link, continues before a capitalised word that is no function word (`spoken with the
  whistleblower` / `page 2 of 6` / `Congress asked …`); in a language that writes its nouns with a capital, on a
  noun after a lower-case word too (`nach nur einer halben Stunde` / `— 2 —` / `Satz eins.`). So does, in such
  a document, a first half of mostly lower-case words that ends on a name begun right after a word after which no
  sentence ends, in a language that writes only names with a capital (`battling extradition to the United` / `— 2
  —` / `States, which …`; an invisible character between the two words parts nothing), before a capitalised word
  that is no function word and that the document never writes in lower case; so does it with nothing between the
  halves, before a second half that ends a sentence and is a paragraph in its own right (`the warmest year since
  the Industrial` / `Revolution is …`): no sentence ends on an article and half a name, and a heading in title
  case is no mostly lower-case text. In a language that writes its nouns with a capital, a word after which
  sentences seldom end does not count beside furniture before a capitalised word that the document writes in
  lower case elsewhere (`Plankton zersetzt sich` / `| 1 |` / `Die Eiweisse …`, `Er`, `Wir`, `Gestern`): only a
  sentence start capitalises it; a noun or a name goes on (wrong for the polite `Sie`, capitalised inside a
  sentence, where the document also writes `sie`).

Whether the document writes a word in lower case is read in its text, not in its addresses (a link's target, a
URL, a `www.` name): `https://www.health.northfield.example.org/…` does not make `Northfield` a common word.

A document ends its paragraphs with sentence ends when few of its paragraphs of eight words or more end open
before a capital; a first half that holds a sentence end, with nothing between it and its second half, may read
the same of the paragraphs that hold a sentence end instead: headings printed as plain paragraphs are one sentence
each without its period. A footnote mark after a sentence end (`… angenommen. [2]`, `… taken.¹`) ends a paragraph
as the sentence end does.

When two first halves could go on in the same second half (a short open line stands between), the nearer one
is the split if it reads as text (mostly lower-case words, in German two in five; no furniture shape, no copies,
no header shape) and the other could not run on past it: the other is a label of six words or fewer, or no
running text (a heading, a title: `A Short History of the Mill` / `The mill was rebuilt … kept the old` /
`wheel turning …`), or the nearer one flows into the second half (four words or more, and nothing between or a
plain mid-clause stop), or the nearer one is running text (eight words or more, mostly lower case, its last
sentence no short line: `… several standards have been developed over the years,` / `— 6 / 11 —` / `which form
…`) and the farther one does not stop mid-clause. Otherwise (running text above a footer without a shape, `See next page` / `4`) the
farther one is, and the line between goes as furniture; running text between (eight words or more, mostly lower
case) is never taken so, even where a link's address gives it a header's shape, nor, under a farther one of six
words or fewer that does not stop mid-clause, a line of more words than that without the shape of furniture or of
a header (a German sentence, whose nouns leave it short of the lower-case share of text): that line is the split.

A headline with its site name on top (above the first paragraph of running text, cut in parts by a separator:
`Title « Site`, `Title | Site`, `Title :: Site`) is never the first half of a paragraph that a capital or a quote
continues with nothing between: `«` there is a separator, not a quote left open, and the site's name at its end
says nothing of a sentence going on (a short first paragraph cut so on top stays cut).

A sentence ends on `.`, `!`, `?` or `…`, maybe inside a closing quote or bracket: `”`, `»`, and after a word `“`,
`‘` and `«` as German prints them (`„so.“`, `»so.«`); a quoted word at the end (`„einmalig“`) counts as one.

In paged text (a PDF's text layer, `pdftotext` output: see `B004`) the last body line of a page goes on after
the furniture and the page break when it ends without a sentence end and the next body line opens in lower case
or between two CJK characters, or when it is full: the next line's first word would not have fitted on it (its
width against the page's measure, or in a PDF the room left on the line against that word's drawn width); and
when it ends on a link whose next part opens the next page (the same target), whatever its words.

## Safety
Headings, list items, quotes, tables and code are never joined. It can be wrong on a heading or label without
punctuation that ends on a function word (`Cooking with`, or a particle: `What we are working on`, or a
conjunction: `Know when` above a paragraph that opens on a name) above a paragraph (or above a one-word
heading and a paragraph: the heading goes as furniture), on a real paragraph that stops
mid-phrase (or on a dash after a space) followed by one that starts in lower case (or with a dash before a
lower-case word, or a quoted word in lower case), on a list line ending on a comma above a short line that opens on
a name, on a caption of lower-case words ending on a name after an article (`A view of the Thames`) above a page
number and a paragraph opening on a name (or, with nothing between, above a paragraph of its own that ends a
sentence and opens on a name the document never writes in lower case), on a subheading of eight words or more in
sentence case and full of names above a paragraph that opens on a name, on a long label or caption without punctuation that ends
on a name (`… interview with Carlos Miguel`) above a paragraph starting with a name, on a paragraph ending
without punctuation (a teaser, a caption) above one that opens on a name used elsewhere or on a capitalised
word the document never writes in lower case (a caption above `Ms Persson said: …`, a German sentence ending on
a noun above an imperative `Achten Sie …`), on a paragraph of
several sentences ending without punctuation above a page number and a paragraph opening on a word the lists do
not know as a function word (an adverb: `Cependant`), on a footer without a shape of four words or more in
lower case right above the rest of a cut sentence (read as its first half, the sentence above it left open), on a
line without punctuation above one that opens on the word the document writes after its last word elsewhere (the
lines of a list that repeats an item: `1 tsp. seed butter` / `Portion Box Sizes: …` where `seed butter Portion`
stands on one line; a title cut by a print layout is joined back, which is right, but then no longer matches the
site's title above it; a heading or a caption ending on the first word of a name the text writes whole elsewhere,
`Inside the White` / `House Speaker …` where `White House` stands, joins the paragraph below it: the phrase test asks
neither for running text nor for a document that ends its paragraphs with sentences), on a paragraph ending on a
label of one or two words that opens on a function word (`… it said. By Reuters`, `… in the report. The
Guardian`: the openers counted include words that can end a sentence, such as `this`, `some`, `by`, `about`) above
one that opens on a name, on a line ending on a quoted title without punctuation (`She called it “a disaster”`)
above a paragraph that opens in lower case (a brand written so, `iPhone`, `eBay`), on a paragraph that plainly
stops mid-clause above a line cut by separators that is text (a caption `Photo: A. Smith | Reuters` goes as
furniture when the paragraph below it opens on a capital), and, in a language without
lists, only one- and two-letter lower-case words count as function words."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        if let Some(plan) = cx.paged_plan() {
            return plan.edits_by(By::PageBreak);
        }
        cx.pages()
            .splits(Join::Space)
            .map(|b| {
                let start = content_end(body, b.prev);
                Edit::replace(start..body.blocks[b.next].range.start, " ")
            })
            .collect()
    }
}
