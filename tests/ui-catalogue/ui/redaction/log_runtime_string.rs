use privacy_core::sink::{LogLine, LogSink};

struct Stdout;

impl LogSink for Stdout {
    fn write(&mut self, line: LogLine<'_>) {
        println!("{line}");
    }
}

fn main() {
    // Text built at run time may hold anything, a message copied out of a record included.
    let text = String::from("copied out of a chat record");
    Stdout.log("text", text);
}
