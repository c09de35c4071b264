"""The staff pages' own machinery: the session cookie, page templates and their words."""
