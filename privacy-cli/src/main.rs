//! `privacy`: the toolkit's commands over the classified types linked into this binary (the
//! reference policy's sample types). A backend links its own types by calling
//! `privacy_cli::run` from its binary; see `cargo run -p im-backend -- report`.

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    privacy_cli::sample::link();
    let status = privacy_cli::run(
        &args,
        privacy_core::registry::types(),
        &mut std::io::stdout(),
    );
    std::process::ExitCode::from(u8::try_from(status).unwrap_or(2))
}
