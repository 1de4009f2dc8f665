//! The link annotations of a PDF page (PDF 12.5.6.5 `/Link` with a `/URI` action): the areas a reader can click and
//! the addresses they open, looked up by position for the text drawn under them.

use lopdf::{Dictionary, Document, Object, ObjectId};
use url::Url;

use super::{entry, number};

/// The most link areas read on one page; the text under any more is read as plain text.
pub const MAX_PAGE_LINKS: usize = 4096;
/// The height in points of the horizontal bands that index the areas: a glyph is tested against the areas of its
/// band only, so a page of many links and much text stays linear.
const BAND: f32 = 8.0;

/// The link areas of one page, in the reader's coordinates (points from the page's top left).
#[derive(Debug, Default)]
pub(super) struct Links {
    areas: Vec<Area>,
    urls: Vec<String>,
    /// For each band of the page's height, the areas that reach into it.
    bands: Vec<Vec<u32>>,
}

#[derive(Debug)]
struct Area {
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    url: u32,
}

impl Links {
    /// The link areas of a page `height` points tall. An annotation that is not a link to an address (an internal
    /// destination, a `javascript:` action) or whose area is not a rectangle is skipped.
    pub(super) fn of_page(doc: &Document, page_id: ObjectId, height: f32) -> Links {
        let mut links = Links::default();
        let Some(annots) = doc
            .get_dictionary(page_id)
            .ok()
            .and_then(|page| entry(doc, page, b"Annots"))
            .and_then(|o| o.as_array().ok())
        else {
            return links;
        };
        for annot in annots {
            if links.areas.len() >= MAX_PAGE_LINKS {
                break;
            }
            let Ok((_, Object::Dictionary(annot))) = doc.dereference(annot) else {
                continue;
            };
            let Some(url) = link_address(doc, annot) else {
                continue;
            };
            let rects = rectangles(doc, annot);
            if rects.is_empty() {
                continue;
            }
            let url = match links.urls.iter().position(|u| *u == url) {
                Some(i) => i,
                None => {
                    links.urls.push(url);
                    links.urls.len() - 1
                }
            } as u32;
            for [x0, y0, x1, y1] in rects.into_iter().take(MAX_PAGE_LINKS - links.areas.len()) {
                // PDF space has its origin at the bottom left; the reader's at the top left.
                links.areas.push(Area {
                    x0,
                    x1,
                    y0: height - y1,
                    y1: height - y0,
                    url,
                });
            }
        }
        links.index(height);
        links
    }

    /// Whether the page has no link areas.
    pub(super) fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// Whether an area reaches between `y0` and `y1` (a quick test before a string is looked at glyph by glyph).
    pub(super) fn reach(&self, y0: f32, y1: f32) -> bool {
        let (first, last) = (self.band(y0), self.band(y1));
        (first..=last).any(|b| {
            self.bands[b].iter().any(|&i| {
                let area = &self.areas[i as usize];
                area.y0 <= y1 && area.y1 >= y0
            })
        })
    }

    /// The link (an index for [`Self::url`]) whose area holds the point, if any.
    pub(super) fn at(&self, x: f32, y: f32) -> Option<u32> {
        self.bands.get(self.band(y))?.iter().find_map(|&i| {
            let area = &self.areas[i as usize];
            (area.x0 <= x && x <= area.x1 && area.y0 <= y && y <= area.y1).then_some(area.url)
        })
    }

    /// The address of a link, written for a markdown link target.
    pub(super) fn url(&self, link: u32) -> &str {
        self.urls.get(link as usize).map_or("", String::as_str)
    }

    fn band(&self, y: f32) -> usize {
        let last = self.bands.len().saturating_sub(1);
        if y.is_nan() || y <= 0.0 {
            return 0;
        }
        ((y / BAND) as usize).min(last)
    }

    fn index(&mut self, height: f32) {
        let count = ((height.max(BAND) / BAND).ceil() as usize).min(1 << 12);
        self.bands = vec![Vec::new(); count];
        for (i, area) in self.areas.iter().enumerate() {
            let (first, last) = (self.band(area.y0), self.band(area.y1));
            for band in &mut self.bands[first..=last.max(first)] {
                band.push(i as u32);
            }
        }
    }
}

/// The address a `/Link` annotation opens, as a markdown link target: `/A` a `/URI` action whose address is not
/// empty, a fragment, `javascript:` or `data:`.
fn link_address(doc: &Document, annot: &Dictionary) -> Option<String> {
    if annot.get(b"Subtype").and_then(Object::as_name).ok()? != b"Link" {
        return None;
    }
    let action = entry(doc, annot, b"A").and_then(|o| o.as_dict().ok())?;
    if action.get(b"S").and_then(Object::as_name).ok()? != b"URI" {
        return None;
    }
    let Some(Object::String(bytes, _)) = entry(doc, action, b"URI") else {
        return None;
    };
    target(&String::from_utf8_lossy(bytes))
}

/// A link address written so that markdown reads it back whole (as the HTML path writes `href`s).
fn target(uri: &str) -> Option<String> {
    let uri = uri.trim();
    let lower = uri.get(..11).unwrap_or(uri).to_ascii_lowercase();
    if uri.is_empty()
        || uri.starts_with('#')
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
    {
        return None;
    }
    let url = Url::parse(uri)
        .map(String::from)
        .unwrap_or_else(|_| uri.replace(' ', "%20"));
    let url = url.replace(['<', '>', '\n', '\r'], "");
    if url.contains(['(', ')', ' ']) {
        Some(format!("<{url}>"))
    } else {
        Some(url)
    }
}

/// The rectangles of an annotation as `[x0, y0, x1, y1]` in PDF space: each quadrilateral of `/QuadPoints` (one
/// per line a link runs over), else `/Rect`.
fn rectangles(doc: &Document, annot: &Dictionary) -> Vec<[f32; 4]> {
    let numbers = |key: &[u8]| -> Vec<f32> {
        entry(doc, annot, key)
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                a.iter()
                    .take(8 * MAX_PAGE_LINKS)
                    .map(|o| number(o).unwrap_or(f32::NAN))
                    .collect()
            })
            .unwrap_or_default()
    };
    let bounds = |points: &[f32]| -> Option<[f32; 4]> {
        let xs = points.iter().step_by(2);
        let ys = points.iter().skip(1).step_by(2);
        let rect = [
            xs.clone().copied().fold(f32::INFINITY, f32::min),
            ys.clone().copied().fold(f32::INFINITY, f32::min),
            xs.copied().fold(f32::NEG_INFINITY, f32::max),
            ys.copied().fold(f32::NEG_INFINITY, f32::max),
        ];
        rect.iter().all(|v| v.is_finite()).then_some(rect)
    };
    let quads = numbers(b"QuadPoints");
    if !quads.is_empty() && quads.len() % 8 == 0 {
        let rects: Vec<[f32; 4]> = quads.chunks(8).filter_map(bounds).collect();
        if !rects.is_empty() {
            return rects;
        }
    }
    let rect = numbers(b"Rect");
    if rect.len() == 4 {
        bounds(&rect).into_iter().collect()
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_keeps_addresses_and_drops_scripts_and_fragments() {
        assert_eq!(
            target(" https://example.org/a b").as_deref(),
            Some("https://example.org/a%20b")
        );
        assert_eq!(
            target("https://en.wikipedia.org/wiki/Rust_(language)").as_deref(),
            Some("<https://en.wikipedia.org/wiki/Rust_(language)>")
        );
        assert_eq!(target("JavaScript:void(0)"), None);
        assert_eq!(target("#top"), None);
        assert_eq!(target(""), None);
    }

    #[test]
    fn areas_are_found_by_position_in_their_band() {
        let mut links = Links {
            urls: vec!["https://a.example/".into()],
            areas: vec![Area {
                x0: 10.0,
                x1: 50.0,
                y0: 100.0,
                y1: 112.0,
                url: 0,
            }],
            bands: Vec::new(),
        };
        links.index(792.0);
        assert_eq!(links.at(20.0, 105.0), Some(0));
        assert_eq!(links.at(60.0, 105.0), None);
        assert_eq!(links.at(20.0, 130.0), None);
        assert!(links.reach(95.0, 101.0));
        assert!(!links.reach(120.0, 130.0));
        assert_eq!(links.url(0), "https://a.example/");
    }
}
