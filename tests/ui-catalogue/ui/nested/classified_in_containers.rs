use privacy_core::{Classified, im};
use std::collections::{BTreeMap, HashMap};
use std::collections::VecDeque;

#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct Contact {
    #[privacy(subject)]
    pub user_id: String,
    #[privacy(redact = email)]
    pub email: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

// Shown as they are, each would serialize the contacts' e-mail addresses in clear; a `nested`
// field takes every one of these containers.
#[derive(Classified, serde::Serialize)]
#[privacy(category = im::UserInformation)]
pub struct Roster {
    #[privacy(subject)]
    pub owner: String,
    pub by_name: HashMap<String, Contact>,
    pub by_rank: BTreeMap<u32, Vec<Contact>>,
    pub queue: VecDeque<Contact>,
    pub boxed: Box<Contact>,
    pub pair: [Contact; 2],
    pub later: Option<Vec<Contact>>,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {}
