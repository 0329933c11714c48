use privacy_core::{Category, CategoryInfo, Classified, DataSubject, LegalBasis, Period, Retention, Role, SpecialCategory};

/// A taxonomy made for health data.
pub struct PatientRecord;
impl Category for PatientRecord {
    const INFO: CategoryInfo = CategoryInfo {
        key: "clinic.patient_record",
        name: "Patient Records",
        taxonomy: "clinic",
        role: Role::Controller,
        subject: DataSubject::Customer,
        retention: Retention::Fixed(Period::days(3650)),
        legal_basis: LegalBasis::LegalObligation,
        purpose: "treat the patient",
        uses: &["treatment"],
        items: &["diagnosis"],
        accepts_special: true,
    };
}

/// A diagnosis, in a taxonomy that accepts it.
#[derive(Classified)]
#[privacy(category = PatientRecord)]
pub struct Diagnosis {
    #[privacy(special = health, redact)]
    pub text: String,
    #[privacy(collected_at)]
    pub at: chrono::DateTime<chrono::Utc>,
}

fn main() {
    assert_eq!(Diagnosis::DESCRIPTOR.fields[0].special, Some(SpecialCategory::Health));
}
