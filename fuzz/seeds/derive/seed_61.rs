#[privacy(category = PatientRecord)]
pub struct Diagnosis {
    #[privacy(special = health, redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

