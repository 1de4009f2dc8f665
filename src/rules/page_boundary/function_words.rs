//! Function words per language: the articles, prepositions, conjunctions and determiners after which no sentence
//! ends, and a guess of a document's language from how many of its words are among them.
//!
//! The lists are closed classes, short and stable, chosen for precision: a word that can also end a clause (an
//! English particle such as `in` or `up`, a German separable prefix such as `an` or `mit`, a pronoun such as `her`)
//! is left out, so that a line ending on a listed word is cut mid-clause in any text of that language.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// A language the lists cover, by its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Language(usize);

impl Language {
    /// Whether no sentence of this language ends on `word` (compared in lower case).
    pub fn never_final(self, word: &str) -> bool {
        let word = word.to_lowercase();
        NEVER_FINAL[self.0].1.contains(&word.as_str())
    }

    /// Whether a sentence of this language seldom ends on `word`: auxiliaries, particles, pronouns and adverbs that
    /// can close a clause (`Who we are`, `Log in`, `Er kommt an`) but mostly do not. Weaker evidence than
    /// [`Language::never_final`], for use together with other evidence.
    pub fn seldom_final(self, word: &str) -> bool {
        let word = word.to_lowercase();
        SELDOM_FINAL[self.0].1.contains(&word.as_str())
    }

    /// Whether a line ending on `before last` stops inside a noun phrase, in a language that writes its nouns
    /// with a capital (German): an article or a determiner and a lower-case word with an adjective's ending
    /// (`eine ökumenische`, `dem lebensweltlichen`) wait for the noun, which would be capitalised. The few words
    /// that stand for a noun in lower case (`die anderen`, `die meisten`) are left out.
    pub fn awaits_noun(self, before: &str, last: &str) -> bool {
        if self.code() != "de" || !last.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let last = last.to_lowercase();
        let before = before.to_lowercase();
        DE_DETERMINERS.contains(&before.as_str())
            && last.chars().all(|c| c.is_alphabetic() || c == '-')
            && ["e", "en", "er", "es", "em"]
                .iter()
                .any(|ending| last.ends_with(ending))
            && !DE_LOWERCASE_PRONOUNS
                .iter()
                .any(|stem| last.starts_with(stem))
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        NEVER_FINAL[self.0].0
    }
}

/// The longest token looked up, in bytes.
const MAX_WORD_BYTES: usize = 12;

/// Fewer hits than this and a text is too short, or in a language the lists do not cover, to guess.
const MIN_HITS: usize = 4;

/// How many function words of each language a text holds, in the order of the lists.
pub(crate) type Hits = [usize; LANGUAGES];

/// The number of languages the lists cover.
const LANGUAGES: usize = NEVER_FINAL.len();

/// The language whose function words are the most frequent in `text`, if it has enough of them.
pub(crate) fn guess(text: &str) -> Option<Language> {
    best(&hits(text))
}

/// The function words of `text`, counted per language. Words never span white space, so the hits of a text are
/// the sum of the hits of its lines or blocks: a block that did not change need not be counted again.
pub(crate) fn hits(text: &str) -> Hits {
    let mut hits = [0usize; LANGUAGES];
    let mut lowered = String::new();
    for token in text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')) {
        if token.is_empty() || token.len() > MAX_WORD_BYTES {
            continue;
        }
        // An ASCII word is looked up only when a listed word has its first letter and its length.
        let first = token.as_bytes()[0].to_ascii_lowercase();
        if token.is_ascii() && SHAPES[usize::from(first & 0x7f)] & (1 << token.len()) == 0 {
            continue;
        }
        // Most words are lowercase already: only the others are copied.
        let word = if token.bytes().all(|b| b.is_ascii_lowercase()) {
            token
        } else {
            lowered.clear();
            lowered.extend(token.chars().flat_map(char::to_lowercase));
            lowered.as_str()
        };
        if let Some(&mask) = INDEX.get(word) {
            for (i, hit) in hits.iter_mut().enumerate() {
                *hit += usize::from(mask & (1 << i) != 0);
            }
        }
    }
    hits
}

/// The language with the most hits, if it has enough of them (the first listed on a tie).
pub(crate) fn best(hits: &Hits) -> Option<Language> {
    let (best, &count) = hits
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))?;
    (count >= MIN_HITS).then_some(Language(best))
}

/// Every listed word and the languages (a bit each) that list it, looked up for every word of a document: a hash
/// for short keys.
static INDEX: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut index: FxHashMap<&'static str, u16> = FxHashMap::default();
    for (i, (_, words)) in NEVER_FINAL.iter().enumerate() {
        for word in *words {
            *index.entry(word).or_default() |= 1 << i;
        }
    }
    index
});

/// German articles and determiners, which an adjective and a noun follow.
static DE_DETERMINERS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen", "eines",
    "kein", "keine", "keiner", "keinem", "keinen", "keines", "mein", "meine", "meinen", "meinem",
    "meiner", "meines", "dein", "deine", "deinen", "deinem", "deiner", "deines", "sein", "seine",
    "seinen", "seinem", "seiner", "seines", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres",
    "unser", "unsere", "unseren", "unserem", "unserer", "unseres", "euer", "eure", "euren",
    "eurem", "eurer", "eures", "dieser", "diese", "dieses", "diesen", "diesem", "jeder", "jede",
    "jedes", "jeden", "jedem", "welcher", "welche", "welches", "welchen", "welchem",
];

/// Lower-case German words that stand for a noun after an article (`die anderen`, `die meisten`, `die beiden`,
/// `der eine`), by their stem.
static DE_LOWERCASE_PRONOUNS: &[&str] = &[
    "ander", "meist", "beid", "wenigst", "ein", "selb", "gleich", "übrig", "folgend", "jen",
];

/// For each ASCII byte, the lengths (a bit each) of the listed words that start with it: most words of a text are
/// not listed, and this tells so for many of them without a lookup.
static SHAPES: LazyLock<[u16; 128]> = LazyLock::new(|| {
    let mut shapes = [0u16; 128];
    for word in INDEX.keys() {
        let first = word.as_bytes()[0];
        if first.is_ascii() && word.len() <= MAX_WORD_BYTES {
            shapes[usize::from(first)] |= 1 << word.len();
        }
    }
    shapes
});

/// Words after which no sentence ends, per language.
static NEVER_FINAL: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "a",
            "an",
            "the",
            "of",
            "to",
            "for",
            "from",
            "with",
            "at",
            "into",
            "onto",
            "upon",
            "among",
            "amongst",
            "between",
            "during",
            "against",
            "than",
            "via",
            "per",
            "toward",
            "towards",
            "despite",
            "throughout",
            "as",
            "and",
            "or",
            "but",
            "nor",
            "because",
            "although",
            "whereas",
            "if",
            "unless",
            "whether",
            "my",
            "your",
            "its",
            "our",
            "their",
            "every",
            "very",
        ],
    ),
    (
        "de",
        &[
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einer",
            "einem",
            "einen",
            "eines",
            "und",
            "oder",
            "aber",
            "sondern",
            "denn",
            "weil",
            "dass",
            "daß",
            "ob",
            "wenn",
            "von",
            "für",
            "seit",
            "gegen",
            "ohne",
            "zwischen",
            "während",
            "wegen",
            "trotz",
            "statt",
            "innerhalb",
            "außerhalb",
            "sowie",
            "in",
            "im",
            "am",
            "zum",
            "zur",
            "vom",
            "beim",
            "ins",
            "mein",
            "meine",
            "meinen",
            "meinem",
            "meiner",
            "meines",
            "deine",
            "deinen",
            "deinem",
            "deiner",
            "seine",
            "seinen",
            "seinem",
            "seiner",
            "seines",
            "ihre",
            "ihren",
            "ihrem",
            "ihres",
            "unsere",
            "unseren",
            "unserem",
            "unserer",
            "eure",
            "euren",
            "eurem",
            "dieser",
            "diese",
            "dieses",
            "diesen",
            "diesem",
            "jeder",
            "jede",
            "jedes",
            "jeden",
            "jedem",
            "welche",
            "welcher",
            "welches",
            "welchen",
            "welchem",
            "keine",
            "keinen",
            "keinem",
            "sehr",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "et", "ou",
            "mais", "car", "que", "qu'", "dont", "à", "dans", "par", "pour", "sur", "sous", "avec",
            "sans", "chez", "entre", "vers", "contre", "selon", "depuis", "pendant", "mon", "ma",
            "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leurs",
            "ce", "cet", "cette", "ces", "très", "ne", "n'",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "un", "una", "unos", "unas", "del", "al", "de", "a", "en",
            "con", "por", "para", "sin", "sobre", "entre", "hacia", "hasta", "desde", "durante",
            "según", "y", "e", "o", "u", "ni", "pero", "sino", "que", "porque", "aunque", "mi",
            "mis", "tu", "tus", "su", "sus", "nuestro", "nuestra", "nuestros", "nuestras", "este",
            "esta", "estos", "estas", "ese", "esa", "esos", "esas", "cada", "muy",
        ],
    ),
    (
        "pt",
        &[
            "o", "a", "os", "as", "um", "uma", "uns", "umas", "do", "da", "dos", "das", "no", "na",
            "nos", "nas", "ao", "aos", "pelo", "pela", "pelos", "pelas", "de", "em", "com", "por",
            "para", "sem", "sobre", "entre", "até", "desde", "e", "ou", "mas", "porque", "que",
            "seu", "sua", "seus", "suas", "meu", "minha", "este", "esta", "esse", "essa", "cada",
            "muito", "num", "numa",
        ],
    ),
    (
        "it",
        &[
            "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "del", "dello", "della", "dei",
            "degli", "delle", "al", "allo", "alla", "ai", "agli", "alle", "dal", "dalla", "dai",
            "nel", "nello", "nella", "nei", "negli", "nelle", "sul", "sulla", "di", "a", "da",
            "in", "con", "su", "per", "tra", "fra", "e", "ed", "o", "ma", "che", "perché", "mio",
            "mia", "suo", "sua", "questo", "questa", "quel", "quella", "ogni", "molto",
        ],
    ),
    (
        "nl",
        &[
            "de", "het", "een", "van", "en", "maar", "dat", "met", "tot", "zonder", "tegen",
            "tussen", "naar", "mijn", "onze", "deze", "welke",
        ],
    ),
    (
        "pl",
        &[
            "i", "oraz", "a", "ale", "lub", "albo", "że", "żeby", "w", "we", "z", "ze", "na", "do",
            "od", "przez", "dla", "przy", "o", "u", "za", "pod", "nad", "przed", "między", "bez",
            "który", "która", "które", "których", "bardzo",
        ],
    ),
    (
        "ru",
        &[
            "и",
            "или",
            "а",
            "но",
            "чтобы",
            "в",
            "во",
            "на",
            "с",
            "со",
            "к",
            "ко",
            "по",
            "о",
            "об",
            "от",
            "до",
            "из",
            "у",
            "за",
            "для",
            "при",
            "без",
            "под",
            "над",
            "перед",
            "между",
            "через",
            "про",
            "который",
            "которая",
            "которое",
            "которые",
            "очень",
        ],
    ),
    (
        "id",
        &[
            "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "oleh", "atau",
            "tetapi", "karena", "bahwa", "para", "sang",
        ],
    ),
];

/// Words after which a sentence seldom ends, per language, in the order of [`NEVER_FINAL`].
static SELDOM_FINAL: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "in", "on", "by", "up", "out", "over", "off", "about", "is", "are", "was", "were",
            "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may",
            "might", "must", "that", "which", "who", "his", "her", "this", "these", "those",
            "such", "not", "many", "several", "few", "some", "all", "both",
        ],
    ),
    (
        "de",
        &[
            "an", "auf", "aus", "mit", "zu", "nach", "vor", "um", "über", "durch", "ab", "bei",
            "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben",
            "hatte", "hatten", "kann", "können", "muss", "müssen", "soll", "sollen", "als", "wie",
            "sich", "ihr", "sein", "viele", "einige", "mehrere", "manche", "wenige", "beide",
            "alle",
        ],
    ),
    (
        "fr",
        &[
            "qui", "est", "sont", "était", "ont", "a", "été", "se", "en", "y", "comme", "si", "où",
            "plus",
        ],
    ),
    (
        "es",
        &[
            "es", "son", "fue", "ha", "han", "se", "lo", "le", "les", "como", "si", "cuando",
            "donde", "más",
        ],
    ),
    (
        "pt",
        &[
            "é", "são", "foi", "tem", "se", "como", "quando", "onde", "mais", "já",
        ],
    ),
    (
        "it",
        &[
            "è", "sono", "era", "ha", "hanno", "si", "come", "quando", "dove", "più",
        ],
    ),
    (
        "nl",
        &[
            "in", "op", "aan", "uit", "door", "over", "om", "is", "zijn", "was", "werd", "heeft",
            "hebben", "wordt", "voor", "bij", "als",
        ],
    ),
    (
        "pl",
        &[
            "jest", "są", "był", "była", "było", "się", "jak", "czy", "to", "po", "jego", "jej",
            "ich",
        ],
    ),
    (
        "ru",
        &[
            "что", "как", "это", "был", "была", "было", "были", "есть", "его", "её", "их", "не",
            "же",
        ],
    ),
    (
        "id",
        &["ini", "itu", "adalah", "akan", "sudah", "telah", "juga"],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_tables_list_the_same_languages() {
        let never: Vec<&str> = NEVER_FINAL.iter().map(|(c, _)| *c).collect();
        let seldom: Vec<&str> = SELDOM_FINAL.iter().map(|(c, _)| *c).collect();
        assert_eq!(never, seldom);
    }

    #[test]
    fn language_is_guessed_from_its_function_words() {
        let de = "Die Regierung hat in der Nacht einen Plan für die Stadt und das Land vorgelegt.";
        assert_eq!(guess(de).map(Language::code), Some("de"));
        let en = "The plan for the city and the country was presented at night by the government.";
        assert_eq!(guess(en).map(Language::code), Some("en"));
        let fr = "Le plan de la ville et du pays a été présenté dans la nuit par le gouvernement.";
        assert_eq!(guess(fr).map(Language::code), Some("fr"));
        assert_eq!(guess("日本語の文章です。"), None);
    }

    #[test]
    fn never_final_words_are_per_language() {
        let de = guess("Die Regierung hat in der Nacht einen Plan für die Stadt und das Land.")
            .expect("German is guessed");
        assert!(de.never_final("der"));
        assert!(de.never_final("Die"));
        // A separable prefix ends German clauses (`Er kommt morgen an.`).
        assert!(!de.never_final("an"));
        let en = guess("The plan for the city and the country was presented at night.")
            .expect("English is guessed");
        assert!(en.never_final("the"));
        assert!(!en.never_final("die"));
        assert!(!en.never_final("up"));
        assert!(en.seldom_final("up"));
    }

    #[test]
    fn german_articles_and_adjectives_await_their_noun() {
        let de = guess("Die Regierung hat in der Nacht einen Plan für die Stadt und das Land.")
            .expect("German is guessed");
        assert!(de.awaits_noun("eine", "ökumenische"));
        assert!(de.awaits_noun("dem", "lebensweltlichen"));
        assert!(!de.awaits_noun("die", "anderen"));
        assert!(!de.awaits_noun("die", "Stadt"));
        assert!(!de.awaits_noun("von", "oben"));
        let en = guess("The plan for the city and the country was presented at night.")
            .expect("English is guessed");
        assert!(!en.awaits_noun("the", "blue"));
    }

    #[test]
    fn hits_add_up_over_lines() {
        let text = "Die Regierung hat in der Nacht\n\neinen Plan für die Stadt vorgelegt.";
        let (a, b) = text.split_once("\n\n").expect("two blocks");
        let sum: Vec<usize> = hits(a).iter().zip(hits(b)).map(|(x, y)| x + y).collect();
        assert_eq!(sum, hits(text));
    }
}
