"""The impact report's pure parts: relay trees, structural virality, CSV, charts and the HTML page.

Everything here is pure: it takes an `ImpactReport` (or a relay tree) and never queries the
database, so the API, the staff page and the CLI render the very same figures.
"""
