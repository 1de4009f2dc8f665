//! The command line, declared with clap derive. A flag's first doc line is its short help.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::InputKind;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  `check` found stale or missing output, or a rule example failed
  2  an error happened (an input could not be read or cleaned, bad rule file, bad usage)";

/// Turn saved or fetched web pages and scraped markdown into clean markdown with metadata.
#[derive(Debug, Parser)]
#[command(name = "rinse", version, about, after_help = EXIT_CODES, propagate_version = true)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GlobalArgs {
    /// Use this configuration file instead of the nearest `rinse.toml`.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no configuration file, only flags and defaults.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print warnings (such as pages where no article was found) and skipped files.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean pages and documents into markdown (or text, or JSON) with metadata.
    ///
    /// With no INPUT, cleans the project's raw/ into clean/ (folders named by the nearest rinse.toml).
    ///
    /// Example: rinse clean -o out/ saved-pages/
    Clean(CleanArgs),
    /// Check that clean/ is what raw/ and the rules give now; validate the rule files and run their examples.
    ///
    /// Writes nothing. Exit 1 when a file in clean/ is stale, missing or has no raw source, or a rule example
    /// fails; 2 on errors (an unreadable input, an invalid rule file).
    ///
    /// Example: rinse check --diff --output-format github
    Check(CheckArgs),
    /// Show what cleanup did to one document: its raw text against the cleaned body.
    ///
    /// For an HTML page the raw text is what the page shows (its whole body); for markdown, the file's body. Each
    /// hunk names the rules that made it, `extract` for the parts of a page that are not its article.
    ///
    /// Example: rinse diff --rule B001 raw/report.html
    Diff(DiffArgs),
    /// List, explain and test the cleanup rules.
    ///
    /// Example: rinse rules explain B001
    Rules(RulesArgs),
}

/// Arguments of `rinse rules`.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: RulesCommand,
}

/// The subcommands of `rinse rules`.
#[derive(Debug, Clone, Subcommand)]
pub enum RulesCommand {
    /// List every rule: code, name, origin and whether it runs.
    List,
    /// Print the documentation of a built-in rule.
    Explain {
        /// The rule's code (`B001`) or name (`page-break-split`).
        code: String,
    },
    /// Run the examples of the rule files; exit 1 with a diff when one fails.
    Test {
        /// A rule file or a folder of them [default: the project's rules folder].
        path: Option<PathBuf>,
    },
}

/// Arguments of `rinse check`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CheckArgs {
    /// The folder of raw inputs [default: the project's raw/].
    #[arg(long, value_name = "DIR")]
    pub raw: Option<PathBuf>,
    /// The folder of committed outputs [default: the project's clean/].
    #[arg(long, value_name = "DIR")]
    pub clean: Option<PathBuf>,
    /// Also print the unified diff of each stale file (committed against expected).
    #[arg(long)]
    pub diff: bool,
    /// How findings are printed.
    ///
    /// `github` prints workflow commands (`::error file=…,line=…::…`) that annotate a pull request.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CheckFormat::Text)]
    pub output_format: CheckFormat,
}

/// How `rinse check` prints its findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding.
    #[default]
    Text,
    /// One JSON object with every finding and the counts.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

/// Arguments of `rinse diff`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DiffArgs {
    /// The document: an HTML page or a markdown file (`-` for stdin).
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Show changed words inline (`[-old-]{+new+}`) instead of removed and added lines.
    #[arg(long)]
    pub word: bool,
    /// Print, per rule, the number of edits, characters removed and lines joined, instead of the diff.
    #[arg(long, conflicts_with = "word")]
    pub stat: bool,
    /// Only the hunks that this rule took part in (a code, a prefix such as `B`, or `extract`).
    #[arg(long, value_name = "CODE")]
    pub rule: Option<String>,
    /// Write a self-contained side-by-side HTML report to FILE (`-` for stdout) instead of the diff.
    ///
    /// Example: rinse diff --html report.html raw/page.html
    #[arg(long, value_name = "FILE", conflicts_with_all = ["word", "stat"])]
    pub html: Option<PathBuf>,
    /// When to colour the diff; `auto` colours a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Never.
    Never,
    /// Always, even when NO_COLOR is set.
    Always,
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
}

/// Arguments of `rinse clean`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CleanArgs {
    /// Files, folders (walked recursively in sorted order) or `-` for stdin.
    ///
    /// Folders yield every .html .htm .xhtml .md .markdown .txt file, each also as .gz.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write each result to DIR/<path relative to the input folder>, with the format's extension.
    ///
    /// Without it, a single file or stdin is written to stdout.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Read every input as this kind instead of guessing from the extension or the content.
    #[arg(long, value_enum, value_name = "KIND")]
    pub input_format: Option<InputKind>,
    /// Number of documents cleaned in parallel [default: all cores].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Keep images in the markdown as `![alt](src)`.
    #[arg(long, overrides_with = "no_images")]
    pub images: bool,
    /// Leave images out (the default).
    #[arg(long, overrides_with = "images")]
    pub no_images: bool,
}

/// Output formats of `rinse clean`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown with YAML front matter.
    #[default]
    Md,
    /// Plain text: one block per paragraph, heading, list item or table row; no markup, no URLs.
    Text,
    /// One JSON object per document: {"source", "metadata", "markdown", "text"}.
    Json,
    /// The same objects, one per line, as a single stream on stdout.
    Jsonl,
}

impl Format {
    /// The extension of an output file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Text => "txt",
            Format::Json | Format::Jsonl => "json",
        }
    }
}
