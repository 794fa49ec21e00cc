//! The `treatise` binary: parse arguments, run, map the result to an exit
//! code (0 ok, 1 content errors, 2 usage or IO errors).

use std::process::ExitCode;

use clap::Parser;
use treatise::cli::{Cli, run};
use treatise::error::Error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Content { .. }) => ExitCode::from(1),
        Err(Error::Io(e)) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}
