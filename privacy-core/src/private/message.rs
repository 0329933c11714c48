//! Compile-time error messages built from constants, for the derive's const checks.
//!
//! A const check knows facts the macro cannot (a category's retention, a nested type's
//! categories); it states them in its panic message, which `const` evaluation turns into a
//! compile error at the offending token.

use crate::{Period, Retention, TimeUnit};

const CAPACITY: usize = 1024;

/// A message under construction, in a fixed buffer so that `const fn`s can build it.
pub struct Message {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl Message {
    /// An empty message.
    #[must_use]
    pub const fn new() -> Self {
        Message {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    /// Appends `text`; text past the capacity is cut at a character boundary.
    #[must_use]
    pub const fn text(mut self, text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut index = 0;
        while index < bytes.len() {
            if self.len == CAPACITY {
                // Back off to the last character boundary so the message stays UTF-8.
                while self.len > 0 && (self.bytes[self.len - 1] & 0b1100_0000) == 0b1000_0000 {
                    self.len -= 1;
                }
                if self.len > 0 && self.bytes[self.len - 1] >= 0b1100_0000 {
                    self.len -= 1;
                }
                return self;
            }
            self.bytes[self.len] = bytes[index];
            self.len += 1;
            index += 1;
        }
        self
    }

    /// Appends `number` in decimal.
    #[must_use]
    pub const fn number(self, number: u64) -> Self {
        let mut digits = [0_u8; 20];
        let mut count = 0;
        let mut rest = number;
        loop {
            digits[19 - count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let (_, used) = digits.split_at(20 - count);
        match core::str::from_utf8(used) {
            Ok(text) => self.text(text),
            Err(_) => self,
        }
    }

    /// Appends a period as "7 days".
    #[must_use]
    pub const fn period(self, period: Period) -> Self {
        let (one, many) = match period.unit {
            TimeUnit::Seconds => (" second", " seconds"),
            TimeUnit::Minutes => (" minute", " minutes"),
            TimeUnit::Hours => (" hour", " hours"),
            TimeUnit::Days => (" day", " days"),
            TimeUnit::Weeks => (" week", " weeks"),
            TimeUnit::Months => (" month", " months"),
            TimeUnit::Years => (" year", " years"),
        };
        self.number(period.amount as u64)
            .text(if period.amount == 1 { one } else { many })
    }

    /// Appends a retention class as it reads after "kept": "for 7 days", "until 2 months after
    /// the account ends".
    #[must_use]
    pub const fn retention(self, retention: &Retention) -> Self {
        match *retention {
            Retention::Fixed(period) => self.text("for ").period(period),
            Retention::CustomerChosen { default, max: None } => self
                .text("for the customer's chosen period, or ")
                .period(default)
                .text(" when none is chosen"),
            Retention::CustomerChosen {
                default,
                max: Some(max),
            } => self
                .text("for the customer's chosen period of at most ")
                .period(max)
                .text(", or ")
                .period(default)
                .text(" when none is chosen"),
            Retention::UntilTerminated { grace } => self
                .text("until ")
                .period(grace)
                .text(" after the account ends"),
            Retention::Ephemeral => self.text("never (it is not stored)"),
        }
    }

    /// The message so far.
    #[must_use]
    pub const fn as_str(&self) -> &str {
        let (used, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(used) {
            Ok(text) => text,
            Err(_) => "a privacy policy check failed",
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::new()
    }
}
