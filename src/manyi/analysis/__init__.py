"""Figures from annotated rows: counts, drivers, key drivers, IPA, segments, index, graphs."""
