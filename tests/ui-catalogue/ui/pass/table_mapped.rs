use privacy_core::{im, Classified, Secret};

/// A table-mapped type beside sqlx's own derive shape: renamed columns, a tenant, a secret.
#[derive(Classified)]
#[privacy(category = im::UserInformation, table = "im.user_profiles")]
struct UserProfile {
    #[privacy(tenant)]
    app_id: String,
    #[privacy(subject, column = "uid")]
    user_id: String,
    #[privacy(redact)]
    nickname: String,
    #[privacy(secret)]
    push_token: Secret<String>,
    #[privacy(collected_at, column = "updated")]
    r#updated_at: chrono::NaiveDateTime,
}

fn main() {
    let table = UserProfile::DESCRIPTOR.table.unwrap();
    assert_eq!((table.name, table.tenant, table.collected_at), ("im.user_profiles", Some("app_id"), Some("updated")));
    let profile = UserProfile {
        app_id: "acme".into(),
        user_id: "u1".into(),
        nickname: "n".into(),
        push_token: Secret::new("t".into()),
        updated_at: chrono::DateTime::UNIX_EPOCH.naive_utc(),
    };
    assert_eq!(profile.tenant(), Some("acme"));
}
