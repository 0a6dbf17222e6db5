"""Synthetic, production-like data for the demo, the tests and the benchmarks.

Nothing here is real: names come from Faker and hand lists, identifiers are generated to
pass the real checks (11-proef, mod 97, numbering plan) so the detectors meet them as in
production.
"""
