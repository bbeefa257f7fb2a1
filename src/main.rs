/*!
The `claimscan` binary: parse the command line, build the configuration,
run the library's pipeline, map the outcome to an exit status.

Exit status: 0 when every input was read cleanly, 1 when the run finished
but some input was lost or degraded (see the `error` records), 2 on a
usage, configuration or output error.
*/

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`claimscan scan ... | head`) is not an error.
            for cause in err.chain() {
                if let Some(io) = cause.downcast_ref::<std::io::Error>()
                    && io.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
                if let Some(claimscan::Error::Output(io)) =
                    cause.downcast_ref::<claimscan::Error>()
                    && io.kind() == std::io::ErrorKind::BrokenPipe
                {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("claimscan: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
