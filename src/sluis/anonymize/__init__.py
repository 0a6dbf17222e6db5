"""Keyed, deterministic anonymization: keys, the keyed PRF, keyed permutations and operators.

Every pseudonym is derived from a secret :class:`~sluis.keys.Key` that never travels
with the anonymized copy. The same input and key give the same output in every table, database
and run, so joins keep working; another key gives unrelated output. Operators work on Arrow
arrays and never put data values into messages or exceptions.
"""
