"""Anonymization operators: pure functions from an Arrow array (and a key) to an Arrow array.

Each operator keeps nulls null, returns an array of the same length and, where it makes
sense, the same type. Identifier operators are format-preserving keyed bijections without
fixed points, so unique columns stay unique and no original identifier survives.
:func:`sluis.anonymize.operators.dispatch.fake_for` maps category codes to operators.
"""
