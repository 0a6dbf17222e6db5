"""What a notification of a personal data breach to the Autoriteit Persoonsgegevens holds.

The model follows the questions of the AP's notification form (meldformulier datalekken),
which implements GDPR Art. 33(3): the nature of the breach, the categories and
approximate numbers of persons and records concerned, the likely consequences, the
measures taken or planned, whether persons in other member states are affected, and a
contact point. Persons appear only as numbers; nothing here identifies one.

A preliminary notification may leave facts open (``persons``/``records`` ``None``): the
register then fills in the counts it derived from the affected-persons sources.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Nature(StrEnum):
    """Which security property was broken (form: "Wat is er gebeurd?")."""

    CONFIDENTIALITY = "confidentiality"  # read or copied by someone not entitled to
    INTEGRITY = "integrity"  # changed
    AVAILABILITY = "availability"  # lost, deleted or destroyed


class Cause(StrEnum):
    """How the breach came about (form: "Hoe is het datalek ontstaan?")."""

    LOST_DEVICE = "lost_device"
    STOLEN_DEVICE = "stolen_device"
    HACKING_MALWARE_PHISHING = "hacking_malware_phishing"
    SENT_TO_WRONG_RECIPIENT = "sent_to_wrong_recipient"
    PUBLISHED_BY_MISTAKE = "published_by_mistake"
    UNAUTHORIZED_ACCESS = "unauthorized_access"
    NOT_ANONYMIZED = "not_anonymized"
    OTHER = "other"


class DataCategory(StrEnum):
    """Kinds of personal data concerned; ``special.*`` are GDPR Art. 9 categories."""

    NAME_ADDRESS = "name_address"
    CONTACT = "contact"
    BIRTH_DATE = "birth_date"
    BSN = "bsn"
    ID_DOCUMENT = "id_document"
    FINANCIAL = "financial"
    LOGIN_CREDENTIALS = "login_credentials"
    LOCATION = "location"
    EDUCATION = "education"
    NATIONALITY_RESIDENCE = "nationality_residence"
    CRIMINAL = "criminal"  # Art. 10: not special, but as strictly protected
    SPECIAL_HEALTH = "special.health"
    SPECIAL_ETHNIC_ORIGIN = "special.ethnic_origin"
    SPECIAL_POLITICAL = "special.political_opinions"
    SPECIAL_RELIGION = "special.religion"
    SPECIAL_TRADE_UNION = "special.trade_union"
    SPECIAL_GENETIC = "special.genetic"
    SPECIAL_BIOMETRIC = "special.biometric"
    SPECIAL_SEX_LIFE = "special.sex_life"
    OTHER = "other"

    @property
    def special(self) -> bool:
        """A special category of personal data (GDPR Art. 9)."""
        return self.value.startswith("special.")


class PersonGroup(StrEnum):
    EMPLOYEES = "employees"
    CLIENTS = "clients"
    CITIZENS = "citizens"
    PATIENTS = "patients"
    CHILDREN = "children"
    VULNERABLE = "vulnerable"
    OTHER = "other"


class Consequence(StrEnum):
    """Likely consequences for the persons (form: "Wat zijn de mogelijke gevolgen?")."""

    STIGMATISATION_EXCLUSION = "stigmatisation_exclusion"
    HEALTH_DAMAGE = "health_damage"
    IDENTITY_FRAUD = "identity_fraud"
    FINANCIAL_LOSS = "financial_loss"
    SPAM_PHISHING = "spam_phishing"
    DAMAGE_TO_REPUTATION = "damage_to_reputation"
    LOSS_OF_CONTROL = "loss_of_control"
    OTHER = "other"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Approximate(_Strict):
    """An approximate number, given as the smallest and largest plausible count."""

    minimum: int = Field(ge=0)
    maximum: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.maximum < self.minimum:
            raise ValueError("maximum is smaller than minimum")
        return self

    def contains(self, count: int) -> bool:
        return self.minimum <= count <= self.maximum


class CrossBorder(_Strict):
    """Persons in other EU/EEA member states (ISO 3166 alpha-2 codes) and their authorities."""

    member_states: tuple[str, ...] = ()
    other_authorities_notified: bool = False

    @model_validator(mode="after")
    def _codes(self) -> Self:
        if any(
            len(code) != 2 or not code.isalpha() or not code.isupper()
            for code in self.member_states
        ):
            raise ValueError("member states are two capital letters, e.g. BE, DE")
        return self

    @property
    def applies(self) -> bool:
        return bool(self.member_states)


class Protection(_Strict):
    """Whether the data was unintelligible to whoever got it (encrypted, hashed)."""

    unintelligible: bool = False
    how: str | None = None


class SubjectsInformed(_Strict):
    """Art. 34: are the persons told, and if not, why not."""

    informed: bool
    planned_at: datetime | None = None
    how: str | None = None
    reason_not: str | None = None

    @model_validator(mode="after")
    def _reason(self) -> Self:
        if not self.informed and not (self.reason_not or "").strip():
            raise ValueError("say why the persons are not informed (reason_not)")
        return self


class Contact(_Strict):
    """The organization's contact point for the AP (usually the DPO), not an affected person."""

    organization: str = Field(min_length=1)
    name: str = Field(min_length=1)
    role: str | None = None
    email: str = Field(min_length=3)
    phone: str | None = None


class NotificationContent(_Strict):
    """The answers to the AP notification form, as far as known at the time of notifying."""

    summary: str = Field(min_length=1)
    nature: tuple[Nature, ...] = Field(min_length=1)
    cause: Cause
    started_at: datetime | None = None
    ended_at: datetime | None = None
    ongoing: bool = False
    data_categories: tuple[DataCategory, ...] = Field(min_length=1)
    data_categories_other: str | None = None
    person_groups: tuple[PersonGroup, ...] = ()
    persons: Approximate | None = None
    records: Approximate | None = None
    consequences: tuple[Consequence, ...] = Field(min_length=1)
    consequences_explained: str = Field(min_length=1)
    measures_taken: str = Field(min_length=1)
    measures_planned: str | None = None
    protection: Protection = Protection()
    cross_border: CrossBorder = CrossBorder()
    subjects_informed: SubjectsInformed | None = None
    contact: Contact

    @model_validator(mode="after")
    def _other_explained(self) -> Self:
        if DataCategory.OTHER in self.data_categories and not self.data_categories_other:
            raise ValueError("data category 'other' needs data_categories_other")
        return self

    @property
    def bsn(self) -> bool:
        return DataCategory.BSN in self.data_categories

    @property
    def special_categories(self) -> tuple[DataCategory, ...]:
        return tuple(c for c in self.data_categories if c.special)
