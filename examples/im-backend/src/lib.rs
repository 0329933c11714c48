//! An instant-messaging service that keeps its published privacy policy: axum on tokio, sqlx
//! on its own tables (SQLite embedded by default, PostgreSQL, MariaDB), the privacy engine's
//! sweeper in the background, every classified value logged through its redacted view.

pub mod chart;
pub mod db;
pub mod logs;
pub mod model;
pub mod service;
pub mod sim;
pub mod summary;
pub mod text;

/// `USE.md` (the README's "use it in your service" section), run as written.
#[cfg(doctest)]
#[doc = include_str!("../USE.md")]
pub struct UseItInYourService;
