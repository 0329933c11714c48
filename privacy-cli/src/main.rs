//! `privacy`: the toolkit's commands over the reference policy's sample types, which live in
//! this binary only. A backend runs the same commands over its own types by calling
//! `privacy_cli::run` from its binary; see `cargo run -p im-backend -- report`.

mod sample;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = Vec::new();
    let status = privacy_cli::run_async(&args, &sample::descriptors(), &mut out).await;
    let text = String::from_utf8_lossy(&out);
    if status == 2 {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    std::process::ExitCode::from(u8::try_from(status).unwrap_or(2))
}
