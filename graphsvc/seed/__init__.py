"""The demo programme: realistic people and two years of matches, meetings and relays.

Generated from a seed (same seed, same data), loaded through the CSV importer, or written as
the same CSV files staff import; `graphsvc seed --demo` and `graphsvc serve --demo-if-empty`.
"""
