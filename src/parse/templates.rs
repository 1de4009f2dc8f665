//! The contents of a page's `<script type="text/template">` elements, read from its text: the parser cuts script
//! content (see [`super::prescan`]), and some pages hold their article only there (issue 12, class 1).

use super::tags::{contains_ignore_case, NameKind, Tags};

/// The contents of the `<script type="text/template">` elements of `text`, in document order, as the tag scanner
/// finds them.
pub fn script_templates(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    Tags::new(text)
        .filter(|tag| tag.kind == NameKind::Script && !tag.end)
        .filter(|tag| contains_ignore_case(&bytes[tag.range.clone()], b"text/template"))
        .filter_map(|tag| text.get(tag.content?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_scripts_are_found_and_others_are_not() {
        let page =
            "<script>var a = '<p>x</p>';</script><script type='text/template'><p>Post</p></script>\
                    <script type=\"application/ld+json\">{}</script>";
        assert_eq!(script_templates(page), vec!["<p>Post</p>"]);
    }
}
