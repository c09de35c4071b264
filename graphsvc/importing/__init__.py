"""Importing the programme's history from CSV: people, matches, meetings, doors and follow-ups.

Every file goes the same way: read the rows with their line numbers, validate each with the
API's own models and rules, check every reference in one batched query per kind, and only then
write in `UNWIND` batches. A file with any bad row writes nothing unless the caller asks to skip
bad rows, so a half-read spreadsheet never leaves a half-imported programme.
"""
