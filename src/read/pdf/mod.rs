//! PDF input: the text layer of a PDF as paged text (lines in reading order, a blank line where the vertical gap
//! shows a paragraph space, a form feed between pages, text under a link annotation as a markdown link), with what
//! the positions tell about each line, and the document's metadata. Built on `lopdf` (objects, filters, encodings); the content streams are interpreted here.
//!
//! Every input is untrusted: the limits below bound the time and memory one document can take, and are named so
//! that a fuzz target can drive the reader up to them.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object, ObjectId, Stream};
use unicode_normalization::UnicodeNormalization;

use crate::document::{LineLayout, TextLayout};
use crate::error::{Error, PdfProblem, Result};
use cmap::ToUnicode;
use links::Links;

mod cmap;
mod links;

pub use links::MAX_PAGE_LINKS;

/// The most pages read; a document with more is refused (a page-count bomb).
pub const MAX_PAGES: usize = 10_000;
/// The most bytes one stream may decompress to (a content stream, a font's `ToUnicode` map, an object stream).
pub const MAX_STREAM_BYTES: usize = 64 << 20;
/// The most content-stream operations interpreted in one document, forms included (an endless content stream).
pub const MAX_OPERATIONS: usize = 20_000_000;
/// How deep form XObjects may nest (a form drawing itself is a loop, not a document).
pub const MAX_FORM_DEPTH: usize = 8;
/// The most characters of text taken from one document.
pub const MAX_TEXT_CHARS: usize = 64 << 20;
/// The most strings of text kept on one page (a real page has a few thousand, one per glyph at worst; each costs
/// about 40 bytes while the page is read).
pub const MAX_PAGE_RUNS: usize = 1_000_000;
/// How deep `q` may nest the graphics state.
pub const MAX_STATE_DEPTH: usize = 256;
/// Object nesting (arrays and dictionaries inside each other) is bounded by `lopdf`'s parser (its `MAX_BRACKET`)
/// at this depth; a deeper file is a parse error.
pub const MAX_OBJECT_DEPTH: usize = 100;

/// A line whose top is this many of its font sizes below the previous line's baseline starts after a paragraph
/// space: the default line height of print is 1.1 to 1.3 sizes, a paragraph margin adds about one more.
const PARAGRAPH_GAP: f32 = 1.6;
/// Two runs on one baseline further apart than this many font sizes are separate lines (a header's date stamp and
/// its centred title, a table's cells), as `pdftotext` reads them.
const COLUMN_GAP: f32 = 2.5;
/// Two runs this many font sizes apart on one baseline are two words.
const WORD_GAP: f32 = 0.15;
/// Baselines closer than this many font sizes are one line.
const SAME_LINE: f32 = 0.35;

/// The text layer of a PDF and what is known about it.
#[derive(Debug, Default)]
pub struct PdfText {
    /// Paged text: lines in reading order, form feeds between pages.
    pub text: String,
    /// What the positions tell about each line of `text`.
    pub layout: TextLayout,
    /// The number of pages.
    pub pages: usize,
    /// The document information dictionary and XMP metadata, as far as they hold real values.
    pub info: PdfInfo,
}

/// The metadata a PDF declares.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PdfInfo {
    /// `/Title` or XMP `dc:title`.
    pub title: Option<String>,
    /// `/Author` or XMP `dc:creator`, split on `;` and ` and `.
    pub authors: Vec<String>,
    /// `/CreationDate` or `xmp:CreateDate`, as `YYYY-MM-DD`, unless it is the moment the file was printed.
    pub date: Option<String>,
    /// `/ModDate` or `xmp:ModifyDate`, same rule.
    pub modified: Option<String>,
}

/// Reads the text layer of a PDF.
pub fn read(bytes: &[u8]) -> Result<PdfText> {
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(load_error)?;
    // `lopdf` decrypts a document whose user password is empty (it only restricts editing) and then drops
    // `/Encrypt` from the trailer; one that is still there needs a password.
    if doc.trailer.has(b"Encrypt") {
        return Err(Error::Pdf(PdfProblem::Encrypted));
    }
    let pages = doc.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(Error::Pdf(PdfProblem::Limit(format!(
            "{} pages, more than {MAX_PAGES}",
            pages.len()
        ))));
    }
    if pages.is_empty() {
        return Err(Error::Pdf(PdfProblem::Corrupt("no pages".to_string())));
    }
    let mut reader = Reader {
        doc: &doc,
        operations: 0,
        chars: 0,
        links: Links::default(),
    };
    let mut out = PdfText {
        pages: pages.len(),
        info: info(&doc),
        ..PdfText::default()
    };
    for (n, (_, &page_id)) in pages.iter().enumerate() {
        let runs = reader.page(page_id)?;
        let lines = assemble(runs, &reader.links);
        if n > 0 {
            out.text.push('\u{c}');
        }
        write_page(&lines, &mut out.text, &mut out.layout.lines);
    }
    if !out.text.chars().any(char::is_alphanumeric) {
        return Err(Error::Pdf(PdfProblem::NoText { pages: out.pages }));
    }
    Ok(out)
}

fn load_error(err: lopdf::Error) -> Error {
    let text = err.to_string();
    let lower = text.to_lowercase();
    if lower.contains("decrypt") || lower.contains("password") || lower.contains("encrypt") {
        return Error::Pdf(PdfProblem::Encrypted);
    }
    if lower.contains("decompress") || lower.contains("limit") {
        return Error::Pdf(PdfProblem::Limit(text));
    }
    Error::Pdf(PdfProblem::Corrupt(text))
}

/// The runs of text drawn on a page, their text kept in one buffer: a page of one-glyph strings holds millions of
/// runs, and each run's own `String` would cost more than its glyph.
#[derive(Debug, Default)]
struct Runs {
    text: String,
    list: Vec<Run>,
}

/// A run of text drawn at one place: its baseline, left and right edge in points from the page's top left, size,
/// and the link it lies under.
#[derive(Debug, Clone)]
struct Run {
    /// Where its text lies in [`Runs::text`].
    start: u32,
    end: u32,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    link: Option<u32>,
    /// Where the whole string this run is part of starts, and which part it is: the parts of a string are put
    /// on their line in order, after the text drawn left of the string and before the text drawn right of it.
    anchor: f32,
    piece: u32,
}

/// The content-stream interpreter's budget, shared by the pages of a document.
struct Reader<'d> {
    doc: &'d Document,
    operations: usize,
    chars: usize,
    /// The link areas of the page being read.
    links: Links,
}

/// A font: how its codes decode to text and how wide each code is (thousandths of the size).
struct Font<'d> {
    /// The `ToUnicode` map, which comes first where it maps a code.
    to_unicode: Option<ToUnicode>,
    encoding: Option<Encoding<'d>>,
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

#[derive(Clone, Copy)]
struct State {
    ctm: [f32; 6],
    font: Option<usize>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
}

impl<'d> Reader<'d> {
    fn page(&mut self, page_id: ObjectId) -> Result<Runs> {
        let doc = self.doc;
        let data = doc
            .get_page_content_with_limit(page_id, MAX_STREAM_BYTES)
            .map_err(load_error)?;
        let height = page_height(doc, page_id);
        self.links = Links::of_page(doc, page_id, height);
        let font_dicts = doc.get_page_fonts(page_id).unwrap_or_default();
        let mut fonts = Fonts::default();
        for (name, dict) in font_dicts {
            fonts.add(doc, name, dict);
        }
        let mut runs = Runs::default();
        let state = State {
            ctm: [1.0, 0.0, 0.0, -1.0, 0.0, height],
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
        };
        self.interpret(
            &data,
            state,
            &mut fonts,
            page_resources(doc, page_id),
            0,
            &mut runs,
        )?;
        Ok(runs)
    }

    fn interpret(
        &mut self,
        data: &[u8],
        mut gs: State,
        fonts: &mut Fonts<'d>,
        resources: Option<&'d Dictionary>,
        depth: usize,
        runs: &mut Runs,
    ) -> Result<()> {
        let mut stack: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        // One operation at a time: a stream's operations are never all held at once (a 20 MB stream of `Tj` would
        // be over a gigabyte of them).
        for op in Content::decode_iter(data) {
            let op = op.map_err(load_error)?;
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return Err(Error::Pdf(PdfProblem::Limit(format!(
                    "more than {MAX_OPERATIONS} drawing operations"
                ))));
            }
            let num = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => {
                    if stack.len() >= MAX_STATE_DEPTH {
                        return Err(Error::Pdf(PdfProblem::Limit(format!(
                            "graphics state nested deeper than {MAX_STATE_DEPTH}"
                        ))));
                    }
                    stack.push(gs);
                }
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" => gs.ctm = multiply([num(0), num(1), num(2), num(3), num(4), num(5)], gs.ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| fonts.index(self.doc, name, resources));
                    gs.size = num(1);
                }
                "Tc" => gs.char_spacing = num(0),
                "Tw" => gs.word_spacing = num(0),
                "Tz" => gs.scale = num(0) / 100.0,
                "TL" => gs.leading = num(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -num(1);
                    }
                    tlm = multiply([1.0, 0.0, 0.0, 1.0, num(0), num(1)], tlm);
                    tm = tlm;
                }
                "Tm" => {
                    tlm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = multiply([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        tlm = multiply([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Object> = match op.operator.as_str() {
                        "TJ" => op
                            .operands
                            .first()
                            .and_then(|o| o.as_array().ok())
                            .map(|a| a.iter().collect())
                            .unwrap_or_default(),
                        "\"" => op.operands.get(2).into_iter().collect(),
                        _ => op.operands.first().into_iter().collect(),
                    };
                    self.show(&items, &gs, fonts, &mut tm, runs)?;
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    let form = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| xobject(self.doc, resources, name));
                    if let Some((stream_data, form_resources, matrix)) = form {
                        let inner = State {
                            ctm: multiply(matrix, gs.ctm),
                            ..gs
                        };
                        let mut inner_fonts = Fonts::default();
                        if let Some(font_dict) = form_resources
                            .and_then(|r| r.get(b"Font").ok())
                            .and_then(|f| self.doc.dereference(f).ok())
                            .and_then(|(_, f)| f.as_dict().ok())
                        {
                            for (name, font) in font_dict.iter() {
                                if let Ok((_, Object::Dictionary(d))) = self.doc.dereference(font) {
                                    inner_fonts.add(self.doc, name.clone(), d);
                                }
                            }
                        }
                        let resources = form_resources.or(resources);
                        self.interpret(
                            &stream_data,
                            inner,
                            &mut inner_fonts,
                            resources,
                            depth + 1,
                            runs,
                        )?;
                    }
                }
                "Do" => {
                    return Err(Error::Pdf(PdfProblem::Limit(format!(
                        "forms nested deeper than {MAX_FORM_DEPTH}"
                    ))))
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows strings (and `TJ` position adjustments), advancing the text matrix, and records the runs.
    fn show(
        &mut self,
        items: &[&Object],
        gs: &State,
        fonts: &Fonts<'d>,
        tm: &mut [f32; 6],
        runs: &mut Runs,
    ) -> Result<()> {
        let Some(font) = gs.font.and_then(|i| fonts.list.get(i)) else {
            return Ok(());
        };
        for item in items {
            match item {
                Object::String(bytes, _) => {
                    let step = if font.two_byte { 2 } else { 1 };
                    let trm = multiply(*tm, gs.ctm);
                    let size = gs.size * (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
                    let y = apply(trm, 0.0, 0.0).1;
                    if !self.links.is_empty() && self.links.reach(y - size, y) {
                        self.show_linked(bytes, step, gs, font, tm, size, runs)?;
                        continue;
                    }
                    let advance = bytes
                        .chunks(step)
                        .fold(0.0, |sum, code| sum + font.advance(code, gs));
                    self.push_run(&font.decode(bytes), tm, advance, gs, size, None, runs)?;
                }
                other => {
                    if let Some(adjust) = number(other) {
                        let dx = -adjust / 1000.0 * gs.size * gs.scale;
                        *tm = multiply([1.0, 0.0, 0.0, 1.0, dx, 0.0], *tm);
                    }
                }
            }
        }
        Ok(())
    }

    /// Shows a string over which a link area lies, as one run per stretch of glyphs under the same link (or
    /// none): each glyph belongs to the link whose area holds the middle of its body. An area that starts or ends
    /// inside a word is another layer's link (a bar printed over the text), and its glyphs are shown without it.
    #[allow(
        clippy::too_many_arguments,
        reason = "the state of `show`, passed on for one string"
    )]
    fn show_linked(
        &mut self,
        bytes: &[u8],
        step: usize,
        gs: &State,
        font: &Font<'d>,
        tm: &mut [f32; 6],
        size: f32,
        runs: &mut Runs,
    ) -> Result<()> {
        // Stretches as (first byte, advance, link).
        let mut stretches: Vec<(usize, f32, Option<u32>)> = Vec::new();
        let mut advance = 0.0;
        for (k, code) in bytes.chunks(step).enumerate() {
            let width = font.advance(code, gs);
            let middle = multiply([1.0, 0.0, 0.0, 1.0, advance + width / 2.0, 0.0], *tm);
            let (x, y) = apply(multiply(middle, gs.ctm), 0.0, 0.0);
            let link = self.links.at(x, y - GLYPH_MIDDLE * size);
            match stretches.last_mut() {
                Some(last) if last.2 == link => last.1 += width,
                _ => stretches.push((k * step, width, link)),
            }
            advance += width;
        }
        // A link whose stretch starts or ends inside a word is dropped, and the stretches around it merged.
        let decode = |stretches: &[(usize, f32, Option<u32>)], n: usize| {
            let to = stretches.get(n + 1).map_or(bytes.len(), |next| next.0);
            font.decode(&bytes[stretches[n].0..to])
        };
        let texts: Vec<String> = (0..stretches.len())
            .map(|n| decode(&stretches, n))
            .collect();
        let cuts_word = |a: &str, b: &str| {
            let before = a.chars().next_back();
            let after = b.chars().next();
            before
                .zip(after)
                .is_some_and(|(a, b)| in_word(a) && in_word(b))
        };
        for n in 0..stretches.len() {
            let starts_in_word = n > 0 && cuts_word(&texts[n - 1], &texts[n]);
            let ends_in_word = n + 1 < texts.len() && cuts_word(&texts[n], &texts[n + 1]);
            if starts_in_word || ends_in_word {
                stretches[n].2 = None;
            }
        }
        stretches.dedup_by(|next, kept| {
            let same = next.2 == kept.2;
            if same {
                kept.1 += next.1;
            }
            same
        });
        let first = runs.list.len();
        for (n, &(_, width, link)) in stretches.iter().enumerate() {
            self.push_run(&decode(&stretches, n), tm, width, gs, size, link, runs)?;
        }
        // The stretches stay in the order of the string, wherever other text on the line was drawn.
        let anchor = runs.list[first..]
            .iter()
            .map(|r| r.x0)
            .fold(f32::INFINITY, f32::min);
        for (piece, run) in runs.list[first..].iter_mut().enumerate() {
            run.anchor = anchor;
            run.piece = piece as u32;
        }
        Ok(())
    }

    /// Records the decoded text of a shown string (or a stretch of one) that advances the text matrix by
    /// `advance`, and advances it.
    #[allow(
        clippy::too_many_arguments,
        reason = "the state of `show`, passed on for one string"
    )]
    fn push_run(
        &mut self,
        decoded: &str,
        tm: &mut [f32; 6],
        advance: f32,
        gs: &State,
        size: f32,
        link: Option<u32>,
        runs: &mut Runs,
    ) -> Result<()> {
        let start = apply(multiply(*tm, gs.ctm), 0.0, 0.0);
        *tm = multiply([1.0, 0.0, 0.0, 1.0, advance, 0.0], *tm);
        let end = apply(multiply(*tm, gs.ctm), 0.0, 0.0);
        let from = runs.text.len();
        push_shown_text(decoded, &mut runs.text);
        let to = runs.text.len();
        self.chars += to - from;
        if self.chars > MAX_TEXT_CHARS {
            return Err(Error::Pdf(PdfProblem::Limit(format!(
                "more than {MAX_TEXT_CHARS} bytes of text"
            ))));
        }
        if to == from || size <= 0.5 {
            runs.text.truncate(from);
        } else {
            if runs.list.len() >= MAX_PAGE_RUNS {
                return Err(Error::Pdf(PdfProblem::Limit(format!(
                    "more than {MAX_PAGE_RUNS} strings of text on one page"
                ))));
            }
            // `MAX_TEXT_CHARS` keeps the offsets within `u32`.
            runs.list.push(Run {
                start: from as u32,
                end: to as u32,
                x0: start.0.min(end.0),
                x1: start.0.max(end.0),
                y: start.1,
                size,
                link,
                anchor: start.0.min(end.0),
                piece: 0,
            });
        }
        Ok(())
    }
}

/// Where a glyph's body is tested against link areas: this many font sizes above its baseline (about half the
/// height of a lower-case letter, well inside any area drawn around the line).
const GLYPH_MIDDLE: f32 = 0.3;

/// Whether a character is inside a word that spaces delimit: a letter or digit of a script written with spaces
/// (link text in CJK starts and ends between ideographs).
fn in_word(c: char) -> bool {
    c.is_alphanumeric() && (c as u32) < 0x2e80
}

/// Appends the text a shown string stands for, as a reader sees it: a glyph the font maps to a presentation form (a
/// ligature `ﬁ`, an Arabic letter's positional form, a Kangxi radical drawn for the ideograph it looks like) is the
/// text it presents, as `pdftotext` writes it; a glyph that maps to no text (U+FFFD, an icon) and control
/// characters are dropped.
fn push_shown_text(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_control() || c == char::REPLACEMENT_CHARACTER {
            continue;
        }
        if is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
}

/// Whether a character is a glyph's presentation form rather than a character of text: CJK Radicals Supplement and
/// Kangxi Radicals, Alphabetic Presentation Forms (Latin, Armenian and Hebrew ligatures), Arabic Presentation Forms-A
/// and -B. Fonts name these glyphs so, and their compatibility decomposition is the text.
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{2e80}'..='\u{2fdf}' | '\u{fb00}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

impl Font<'_> {
    /// How far one code moves the text position, in text space (widths are thousandths of the size).
    fn advance(&self, code_bytes: &[u8], gs: &State) -> f32 {
        let code = code_bytes
            .iter()
            .fold(0u32, |c, &b| (c << 8) | u32::from(b));
        let w = self
            .widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            / 1000.0;
        let space = if !self.two_byte && code == 32 {
            gs.word_spacing
        } else {
            0.0
        };
        (w * gs.size + gs.char_spacing + space) * gs.scale
    }

    /// The text of a shown string: each code through the `ToUnicode` map where it maps it, else the encoding.
    fn decode(&self, bytes: &[u8]) -> String {
        let by_encoding = |bytes: &[u8]| match &self.encoding {
            Some(enc) => enc.bytes_to_string(bytes).unwrap_or_default(),
            None => bytes.iter().map(|&b| char::from(b)).collect(),
        };
        let Some(map) = &self.to_unicode else {
            return by_encoding(bytes);
        };
        let step = if self.two_byte { 2 } else { 1 };
        let mut text = String::new();
        for code_bytes in bytes.chunks(step) {
            let code = code_bytes
                .iter()
                .fold(0u32, |c, &b| (c << 8) | u32::from(b));
            match map.get(code) {
                Some(t) => text.push_str(&t),
                None => text.push_str(&by_encoding(code_bytes)),
            }
        }
        text
    }
}

/// The fonts a content stream uses, loaded once each.
#[derive(Default)]
struct Fonts<'d> {
    names: HashMap<Vec<u8>, usize>,
    list: Vec<Font<'d>>,
}

impl<'d> Fonts<'d> {
    fn add(&mut self, doc: &'d Document, name: Vec<u8>, dict: &'d Dictionary) {
        let encoding = dict
            .get_font_encoding_with_limit(doc, MAX_STREAM_BYTES)
            .ok();
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let two_byte = subtype == b"Type0";
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        if two_byte {
            let descendant = entry(doc, dict, b"DescendantFonts")
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            if let Some(cid) = descendant {
                default_width = cid.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Some(w) = entry(doc, cid, b"W").and_then(|o| o.as_array().ok()) {
                    cid_widths(doc, w, &mut widths);
                }
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
            if let Some(w) = entry(doc, dict, b"Widths").and_then(|o| o.as_array().ok()) {
                for (i, o) in w.iter().enumerate() {
                    let v = doc
                        .dereference(o)
                        .ok()
                        .and_then(|(_, o)| number(o))
                        .unwrap_or(0.0);
                    widths.insert(first + i as u32, v);
                }
            }
        }
        let to_unicode = entry(doc, dict, b"ToUnicode")
            .and_then(|o| o.as_stream().ok())
            .and_then(stream_data)
            .map(|data| ToUnicode::parse(&data))
            .filter(|map| !map.is_empty());
        self.names.insert(name, self.list.len());
        self.list.push(Font {
            to_unicode,
            encoding,
            two_byte,
            widths,
            default_width,
        });
    }

    fn index(
        &mut self,
        doc: &'d Document,
        name: &[u8],
        resources: Option<&'d Dictionary>,
    ) -> Option<usize> {
        if let Some(&i) = self.names.get(name) {
            return Some(i);
        }
        let dict = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok())
            .and_then(|f| f.get(name).ok())
            .and_then(|f| doc.dereference(f).ok())
            .and_then(|(_, f)| f.as_dict().ok())?;
        self.add(doc, name.to_vec(), dict);
        self.names.get(name).copied()
    }
}

/// The `/W` array of a CID font: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object], widths: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(&w[i]) else { break };
        let first = first as u32;
        match w.get(i + 1).map(|o| doc.dereference(o).map(|(_, o)| o)) {
            Some(Ok(Object::Array(list))) => {
                for (k, o) in list.iter().enumerate().take(1 << 16) {
                    widths.insert(first + k as u32, number(o).unwrap_or(0.0));
                }
                i += 2;
            }
            Some(Ok(last)) => {
                let last = number(last).unwrap_or(0.0) as u32;
                let v = w.get(i + 2).and_then(number).unwrap_or(0.0);
                for c in first..=last.min(first.saturating_add(1 << 16)) {
                    widths.insert(c, v);
                }
                i += 3;
            }
            _ => break,
        }
    }
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

const IDENTITY: [f32; 6] = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for PDF's row-vector matrices `[a b c d e f]`.
fn multiply(a: [f32; 6], b: [f32; 6]) -> [f32; 6] {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: [f32; 6], x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn page_height(doc: &Document, page_id: ObjectId) -> f32 {
    let mut id = page_id;
    for _ in 0..32 {
        let Ok(dict) = doc.get_dictionary(id) else {
            break;
        };
        if let Some(b) = entry(doc, dict, b"MediaBox").and_then(|o| o.as_array().ok()) {
            if b.len() == 4 {
                return number(&b[3]).unwrap_or(792.0) - number(&b[1]).unwrap_or(0.0);
            }
        }
        match dict.get(b"Parent").and_then(Object::as_reference) {
            Ok(parent) => id = parent,
            Err(_) => break,
        }
    }
    792.0
}

/// The value of `key` in `dict`, references followed.
fn entry<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    let value = dict.get(key).ok()?;
    doc.dereference(value).ok().map(|(_, object)| object)
}

/// The decoded bytes of a stream, decompressed up to [`MAX_STREAM_BYTES`].
fn stream_data(stream: &Stream) -> Option<Vec<u8>> {
    if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(MAX_STREAM_BYTES)
            .ok()
    } else {
        Some(stream.content.clone())
    }
}

fn page_resources(doc: &Document, page_id: ObjectId) -> Option<&Dictionary> {
    let (direct, inherited) = doc.get_page_resources(page_id).ok()?;
    direct.or_else(|| {
        inherited
            .first()
            .and_then(|id| doc.get_dictionary(*id).ok())
    })
}

/// A form XObject of the resources: its decoded content, its own resources and its matrix.
fn xobject<'d>(
    doc: &'d Document,
    resources: Option<&'d Dictionary>,
    name: &[u8],
) -> Option<(Vec<u8>, Option<&'d Dictionary>, [f32; 6])> {
    let stream = entry(doc, resources?, b"XObject")
        .and_then(|o| o.as_dict().ok())?
        .get(name)
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())?;
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok()? != b"Form" {
        return None;
    }
    let data = stream_data(stream)?;
    let resources = entry(doc, &stream.dict, b"Resources").and_then(|o| o.as_dict().ok());
    let matrix = stream
        .dict
        .get(b"Matrix")
        .ok()
        .and_then(|o| o.as_array().ok())
        .filter(|a| a.len() == 6)
        .map(|a| {
            let n = |i: usize| number(&a[i]).unwrap_or(0.0);
            [n(0), n(1), n(2), n(3), n(4), n(5)]
        })
        .unwrap_or(IDENTITY);
    Some((data, resources, matrix))
}

/// One line of a page: its text, its left and right edge, baseline and size, and the width of its first word.
#[derive(Debug, Clone)]
struct Line {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    first_word: f32,
    /// Whether the first word has ended (at a space, a gap between runs or a wide character): until then each
    /// run pushed onto the line widens it, as a word drawn in pieces (kerned glyphs, one string each) is one word.
    first_word_ends: bool,
    /// The link whose text is being written, and where its `[` is in `text`.
    open: Option<(u32, usize)>,
}

/// Groups the runs of a page into lines: runs on one baseline (split where a wide gap parts them), top to bottom,
/// left to right. Text under a link is written as a markdown link, one per line it runs over.
fn assemble(runs: Runs, links: &Links) -> Vec<Line> {
    let Runs { text, mut list } = runs;
    list.sort_by(|a, b| a.y.total_cmp(&b.y).then(in_line_order(a, b)));
    let mut lines = Vec::new();
    let mut rest = &mut list[..];
    while let Some(first) = rest.first() {
        let (y, size) = (first.y, first.size);
        let same_row = |run: &Run| (run.y - y).abs() <= SAME_LINE * size.max(run.size);
        let len = rest
            .iter()
            .position(|run| !same_row(run))
            .unwrap_or(rest.len());
        let (row, after) = rest.split_at_mut(len);
        rest = after;
        row.sort_by(in_line_order);
        let mut line: Option<Line> = None;
        for run in row.iter() {
            let run_text = &text[run.start as usize..run.end as usize];
            if let Some(l) = line.as_mut() {
                let gap = run.x0 - l.x1;
                if gap > COLUMN_GAP * l.size.max(run.size) {
                    lines.extend(line.take().map(|l| l.closed(links)));
                } else {
                    let spaced = gap > WORD_GAP * run.size;
                    if !l.first_word_ends {
                        if spaced {
                            l.first_word_ends = true;
                        } else {
                            let (part, ends) = word_start(run_text, run.x1 - run.x0);
                            l.first_word = l.first_word.max(run.x0 + part - l.x0);
                            l.first_word_ends = ends;
                        }
                    }
                    l.push(run_text, run.link, spaced, links);
                    l.x1 = l.x1.max(run.x1);
                    l.size = l.size.max(run.size);
                    continue;
                }
            }
            // White space drawn before the word takes its share of the run's width, not the word's.
            let word = run_text.trim_start();
            let share = word.chars().count() as f32 / run_text.chars().count().max(1) as f32;
            let (part, ends) = word_start(word, (run.x1 - run.x0) * share);
            let mut l = Line {
                first_word: part,
                first_word_ends: ends,
                x0: run.x0,
                x1: run.x1,
                y: run.y,
                size: run.size,
                text: String::new(),
                open: None,
            };
            l.push(run_text, run.link, false, links);
            line = Some(l);
        }
        lines.extend(line.map(|l| l.closed(links)));
    }
    for l in &mut lines {
        let t = l.text.trim().to_string();
        l.text = t;
    }
    lines.retain(|l| !l.text.is_empty());
    lines
}

/// The width of the start of a run's text up to the end of its first word, shared out by characters over the run's
/// `width`, and whether the word ends in the run: at white space, or after one character of a script written without
/// spaces (a CJK line breaks between any two of them, so its first "word" is one character, as the text path
/// measures it).
fn word_start(text: &str, width: f32) -> (f32, bool) {
    let chars = text.chars().count().max(1) as f32;
    let mut word = 0;
    let mut ends = false;
    for c in text.chars() {
        if c.is_whitespace() {
            ends = true;
            break;
        }
        if c.is_alphanumeric() && !in_word(c) {
            // A character of a script written without spaces ends the word before it, or is the whole word when it
            // comes first.
            if word == 0 {
                word = 1;
            }
            ends = true;
            break;
        }
        word += 1;
    }
    (width * word as f32 / chars, ends)
}

/// Left to right, the parts of one string in order (see [`Run::anchor`]).
fn in_line_order(a: &Run, b: &Run) -> std::cmp::Ordering {
    a.anchor.total_cmp(&b.anchor).then(a.piece.cmp(&b.piece))
}

impl Line {
    /// Appends a run's text (after a space when `spaced`), closing the link being written and opening the run's
    /// where they differ. Spaces at the ends of a link's text go outside its brackets.
    fn push(&mut self, text: &str, link: Option<u32>, spaced: bool, links: &Links) {
        let open = self.open.map(|(l, _)| l);
        if open.is_some() && open != link {
            self.close(links);
        }
        if spaced && !self.text.ends_with(' ') && !text.starts_with(' ') {
            self.text.push(' ');
        }
        match link {
            Some(l) if open != Some(l) => {
                let body = text.trim_start();
                if body.len() < text.len() {
                    self.text.push(' ');
                }
                self.open = Some((l, self.text.len()));
                self.text.push('[');
                push_link_text(&mut self.text, body);
            }
            Some(_) => push_link_text(&mut self.text, text),
            None => self.text.push_str(text),
        }
    }

    /// Ends the link being written: `](address)` after its text, or nothing when it holds no text.
    fn close(&mut self, links: &Links) {
        let Some((link, at)) = self.open.take() else {
            return;
        };
        let body = self.text[at + 1..].trim_end().len();
        let spaced = at + 1 + body < self.text.len();
        self.text.truncate(at + 1 + body);
        if body == 0 {
            self.text.truncate(at);
        } else {
            self.text.push_str("](");
            self.text.push_str(links.url(link));
            self.text.push(')');
        }
        if spaced {
            self.text.push(' ');
        }
    }

    fn closed(mut self, links: &Links) -> Line {
        self.close(links);
        self
    }
}

/// Appends the text of a link: brackets escaped, so that the link ends where its area does.
fn push_link_text(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Writes a page's lines: a blank line where the vertical gap is a paragraph space, and for each line whether the
/// next line's first word would have fitted on it, against the right edge of the lines around it, with the room
/// left there and its own first word's width (the next body line may stand on the next page).
fn write_page(lines: &[Line], text: &mut String, layout: &mut Vec<LineLayout>) {
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            if line.y - prev.y > PARAGRAPH_GAP * prev.size.max(line.size) {
                text.push('\n');
                layout.push(LineLayout::default());
            }
        }
        text.push_str(&line.text);
        text.push('\n');
        let lo = i.saturating_sub(6);
        let hi = (i + 7).min(lines.len());
        let right = lines[lo..hi]
            .iter()
            .filter(|l| (l.x0 - line.x0).abs() < 2.0 * line.size)
            .map(|l| l.x1)
            .fold(line.x1, f32::max);
        let fits_next = lines
            .get(i + 1)
            .map(|next| line.x1 + 0.3 * line.size + next.first_word <= right + 0.5);
        let room = right + 0.5 - line.x1 - 0.3 * line.size;
        layout.push(LineLayout {
            fits_next_word: fits_next,
            size: line.size,
            room,
            first_word: line.first_word,
        });
    }
}

/// The document information dictionary, with XMP metadata where it is missing.
fn info(doc: &Document) -> PdfInfo {
    let dict = entry(doc, &doc.trailer, b"Info").and_then(|o| o.as_dict().ok());
    let text = |key: &[u8]| -> Option<String> {
        let o = dict?.get(key).ok()?;
        let s = lopdf::decode_text_string(o).ok()?;
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    let created = text(b"CreationDate").and_then(|d| pdf_date(&d));
    let modified = text(b"ModDate").and_then(|d| pdf_date(&d));
    let producer = text(b"Producer").unwrap_or_default().to_lowercase();
    // A browser's print (Skia, Chromium, wkhtmltopdf) stamps the moment of printing, not of publication.
    let printed = ["skia", "chromium", "wkhtmltopdf", "qt "]
        .iter()
        .any(|p| producer.contains(p));
    let authors = text(b"Author")
        .map(|a| {
            a.split([';', '\n'])
                .flat_map(|p| p.split(" and "))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let title = text(b"Title").filter(|t| !looks_like_file_name(t));
    PdfInfo {
        title,
        authors,
        date: if printed { None } else { created },
        modified: if printed { None } else { modified },
    }
}

/// `D:20240305093000+01'00'` → `2024-03-05`.
fn pdf_date(text: &str) -> Option<String> {
    let d = text.strip_prefix("D:").unwrap_or(text);
    let digits: String = d.chars().take(8).collect();
    if digits.len() < 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!(
        "{}-{}-{}",
        &digits[..4],
        &digits[4..6],
        &digits[6..8]
    ))
}

fn looks_like_file_name(title: &str) -> bool {
    let lower = title.to_lowercase();
    [
        ".doc",
        ".docx",
        ".pdf",
        ".tex",
        ".dvi",
        ".indd",
        "untitled",
        "microsoft word",
    ]
    .iter()
    .any(|s| lower.ends_with(s) || lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown_text(text: &str) -> String {
        let mut out = String::new();
        push_shown_text(text, &mut out);
        out
    }

    #[test]
    fn shown_text_writes_ligatures_and_radicals_as_the_text_they_present() {
        assert_eq!(shown_text("\u{fb01}nd the e\u{fb00}ort"), "find the effort");
        assert_eq!(shown_text("\u{2f7f}にしました"), "耳にしました");
        assert_eq!(shown_text("\u{fe91}\u{fef2}"), "بي");
    }

    #[test]
    fn word_start_ends_at_a_space_or_after_one_ideograph() {
        assert_eq!(word_start("abc def", 70.0), (30.0, true));
        assert_eq!(word_start("abc", 30.0), (30.0, false));
        assert_eq!(word_start("日本語", 30.0), (10.0, true));
        assert_eq!(word_start("ab日本", 40.0), (20.0, true));
    }

    #[test]
    fn shown_text_drops_glyphs_without_text_and_keeps_the_rest() {
        assert_eq!(
            shown_text("engine \u{fffd} Prepare\u{7}"),
            "engine  Prepare"
        );
        assert_eq!(shown_text("商標法違反に！？ ½ ²"), "商標法違反に！？ ½ ²");
    }
}
