//! B002 `hyphen-split`: a word or compound hyphenated across a page boundary, rejoined with or without its hyphen.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::function_words;
use super::page::Join;
use crate::document::Edit;
use crate::rules::body::content_end;
use crate::rules::{Context, Rule};

/// A word hyphenated across a page boundary (see [`Rule::doc`]).
pub(crate) struct HyphenSplit;

impl Rule for HyphenSplit {
    fn code(&self) -> &'static str {
        "B002"
    }

    fn name(&self) -> &'static str {
        "hyphen-split"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A paragraph cut at a page boundary right after a hyphen. A hyphenated word (`inter-` / `national`) is joined
without the hyphen; a compound (`well-` / `known`) keeps it. Furniture between the halves goes.

## Example
raw: `an inter-` / `3` / `national group.`
clean: `an international group.`

## Evidence
In order: a capital after the hyphen, a digit, a second hyphen or a capital inside the first part means a compound
(`Franco-German`, `mid-2020s`, `CDU-Politiker`); the hyphenated or the joined form elsewhere in the document
decides, its title too (`au-` / `dessous` under the title `… au-dessous de la moyenne`: the header the reader takes
into metadata before the cleanup is the document's own spelling); in an English document a second part of one or
two letters means a compound (`built-` / `in`, though the list holds `builtin`): English typesetting carries at
least three letters of a hyphenated word to the next line (wrong only for a text hyphenated against that
convention); a first part that starts another hyphenated word of the document, or a second part that ends one,
means a compound (`vice-` / `présidence` where `vice-président` stands, `elles-` / `mêmes` where `eux-mêmes`
stands: the document builds compounds of that part, in any language), and in an English document the joined word in
the shipped English word list (derived from SCOWL) means hyphenation, except where such a part meets a second part
that is a word of its own (`non-` / `compliance` where `non-personal` stands, though the list holds
`noncompliance`): the document's usage goes before the list; a second part that is a word of its own (in the
document once more than at the break, in the list, or a function word of the document's language: `lead-` / `up`)
after a first part that is a word too, a short prefix (`co-`, `ex-`) or a capitalised name (`Maryland-based`) means
a compound; in English, where the list has ruled out words that hyphenation splits in two words, a first part that
is a word is enough (`laser-like`); in a language that writes its compounds with a hyphen or apart (French,
Spanish, Portuguese, Italian: the language file's `hyphenates-compounds`), two parts of seven letters or more, the
first no function word, make a compound when either part is a word of the document (`agrícola-` / `ganadera` where
`agrícola` stands, `enseignants-` / `chercheurs` where `chercheurs` stands): hyphenation there cuts syllables,
which seldom make a whole word of that length; in the same languages a cut between a consonant and a vowel, after
three letters or more that are no function word, makes a compound (`mal-` / `estar`): syllables carry a single
consonant over with the vowel after it (`ma-les-tar`). Otherwise the hyphen is taken as hyphenation.

## Safety
A compound of two rare words never seen apart in the document loses its hyphen (`кисло-сладкого` in a short text);
a word hyphenated between two parts that are both words (`some-times` in a non-English text, `Mary-land`) keeps it,
and so does a hyphenation fragment that is a function word of the language after a short first part or a word
(`Kun-` / `den` where the document writes `den`, `in-` / `to`), and so does a hyphenation fragment that happens to
be a part of another compound of the document (a syllable such as `re-` where `re-election` stands; in English only
when the second part is a word too, so `re-` / `search` keeps its hyphen in a document that writes `re-election`,
`pro-` / `fessor` does not). In French, Spanish, Portuguese and Italian, a word hyphenated between two parts of
seven letters or more, one of them a word of the document, keeps the hyphen too (syllables that long seldom make a
word; word endings such as `-lement`, `-mente`, `-ses` are shorter), and so does a word cut between a consonant and
a vowel where the text hyphenates by etymology (`sub-` / `urbano`; after a function word such as `des-` /
`agréable` it loses it). The word list can be wrong where it lists a joined spelling that the text hyphenates and
the document builds no compound of either part (`onetime`, `costar`)."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        if cx.paged_plan().is_some() {
            // Paged text: line-end hyphens are decided by `B004` with [`hyphen_judge`].
            return Vec::new();
        }
        let pages = cx.pages();
        let mut vocabulary: Option<Vocabulary> = None;
        pages
            .splits(Join::Hyphen)
            .filter_map(|b| {
                let end = content_end(body, b.prev);
                let next_start = body.blocks[b.next].range.start;
                let prev_text = &body.text[body.blocks[b.prev].range.start..end];
                let hyphen = prev_text.char_indices().next_back()?.0;
                let left = last_word(&prev_text[..hyphen]);
                let right = first_word(&body.text[next_start..]);
                let vocabulary =
                    vocabulary.get_or_insert_with(|| Vocabulary::of(body.text, cx.masthead));
                let keep = is_compound(left, right, vocabulary);
                let hyphen_start = body.blocks[b.prev].range.start + hyphen;
                Some(if keep {
                    Edit::delete(end..next_start)
                } else {
                    Edit::delete(hyphen_start..next_start)
                })
            })
            .collect()
    }
}

/// A judge of line-end hyphens in `document`, by the evidence of [`HyphenSplit`]: given the text before the hyphen
/// and the text after the break, whether the hyphen belongs to a compound and stays.
pub(crate) fn hyphen_judge(document: &str) -> impl Fn(&str, &str) -> bool {
    let vocabulary = Vocabulary::of(document, &[]);
    move |left, right| is_compound(last_word(left), first_word(right), &vocabulary)
}

/// The words of the document, lowercased, with how often each occurs: the joined and hyphenated forms it uses
/// elsewhere, and whether the parts of a split word are words of their own. The document's words include those of
/// the lines its header printed above the text, which the reader took into metadata (its title): `au-dessous` in
/// the title tells how the text spells the word. The shipped list is English, so it only speaks for a document in
/// English (or too short to tell).
struct Vocabulary {
    words: HashMap<String, usize>,
    english: bool,
    /// The language of the document's function words, if it has enough of them to tell.
    language: Option<function_words::Language>,
    /// The first and the last parts of the hyphenated words the document writes (`vice` and `président` of
    /// `vice-président`), lowercased: the parts it builds compounds of.
    compound_parts: (HashSet<String>, HashSet<String>),
}

impl Vocabulary {
    /// The vocabulary of the body `text` under the lines `masthead` (lowercased) that its header printed above it.
    fn of(text: &str, masthead: &[String]) -> Vocabulary {
        let mut words: HashMap<String, usize> = HashMap::new();
        for w in std::iter::once(text)
            .chain(masthead.iter().map(String::as_str))
            .flat_map(|text| text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'')))
            .filter(|w| !w.is_empty() && !w.ends_with('-') && !w.starts_with('-'))
        {
            *words.entry(w.to_lowercase()).or_default() += 1;
        }
        // Too little text to guess from: English when it is written in the Latin alphabet.
        let language = function_words::guess(text);
        let english = match language {
            Some(language) => language.code() == "en",
            None => text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_ascii_alphabetic()),
        };
        let mut compound_parts = (HashSet::new(), HashSet::new());
        for word in words.keys() {
            if let (Some((first, _)), Some((_, last))) =
                (word.split_once('-'), word.rsplit_once('-'))
            {
                compound_parts.0.insert(first.to_owned());
                compound_parts.1.insert(last.to_owned());
            }
        }
        Vocabulary {
            words,
            english,
            language,
            compound_parts,
        }
    }

    fn count(&self, word: &str) -> usize {
        self.words.get(word).copied().unwrap_or(0)
    }

    fn listed(&self, word: &str) -> bool {
        self.english && WORDS.contains(word)
    }

    /// Whether `word` is a function word of the document's language (`up`, `in`, `off`): a word of the language
    /// however rare in the document, as short as a hyphenation fragment may be.
    fn function_word(&self, word: &str) -> bool {
        self.language
            .is_some_and(|l| l.never_final(word) || l.seldom_final(word))
    }
}

/// The shipped word list: lowercase English words of five letters or more, from SCOWL (see words.COPYRIGHT).
static WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("words.txt").lines().collect());

/// The fewest letters English hyphenation carries over to the next line (the right-hand minimum of the
/// typesetting conventions, TeX's `\righthyphenmin`).
const MIN_ENGLISH_CARRIED_CHARS: usize = 3;

/// A first part this short before a whole word is a prefix or a short word of a compound (`co-`, `ex-`,
/// `four-`), not a hyphenation fragment, which leaves at least a syllable and usually more on each side.
const MAX_PREFIX_CHARS: usize = 4;

fn is_compound(left: &str, right: &str, vocabulary: &Vocabulary) -> bool {
    if left.is_empty() || right.is_empty() {
        return true;
    }
    // Shape: hyphenation splits one lower-case word, so a capital after the hyphen (`Franco-German`,
    // `CDU-Politiker`), a digit (`mid-2020s`, `25-year`), another hyphen or a capital inside the first part
    // (`eGK-`) make a compound.
    let structural = right.starts_with(char::is_uppercase)
        || left.contains('-')
        || right.contains('-')
        || left
            .chars()
            .chain(right.chars())
            .any(|c| c.is_ascii_digit())
        || left.chars().skip(1).any(char::is_uppercase);
    if structural {
        return true;
    }
    let left_lower = left.to_lowercase();
    let right_lower = right.to_lowercase();
    let joined = format!("{left_lower}{right_lower}");
    let hyphenated = format!("{left_lower}-{right_lower}");
    // The document's own spelling of the word elsewhere.
    if vocabulary.count(&hyphenated) > 0 {
        return true;
    }
    if vocabulary.count(&joined) > 0 {
        return false;
    }
    // English typesetting carries at least three letters of a hyphenated word to the next line: a second part of
    // one or two letters is a word of a compound (`built-` / `in`, `close-` / `up`), whatever the list holds.
    if vocabulary.english && right.chars().count() < MIN_ENGLISH_CARRIED_CHARS {
        return true;
    }
    // A first part that starts another compound of the document, or a second part that ends one (`vice-` /
    // `présidence` where `vice-président` stands, `elles-` / `mêmes` where `eux-mêmes` stands): the document builds
    // compounds of that part, in any language, while a hyphenation fragment (`pollu-`, `-tion`) is a syllable,
    // which seldom stands as a part of a hyphenated word.
    let builds_compounds = vocabulary.compound_parts.0.contains(&left_lower)
        || vocabulary.compound_parts.1.contains(&right_lower);
    // A second part that is a word of its own: in the document once more than at the break, in the list, or a
    // function word of the document's language (`lead-` / `up`, `sit-` / `in`).
    let right_word = vocabulary.count(&right_lower) > 1
        || vocabulary.listed(&right_lower)
        || vocabulary.function_word(&right_lower);
    // The document's compounds go before the word list, which lists joined spellings that texts hyphenate
    // (`non-` / `compliance` where `non-personal` stands, though the list holds `noncompliance`), when the second
    // part is a word too: a syllable split off a prefix that the document also hyphenates (`pro-` / `fessor`
    // where `pro-choice` stands) is no word.
    if vocabulary.listed(&joined) && !(builds_compounds && right_word) {
        return false;
    }
    if builds_compounds {
        return true;
    }
    // Both parts words of their own make a compound (`well-known`, `Maryland-based`); the second part is found
    // at the break itself, so it must occur once more. A hyphenation fragment (`pollu-`, `вкусно-` / `стями`)
    // leaves at least one part that is no word. In English the list has already ruled out the words that
    // hyphenation splits into two words (`some-times`), and it holds no word under five letters (`-like`,
    // `-hand`), so a first part that is a word is enough there.
    let left_word = vocabulary.count(&left_lower) > 0 || vocabulary.listed(&left_lower);
    let prefix = left.chars().count() <= MAX_PREFIX_CHARS;
    let name = left.starts_with(char::is_uppercase);
    // In a language that writes its compounds with a hyphen or apart (French, Spanish, Portuguese, Italian),
    // hyphenation cuts syllables: two parts of many letters, the first no function word (`enseignants-` /
    // `chercheurs`, `agrícola-` / `ganadera`), make a compound when either is a word of the document (`agrícola`
    // elsewhere, `chercheurs` once more than at the break). A syllable that happens to be a word is short (`par-` /
    // `tie`, `entrepri-` / `ses`, `actuel-` / `lement`, `completa-` / `mente`) or a preposition (`entre-` /
    // `prise`), which a language closing its compounds (`Zeit-` / `punkt`) would not tell apart.
    let long = |part: &str| part.chars().count() >= MIN_OPEN_COMPOUND_PART_CHARS;
    let open_compound = vocabulary
        .language
        .is_some_and(function_words::Language::hyphenates_compounds)
        && long(left)
        && long(right)
        && !vocabulary.function_word(&left_lower)
        && (left_word || vocabulary.count(&right_lower) > 1);
    // The same languages hyphenate by syllables, which carry a single consonant over with the vowel after it
    // (`ma-les-tar`, `pro-duc-tion`): a cut between a consonant and a vowel (`mal-` / `estar`) is no hyphenation
    // point. A function word before it can be a prefix cut apart by etymology (`des-` / `agréable`).
    let cut_before_vowel = vocabulary
        .language
        .is_some_and(function_words::Language::hyphenates_compounds)
        && left.chars().count() >= MIN_SYLLABLE_CUT_LEFT_CHARS
        && left.chars().next_back().is_some_and(is_consonant)
        && right
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() && is_vowel(c))
        && !vocabulary.function_word(&left_lower);
    (vocabulary.english && left_word)
        || (right_word && (left_word || prefix || name))
        || open_compound
        || cut_before_vowel
}

/// The fewest letters of a first part that [`is_compound`] reads by the shape of the cut alone: shorter parts
/// before a vowel are mostly elided or function words (`l'`, `d'`, `en-`).
const MIN_SYLLABLE_CUT_LEFT_CHARS: usize = 3;

/// Whether `c` is a vowel letter of a Latin-script language that hyphenates by syllables (with its accents).
fn is_vowel(c: char) -> bool {
    "aeiouáàâäéèêëíìîïóòôöúùûüãõœæ".contains(c.to_lowercase().next().unwrap_or(c))
}

/// Whether `c` is a consonant letter that closes a syllable (`y` and a silent `h` can end a vowel sound).
fn is_consonant(c: char) -> bool {
    c.is_ascii_alphabetic() && !is_vowel(c) && !matches!(c.to_ascii_lowercase(), 'y' | 'h')
}

/// The fewest letters of each part that [`is_compound`] reads as words of a compound on the evidence of either part
/// alone: a syllable of a hyphenated word that is also a word, or a word's ending, is shorter (`par-`, `contra-`,
/// `-ses`, `-lement`, `-mente`).
const MIN_OPEN_COMPOUND_PART_CHARS: usize = 7;

fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

fn first_word(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(left: &str, right: &str, doc: &str) -> bool {
        let doc = format!("{doc} {right}");
        is_compound(left, right, &Vocabulary::of(&doc, &[]))
    }

    #[test]
    fn hyphenated_word_in_the_word_list_loses_its_hyphen() {
        assert!(!decide("inter", "national", ""));
        assert!(!decide("pollu", "tion", ""));
    }

    #[test]
    fn the_documents_compounds_go_before_the_word_list() {
        // `noncompliance` is in the list, but the document builds compounds of `non-`.
        assert!(decide("non", "compliance", "non-personal data"));
        assert!(!decide("non", "compliance", ""));
        // A syllable after a prefix the document hyphenates elsewhere is no word: the list still decides.
        assert!(!decide("pro", "fessor", "pro-choice groups"));
    }

    #[test]
    fn compound_of_two_words_keeps_its_hyphen() {
        assert!(decide("well", "known", ""));
        assert!(decide("Eva", "Marie", ""));
        assert!(decide("four", "stroke", ""));
    }

    #[test]
    fn a_fragment_that_is_no_word_loses_the_hyphen() {
        let ru = "я очень люблю баловать их разными вкусно и вкусно";
        assert!(!decide("вкусно", "стями", ru));
        assert!(decide(
            "Maryland",
            "based",
            "a Maryland lawyer based in Baltimore"
        ));
        let fr = "Il a été accusé de participer à des opérations souvent pour le pays et la ville";
        assert!(!decide("illi", "cites", fr));
    }

    #[test]
    fn a_part_the_document_builds_compounds_of_keeps_the_hyphen() {
        let fr =
            "Le parti a élu un vice-président. Les militants le savent eux-mêmes depuis longtemps.";
        assert!(decide("vice", "présidence", fr));
        assert!(decide("elles", "mêmes", fr));
        // Without such a compound, the same rare parts read as a word hyphenated in two.
        let plain = "Le parti a élu un président. Les militants le savent depuis longtemps.";
        assert!(!decide("vice", "présidence", plain));
        // A syllable is no part of a compound of the document.
        assert!(!decide("illi", "cites", fr));
    }

    #[test]
    fn a_function_word_after_the_hyphen_is_a_word_of_the_compound() {
        let doc = "The commission said that voters are entitled to transparency from campaigners in the weeks \
                   before the vote, and that it would look at the rules for the campaign.";
        assert!(decide("lead", "up", doc));
        // A fragment that is no word stays hyphenation.
        assert!(!decide("lead", "ership", doc));
    }

    #[test]
    fn an_english_second_part_of_two_letters_is_a_word_of_a_compound() {
        // The list holds `builtin`, but English hyphenation carries three letters or more to the next line.
        assert!(decide("built", "in", ""));
        assert!(decide("close", "up", ""));
        // A longer second part is read as before: the list's joined word is hyphenation.
        assert!(!decide("inter", "national", ""));
        // Elsewhere the convention is not assumed (German carries two letters: `Kun-` / `den`).
        let de = "Die Kunden der Stadt haben in der Nacht einen Plan für die Stadt und das Land vorgelegt.";
        assert!(!decide("Kun", "de", de));
    }

    #[test]
    fn a_long_first_part_in_a_language_that_hyphenates_compounds_keeps_the_hyphen() {
        let spanish = "La producción agrícola de la región es la base de su economía y de la vida en el campo. \
            Los campesinos venden sus productos en el mercado de la ciudad cada semana, y los precios son bajos.";
        // `agrícola` stands elsewhere: a compound with a second part seen only at the break.
        assert!(decide("agrícola", "ganadera", spanish));
        // A first part that is no word of the document, a short part, or a preposition is a syllable.
        assert!(!decide("produc", "ción", spanish));
        assert!(!decide("entre", "prises", spanish));
        assert!(!decide("campesinos", "mente", spanish));
        // A second part that is a word of the document once more than at the break.
        assert!(decide("vendedores", "campesinos", spanish));
        // In a language that closes its compounds, a word before the hyphen is a syllable as often.
        let german = "Der Zeitpunkt war gut gewählt, und die Arbeit ging voran. Wir hatten keine Zeit mehr, \
            aber die Leute kamen trotzdem und halfen uns bei der Arbeit im Garten und auf dem Feld.";
        assert!(!decide("arbeit", "geber", german));
    }

    #[test]
    fn a_cut_between_a_consonant_and_a_vowel_is_a_compound_in_a_syllable_hyphenating_language() {
        let portuguese = "O encontro ocorreu em meio a uma crise entre a Corte e o governo, que não quis comentar \
            o caso com os jornalistas que estavam na sala para a entrevista sobre o país.";
        assert!(decide("mal", "estar", portuguese));
        // A cut before a consonant is a syllable's (`encon-` / `tro`), and a function word before a vowel may be
        // a prefix cut apart by etymology.
        assert!(!decide("encon", "tro", portuguese));
        assert!(!decide("com", "eço", portuguese));
        // English hyphenation cuts between a consonant and a vowel too (`pollut-` / `ion` is no compound).
        assert!(!decide("inter", "action", "The group met in the city."));
    }

    #[test]
    fn the_title_above_the_text_spells_the_compound() {
        let body = "Le classement du pays est au-\n\ndessous de la moyenne, disent les chiffres de la région.";
        let title = ["le pays au-dessous de la moyenne".to_string()];
        assert!(is_compound("au", "dessous", &Vocabulary::of(body, &title)));
        assert!(!is_compound("au", "dessous", &Vocabulary::of(body, &[])));
    }

    #[test]
    fn document_evidence_wins() {
        assert!(decide("data", "base", "we use a data-base here"));
        assert!(!decide("гото", "вится", "суп готовится быстро"));
    }
}
