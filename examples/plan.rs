//! Reads a case (knowledge base §7.1) as JSON on stdin and prints the plan (§7.2) as JSON.
//!
//! ```sh
//! cargo run --quiet --example plan < tests/vignettes/v01.json
//! ```
//!
//! Exit codes: 0 with the plan on stdout; 2 with one line on stderr when the input is not a
//! valid case (bad JSON, unknown id, severity 7, a side that does not fit its region, …).

use fasciamap::domain::planner::case::Case;
use fasciamap::domain::planner::engine::plan;
use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("error: could not read the case from stdin: {e}");
        return ExitCode::from(2);
    }
    let Ok(text) = std::str::from_utf8(&input) else {
        eprintln!("error: the case is not valid utf-8 text");
        return ExitCode::from(2);
    };
    let case = match Case::from_json(text) {
        Ok(case) => case,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let json = plan(&case).to_json_pretty();
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    match writeln!(out, "{json}") {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: could not write the plan: {e}");
            ExitCode::from(1)
        }
    }
}
