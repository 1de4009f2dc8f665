//! A font's `ToUnicode` CMap: which text each character code stands for. The PDF reference puts it first among the
//! ways to map codes to text (9.10.2), ahead of the font's `/Encoding`, which for the subset fonts browsers write
//! names made-up glyphs (`/g7090`) that say nothing about the character.

use std::collections::HashMap;

/// The most codes one `bfrange` line may cover: a range in a real CMap spans at most one byte's worth of codes
/// per step of its first bytes; a bigger one is a crafted file, cut here so it cannot cost time or memory.
const MAX_RANGE: u32 = 1 << 16;

/// The mappings of a `ToUnicode` CMap: single codes and ranges of codes to text.
#[derive(Debug, Default)]
pub(crate) struct ToUnicode {
    chars: HashMap<u32, String>,
    /// `(first, last, target)`, sorted by `first`.
    ranges: Vec<(u32, u32, Target)>,
}

#[derive(Debug)]
enum Target {
    /// The first code maps to this text; each next code to the same text with its last character one higher.
    Start(Vec<u16>),
    /// One text per code.
    List(Vec<String>),
}

impl ToUnicode {
    /// Parses a CMap program; what it cannot read it leaves out.
    pub(crate) fn parse(data: &[u8]) -> ToUnicode {
        let tokens = tokenize(data);
        let mut map = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match &tokens[i] {
                Token::Keyword(k) if k == b"beginbfchar" => {
                    i += 1;
                    while let (Some(Token::Hex(code)), Some(target)) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let text = match target {
                            Token::Hex(bytes) => utf16_text(bytes),
                            Token::Name(name) => String::from_utf8_lossy(name).into_owned(),
                            _ => break,
                        };
                        map.chars.insert(code_of(code), text);
                        i += 2;
                    }
                }
                Token::Keyword(k) if k == b"beginbfrange" => {
                    i += 1;
                    while let (Some(Token::Hex(lo)), Some(Token::Hex(hi)), Some(target)) =
                        (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
                    {
                        let (lo, hi) = (code_of(lo), code_of(hi));
                        let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
                        let target = match target {
                            Token::Hex(bytes) => Target::Start(utf16_units(bytes)),
                            Token::Array(items) => {
                                Target::List(items.iter().map(|b| utf16_text(b)).collect())
                            }
                            _ => break,
                        };
                        if lo <= hi {
                            map.ranges.push((lo, hi, target));
                        }
                        i += 3;
                    }
                }
                _ => i += 1,
            }
        }
        map.ranges.sort_by_key(|r| r.0);
        map
    }

    /// The text of one character code, if the CMap maps it.
    pub(crate) fn get(&self, code: u32) -> Option<String> {
        if let Some(text) = self.chars.get(&code) {
            return Some(text.clone());
        }
        let at = self.ranges.partition_point(|r| r.0 <= code);
        // Ranges may overlap in a sloppy CMap: the nearest one that starts at or before the code and covers it.
        self.ranges[..at]
            .iter()
            .rev()
            .take(8)
            .find(|r| code <= r.1)
            .and_then(|(lo, _, target)| {
                let offset = code - lo;
                match target {
                    Target::Start(units) => {
                        let mut units = units.clone();
                        let last = units.last_mut()?;
                        *last = last.checked_add(u16::try_from(offset).ok()?)?;
                        Some(String::from_utf16_lossy(&units))
                    }
                    Target::List(texts) => texts.get(offset as usize).cloned(),
                }
            })
    }

    /// Whether the CMap maps nothing.
    pub(crate) fn is_empty(&self) -> bool {
        self.chars.is_empty() && self.ranges.is_empty()
    }
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0, |c, &b| (c << 8) | u32::from(b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | p.get(1).map_or(0, |&b| u16::from(b)))
        .collect()
}

fn utf16_text(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&utf16_units(bytes))
}

/// The tokens of a CMap program that the mappings need; the rest (names, numbers, dictionaries) are keywords.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
    Name(Vec<u8>),
    Keyword(Vec<u8>),
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut array: Option<Vec<Vec<u8>>> = None;
    while i < data.len() {
        let c = data[i];
        match c {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => {
                tokens.push(Token::Keyword(b"<<".to_vec()));
                i += 2;
            }
            b'>' if data.get(i + 1) == Some(&b'>') => {
                tokens.push(Token::Keyword(b">>".to_vec()));
                i += 2;
            }
            b'<' => {
                let end = data[i + 1..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(data.len(), |p| i + 1 + p);
                let hex = hex_bytes(&data[i + 1..end]);
                match array.as_mut() {
                    Some(items) => items.push(hex),
                    None => tokens.push(Token::Hex(hex)),
                }
                i = end + 1;
            }
            b'[' => {
                array = Some(Vec::new());
                i += 1;
            }
            b']' => {
                tokens.push(Token::Array(array.take().unwrap_or_default()));
                i += 1;
            }
            b'(' => {
                // A literal string (in the CMap's header): skipped, nesting and escapes included.
                let mut depth = 0usize;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if c.is_ascii_whitespace() || c == b'>' || c == b')' || c == b'{' || c == b'}' => {
                i += 1
            }
            _ => {
                let start = i;
                i += 1;
                while i < data.len() && !b" \t\r\n\x0c\0<>[]()/%{}".contains(&data[i]) {
                    i += 1;
                }
                let word = data[start..i].to_vec();
                tokens.push(match word.strip_prefix(b"/") {
                    Some(name) => Token::Name(name.to_vec()),
                    None => Token::Keyword(word),
                });
            }
        }
    }
    tokens
}

fn hex_bytes(hex: &[u8]) -> Vec<u8> {
    let digits: Vec<u8> = hex
        .iter()
        .filter_map(|&b| (b as char).to_digit(16).map(|d| d as u8))
        .collect();
    digits
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n3 beginbfchar\n<01> <5546>\n<02> <D83DDE00>\n<03> <00660069>\nendbfchar\n2 beginbfrange\n<10> <12> <0041>\n<20> <21> [<0078> <0079>]\nendbfrange\nendcmap\n";

    #[test]
    fn bfchar_maps_single_codes_to_text() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(1).as_deref(), Some("商"));
        assert_eq!(map.get(2).as_deref(), Some("😀"));
        assert_eq!(map.get(3).as_deref(), Some("fi"));
    }

    #[test]
    fn bfrange_counts_up_or_lists_its_targets() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(0x11).as_deref(), Some("B"));
        assert_eq!(map.get(0x12).as_deref(), Some("C"));
        assert_eq!(map.get(0x13), None);
        assert_eq!(map.get(0x21).as_deref(), Some("y"));
    }

    #[test]
    fn garbage_gives_an_empty_map_not_a_panic() {
        assert!(ToUnicode::parse(b"beginbfchar <01> ( [ <zz endbfrange >>").is_empty());
        assert!(ToUnicode::parse(b"").is_empty());
    }
}
