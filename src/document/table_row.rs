//! The cells of a pipe table's row that a GFM parser drops: a body row with more cells than the header row (a
//! converter's layout table, whose first row is a few empty cells) keeps only as many as the header has, so the
//! text of the others would be read by nobody.

/// The cells of the pipe table row `row` (one line of markdown source) past its first `cells`, as the source of a
/// table of their own whose header row they are (so that a parser reads each as a table cell's inline text, the
/// way it reads the row's other cells); `None` when the row has no more than `cells` cells.
///
/// The row is cut as GFM cuts it: at every `|` not escaped by a backslash, after the line's white space and its
/// leading and trailing `|` are taken off.
pub fn overflow_cells(row: &str, cells: usize) -> Option<String> {
    let line = row.split(['\n', '\r']).next().unwrap_or_default().trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = match line.strip_suffix('|') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => line,
    };
    let bytes = line.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'|' => starts.push(i + 1),
            _ => {}
        }
        i += 1;
    }
    let first = *starts.get(cells)?;
    let extra = starts.len() - cells;
    let mut table = String::with_capacity(line.len() - first + 4 * extra + 4);
    table.push('|');
    table.push_str(&line[first..]);
    table.push_str("|\n");
    table.push_str(&"|-".repeat(extra));
    table.push_str("|\n");
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cells_past_the_count_make_a_table_of_their_own() {
        assert_eq!(
            overflow_cells("| a | b | [c](x) | d\\|e |", 2).as_deref(),
            Some("| [c](x) | d\\|e |\n|-|-|\n")
        );
        assert_eq!(
            overflow_cells("a | b | c", 1).as_deref(),
            Some("| b | c|\n|-|-|\n")
        );
        assert_eq!(overflow_cells("| a | b |", 2), None);
        assert_eq!(overflow_cells("| a \\| b |", 1), None);
        assert_eq!(overflow_cells("| a |", 3), None);
    }
}
