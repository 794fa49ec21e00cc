//! The command line: arguments (clap), dispatch, and what is printed.
//!
//! 1. [`Cli`] declares the commands and flags.
//! 2. [`run`] turns them into build options and runs the command.
//! 3. Diagnostics are printed here, in the chosen format; `main` only maps
//!    the result to an exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use crate::build::{self, Options};
use crate::diagnostic::{Diagnostic, Format, Report, SourceMap};
use crate::error::{self, Error};
use crate::kind::Kind;
use crate::{check, scaffold, schema};

/// Build cross-linked static sites about treaties, organisations, principles and cases.
#[derive(Debug, Parser)]
#[command(name = "treatise", version, after_help = EXAMPLES)]
pub struct Cli {
    /// The site's folder (holding site.toml and content/)
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  treatise build                              build ./ into ./public/
  treatise build --base-url https://owner.github.io/repo/
  treatise --root site build --output /tmp/out --drafts
  treatise check --format github              annotations for a pull request
  treatise serve --port 8000                  preview on http://127.0.0.1:8000/ with live reload

  treatise new treaty \"Budapest Convention\"    writes content/treaties/budapest-convention.md
  treatise schema case > case.schema.json";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default)
    Build {
        /// Where to write the site
        #[arg(long, short, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Override base_url from site.toml (e.g. for a GitHub Pages project site)
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
        /// Include pages marked `draft = true`
        #[arg(long)]
        drafts: bool,
    },
    /// Check the content as `build` does, without writing anything
    Check {
        /// How to print problems
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// Include pages marked `draft = true`
        #[arg(long)]
        drafts: bool,
    },
    /// Serve the site locally; rebuild on every edit and reload the browser
    Serve {
        /// Port to listen on (0 picks a free one)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Address to listen on; give another than 127.0.0.1 only to share the preview on purpose
        #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
        bind: std::net::IpAddr,
        /// Show pages marked `draft = true` (the default for serve)
        #[arg(long, overrides_with = "no_drafts")]
        drafts: bool,
        /// Leave drafts out, as `build` does
        #[arg(long)]
        no_drafts: bool,
    },
    /// Write a draft page of KIND to fill in, at content/<folder>/<slug of TITLE>.md
    New {
        #[arg(value_enum)]
        kind: KindArg,
        /// The page's title; its file name is made from it
        title: String,
    },
    /// Print the JSON Schema of KIND's front matter
    Schema {
        #[arg(value_enum)]
        kind: KindArg,
    },
}

/// KIND values: the kinds of page (`page` is a top-level page such as about).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    Treaty,
    Organisation,
    Principle,
    Case,
    Topic,
    Page,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Treaty => Kind::Treaty,
            KindArg::Organisation => Kind::Organisation,
            KindArg::Principle => Kind::Principle,
            KindArg::Case => Kind::Case,
            KindArg::Topic => Kind::Topic,
            KindArg::Page => Kind::Page,
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Github,
    Json,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Github => Format::Github,
            FormatArg::Json => Format::Json,
        }
    }
}

/// Runs a command; content problems have been printed when this returns.
pub fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Build { output, base_url, drafts } => {
            let options = Options { root: cli.root, output, base_url, drafts };
            let result = build::build(&options);
            let summary = report(result, Format::Human)?;
            print_diagnostics(&summary.warnings, &summary.sources, Format::Human);
            let counts: Vec<String> = Kind::SECTIONS
                .iter()
                .chain([Kind::Page].iter())
                .filter_map(|k| summary.pages.get(k).map(|n| format!("{n} {}", k.folder_or_pages())))
                .collect();
            let total: usize = summary.pages.values().sum();
            eprintln!(
                "Built {total} pages ({}) and {} files into {} in {:.2} s",
                counts.join(", "),
                summary.files,
                summary.output.display(),
                summary.elapsed.as_secs_f64()
            );
            Ok(())
        }
        Command::Check { format, drafts } => check_site(cli.root, Format::from(format), drafts),
        Command::New { kind, title } => {
            let path = scaffold::create(&cli.root, kind.into(), &title, check::today())?;
            eprintln!("Created {} as a draft: fill in every TODO, then run `treatise check --drafts`.", path.display());
            Ok(())
        }
        Command::Schema { kind } => {
            let json = serde_json::to_string_pretty(&schema::for_kind(kind.into())).map_err(anyhow::Error::from)?;
            writeln!(std::io::stdout(), "{json}")
                .map_err(|e| anyhow::Error::from(e).context("failed to print the schema"))?;
            Ok(())
        }
        Command::Serve { port, bind, no_drafts, .. } => {
            let addr = std::net::SocketAddr::new(bind, port);
            crate::serve::run(&crate::serve::Options { root: cli.root, addr, drafts: !no_drafts })
        }
    }
}

/// `check`: every problem `build` finds plus [`check::check`]'s, in one run.
fn check_site(root: PathBuf, format: Format, drafts: bool) -> Result<(), Error> {
    let options = Options { root, drafts, ..Options::default() };
    let (site, mut problems) = build::load_all(&options)?;
    if problems.is_empty() {
        match build::render(&site, &options.root) {
            Ok(_) => {}
            Err(Error::Content { diagnostics, .. }) => problems.extend(diagnostics),
            Err(e) => return Err(e),
        }
    }
    problems.extend(site.warnings.iter().cloned());
    problems.extend(check::check(&site, check::today()));
    error::sort(&mut problems);
    print_diagnostics(&problems, &site.sources, format);
    let errors = problems.iter().filter(|d| d.is_error()).count();
    if format == Format::Json && problems.is_empty() {
        println!("[]");
    } else if format == Format::Human {
        let warnings = problems.len() - errors;
        match errors {
            0 => eprintln!("No errors in {} pages ({warnings} warning(s)).", site.graph.pages.len()),
            n => eprintln!("error: {n} error(s) and {warnings} warning(s) in {} pages", site.graph.pages.len()),
        }
    }
    if errors > 0 {
        return Err(Error::Content { diagnostics: problems, sources: site.sources });
    }
    Ok(())
}

/// Prints content errors (all of them) before passing the failure on.
fn report<T>(result: Result<T, Error>, format: Format) -> Result<T, Error> {
    if let Err(Error::Content { diagnostics, sources }) = &result {
        print_diagnostics(diagnostics, sources, format);
        if format == Format::Human {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("error: {errors} problem(s) found; nothing was written");
        }
    }
    result
}

fn print_diagnostics(diagnostics: &[Diagnostic], sources: &SourceMap, format: Format) {
    if diagnostics.is_empty() {
        return;
    }
    let report = Report { diagnostics, sources };
    let result = if format == Format::Human {
        let color = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
        let mut err = StandardStream::stderr(color);
        report.write(&mut err, format).and_then(|()| err.flush())
    } else {
        let mut out = StandardStream::stdout(ColorChoice::Never);
        report.write(&mut out, format).and_then(|()| out.flush())
    };
    if let Err(e) = result {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: could not print diagnostics: {e}");
        }
    }
}
