//! Copies and near copies among the short lines: the template of a line (numbers masked), the lines of each template,
//! and the keys under which a line meets the lines that differ from it in one part.

use rustc_hash::FxHashMap as HashMap;

use super::shapes::{split_parts, MIN_NAME_LETTERS};

/// The most lines a family of near copies has: one a page in a long document. A larger family is a list whose
/// items share a part (and listing every member beside every other would cost the square of its size).
const MAX_NEAR_COPIES: usize = 100;

/// For each of `n` lines, the other members of the groups it is in (groups of 2 to [`MAX_NEAR_COPIES`] lines), in
/// order.
pub(super) fn near_lists<'a>(
    groups: impl Iterator<Item = &'a Vec<usize>>,
    n: usize,
) -> Vec<Vec<usize>> {
    let mut near = vec![Vec::new(); n];
    for members in groups.filter(|m| (2..=MAX_NEAR_COPIES).contains(&m.len())) {
        for &i in members {
            near[i].extend(members.iter().copied().filter(|&k| k != i));
        }
    }
    for others in &mut near {
        others.sort_unstable();
        others.dedup();
    }
    near
}

/// The keys under which a line meets its near copies (see [`near_copies`]): for each part that may change, the
/// parts of the line with that one blanked, each part followed by `\u{1}` and the blanked one written `\u{0}`
/// ([`NearKeys::bytes`]). A key is kept as its hash and the part it blanks, not written out: a menu line of
/// dozens of parts has as many keys, each as long as the line (callgrind: writing them out and hashing them was
/// some 2% of a markdown dump's instructions), while the hashes of all of them take one reading of the line; the
/// bytes of two keys are compared only where their hashes are equal.
///
/// [`near_copies`]: super::near_copies
#[derive(Debug, Default)]
pub(super) struct NearKeys {
    /// The parts of the template (see [`split_parts`]), as ranges of it.
    parts: Vec<std::ops::Range<usize>>,
    /// For each key, its hash (see [`NearKeys::of`]) and the part it blanks.
    pub(super) keys: Vec<(u64, usize)>,
}

/// The base of the polynomial hash of the bytes of a near key (see [`NearKeys::of`]): an odd number, so that
/// its powers never vanish modulo 2^64; a prime with its bits spread (FNV's 64-bit prime).
const NEAR_KEY_BASE: u64 = 0x0000_0100_0000_01b3;

impl NearKeys {
    /// The near keys of a line with the template `template`. The hash of a key is `Σ b_i · B^(n-1-i)` modulo 2^64
    /// over its `n` bytes `b_i` (`B` [`NEAR_KEY_BASE`]): the hash of two byte strings one after the other is the
    /// hash of the first times `B` to the length of the second, plus the hash of the second, so the hash of every
    /// key comes from the hashes of the parts before and after the blanked one.
    pub(super) fn of(template: &str) -> NearKeys {
        // Most short lines are one part: they have none.
        if split_parts(template).nth(1).is_none() {
            return NearKeys::default();
        }
        let parts = parts(template);
        // The parts that stay must name something (a site, a title), not only a number or a date: counted once a
        // part, not once a part for each part that may change (a menu line has dozens).
        let named: Vec<bool> = parts
            .iter()
            .map(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
            .collect();
        let all_named = named.iter().filter(|&&n| n).count();
        // Each part with its `\u{1}` after it: its hash and `B` to its length.
        let pieces: Vec<(u64, u64)> = parts
            .iter()
            .map(|p| {
                p.bytes()
                    .chain(std::iter::once(1))
                    .fold((0u64, 1u64), |(hash, power), b| {
                        (
                            hash.wrapping_mul(NEAR_KEY_BASE).wrapping_add(u64::from(b)),
                            power.wrapping_mul(NEAR_KEY_BASE),
                        )
                    })
            })
            .collect();
        // The hashes of the parts after each one (and `B` to their length), from the last.
        let mut after = vec![(0u64, 1u64); parts.len() + 1];
        for k in (0..parts.len()).rev() {
            let (hash, power) = pieces[k];
            let (rest, rest_power) = after[k + 1];
            after[k] = (
                hash.wrapping_mul(rest_power).wrapping_add(rest),
                power.wrapping_mul(rest_power),
            );
        }
        // The blanked part, `\u{0}\u{1}`: hash 1, two bytes.
        let (blank_hash, blank_power) = (1u64, NEAR_KEY_BASE.wrapping_mul(NEAR_KEY_BASE));
        let mut keys = Vec::new();
        let mut before = 0u64;
        for (j, &is_named) in named.iter().enumerate() {
            let stays_named = all_named > usize::from(is_named);
            if stays_named {
                let (rest, rest_power) = after[j + 1];
                let through_blank = before.wrapping_mul(blank_power).wrapping_add(blank_hash);
                keys.push((through_blank.wrapping_mul(rest_power).wrapping_add(rest), j));
            }
            let (hash, power) = pieces[j];
            before = before.wrapping_mul(power).wrapping_add(hash);
        }
        let base = template.as_ptr() as usize;
        let parts = parts
            .iter()
            .map(|p| {
                let start = p.as_ptr() as usize - base;
                start..start + p.len()
            })
            .collect();
        NearKeys { parts, keys }
    }

    /// The bytes of the key of `template` (the template these are the keys of) that blanks part `blank`.
    fn bytes<'k>(&'k self, template: &'k str, blank: usize) -> impl Iterator<Item = u8> + 'k {
        self.parts.iter().enumerate().flat_map(move |(k, range)| {
            let part: &[u8] = if k == blank {
                &[0]
            } else {
                &template.as_bytes()[range.clone()]
            };
            part.iter().copied().chain(std::iter::once(1))
        })
    }
}

/// A near key of a short line in [`near_copies`]: hashed by its hash, equal to another when their bytes are.
///
/// [`near_copies`]: super::near_copies
pub(super) struct NearKey<'f> {
    pub(super) hash: u64,
    /// The template of the line.
    pub(super) template: &'f str,
    /// Its near keys.
    pub(super) keys: &'f NearKeys,
    /// The part this key blanks.
    pub(super) blank: usize,
}

impl NearKey<'_> {
    /// The bytes of the key.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.keys.bytes(self.template, self.blank)
    }
}

impl std::hash::Hash for NearKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for NearKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.bytes().eq(other.bytes())
    }
}

impl Eq for NearKey<'_> {}

/// The parts of a line between separators, trimmed; empty parts dropped.
pub(super) fn parts(template: &str) -> Vec<&str> {
    split_parts(template).collect()
}

/// The short lines of each template (see [`template`]), in order: the copies of a line, page numbers masked, as
/// one slice of a list that holds every template's lines one template after the other. A list per template would
/// be an allocation per distinct line and per pass.
pub(super) struct Copies {
    /// For each block, the index of its template among the distinct ones, in the order they first stand;
    /// [`Copies::NONE`] for a block without a template (not a short line).
    pub(super) group: Vec<usize>,
    /// Where the lines of each template start in `lines`, and where the last one's end.
    pub(super) starts: Vec<usize>,
    /// The lines of each template, template after template, each in order.
    lines: Vec<usize>,
}

impl Copies {
    /// The group of a block without a template.
    pub(super) const NONE: usize = usize::MAX;

    /// The copies of each of `templates` (those of the blocks of a body, `None` for a block that is no short line).
    pub(super) fn of(templates: &[Option<&str>]) -> Copies {
        let mut ids: HashMap<&str, usize> = HashMap::default();
        let mut sizes: Vec<usize> = Vec::new();
        let group: Vec<usize> = templates
            .iter()
            .map(|t| {
                t.map_or(Copies::NONE, |t| {
                    let id = *ids.entry(t).or_insert(sizes.len());
                    if id == sizes.len() {
                        sizes.push(0);
                    }
                    sizes[id] += 1;
                    id
                })
            })
            .collect();
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0;
        for size in &sizes {
            starts.push(total);
            total += size;
        }
        starts.push(total);
        // Each block goes to the next free place of its template's stretch, in block order.
        let mut next = starts.clone();
        let mut lines = vec![0; total];
        for (i, &g) in group.iter().enumerate() {
            if g != Copies::NONE {
                lines[next[g]] = i;
                next[g] += 1;
            }
        }
        Copies {
            group,
            starts,
            lines,
        }
    }

    /// The lines with the template of block `i`, `i` among them, in order (none for a block without one).
    pub(super) fn of_block(&self, i: usize) -> &[usize] {
        match self.group[i] {
            Copies::NONE => &[],
            g => &self.lines[self.starts[g]..self.starts[g + 1]],
        }
    }
}

/// A line's shape with its numbers blanked, for finding running headers that repeat with a changing page number.
pub(super) fn template(text: &str) -> String {
    let text = text.trim();
    // Most lines are ASCII: read by bytes, without decoding characters or encoding them again.
    if text.is_ascii() {
        let mut out = Vec::with_capacity(text.len());
        let mut last_digit = false;
        for &b in text.as_bytes() {
            if b.is_ascii_digit() {
                if !last_digit {
                    out.push(b'#');
                }
                last_digit = true;
            } else {
                last_digit = false;
                out.push(b.to_ascii_lowercase());
            }
        }
        return String::from_utf8(out).expect("ASCII bytes lowered are ASCII");
    }
    let mut out = String::with_capacity(text.len());
    let mut last_digit = false;
    let mut push = |c: char| {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            last_digit = false;
            out.push(c);
        }
    };
    for c in text.chars() {
        // Character by character (not `str::to_lowercase`, which lowers a final sigma by its context).
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::facts::LineFacts;
    use super::super::near_copies;
    use super::*;
    use std::rc::Rc;

    #[test]
    fn near_copies_by_hashed_keys_are_those_of_the_written_keys() {
        // The keys written out, as strings, grouped by a map of strings: what the hashes stand for.
        let written = |template: &str| -> Vec<String> {
            let parts = parts(template);
            if parts.len() < 2 {
                return Vec::new();
            }
            let named: Vec<bool> = parts
                .iter()
                .map(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
                .collect();
            let all_named = named.iter().filter(|&&n| n).count();
            (0..parts.len())
                .filter(|&j| all_named > usize::from(named[j]))
                .map(|j| {
                    let mut key = String::new();
                    for (k, part) in parts.iter().enumerate() {
                        key.push_str(if k == j { "\u{0}" } else { part });
                        key.push('\u{1}');
                    }
                    key
                })
                .collect()
        };
        let reference = |facts: &[Option<Rc<LineFacts>>]| {
            let mut groups: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, f) in facts.iter().enumerate() {
                for key in f.as_ref().map_or(Vec::new(), |f| written(&f.template)) {
                    groups.entry(key).or_default().push(i);
                }
            }
            near_lists(groups.values(), facts.len())
        };
        let lines = [
            "Politics | National Review",
            "Science | National Review",
            "Sport | National Review",
            "National Review | Page 3",
            "National Review | Page 4",
            "Home · News · Sport · Weather · Culture",
            "Home · News · Sport · Travel · Culture",
            "Home · News — Sport · Weather · Culture",
            "A single line",
            "12 | 34",
            "ab | cd | ef",
            "ab | cd | eg",
            // A part holding the bytes that join and blank the parts of a key: the same key as the line after it,
            // written out, though the parts differ.
            "Alpha\u{1}Beta | Gamma",
            "Alpha | Beta | Zeta",
            "Alpha | Beta\u{1}\u{0} | Omega",
            "Été | Über uns — Kontakt",
            "Été | Über uns — Impressum",
        ];
        let facts: Vec<Option<Rc<LineFacts>>> = lines
            .iter()
            .map(|line| Some(Rc::new(LineFacts::of(line))))
            .chain([None])
            .collect();
        let near = near_copies(&facts);
        assert_eq!(near, reference(&facts));
        // The line with a joining byte in a part meets the three-part line under the key both write the same.
        assert_eq!(near[12], vec![13]);
        assert!(near[0].contains(&1) && near[5].contains(&6));
    }

    #[test]
    fn template_masks_numbers_and_lowers_ascii_as_other_text() {
        assert_eq!(
            template("  Page 12 of 30 | The Courier "),
            "page # of # | the courier"
        );
        // The ASCII lines, read by bytes, come out as the others, read by characters.
        assert_eq!(template("Seite 3 — KÖLN"), "seite # — köln");
        assert_eq!(template("ΟΔΟΣ 7"), "οδοσ #");
    }

    #[test]
    fn copies_list_the_lines_of_each_template_in_order() {
        let templates = [
            Some("a"),
            None,
            Some("b"),
            Some("a"),
            Some("c"),
            Some("b"),
            Some("a"),
        ];
        let copies = Copies::of(&templates);
        assert_eq!(copies.of_block(0), [0, 3, 6]);
        assert_eq!(copies.of_block(6), [0, 3, 6]);
        assert_eq!(copies.of_block(1), [] as [usize; 0]);
        assert_eq!(copies.of_block(2), [2, 5]);
        assert_eq!(copies.of_block(4), [4]);
        assert_eq!(copies.starts.len(), 4, "three templates");
    }
}
