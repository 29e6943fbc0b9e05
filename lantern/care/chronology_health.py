"""What a looked-after child's health and education records say in their chronology, read
from each record (``lantern.chronology.describe``), so an edited date or score changes the
entry too. Registered when the care app is ready."""

from lantern.care.models import (
    Conviction,
    DentalCheck,
    EducationSetting,
    HealthAssessment,
    ImmunisationStatus,
    PersonalEducationPlan,
    StrengthsAndDifficulties,
    SubstanceMisuse,
)
from lantern.chronology.describe import Described, describer


@describer(HealthAssessment._meta.label)
def health_assessment(record: HealthAssessment) -> list[Described]:
    text = f"{record.get_kind_display()} by {record.assessed_by}."
    return [Described(record.person, "health", record.assessed_on, text)]


@describer(DentalCheck._meta.label)
def dental_check(record: DentalCheck) -> list[Described]:
    return [Described(record.person, "health", record.checked_on, "Dental check.")]


@describer(ImmunisationStatus._meta.label)
def immunisations(record: ImmunisationStatus) -> list[Described]:
    state = "up to date" if record.up_to_date else "not up to date"
    return [Described(record.person, "health", record.as_at, f"Immunisations {state}.")]


@describer(StrengthsAndDifficulties._meta.label)
def sdq(record: StrengthsAndDifficulties) -> list[Described]:
    if record.score is not None:
        text = f"Strengths and Difficulties Questionnaire: score {record.score}."
    else:
        reason = record.get_reason_display()
        text = f"Strengths and Difficulties Questionnaire not scored: {reason}."
    return [Described(record.person, "health", record.completed_on, text)]


@describer(SubstanceMisuse._meta.label)
def substance_misuse(record: SubstanceMisuse) -> list[Described]:
    if record.intervention_received:
        help_ = "an intervention received"
    elif record.intervention_offered:
        help_ = "an intervention offered, not received"
    else:
        help_ = "no intervention offered"
    text = f"Substance misuse problem identified; {help_}."
    return [Described(record.person, "health", record.identified_on, text)]


@describer(Conviction._meta.label)
def conviction(record: Conviction) -> list[Described]:
    text = f"Conviction, final warning or reprimand: {record.offence}."
    return [Described(record.person, "health", record.convicted_on, text)]


@describer(PersonalEducationPlan._meta.label)
def pep(record: PersonalEducationPlan) -> list[Described]:
    text = "Personal education plan meeting"
    if record.virtual_school_attendee:
        text += f" (virtual school: {record.virtual_school_attendee})"
    return [Described(record.person, "education", record.held_on, text + ".")]


@describer(EducationSetting._meta.label)
def education_setting(record: EducationSetting) -> list[Described]:
    text = f"Started at {record.name} ({record.get_kind_display().lower()})"
    if record.move_reason:
        text += f"; reason for the move: {record.get_move_reason_display()}"
    entries = [Described(record.person, "education", record.start_date, text + ".")]
    if record.end_date is not None:
        entries.append(
            Described(record.person, "education", record.end_date, f"Left {record.name}.")
        )
    return entries
