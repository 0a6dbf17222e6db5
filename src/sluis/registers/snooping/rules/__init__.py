"""The built-in snooping rules, one module each, in code order."""

from __future__ import annotations

from sluis.registers.snooping.rules.base import Rule, RuleInput
from sluis.registers.snooping.rules.browsing import BROWSING, Browsing, BrowsingOptions
from sluis.registers.snooping.rules.bulk_search import BULK_SEARCH, BulkSearch, BulkSearchOptions
from sluis.registers.snooping.rules.coworker import COWORKER, Coworker, CoworkerOptions
from sluis.registers.snooping.rules.export import EXPORT, Export, ExportOptions
from sluis.registers.snooping.rules.household import HOUSEHOLD, Household, HouseholdOptions
from sluis.registers.snooping.rules.inactive import INACTIVE, Inactive, InactiveOptions
from sluis.registers.snooping.rules.off_hours import OFF_HOURS, OffHours, OffHoursOptions
from sluis.registers.snooping.rules.self_lookup import SELF_LOOKUP, SelfLookup, SelfLookupOptions
from sluis.registers.snooping.rules.vip import VIP, Vip, VipOptions

DEFAULT_RULES: tuple[Rule, ...] = (
    SELF_LOOKUP,
    HOUSEHOLD,
    COWORKER,
    VIP,
    INACTIVE,
    BULK_SEARCH,
    EXPORT,
    OFF_HOURS,
    BROWSING,
)
RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in DEFAULT_RULES}

__all__ = [
    "BROWSING",
    "BULK_SEARCH",
    "COWORKER",
    "DEFAULT_RULES",
    "EXPORT",
    "HOUSEHOLD",
    "INACTIVE",
    "OFF_HOURS",
    "RULES_BY_CODE",
    "SELF_LOOKUP",
    "VIP",
    "Browsing",
    "BrowsingOptions",
    "BulkSearch",
    "BulkSearchOptions",
    "Coworker",
    "CoworkerOptions",
    "Export",
    "ExportOptions",
    "Household",
    "HouseholdOptions",
    "Inactive",
    "InactiveOptions",
    "OffHours",
    "OffHoursOptions",
    "Rule",
    "RuleInput",
    "SelfLookup",
    "SelfLookupOptions",
    "Vip",
    "VipOptions",
]
