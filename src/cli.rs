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
    /// Run only these built-in rules: codes or prefixes, comma-separated (replaces `[rules] select`).
    ///
    /// Example: --select B,L001 runs the page-boundary rules and the placeholder rule.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Do not run these built-in rules: codes or prefixes, comma-separated (added to `[rules] ignore`).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub ignore: Vec<String>,
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
