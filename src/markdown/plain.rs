//! Plain text as markdown that shows the same text: what rinse reads plain text as
//! (`--input-format text`, `InputKind::Text`).

use super::escape::{escape_line_start, escapes, is_syntax, longest_run};

/// Markdown that shows `text` as written: its blocks (separated by blank lines) stay blocks, every line of a block
/// stays a line (a hard break `\` ends each but the last), and nothing reads as markup (the characters markdown
/// would take are escaped). A block laid out with white space (a line indented, or holding a tab or two spaces in
/// a row, as a table or code is) is preformatted: a fenced code block, whose lines come out exactly. So the text
/// of the result (`emit::to_text`) is `text` again when `text` is what `--format text` writes.
pub fn from_plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        let line = line.trim_end();
        if !line.is_empty() {
            block.push(line);
            continue;
        }
        let laid_out = block.iter().any(|line| is_laid_out(line));
        write_block(&block, laid_out, &mut out);
        block.clear();
    }
    out
}

/// Writes a block, after a blank line when it is not the first.
fn write_block(block: &[&str], laid_out: bool, out: &mut String) {
    if block.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    if laid_out {
        write_preformatted(block, out);
    } else {
        write_lines(block, out);
    }
}

/// Whether a line's layout rests on its white space: indented, or spaced with a tab or two spaces in a row.
fn is_laid_out(line: &str) -> bool {
    line.starts_with(char::is_whitespace) || line.contains('\t') || line.contains("  ")
}

/// A block as a fenced code block, its lines as they are.
fn write_preformatted(block: &[&str], out: &mut String) {
    let fence = "`".repeat(
        block
            .iter()
            .map(|l| longest_run(l, '`'))
            .max()
            .unwrap_or(0)
            .max(2)
            + 1,
    );
    out.push_str(&fence);
    out.push('\n');
    for line in block {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&fence);
    out.push('\n');
}

/// A block as one paragraph, each line escaped and kept a line by a hard break.
fn write_lines(block: &[&str], out: &mut String) {
    let mut escaped = String::new();
    for (i, line) in block.iter().enumerate() {
        escaped.clear();
        let mut before = None;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if is_syntax(c) && escapes(c, before, chars.peek().copied()) {
                escaped.push('\\');
            }
            escaped.push(c);
            before = Some(c);
        }
        escape_line_start(&escaped, out);
        out.push_str(if i + 1 < block.len() { "\\\n" } else { "\n" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_stay_lines_and_markup_stays_text() {
        assert_eq!(
            from_plain_text("1. Bio: *g* [x](y)\n# not a heading\n\n> 29\n"),
            "1\\. Bio: \\*g\\* \\[x\\](y)\\\n\\# not a heading\n\n\\> 29\n"
        );
    }

    #[test]
    fn a_block_laid_out_with_white_space_is_preformatted() {
        assert_eq!(
            from_plain_text("Pos.\tName\n1\tKyle ```x```\n\n  indented\n"),
            "````\nPos.\tName\n1\tKyle ```x```\n````\n\n```\n  indented\n```\n"
        );
    }
}
