//! Rendering: the article's subtrees of the parsed page to markdown, walking scraper's tree iteratively so that
//! deeply nested pages cannot overflow the stack. The writer (`writer.rs`) writes the blocks, with the inline markup
//! of `inline.rs`, the data tables of `table.rs` and the escaping of `escape.rs`; `plain.rs` writes plain text as
//! the markdown that shows it.

mod escape;
mod inline;
mod plain;
mod table;
mod writer;

use scraper::Html;
use url::Url;

use crate::extract::Article;
pub use plain::from_plain_text;
use writer::Writer;

/// How to render.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The URL relative links are resolved against (`<base href>` wins over it).
    pub base_url: Option<&'a Url>,
    /// Keep images as `![alt](src)`.
    pub images: bool,
}

/// Renders the article as markdown: blocks separated by one blank line, ending in one newline (empty when there
/// is no article).
pub fn render(html: &Html, article: &Article, options: &RenderOptions<'_>) -> String {
    let mut writer = Writer::new(article, options);
    for root in &article.roots {
        if let Some(node) = html.tree.get(*root) {
            writer.write_root(node);
        }
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};

    fn md(body: &str) -> String {
        md_with(body, false)
    }

    fn md_with(body: &str, images: bool) -> String {
        let html = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        let article = Article::whole_body(&html);
        let base = Url::parse("https://example.com/dir/page.html").ok();
        render(
            &html,
            &article,
            &RenderOptions {
                base_url: base.as_ref(),
                images,
            },
        )
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(md("<p>one\n two</p><p>three</p>"), "one two\n\nthree\n");
    }

    #[test]
    fn headings_get_hashes() {
        assert_eq!(md("<h2>Sub <em>x</em></h2><p>t</p>"), "## Sub x\n\nt\n");
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            md("<p>a *b* [c](d) x|y 1_000 _u_</p><p># not a heading</p><p>1. not a list</p>"),
            "a \\*b\\* \\[c\\](d) x\\|y 1_000 \\_u\\_\n\n\\# not a heading\n\n1\\. not a list\n"
        );
    }

    #[test]
    fn links_are_made_absolute_and_dead_links_become_text() {
        assert_eq!(
            md("<p><a href='../x'>rel</a> <a href='#top'>top</a> <a href='javascript:void(0)'>js</a> <a>none</a> <a href=''>empty</a></p>"),
            "[rel](https://example.com/x) top js none empty\n"
        );
    }

    #[test]
    fn emphasis_next_to_punctuation_and_letters_stays_plain() {
        assert_eq!(md("<p><b>‘a’</b>b <i>c.</i> d</p>"), "‘a’b *c.* d\n");
    }

    #[test]
    fn emphasis_moves_spaces_outside() {
        assert_eq!(md("<p>a<b> bold </b>c <i></i>d</p>"), "a **bold** c d\n");
    }

    #[test]
    fn nested_lists_keep_start_numbers() {
        assert_eq!(
            md("<ol start='3'><li>three<ul><li>sub</li></ul></li><li>four</li></ol>"),
            "3. three\n\n   - sub\n\n4. four\n"
        );
    }

    #[test]
    fn lists_of_single_short_items_are_tight() {
        assert_eq!(
            md("<p>Menu</p><ul><li>Home</li><li></li><li><a href='/n'>News</a></li></ul><p>after</p>"),
            "Menu\n\n- Home\n- [News](https://example.com/n)\n\nafter\n"
        );
        assert_eq!(
            md("<blockquote><ol><li><p>a</p></li><li>b</li></ol></blockquote>"),
            "> 1. a\n> 2. b\n"
        );
        assert_eq!(
            md("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>"),
            "- a\n\n  - b\n  - c\n\n- d\n",
            "an item with a nested list is two blocks: the outer list stays loose"
        );
    }

    #[test]
    fn lists_with_paragraph_items_stay_loose() {
        let long = "word ".repeat(50);
        assert_eq!(
            md(&format!("<ul><li>{long}</li><li>b</li></ul>")),
            format!("- {}\n\n- b\n", long.trim_end())
        );
        assert_eq!(
            md("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>"),
            "- a\n\n  b\n\n- c\n"
        );
    }

    #[test]
    fn blockquotes_prefix_every_line() {
        assert_eq!(
            md("<blockquote><p>a</p><p>b</p></blockquote><p>c</p>"),
            "> a\n>\n> b\n\nc\n"
        );
    }

    #[test]
    fn a_quote_after_a_list_is_one_blank_line_apart() {
        assert_eq!(
            md("<ul><li>a</li></ul><blockquote>q</blockquote><blockquote>r</blockquote>"),
            "- a\n\n> q\n\n> r\n"
        );
    }

    #[test]
    fn code_blocks_are_fenced_with_language() {
        assert_eq!(
            md("<pre><code class='language-rust'>fn a() {\n  *b\n}\n</code></pre>"),
            "```rust\nfn a() {\n  *b\n}\n```\n"
        );
        assert_eq!(md("<p>call <code>a*b`c</code></p>"), "call ``a*b`c``\n");
    }

    #[test]
    fn tables_without_th_use_first_row_as_header() {
        assert_eq!(
            md("<table><tr><td>a|b</td><td>c</td></tr><tr><td>1</td><td><b>2</b></td></tr></table>"),
            "| a\\|b | c |\n| --- | --- |\n| 1 | **2** |\n"
        );
    }

    #[test]
    fn inline_markup_is_the_same_in_paragraphs_and_table_cells() {
        assert_eq!(
            md("<p><cite>Book</cite>, <dfn>term</dfn>, <var>x</var>, <code>c</code></p>"),
            "*Book*, *term*, *x*, `c`\n"
        );
        assert_eq!(
            md("<table><tr><td><cite>Book</cite></td><td><dfn>term</dfn></td></tr><tr><td><var>x</var></td><td><code>c</code></td></tr></table>"),
            "| *Book* | *term* |\n| --- | --- |\n| *x* | `c` |\n"
        );
    }

    #[test]
    fn layout_tables_become_blocks() {
        assert_eq!(
            md("<table><tr><td><p>one</p></td></tr><tr><td>two</td></tr></table>"),
            "one\n\ntwo\n"
        );
    }

    #[test]
    fn line_breaks_and_rules() {
        assert_eq!(md("<p>a<br>b</p><hr><p>c</p>"), "a\\\nb\n\n---\n\nc\n");
    }

    #[test]
    fn two_line_breaks_are_a_paragraph_break() {
        assert_eq!(
            md("<div>one<br><br>two<br>\n <br><br>three<br>four</div>"),
            "one\n\ntwo\n\nthree\\\nfour\n"
        );
        assert_eq!(md("<p>a<br><br></p><p>b</p>"), "a\n\nb\n");
        assert_eq!(
            md("<p><b>a<br><br>b</b> c</p>"),
            "a\\\nb c\n",
            "a break inside emphasis stays a line break"
        );
    }

    #[test]
    fn images_only_when_asked() {
        assert_eq!(md("<p>x <img src='i.png' alt='pic'></p>"), "x\n");
        assert_eq!(
            md_with("<p>x <img src='i.png' alt='pic'></p>", true),
            "x ![pic](https://example.com/dir/i.png)\n"
        );
    }

    #[test]
    fn scripts_never_leak() {
        assert_eq!(md("<p>a<script>var x = 1;</script></p>"), "a\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let body = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(md(&body), "deep\n");
    }

    #[test]
    fn extract_entry_is_compatible() {
        let html = Html::parse_document("<p>x</p>");
        let article = extract(&html, &ExtractOptions::default());
        let _ = render(&html, &article, &RenderOptions::default());
    }
}
