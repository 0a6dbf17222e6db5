"""Benchmarks of Sluis against baselines; ``python -m bench`` (``make bench``) runs them all."""
