"""Registers a privacy officer runs on: processing log, access audit, disclosures,
breaches, retention and DPIAs. Each keeps its records in a :class:`RegisterStore`."""
