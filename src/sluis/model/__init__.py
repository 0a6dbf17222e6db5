"""Frozen data types shared by every part of Sluis; no I/O."""
