//! Tables: which ones hold data (measured before rendering), and a data table's rows written as a pipe table.
//! Layout tables are rendered as a sequence of blocks by the writer.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom;

/// What the renderer knows of a table before rendering it: whether it holds another table, and its widest row.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct TableShape {
    nested: bool,
    columns: usize,
    rows: usize,
}

impl TableShape {
    /// A table that lays out a page rather than holding data is rendered as a sequence of blocks.
    pub(super) fn is_layout(&self) -> bool {
        self.nested || self.columns < 2 || self.rows < 1
    }
}

/// Measures every table under `root` in one pass.
pub(super) fn table_shapes(root: NodeRef<'_, Node>) -> HashMap<NodeId, TableShape> {
    let mut shapes: HashMap<NodeId, TableShape> = HashMap::new();
    let mut open: Vec<NodeId> = Vec::new();
    let mut cells: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                match element.name() {
                    "table" => {
                        if let Some(outer) = open.last() {
                            shapes.entry(*outer).or_default().nested = true;
                        }
                        open.push(node.id());
                        shapes.entry(node.id()).or_default();
                    }
                    "tr" => {
                        if let Some(table) = open.last() {
                            shapes.entry(*table).or_default().rows += 1;
                        }
                        cells.push(0);
                    }
                    "td" | "th" => {
                        let span = colspan(element);
                        if let Some(count) = cells.last_mut() {
                            *count += span;
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                match element.name() {
                    "table" => {
                        open.pop();
                    }
                    "tr" => {
                        let count = cells.pop().unwrap_or(0);
                        if let Some(table) = open.last() {
                            let shape = shapes.entry(*table).or_default();
                            shape.columns = shape.columns.max(count);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    shapes
}

/// How many columns a cell spans (at most 64).
pub(super) fn colspan(element: &scraper::node::Element) -> usize {
    dom::attr(element, "colspan")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 64)
}

/// The rows of a data table being collected, each a list of cells of inline markdown.
#[derive(Debug, Default)]
pub(super) struct TableRows {
    pub(super) rows: Vec<Vec<String>>,
}

impl TableRows {
    /// Adds a cell to the last row (the first, when a cell comes before any row), and an empty cell per column
    /// it spans beyond the first.
    pub(super) fn push_cell(&mut self, text: String, span: usize) {
        if self.rows.is_empty() {
            self.rows.push(Vec::new());
        }
        if let Some(row) = self.rows.last_mut() {
            row.push(text);
            for _ in 1..span {
                row.push(String::new());
            }
        }
    }

    /// The table as a markdown pipe table, its first row the header; `None` when no cell holds text.
    pub(super) fn into_block(self) -> Option<String> {
        let rows: Vec<Vec<String>> = self
            .rows
            .into_iter()
            .filter(|row| row.iter().any(|cell| !cell.is_empty()))
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if rows.is_empty() || columns == 0 {
            return None;
        }
        let cells: usize = rows.iter().map(Vec::len).sum();
        if rows.len() * columns > MAX_PADDING * cells + PADDING_SLACK {
            return Some(ragged_block(&rows));
        }
        let mut block = String::new();
        let line = |row: &[String], block: &mut String| {
            block.push('|');
            for i in 0..columns {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                block.push(' ');
                block.push_str(cell);
                if !cell.is_empty() {
                    block.push(' ');
                }
                block.push('|');
            }
        };
        let mut rows = rows.into_iter();
        if let Some(first) = rows.next() {
            line(&first, &mut block);
            block.push('\n');
            block.push('|');
            for _ in 0..columns {
                block.push_str(" --- |");
            }
        }
        for row in rows {
            block.push('\n');
            line(&row, &mut block);
        }
        Some(block)
    }
}

/// A pipe table pads every row to the widest one. Past this many times its cells (plus [`PADDING_SLACK`]), a table
/// is written as lines instead: one row of 5 000 cells over 5 000 rows of one made 145 KB of HTML 50 MB of
/// markdown (issue 17).
const MAX_PADDING: usize = 4;

/// The padding any table may have beyond [`MAX_PADDING`] times its cells.
const PADDING_SLACK: usize = 1024;

/// A table too ragged to pad: each row a paragraph of its cells, one space apart.
fn ragged_block(rows: &[Vec<String>]) -> String {
    let lines: Vec<String> = rows
        .iter()
        .map(|row| {
            let cells: Vec<&str> = row
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect();
            cells.join(" ")
        })
        .collect();
    lines.join("\n\n")
}
